import { SheetModel } from '../sheet/model';
import { cachedRole, HeaderCandidate, recogniseHeader, totalRowLabel } from './header';
import { TotalRow } from './types';
import { isTrailerLabel, looksLikeNote, looksLikeTitle } from './vocabulary';

export interface TableBody {
  bottom: number;
  dataRows: number[];
  totals: TotalRow[];
  /** Rows after the closing total that belong to it (占比, 评价等级). */
  trailerRows: number[];
}

function isBlankRow(sheet: SheetModel, row: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) if (!sheet.isEmpty(row, c)) return false;
  return true;
}

function firstText(sheet: SheetModel, row: number, left: number, right: number): string {
  for (let c = left; c <= right; c++) if (!sheet.isEmpty(row, c)) return sheet.norm(row, c);
  return '';
}

/** A single text across the table's width, a "表3-5 …" line, or a line followed by a header. */
export function isTitleRow(sheet: SheetModel, row: number, left: number, right: number): boolean {
  const values = new Set<string>();
  let firstCol = 0;
  for (let c = left; c <= right; c++) {
    if (sheet.isEmpty(row, c)) continue;
    if (!firstCol) firstCol = c;
    values.add(sheet.text(row, c));
    if (values.size > 1) return false;
  }
  if (values.size !== 1) return false;
  const norm = sheet.norm(row, firstCol);
  if (norm === '') return false;
  if (looksLikeTitle(norm)) return true;
  const m = sheet.mergeAt(row, firstCol);
  return !!m && m.right - m.left + 1 >= Math.max(2, Math.ceil((right - left + 1) / 2));
}

function hasRoleCell(sheet: SheetModel, row: number, left: number, right: number): boolean {
  let n = 0;
  for (let c = left; c <= right; c++) if (cachedRole(sheet.norm(row, c))) n++;
  return n >= 2;
}

function sameSignature(a: HeaderCandidate, b: HeaderCandidate): boolean {
  return a.kind === b.kind && JSON.stringify(a.columns) === JSON.stringify(b.columns);
}

/**
 * Walk down from the header: the body ends at a closing total (合计/总分, plus the 占比/等级
 * lines that belong to it), a blank row, a note, a title or another table's header. A 小计 ends
 * the table only when nothing of the table follows it. A repeated identical header (a page
 * break in the source document) is skipped.
 */
export function scanBody(sheet: SheetModel, h: HeaderCandidate): TableBody {
  const { left, right } = h;
  const dataRows: number[] = [];
  const totals: TotalRow[] = [];
  const trailerRows: number[] = [];
  let bottom = h.row + h.rows - 1;
  const endsTable = (row: number): boolean => {
    if (row > sheet.rowCount || isBlankRow(sheet, row, left, right)) return true;
    if (looksLikeNote(firstText(sheet, row, left, right))) return true;
    // A new block of a form (年度总体目标, 绩效指标) starts with its own label in the first column.
    if (sheet.masterOf(row, left).row === row && cachedRole(sheet.norm(row, left)) === 'blockLabel') return true;
    if (totalRowLabel(sheet, row, left, right)) return false;
    if (isTitleRow(sheet, row, left, right)) return true;
    if (hasRoleCell(sheet, row, left, right)) {
      const other = recogniseHeader(sheet, row, left, right);
      if (other && !sameSignature(other, h)) return true;
    }
    return false;
  };
  for (let row = h.row + h.rows; row <= sheet.rowCount; row++) {
    if (endsTable(row)) break;
    const total = totalRowLabel(sheet, row, left, right);
    if (total) {
      totals.push({ row, label: total.label, scope: total.scope });
      bottom = row;
      if (total.scope === 'total') {
        for (let t = row + 1; t <= sheet.rowCount && isTrailerLabel(firstText(sheet, t, left, right)); t++) {
          trailerRows.push(t);
          bottom = t;
        }
        break;
      }
      if (endsTable(row + 1)) break;
      continue;
    }
    if (hasRoleCell(sheet, row, left, right)) {
      const again = recogniseHeader(sheet, row, left, right);
      if (again && sameSignature(again, h)) {
        row += again.rows - 1;
        bottom = row;
        continue;
      }
    }
    dataRows.push(row);
    bottom = row;
  }
  return { bottom, dataRows, totals, trailerRows };
}
