/**
 * 清除标注 in WPS: remove exactly what the add-in added. Conditional formats and comments are
 * ours by their mark (marks.ts), wherever they are; review columns by the record, and only the
 * cells that still hold what was written (inserted columns are deleted only when nothing of the
 * user's is in them). A protected sheet keeps its marks, with a reason, for a later attempt.
 */
import { boundingBox, CellRange, columnNumber, parseRangeA1, rangeA1 } from '../core/sheet/address';
import { MAX_READ_CELLS } from '../excel/read';
import { normalizeFormula } from '../excel/plan';
import type { ReviewMark } from '../excel/settings';
import { addSkip, type SheetSkip } from '../excel/sheets';
import { asGrid, isEmptyValue } from './cells';
import { XL_SHIFT_TO_LEFT, type WpsWorkbook, type WpsWorksheet } from './facade';
import { isOurCommentText, isOurFormula, loadReviewMarks, saveReviewMarks } from './marks';
import { sheetsByName } from './sheets';

export const PROTECTED_KEPT_REASON = '该工作表受保护，其上的标注未能清除；取消保护后再次“清除标注”即可';

export interface ClearResult {
  cfs: number;
  comments: number;
  reviewCells: number;
  reviewColumns: number;
  skipped: SheetSkip[];
}

/** Our conditional formats and comments on one sheet, counted (nothing removed when `dryRun`). */
function sheetHighlights(ws: WpsWorksheet, dryRun: boolean): { cfs: number; comments: number } {
  let cfs = 0;
  const conditions = ws.Cells.FormatConditions;
  // From the last: deleting shifts the indices of those after it.
  for (let i = conditions.Count; i >= 1; i--) {
    const fc = conditions.Item(i);
    if (!isOurFormula(fc.Formula1)) continue;
    if (!dryRun) fc.Delete();
    cfs++;
  }
  let comments = 0;
  const list = ws.Comments;
  for (let i = list.Count; i >= 1; i--) {
    const c = list.Item(i);
    if (!isOurCommentText(String(c.Text() ?? ''))) continue;
    if (!dryRun) c.Delete();
    comments++;
  }
  return { cfs, comments };
}

export function clearSheetHighlights(ws: WpsWorksheet): { cfs: number; comments: number } {
  return sheetHighlights(ws, false);
}

/** Nothing in the columns outside `box` within the sheet's used range (unknown past MAX_READ_CELLS: false). */
function columnsEmptyOutside(ws: WpsWorksheet, columns: string, box: CellRange): boolean {
  const [a, b = a] = columns.split(':');
  const left = columnNumber(a);
  const right = columnNumber(b);
  const used = ws.UsedRange;
  const top = used.Row;
  const bottom = top + used.Rows.Count - 1;
  if ((bottom - top + 1) * (right - left + 1) > MAX_READ_CELLS) return false;
  const area = { top, left, bottom, right };
  const grid = asGrid(ws.Range(rangeA1(area)).Formula, bottom - top + 1, right - left + 1);
  return grid.every((line, r) => line.every((v, c) => isEmptyValue(v) || (top + r >= box.top && top + r <= box.bottom && left + c >= box.left && left + c <= box.right)));
}

/** Remove one review mark's cells (or its inserted columns); returns the counts. */
function removeReview(ws: WpsWorksheet, mark: ReviewMark): { cells: number; columns: number } {
  if (mark.cells.length === 0) return { cells: 0, columns: 0 };
  const box = boundingBox(mark.cells.map((c) => c.cell));
  const grid = asGrid(ws.Range(rangeA1(box)).Formula, box.bottom - box.top + 1, box.right - box.left + 1);
  const at = (cell: string): unknown => {
    const p = parseRangeA1(cell);
    return grid[p.top - box.top]?.[p.left - box.left];
  };
  const ours = mark.cells.filter((c) => typeof at(c.cell) === 'string' && normalizeFormula(String(at(c.cell))) === normalizeFormula(c.formula));
  const written = new Set(mark.cells.map((c) => c.cell));
  const foreign = grid.some((line, r) => line.some((v, c) => !isEmptyValue(v) && !written.has(rangeA1({ top: box.top + r, left: box.left + c, bottom: box.top + r, right: box.left + c }))));
  if (mark.inserted && ours.length === mark.cells.length && !foreign && columnsEmptyOutside(ws, mark.columns, box)) {
    ws.Range(mark.columns).Delete(XL_SHIFT_TO_LEFT);
    const [a, b = a] = mark.columns.split(':');
    return { cells: ours.length, columns: columnNumber(b) - columnNumber(a) + 1 };
  }
  for (const c of ours) ws.Range(c.cell).ClearContents();
  return { cells: ours.length, columns: 0 };
}

/** Remove every mark the add-in made: highlights, comments, review columns. */
export function clearMarks(workbook: WpsWorkbook): ClearResult {
  const result: ClearResult = { cfs: 0, comments: 0, reviewCells: 0, reviewColumns: 0, skipped: [] };
  const sheets = sheetsByName(workbook);
  for (const [name, ws] of sheets) {
    const protectedSheet = Boolean(ws.ProtectContents);
    const r = sheetHighlights(ws, protectedSheet);
    if (protectedSheet) {
      if (r.cfs + r.comments > 0) addSkip(result.skipped, name, PROTECTED_KEPT_REASON);
      continue;
    }
    result.cfs += r.cfs;
    result.comments += r.comments;
  }
  const props = workbook.CustomDocumentProperties;
  const remaining: ReviewMark[] = [];
  // Right-most columns first: deleting them never moves the marks to their left.
  const firstColumn = (m: ReviewMark) => columnNumber(m.columns.split(':')[0]);
  const marks = loadReviewMarks(props).sort((x, y) => firstColumn(y) - firstColumn(x));
  for (const mark of marks) {
    const ws = sheets.get(mark.sheet);
    if (!ws) continue; // the sheet is gone, and the mark with it
    if (ws.ProtectContents) {
      remaining.push(mark);
      addSkip(result.skipped, mark.sheet, PROTECTED_KEPT_REASON);
      continue;
    }
    const r = removeReview(ws, mark);
    result.reviewCells += r.cells;
    result.reviewColumns += r.columns;
  }
  saveReviewMarks(props, remaining);
  return result;
}
