import { SheetModel } from '../sheet/model';
import { HeaderRole, headerRole, totalScope } from './vocabulary';
import { ColumnMap, CompletionPair, TableKind } from './types';

const roleCache = new Map<string, HeaderRole | null>();

/** Longer raw texts are rule texts or notes, never a header or total label (whitespace included). */
export const MAX_LABEL_LENGTH = 64;

/** headerRole with a cache: body cells repeat little, header words repeat a lot. */
export function cachedRole(norm: string): HeaderRole | undefined {
  if (norm.length === 0 || norm.length > 24) return undefined;
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

/** A header found on one row: the columns it spans and what each column names. */
export interface HeaderCandidate {
  row: number;
  rows: number;
  left: number;
  right: number;
  kind: TableKind;
  columns: ColumnMap;
  /** Column → header label (display text, both rows joined for two-row headers). */
  labels: Map<number, string>;
  answers: Array<{ label: string; col: number }>;
  pairs: CompletionPair[];
  /** Columns that hold a year or other label but no role (value columns of a money table). */
  plainColumns: number[];
}

/**
 * Split a row into runs of columns separated by a real gap: an empty header cell whose column is
 * also empty in the next rows (a side-by-side layout), not just a blank header over a label column.
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

interface RoleCell {
  col: number;
  role: HeaderRole | undefined;
  norm: string;
  label: string;
}

function rolesOfRow(sheet: SheetModel, row: number, left: number, right: number): RoleCell[] {
  const out: RoleCell[] = [];
  for (let c = left; c <= right; c++) {
    const norm = sheet.norm(row, c);
    out.push({ col: c, norm, role: cachedRole(norm), label: sheet.text(row, c).replace(/\s+/g, ' ').trim() });
  }
  return out;
}

const ROLE_ORDER: HeaderRole[] = ['level1', 'level2', 'level3', 'level4'];

/** Which kind of table a set of header roles describes, or undefined when it is not a header. */
function classify(roles: Set<HeaderRole>, answerCount: number, pairCount: number, hasTotalColumn: boolean, valueColumnCount: number): TableKind | undefined {
  const has = (r: HeaderRole): boolean => roles.has(r);
  const anyLevel = ROLE_ORDER.some(has);
  if (answerCount >= 2) return 'satisfaction';
  if ((has('initialBudget') || has('budget')) && has('executed')) return 'selfeval-budget';
  if (has('target') && has('actual') && (has('weight') || has('score'))) return 'selfeval-indicators';
  if (has('weight') && has('score') && (has('criteria') || anyLevel || has('explanation') || has('reason'))) return 'scoring';
  if (has('criteria') && has('score') && (anyLevel || has('name'))) return 'scoring';
  if (has('target') && has('actual')) return 'completion';
  if (pairCount >= 1) return 'completion';
  const summaryFields = ['weight', 'score', 'rate'].filter((r) => has(r as HeaderRole)).length;
  if ((has('name') || has('label') || anyLevel) && summaryFields >= 2 && (has('score') || has('weight'))) return 'summary';
  if (hasTotalColumn && valueColumnCount >= 1) return 'totals';
  return undefined;
}

/** Recognise a header on `row` within columns left..right; handles headers split over two rows. */
export function recogniseHeader(sheet: SheetModel, row: number, left: number, right: number): HeaderCandidate | undefined {
  const top = rolesOfRow(sheet, row, left, right);
  const known = top.filter((c) => c.role);
  if (known.length === 0) return undefined;
  // Numbers may label columns (years) in money tables; long text means body, not header.
  if (top.some((c) => c.norm.length > 40)) return undefined;

  // Two-row header: the row below names sub-columns (目标数/完成数) under names merged across.
  let rows = 1;
  let cells = top;
  if (row + 1 <= sheet.rowCount) {
    const below = rolesOfRow(sheet, row + 1, left, right);
    const belowOwn = below.filter((c) => c.role && sheet.masterRow(row + 1, c.col) === row + 1);
    const spanned = belowOwn.filter((c) => {
      const m = sheet.mergeAt(row, c.col);
      return m !== undefined && m.right > m.left;
    });
    if (belowOwn.length >= 2 && (spanned.length >= 2 || known.length < 2)) {
      rows = 2;
      cells = top.map((t, i) => {
        const b = below[i];
        const ownBelow = sheet.masterRow(row + 1, t.col) === row + 1 && b.norm !== '';
        return ownBelow && b.role ? { ...b, label: `${t.label} ${b.label}`.trim() } : t;
      });
    }
  }

  const roles = new Set<HeaderRole>();
  const columns: ColumnMap = {};
  const labels = new Map<number, string>();
  const answers: Array<{ label: string; col: number }> = [];
  const plainColumns: number[] = [];
  let hasTotalColumn = false;
  const pairs: CompletionPair[] = [];
  for (const c of cells) {
    labels.set(c.col, c.label);
    if (!c.role) {
      if (c.norm !== '' || typeof sheet.mergedValue(row, c.col) === 'number') plainColumns.push(c.col);
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
    if (columns[role] === undefined) columns[role] = c.col;
    else if (rows === 2 && (role === 'target' || role === 'actual')) {
      // handled below as pairs
    }
  }
  if (rows === 2) {
    for (const c of cells) {
      if (c.role !== 'target') continue;
      const next = cells.find((x) => x.col === c.col + 1);
      if (next?.role === 'actual') {
        const m = sheet.mergeAt(row, c.col);
        pairs.push({ name: sheet.text(row, m ? m.left : c.col).trim(), targetCol: c.col, actualCol: next.col });
      }
    }
  }
  // The 年度总体目标 block of a self-evaluation form states goals in prose; nothing there is measurable.
  if (cells.some((c) => c.role === 'blockLabel' && c.norm === '年度总体目标')) return undefined;
  const kind = classify(roles, answers.length, pairs.length, hasTotalColumn && (columns.total ?? 0) > left, plainColumns.length);
  if (!kind) return undefined;
  if (kind === 'completion' && pairs.length >= 2) {
    delete columns.target;
    delete columns.actual;
  }
  return { row, rows, left, right, kind, columns, labels, answers, pairs, plainColumns };
}
