import { CellValue, isBlank, SheetModel, shownText } from '../sheet/model';
import { HeaderCandidate, LabelReader, labelReader, recogniseHeader } from './header';
import { TotalRow } from './types';
import { numberAt } from '../values/cell';
import { isTrailerLabel, looksLikeNote, looksLikeTitle } from './vocabulary';

/** Blank rows a table may hold between its rows (between sections, or left by a paste from Word). */
export const MAX_BLANK_ROWS_INSIDE = 2;

export interface TableBody {
  bottom: number;
  dataRows: number[];
  totals: TotalRow[];
  /** Rows after the closing total that belong to it (占比, 评价等级). */
  trailerRows: number[];
}

function firstText(sheet: SheetModel, row: number, left: number, right: number): string {
  for (let c = left; c <= right; c++) if (!sheet.isEmpty(row, c)) return sheet.norm(row, c);
  return '';
}

/** What the body scan needs to know of one row, read in a single pass over its cells. */
interface RowSummary {
  /** First non-empty column, 0 for a blank row. */
  firstCol: number;
  /** Every non-empty cell shows the same value (a title or note across the row). */
  single: boolean;
  /** Cells that name a header role: two or more may start another table. */
  roleCells: number;
  /** A 小计/合计 label among the first four cells the row owns (not merged from above). */
  total?: { label: string; scope: 'subtotal' | 'total' };
}

/** Two cell values that read the same: identical, or equal as text ("5" and 5). */
function sameShown(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') return false;
  return shownText(a) === shownText(b);
}

function readRow(sheet: SheetModel, labelAt: LabelReader, row: number, left: number, right: number): RowSummary {
  const summary: RowSummary = { firstCol: 0, single: true, roleCells: 0, total: undefined };
  let owned = 0;
  let first: CellValue = null;
  for (let c = left; c <= right; c++) {
    const v = sheet.mergedValue(row, c);
    if (isBlank(v)) continue;
    if (!summary.firstCol) {
      summary.firstCol = c;
      first = v;
    } else if (summary.single && !sameShown(v, first)) {
      summary.single = false;
    }
    const label = labelAt(row, c);
    if (label.role) summary.roleCells++;
    if (owned < 4 && !summary.total && sheet.masterRow(row, c) === row) {
      owned++;
      if (label.total) summary.total = { label: sheet.text(row, c).replace(/\s+/g, ''), scope: label.total };
    }
  }
  return summary;
}

/** A single text across the table's width, a "表3-5 …" line, or a line followed by a header. */
function isTitleRow(sheet: SheetModel, row: number, r: RowSummary, left: number, right: number): boolean {
  if (!r.firstCol || !r.single) return false;
  const norm = sheet.norm(row, r.firstCol);
  if (norm === '') return false;
  if (looksLikeTitle(norm)) return true;
  const m = sheet.mergeAt(row, r.firstCol);
  return !!m && m.right - m.left + 1 >= Math.max(2, Math.ceil((right - left + 1) / 2));
}

function sameSignature(a: HeaderCandidate, b: HeaderCandidate): boolean {
  return a.kind === b.kind && JSON.stringify(a.columns) === JSON.stringify(b.columns);
}

/**
 * A row past blank rows still belongs to the table when it is shaped like its rows: cells in two
 * or more of its role columns, a name or rule text in words, and a number (or nothing) in its
 * weight and score columns. A
 * signature line (评价人：), a grade key or prose under the table has neither.
 */
const NAMING_ROLE = /^(level\d|name|label|criteria)$/;

function shapedLikeBody(sheet: SheetModel, h: HeaderCandidate, row: number, r: RowSummary): boolean {
  if (!r.firstCol || r.single) return false;
  const roleCols = Object.values(h.columns).filter((c): c is number => c !== undefined);
  const filled = roleCols.filter((c) => !isBlank(sheet.mergedValue(row, c)));
  if (filled.length < 2) return false;
  // A row of the table names something: a figure-only block below (a data dump) is not its row.
  const named = Object.entries(h.columns).some(([role, c]) => c !== undefined && NAMING_ROLE.test(role) && typeof sheet.mergedValue(row, c) === 'string' && numberAt(sheet, row, c, true) === undefined);
  if (!named) return false;
  for (const c of [h.columns.weight, h.columns.score]) {
    if (c !== undefined && !isBlank(sheet.mergedValue(row, c)) && numberAt(sheet, row, c, true) === undefined) return false;
  }
  return true;
}

