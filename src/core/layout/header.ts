import { SheetModel } from '../sheet/model';
import { normalizeForMatch } from '../sheet/text';
import { numberAt } from '../values/cell';
import { inferRoles } from './content';
import { classifyHeader } from './kinds';
import { OverrideRole } from './overrides';
import { ColumnInference, ColumnMap, CompletionPair, TableKind } from './types';
import { ambiguousRoles, HeaderRole, headerRole, totalScope } from './vocabulary';

const roleCache = new Map<string, HeaderRole | null>();

/** Longer raw texts are rule texts or notes, never a header or total label (whitespace included). */
export const MAX_LABEL_LENGTH = 64;
/** A header block has at most this many rows (group headers over role words over units). */
export const MAX_HEADER_ROWS = 3;
/** A header cell is a word or a short phrase; longer normalised text is body. */
const MAX_HEADER_WORD = 24;

/** headerRole with a cache: body cells repeat little, header words repeat a lot. */
export function cachedRole(norm: string): HeaderRole | undefined {
  if (norm.length === 0 || norm.length > MAX_HEADER_WORD) return undefined;
  let r = roleCache.get(norm);
  if (r === undefined) {
    r = headerRole(norm) ?? null;
    if (roleCache.size > 50_000) roleCache.clear();
    roleCache.set(norm, r);
  }
  return r ?? undefined;
}

/** A short text read as a label: the header role it names, the total (小计/合计) it marks. */
export interface LabelReading {
  readonly norm: string;
  readonly role: HeaderRole | undefined;
  readonly total: 'subtotal' | 'total' | undefined;
}

const NOT_A_LABEL: LabelReading = { norm: '', role: undefined, total: undefined };

/** Reads cells as labels. */
export type LabelReader = (row: number, col: number) => LabelReading;

/**
 * A reader of the sheet's cells as labels, each distinct string read once: the body scan asks it
 * of every cell of every row. Numbers, empty cells and long texts (rule texts, notes) are no label.
 */
export function labelReader(sheet: SheetModel): LabelReader {
  const cache = new Map<string, LabelReading>();
  return (row, col) => {
    const v = sheet.mergedValue(row, col);
    if (typeof v !== 'string' || v.length > MAX_LABEL_LENGTH) return NOT_A_LABEL;
    let reading = cache.get(v);
    if (reading === undefined) {
      const norm = sheet.norm(row, col);
      reading = norm === '' ? NOT_A_LABEL : { norm, role: cachedRole(norm), total: totalScope(norm) };
      cache.set(v, reading);
    }
    return reading;
  };
}

/** A header block found at some rows: the columns it spans and what each column names. */
export interface HeaderCandidate {
  /** First row of the block. */
  top: number;
  /** Last row of the block: the row of the role words. */
  row: number;
  rows: number;
  left: number;
  right: number;
  kind: TableKind;
  columns: ColumnMap;
  /** Column → header label (display text, the block's lines joined). */
  labels: Map<number, string>;
  answers: Array<{ label: string; col: number }>;
  pairs: CompletionPair[];
  /** Columns that hold a year or other label but no role (value columns of a money table). */
  plainColumns: number[];
  /** Columns of 序号/编码: recognised and skipped. */
  serialColumns: number[];
  inference: ColumnInference[];
}

/**
 * Split a row into runs of columns separated by a real gap: an empty header cell whose column is
 * also empty in the next rows (a side-by-side layout), not just a blank header over a label column.
 * A single blank column between two runs that share the rows below is a separator inside one table.
 */
