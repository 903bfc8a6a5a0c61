import { SheetModel } from '../sheet/model';
import { numberAt } from '../values/cell';
import { GroupNode, IndicatorRow } from './types';
import { parseRule } from '../rules/parse';
import { parseGroupName } from './vocabulary';

/**
 * Level names of every data row, flat: entry i * K + k is level k of the i-th row ('' where none),
 * with the row of the cell that holds it. Thousands of rows: two arrays, not an object per row.
 */
interface LevelTable {
  K: number;
  names: string[];
  sourceRows: number[];
  /** Deepest level with a name of its own on the row or carried down, -1 for none. */
  depth: number[];
}

function cleanName(raw: string): string {
  return /\s/.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw;
}

/**
 * Level names per row. Merged level cells give every row of the block its name; in filled-down
 * sheets a blank level cell inherits the name above, unless a shallower level starts anew on
 * this row. The deepest level is never inherited: a blank leaf is not the previous indicator.
 */
function levelNames(sheet: SheetModel, rows: number[], levelCols: number[]): LevelTable {
  const K = levelCols.length;
  const cur: string[] = new Array(K).fill('');
  const curRows: number[] = new Array(K).fill(0);
  const table: LevelTable = { K, names: new Array(rows.length * K), sourceRows: new Array(rows.length * K), depth: new Array(rows.length) };
  rows.forEach((row, i) => {
    let resetFrom = K;
    for (let k = 0; k < K; k++) {
      const sourceRow = sheet.masterRow(row, levelCols[k]);
      // Inside a merged block the name is the one already read on the block's first row.
      if (sourceRow !== row && sourceRow === curRows[k] && cur[k] !== '') continue;
      const text = cleanName(sheet.text(row, levelCols[k]));
      if (text !== '') {
        if (sourceRow === row) resetFrom = Math.min(resetFrom, k + 1);
        cur[k] = text;
        curRows[k] = sourceRow;
      } else if (k >= resetFrom || k === K - 1) {
        cur[k] = '';
        curRows[k] = 0;
      }
    }
    let depth = -1;
    for (let k = 0; k < K; k++) {
      table.names[i * K + k] = cur[k];
      table.sourceRows[i * K + k] = curRows[k];
      if (cur[k] !== '') depth = k;
    }
    table.depth[i] = depth;
  });
  return table;
}

/** Row i names the same levels 0..depth as row j. */
function samePrefix(t: LevelTable, i: number, j: number, depth: number): boolean {
  for (let k = 0; k <= depth; k++) if (t.names[i * t.K + k] !== t.names[j * t.K + k]) return false;
  return true;
}

export interface Hierarchy {
  indicators: IndicatorRow[];
  groups: GroupNode[];
}

/**
 * Indicator rows and the group tree of a scoring (or self-evaluation) table. A row that names
 * only a shallower level while the rows below go deeper is a group row: it is not an indicator.
 */