/**
 * Walk down from the header: the body ends at a closing total (合计/总分, plus the 占比/等级
 * lines that belong to it), a note, a title, another table's header, or blank rows after which
 * nothing shaped like the table's rows follows. A 小计 ends the table only when nothing of the
 * table follows it. A repeated identical header (a page break in the source document) is skipped.
 */
export function scanBody(sheet: SheetModel, h: HeaderCandidate): TableBody {
  const { left, right } = h;
  const dataRows: number[] = [];
  const totals: TotalRow[] = [];
  const trailerRows: number[] = [];
  let bottom = h.row;
  const labelAt = labelReader(sheet);
  // After a 小计 the scan looks one row ahead; each row is still read once.
  let aheadRow = -1;
  let ahead: RowSummary | undefined;
  const rowAt = (row: number): RowSummary => {
    if (row !== aheadRow) {
      aheadRow = row;
      ahead = readRow(sheet, labelAt, row, left, right);
    }
    return ahead!;
  };
  // Rows naming two roles are rare (a repeated header, the next table): a map is enough.
  const headers = new Map<number, HeaderCandidate | undefined>();
  const headerOf = (row: number): HeaderCandidate | undefined => {
    if (rowAt(row).roleCells < 2) return undefined;
    if (!headers.has(row)) headers.set(row, recogniseHeader(sheet, row, left, right));
    return headers.get(row);
  };
  const endsTable = (row: number): boolean => {
    if (row > sheet.rowCount) return true;
    const r = rowAt(row);
    if (!r.firstCol) return true;
    if (looksLikeNote(sheet.norm(row, r.firstCol))) return true;
    // A new block of a form (年度总体目标, 绩效指标) starts with its own label in the first column; the same
    // label as the row above is the block's own, filled down where a merge was exported without it.
    if (sheet.masterRow(row, left) === row && labelAt(row, left).role === 'blockLabel' && !sameShown(sheet.mergedValue(row, left), sheet.mergedValue(row - 1, left))) return true;
    if (r.total) return false;
    if (isTitleRow(sheet, row, r, left, right)) return true;
    const other = headerOf(row);
    return !!other && !sameSignature(other, h);
  };
  /** The first row after up to MAX_BLANK_ROWS_INSIDE blank rows when it continues the table (a row, a total, the header repeated). */
  const pastBlanks = (row: number): number | undefined => {
    for (let next = row; next <= Math.min(sheet.rowCount, row + MAX_BLANK_ROWS_INSIDE); next++) {
      const r = rowAt(next);
      if (!r.firstCol) continue;
      if (endsTable(next)) return undefined;
      const repeated = headerOf(next);
      return r.total || (repeated && sameSignature(repeated, h)) || shapedLikeBody(sheet, h, next, r) ? next : undefined;
    }
    return undefined;
  };
  for (let row = h.row + 1; row <= sheet.rowCount; row++) {
    if (!rowAt(row).firstCol) {
      const next = pastBlanks(row);
      if (next === undefined) break;
      row = next;
    }
    if (endsTable(row)) break;
    const total = rowAt(row).total;
    if (total) {
      totals.push({ row, label: total.label, scope: total.scope });
      bottom = row;
      // "总分 100" right under the header states the table's total first: the rows follow it.
      if (total.scope === 'total' && dataRows.length === 0) continue;
      if (total.scope === 'total') {
        for (let t = row + 1; t <= sheet.rowCount && isTrailerLabel(firstText(sheet, t, left, right)); t++) {
          trailerRows.push(t);
          bottom = t;
        }
        break;
      }
      if (row + 1 > sheet.rowCount || (rowAt(row + 1).firstCol ? endsTable(row + 1) : pastBlanks(row + 1) === undefined)) break;
      continue;
    }
    const again = headerOf(row);
    if (again && sameSignature(again, h)) {
      row += again.rows - 1;
      bottom = row;
      continue;
    }
    dataRows.push(row);
    bottom = row;
  }
  return { bottom, dataRows, totals, trailerRows };
}