export function columnRuns(sheet: SheetModel, row: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = 0;
  const isGap = (c: number): boolean => {
    if (!sheet.isEmpty(row, c)) return false;
    for (let r = row + 1; r <= Math.min(sheet.rowCount, row + 3); r++) if (!sheet.isEmpty(r, c)) return false;
    return true;
  };
  for (let c = 1; c <= sheet.colCount + 1; c++) {
    const gap = c > sheet.colCount || isGap(c);
    if (!gap && start === 0) start = c;
    if (gap && start !== 0) {
      // Blank header cells may sit inside a header (a label column under a merged block label), not at its ends.
      let [l, r] = [start, c - 1];
      while (l < r && sheet.isEmpty(row, l)) l++;
      while (r > l && sheet.isEmpty(row, r)) r--;
      if (!sheet.isEmpty(row, l)) runs.push([l, r]);
      start = 0;
    }
  }
  return runs;
}

/** One column of a header block: its lines from top to bottom and the role they name. */
interface BlockColumn {
  col: number;
  role: HeaderRole | undefined;
  /** The two roles of an ambiguous word (评分依据, 指标说明 …), decided from the cells. */
  alternatives?: readonly [HeaderRole, HeaderRole];
  norm: string;
  label: string;
  /** Text of a cell above the role word that spans several columns (评价指标 over 一级/二级/三级). */
  group?: { text: string; left: number; right: number };
  /** The role came from a cell spanning several columns: a group word, weaker than a word of its own. */
  spanned?: { left: number; right: number };
  /** Set by the user (--columns, the pane): wins over words and cells. */
  forced?: OverrideRole;
}

const GENERIC: ReadonlySet<HeaderRole> = new Set(['label', 'blockLabel']);