/** "（4分）" or "4分" written at the start of a rule text or after a leaf's name: the item's points. */
const POINTS_IN_TEXT = /^[^。；;，,]{0,40}?[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/;

/** The weight of a row without a weight column: written into the leaf's name or at the head of its rule text. */
function writtenWeight(sheet: SheetModel, row: number, leafCol: number | undefined, criteriaCol: number | undefined): number | undefined {
  if (leafCol !== undefined) {
    const w = parseGroupName(sheet.text(row, leafCol)).weight;
    if (w !== undefined) return w;
  }
  if (criteriaCol !== undefined) {
    const text = sheet.text(row, criteriaCol);
    const m = POINTS_IN_TEXT.exec(text.replace(/\s+/g, ''));
    if (m) return Number(m[1]);
    // "完成100%的得20分，每减少1个百分点扣1分": the most the rule text gives.
    const rule = text.trim() === '' ? undefined : parseRule(text, 0);
    if (rule?.parsed && rule.maxPoints > 0) return rule.maxPoints;
  }
  return undefined;
}

export interface HierarchyColumns {
  levels: number[];
  weight?: number;
  score?: number;
  criteria?: number;
  /** A 序号 column: rows numbered 一、二、 among rows numbered 1, 2 are group rows. */
  serial?: number;
  /**
   * Every row naming the deepest level is an indicator, with or without a figure: in a
   * self-evaluation block each 三级指标 is one, even where one 得分 is merged over two of them.
   */
  namedLeaves?: boolean;
}

const CN_SERIAL = /^[一二三四五六七八九十]{1,3}[、.．]?$/;
/** "一、示范区建立" in the leaf column: a heading when the rows under it are numbered 1、2、 */
const CN_NUMBERED = /^([一二三四五六七八九十]{1,3})[、.．]/;
const ARABIC_NUMBERED = /^[0-9０-９]{1,2}[、.．](?![0-9０-９])/;
/** A template's numbering of its blank lines ("指标2:") and what they are filled with ("……", "/"). */
const TEMPLATE_NUMBER = /^指标[0-9０-９]*[:：]?/;
const BLANK_FILL = /^[…．.\/／\-—]*$/;

/** A template's blank line in the leaf column: "……", "指标2:", "/". */
function placeholderLeaf(name: string): boolean {
  return BLANK_FILL.test(name.replace(/\s/g, '').replace(TEMPLATE_NUMBER, ''));
}

/**
 * Headings inside the leaf column: a name numbered 一、 followed by names numbered 1、2、 under the
 * same parent heads those rows (隆阳: 一、示范区建立 over 1、水稻… 2、玉米… 3、…). Index of each
 * heading → index of its last row; a 三、 followed by a 四、 is a leaf like any other.
 */
function leafHeadings(levels: LevelTable, dataRows: number[]): Map<number, number> {
  const K = levels.K;
  const out = new Map<number, number>();
  if (K === 0) return out;
  const leaf = (i: number): string => levels.names[i * K + K - 1];
  const ownLeaf = (i: number): boolean => levels.depth[i] === K - 1 && levels.sourceRows[i * K + K - 1] === dataRows[i];
  for (let i = 0; i < dataRows.length; i++) {
    if (!ownLeaf(i) || !CN_NUMBERED.test(leaf(i))) continue;
    let j = i;
    while (j + 1 < dataRows.length && ownLeaf(j + 1) && ARABIC_NUMBERED.test(leaf(j + 1)) && samePrefix(levels, i, j + 1, K - 2)) j++;
    if (j > i) {
      out.set(i, j);
      i = j;
    }
  }
  return out;
}

/** Put a node under the deepest group that holds its rows, in row order. */
function insertGroup(nodes: GroupNode[], node: GroupNode): void {
  const parent = nodes.find((p) => p.level < node.level && p.firstRow <= node.firstRow && node.lastRow <= p.lastRow);
  if (parent) return insertGroup(parent.children, node);
  const at = nodes.findIndex((p) => p.firstRow > node.firstRow);
  nodes.splice(at < 0 ? nodes.length : at, 0, node);
}

export function buildHierarchy(sheet: SheetModel, dataRows: number[], cols: HierarchyColumns): Hierarchy {
  const { levels: levelCols, weight: weightCol, score: scoreCol, criteria: criteriaCol, serial, namedLeaves } = cols;
  // Normalised text: "１" pasted from Word is 1.
  const numberedGroups = serial !== undefined && dataRows.some((r) => /^\d+$/.test(sheet.norm(r, serial)));
  const serialGroup = (row: number): boolean => numberedGroups && CN_SERIAL.test(sheet.norm(row, serial!));
  const levels = levelNames(sheet, dataRows, levelCols);
  const K = levelCols.length;
  const n = dataRows.length;
  const name = (i: number, k: number): string => levels.names[i * K + k];
  const sourceRow = (i: number, k: number): number => levels.sourceRows[i * K + k];
  const indicators: IndicatorRow[] = [];
  const groupRowValues = new Map<number, { weight?: number; score?: number }>();
  const headings = leafHeadings(levels, dataRows);
  const headingNodes: GroupNode[] = [];
  let lastPath: string[] = [];
  const lastNames: string[] = [];
  for (let i = 0; i < n; i++) {
    const row = dataRows[i];
    const weight = weightCol ? numberAt(sheet, row, weightCol) : writtenWeight(sheet, row, levelCols[levelCols.length - 1], criteriaCol);
    const score = scoreCol ? numberAt(sheet, row, scoreCol) : undefined;
    const depth = levels.depth[i];
    const last = headings.get(i);
    if (last !== undefined) {
      const [, numeral] = CN_NUMBERED.exec(name(i, K - 1))!;
      const node: GroupNode = { level: K, name: name(i, K - 1).replace(CN_NUMBERED, ''), code: numeral, row, col: levelCols[K - 1], firstRow: row, lastRow: dataRows[last], children: [] };
      if (weight !== undefined) node.weight = weight;
      if (score !== undefined) node.score = score;
      headingNodes.push(node);
      continue;
    }
    // A name of its own in the leaf cell: not a template's blank line, not a prose row merged across the levels ("其他需要说明事项 | 无").
    const namedLeaf =
      namedLeaves === true && depth === K - 1 && sourceRow(i, K - 1) === row && sheet.masterOf(row, levelCols[K - 1]).col === levelCols[K - 1] && !placeholderLeaf(name(i, K - 1));
    if (weight === undefined && score === undefined && !namedLeaf) continue;
    const isGroupRow = serialGroup(row) || (depth < K - 1 && i + 1 < n && levels.depth[i + 1] > depth && samePrefix(levels, i, i + 1, depth));
    if (isGroupRow) {
      groupRowValues.set(row, { weight, score });
      continue;
    }
    const path: string[] = [];
    for (let k = 0; k <= depth; k++) {
      const raw = name(i, k);
      // Group names repeat down their block: reuse the previous indicator's reading.
      path.push(k < lastPath.length && raw === lastNames[k] ? lastPath[k] : parseGroupName(raw).name || raw);
      lastNames[k] = raw;
    }
    lastPath = path;
    const ind: IndicatorRow = { row, path };
    if (weight !== undefined) ind.weight = weight;
    if (score !== undefined) ind.score = score;
    indicators.push(ind);
  }

  // Exported sheets repeat a level name on every row instead of merging: consecutive plain
  // cells with one name are one group. Two merged blocks with one name stay two groups.
  const repeated = (i: number, k: number): boolean => sourceRow(i, k) === dataRows[i] && sheet.mergeAt(dataRows[i], levelCols[k]) === undefined;
  const build = (from: number, to: number, k: number): GroupNode[] => {
    if (k >= K - 1) return [];
    const nodes: GroupNode[] = [];
    let i = from;
    while (i <= to) {
      const groupName = name(i, k);
      if (groupName === '') {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 <= to && name(j + 1, k) === groupName && (sourceRow(j + 1, k) === sourceRow(i, k) || (repeated(j, k) && repeated(j + 1, k)))) j++;
      const parsed = parseGroupName(groupName);
      const node: GroupNode = {
        level: k + 1,
        name: parsed.name || groupName,
        row: sourceRow(i, k) || dataRows[i],
        col: levelCols[k],
        firstRow: dataRows[i],
        lastRow: dataRows[j],
        children: build(i, j, k + 1),
      };
      if (parsed.code) node.code = parsed.code;
      if (parsed.weight !== undefined) node.declaredWeight = parsed.weight;
      nodes.push(node);
      i = j + 1;
    }
    return nodes;
  };
  const groups = build(0, n - 1, 0);
  // A group row's own weight/score belongs to the deepest group that starts on it.
  const attach = (nodes: GroupNode[]): void => {
    for (const n of nodes) {
      attach(n.children);
      const own = groupRowValues.get(n.firstRow);
      if (own && !n.children.some((c) => c.firstRow === n.firstRow && (c.weight !== undefined || c.score !== undefined))) {
        if (own.weight !== undefined) n.weight = own.weight;
        if (own.score !== undefined) n.score = own.score;
      }
    }
  };
  attach(groups);
  for (const node of headingNodes) insertGroup(groups, node);
  return { indicators, groups };
}
