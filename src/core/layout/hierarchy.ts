import { SheetModel } from '../sheet/model';
import { numberAt } from '../values/cell';
import { GroupNode, IndicatorRow } from './types';
import { parseGroupName } from './vocabulary';

interface RowLevels {
  row: number;
  /** Raw names per level (merged or filled down), '' where none. */
  names: string[];
  /** Column of each level's name cell, and the row that holds it. */
  sourceRows: number[];
  /** Deepest level with a name of its own on this row or carried down. */
  depth: number;
}

function cellName(sheet: SheetModel, row: number, col: number): { text: string; own: boolean; sourceRow: number } {
  const sourceRow = sheet.masterRow(row, col);
  const raw = sheet.text(row, col);
  const text = /\s/.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw;
  return { text, own: sourceRow === row, sourceRow };
}

/**
 * Level names per row. Merged level cells give every row of the block its name; in filled-down
 * sheets a blank level cell inherits the name above, unless a shallower level starts anew on
 * this row. The deepest level is never inherited: a blank leaf is not the previous indicator.
 */
function levelNames(sheet: SheetModel, rows: number[], levelCols: number[]): RowLevels[] {
  const K = levelCols.length;
  const cur: string[] = new Array(K).fill('');
  const curRows: number[] = new Array(K).fill(0);
  const out: RowLevels[] = [];
  for (const row of rows) {
    let resetFrom = K;
    for (let k = 0; k < K; k++) {
      const { text, own, sourceRow } = cellName(sheet, row, levelCols[k]);
      if (text !== '') {
        if (own) resetFrom = Math.min(resetFrom, k + 1);
        cur[k] = text;
        curRows[k] = sourceRow;
      } else if (k >= resetFrom || k === K - 1) {
        cur[k] = '';
        curRows[k] = 0;
      }
    }
    let depth = -1;
    for (let k = 0; k < K; k++) if (cur[k] !== '') depth = k;
    out.push({ row, names: cur.slice(), sourceRows: curRows.slice(), depth });
  }
  return out;
}

export interface Hierarchy {
  indicators: IndicatorRow[];
  groups: GroupNode[];
}

/**
 * Indicator rows and the group tree of a scoring (or self-evaluation) table. A row that names
 * only a shallower level while the rows below go deeper is a group row: it is not an indicator.
 */
export function buildHierarchy(sheet: SheetModel, dataRows: number[], levelCols: number[], weightCol?: number, scoreCol?: number): Hierarchy {
  const levels = levelNames(sheet, dataRows, levelCols);
  const K = levelCols.length;
  const indicators: IndicatorRow[] = [];
  const groupRowValues = new Map<number, { weight?: number; score?: number }>();
  levels.forEach((lv, i) => {
    const weight = weightCol ? numberAt(sheet, lv.row, weightCol) : undefined;
    const score = scoreCol ? numberAt(sheet, lv.row, scoreCol) : undefined;
    if (weight === undefined && score === undefined) return;
    const next = levels[i + 1];
    const isGroupRow = lv.depth < K - 1 && next !== undefined && next.depth > lv.depth && lv.names.slice(0, lv.depth + 1).every((n, k) => next.names[k] === n);
    if (isGroupRow) {
      groupRowValues.set(lv.row, { weight, score });
      return;
    }
    const path = lv.names.slice(0, lv.depth + 1).map((n) => parseGroupName(n).name || n);
    const ind: IndicatorRow = { row: lv.row, path };
    if (weight !== undefined) ind.weight = weight;
    if (score !== undefined) ind.score = score;
    indicators.push(ind);
  });

  const build = (from: number, to: number, k: number): GroupNode[] => {
    if (k >= K - 1) return [];
    const nodes: GroupNode[] = [];
    let i = from;
    while (i <= to) {
      const name = levels[i].names[k];
      if (name === '') {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 <= to && levels[j + 1].names[k] === name && levels[j + 1].sourceRows[k] === levels[i].sourceRows[k]) j++;
      const parsed = parseGroupName(name);
      const node: GroupNode = {
        level: k + 1,
        name: parsed.name || name,
        row: levels[i].sourceRows[k] || levels[i].row,
        col: levelCols[k],
        firstRow: levels[i].row,
        lastRow: levels[j].row,
        children: build(i, j, k + 1),
      };
      if (parsed.code) node.code = parsed.code;
      if (parsed.weight !== undefined) node.declaredWeight = parsed.weight;
      nodes.push(node);
      i = j + 1;
    }
    return nodes;
  };
  const groups = build(0, levels.length - 1, 0);
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
  return { indicators, groups };
}