function readBlockColumn(sheet: SheetModel, top: number, rows: number, col: number): BlockColumn {
  const lines: Array<{ norm: string; text: string; span?: { left: number; right: number }; firstLine?: string }> = [];
  let lastMaster = '';
  for (let r = top; r < top + rows; r++) {
    const m = sheet.masterOf(r, col);
    const key = `${m.row}:${m.col}`;
    // A cell merged down inside the block is one line; a merge reaching in from above the block is no line.
    if (key === lastMaster || m.row < top) continue;
    lastMaster = key;
    const norm = sheet.norm(r, col);
    if (norm === '') continue;
    const area = sheet.mergeAt(r, col);
    const span = area && area.right > area.left ? { left: area.left, right: area.right } : repeatedAcross(sheet, r, col, norm);
    // "三级指标\n★为核心指标": a header word with a remark on the line below it (not a word Word wrapped: "指标\n性质").
    const raw = sheet.text(r, col);
    const remark = /\r?\n\s*(?=[★☆※*＊#(（]|注|单位)/.exec(raw);
    const firstLine = remark && remark.index > 0 ? normalizeForMatch(raw.slice(0, remark.index)) : undefined;
    lines.push({ norm, text: raw.replace(/\s+/g, ' ').trim(), ...(span ? { span } : {}), ...(firstLine ? { firstLine } : {}) });
  }
  const out: BlockColumn = { col, role: undefined, norm: '', label: lines.map((l) => l.text).join(' ') };
  if (lines.length === 0) return out;
  const sub = lines[lines.length - 1];
  const above = lines.slice(0, -1);
  const group = [...above].reverse().find((l) => l.span);
  if (group) out.group = { text: group.text, left: group.span!.left, right: group.span!.right };
  out.norm = sub.norm;
  // The whole cell first (a word broken over two lines: "评分\n标准"), then its first line alone.
  const own = cachedRole(sub.norm) ?? (sub.firstLine ? cachedRole(sub.firstLine) : undefined);
  const joined = above.map((l) => l.norm).join('') + sub.norm;
  const alternatives = ambiguousRoles(sub.norm) ?? ambiguousRoles(joined);
  if (alternatives) out.alternatives = alternatives;
  if (sub.span) out.spanned = sub.span;
  // The role word itself, unless it only says "名称"/"项目" and the word above makes it specific ("指标" + "名称").
  if (own && !GENERIC.has(own)) out.role = own;
  else if (above.length > 0 && cachedRole(joined) && !GENERIC.has(cachedRole(joined)!)) out.role = cachedRole(joined);
  else if (own) out.role = own;
  else {
    // A line above that belongs to this column alone (merged down, not across) names it.
    const single = above.find((l) => !l.span && cachedRole(l.norm));
    if (single) {
      out.role = cachedRole(single.norm);
      out.norm = single.norm;
    }
  }
  return out;
}

/**
 * "评价指标 | 评价指标 | 评价指标" over 一级/二级/三级 in a sheet exported without merges: the same group word
 * repeated in the cells beside it is one cell across them.
 */
function repeatedAcross(sheet: SheetModel, row: number, col: number, norm: string): { left: number; right: number } | undefined {
  if (sheet.mergeAt(row, col)) return undefined;
  let left = col;
  let right = col;
  while (left > 1 && !sheet.mergeAt(row, left - 1) && sheet.norm(row, left - 1) === norm) left--;
  while (right < sheet.colCount && !sheet.mergeAt(row, right + 1) && sheet.norm(row, right + 1) === norm) right++;
  return right > left ? { left, right } : undefined;
}

/** Most words of the row repeat the row above in their column: header cells merged down, exported without merges. */
function repeatsAbove(sheet: SheetModel, row: number, left: number, right: number): boolean {
  let same = 0;
  let filled = 0;
  for (let c = left; c <= right; c++) {
    const n = sheet.norm(row, c);
    if (n === '') continue;
    filled++;
    if (n === sheet.norm(row - 1, c) && !sheet.mergeAt(row, c)) same++;
  }
  return filled > 0 && same * 2 >= filled;
}

/** A row that can continue a header block: words only, short, no figures (years excepted). */
function headerLike(sheet: SheetModel, row: number, left: number, right: number): boolean {
  let own = 0;
  for (let c = left; c <= right; c++) {
    const m = sheet.masterOf(row, c);
    if (m.row !== row) continue;
    const v = sheet.value(row, c);
    if (v === null || v === '') continue;
    if (typeof v === 'number') {
      if (!(Number.isInteger(v) && v >= 1990 && v <= 2100)) return false;
    } else if (sheet.norm(row, c).length > MAX_HEADER_WORD) return false;
    else if (numberAt(sheet, row, c) !== undefined && !/年/.test(String(v))) return false;
    own++;
  }
  return own > 0;
}

/** How good a reading of the block is: specific roles count double, generic ones once. */
function blockScore(cells: BlockColumn[]): number {
  return cells.reduce((s, c) => s + (c.role ? (GENERIC.has(c.role) || c.spanned ? 1 : 2) : 0), 0);
}

const LEVEL_ROLES = ['level1', 'level2', 'level3', 'level4'] as const;

/**
 * "考核项目" merged over two columns, then "考核内容": a name header spanning columns heads the levels
 * of the hierarchy, one per column, and a name column after it is the leaf level.
 */
function levelsFromSpannedName(cells: BlockColumn[]): void {
  if (cells.some((c) => c.role && (LEVEL_ROLES as readonly string[]).includes(c.role))) return;
  const spanned = cells.find((c) => c.role === 'name' && c.spanned && c.spanned.left === c.col);
  if (!spanned) {
    // "评价内容 | 评价指标(分值) | …": two name columns side by side are two levels, the right one the leaf.
    const names = cells.filter((c) => c.role === 'name' && !c.spanned);
    if (names.length >= 2 && names.length <= LEVEL_ROLES.length) names.forEach((c, i) => (c.role = LEVEL_ROLES[i]));
    return;
  }
  const under = cells.filter((c) => c.col >= spanned.spanned!.left && c.col <= spanned.spanned!.right);
  if (under.length < 2 || under.length > LEVEL_ROLES.length) return;
  under.forEach((c, i) => (c.role = LEVEL_ROLES[i]));
  const leaf = cells.find((c) => c.col > spanned.spanned!.right && c.role === 'name');
  if (leaf && under.length < LEVEL_ROLES.length) leaf.role = LEVEL_ROLES[under.length];
}

/** Recognise a header block starting on `row` within columns left..right (one to three rows). */
export function recogniseHeader(sheet: SheetModel, row: number, left: number, right: number, overrides?: ReadonlyMap<number, OverrideRole>): HeaderCandidate | undefined {
  const read = (rows: number): BlockColumn[] => {
    const out: BlockColumn[] = [];
    for (let c = left; c <= right; c++) {
      const cell = readBlockColumn(sheet, row, rows, c);
      const forced = overrides?.get(c);
      if (forced) {
        cell.forced = forced;
        cell.role = forced === 'ignore' ? undefined : forced;
        delete cell.alternatives;
        delete cell.spanned;
      }
      out.push(cell);
    }
    return out;
  };
  let rows = 1;
  let cells = read(1);
  if (!cells.some((c) => c.role)) return undefined;
  // Long text on the first row means body, not header (numbers may label columns: years of money tables).
  for (let c = left; c <= right; c++) if (sheet.norm(row, c).length > 40) return undefined;
  // Header cells merged down (一级指标 over two rows beside 采集数据项 over 数据项1/数据项2) set the block's least height.
  let least = 1;
  for (let c = left; c <= right; c++) {
    const m = sheet.mergeAt(row, c);
    const role = cachedRole(sheet.norm(row, c));
    // A block label merged down the whole block (项目资金 beside its rows) is no header height.
    if (m && m.top === row && role && role !== 'blockLabel' && m.bottom - row + 1 <= MAX_HEADER_ROWS) least = Math.max(least, m.bottom - row + 1);
  }
  while (least < MAX_HEADER_ROWS && row + least <= sheet.rowCount && headerLike(sheet, row + least, left, right) && repeatsAbove(sheet, row + least, left, right)) least++;
  if (least > 1 && row + least - 1 <= sheet.rowCount) {
    rows = least;
    cells = read(least);
  }
  let best = blockScore(cells);
  for (let h = rows + 1; h <= MAX_HEADER_ROWS && row + h - 1 <= sheet.rowCount; h++) {
    if (!headerLike(sheet, row + h - 1, left, right)) break;
    const next = read(h);
    const score = blockScore(next);
    // A deeper block must name more: a row of words under the header is the first body row otherwise.
    if (score <= best) break;
    rows = h;
    cells = next;
    best = score;
  }
  levelsFromSpannedName(cells);
  return assembleHeader(sheet, row, rows, left, right, cells);
}

/** A second weight column is the leaf's when it stands after the deepest level column and the first does not. */
function leafWeight(cells: BlockColumn[], col: number, first: number): boolean {
  const levels = cells.filter((c) => c.role && (LEVEL_ROLES as readonly string[]).includes(c.role)).map((c) => c.col);
  if (levels.length < 2) return false;
  const deepest = Math.max(...levels);
  return first < deepest && col > deepest;
}

function assembleHeader(sheet: SheetModel, top: number, rows: number, left: number, right: number, cells: BlockColumn[]): HeaderCandidate | undefined {
  const last = top + rows - 1;
  const roles = new Set<HeaderRole>();
  const columns: ColumnMap = {};
  const labels = new Map<number, string>();
  const answers: Array<{ label: string; col: number }> = [];
  const plainColumns: number[] = [];
  const serialColumns: number[] = [];
  const inference: ColumnInference[] = [];
  let hasTotalColumn = false;
  const pairs: CompletionPair[] = [];
  const undecided: BlockColumn[] = [];
  for (const c of cells) {
    labels.set(c.col, c.label);
    if (c.forced === 'ignore') continue;
    if (c.forced) {
      if (c.forced === 'serial') serialColumns.push(c.col);
      else {
        columns[c.forced] = c.col;
        roles.add(c.forced);
      }
      inference.push({ col: c.col, role: c.forced, source: 'user', confidence: 1, header: c.label });
      continue;
    }
    if (c.alternatives) {
      undecided.push(c);
      continue;
    }
    if (!c.role) {
      if (c.norm !== '' || typeof sheet.mergedValue(last, c.col) === 'number') plainColumns.push(c.col);
      undecided.push(c);
      continue;
    }
    if (c.role === 'serial') {
      serialColumns.push(c.col);
      inference.push({ col: c.col, role: 'serial', source: 'header', confidence: 1, header: c.label });
      continue;
    }
    if (c.role === 'answer') {
      answers.push({ label: c.label.replace(/(人数|比例|票数|数)$/, ''), col: c.col });
      roles.add('answer');
      continue;
    }
    if (c.role === 'total') {
      hasTotalColumn = true;
      if (columns.total === undefined) columns.total = c.col;
      roles.add('total');
      continue;
    }
    roles.add(c.role);
    if (c.role === 'blockLabel') continue;
    const role = c.role as keyof ColumnMap;
    if (cells.some((x) => x.forced === role)) continue;
    if (role === 'weight' && columns.weight !== undefined && leafWeight(cells, c.col, columns.weight)) {
      // 分值 after each level (权重 | 二级 | 分值 | 三级 | 分值): the leaf's points are the ones after the deepest level.
      const i = inference.findIndex((x) => x.col === columns.weight);
      if (i >= 0) inference.splice(i, 1);
      columns.weight = c.col;
      inference.push({ col: c.col, role, source: 'header', confidence: 1, header: c.label });
      continue;
    }
    // "评价分值(百分制) | 加权平均得分": the weighted score is the one that adds up to the total.
    const weighted = role === 'score' && columns.score !== undefined && /^加权/.test(c.norm);
    if (weighted) {
      const i = inference.findIndex((x) => x.col === columns.score);
      if (i >= 0) inference.splice(i, 1);
      columns.score = c.col;
      inference.push({ col: c.col, role, source: 'header', confidence: 1, header: c.label });
    } else if (columns[role] === undefined) {
      columns[role] = c.col;
      inference.push({ col: c.col, role, source: 'header', confidence: 1, header: c.label });
    }
  }
  // A group cell over a target/actual pair names the indicator of a grid-laid completion table.
  for (const c of cells) {
    if (c.role !== 'target' || !c.group) continue;
    const next = cells.find((x) => x.col === c.col + 1);
    if (next?.role === 'actual' && next.group && next.group.left === c.group.left) pairs.push({ name: c.group.text, targetCol: c.col, actualCol: next.col });
  }
  // The 年度总体目标 block of a self-evaluation form states goals in prose; nothing there is measurable.
  if (cells.some((c) => c.role === 'blockLabel' && c.norm.startsWith('年度总体目标'))) return undefined;
  // Roles the words leave open are read from the cells below the block.
  if (undecided.length > 0) {
    const found = inferRoles(sheet, last + 1, left, right, undecided, columns);
    for (const f of found) {
      if (f.role === 'serial') {
        serialColumns.push(f.col);
        inference.push(f);
        continue;
      }
      const role = f.role;
      if (columns[role] !== undefined) continue;
      columns[role] = f.col;
      roles.add(role);
      inference.push(f);
      const i = plainColumns.indexOf(f.col);
      if (i >= 0) plainColumns.splice(i, 1);
    }
  }
  const kind = classifyHeader({ roles, answerCount: answers.length, pairCount: pairs.length, hasTotalColumn: hasTotalColumn && (columns.total ?? 0) > left, valueColumnCount: plainColumns.length, labels, sheet, row: last, left, right });
  if (!kind) return undefined;
  if (kind === 'completion' && pairs.length >= 2) {
    delete columns.target;
    delete columns.actual;
  }
  inference.sort((a, b) => a.col - b.col);
  return { top, row: last, rows, left, right, kind, columns, labels, answers, pairs, plainColumns, serialColumns, inference };
}
