/**
 * 插入复核列 in WPS: the Excel host's review columns (reviewColumnsOf: 规则得分 where the table has
 * measured values, 一致性检查 always), with the same PERF formulas from the function table. Written
 * into the columns right of the table when they are empty and unmerged over its rows, otherwise
 * into whole columns inserted there; one Formula assignment per run of consecutive rows. Recorded
 * in the workbook's custom properties, before they are written, so that 清除标注 removes them
 * again; the record of a review block further right moves with the columns an insertion shifts.
 */
import type { DetectedTable } from '../core/layout/types';
import { columnLetters, columnNumber, parseRangeA1, a1 } from '../core/sheet/address';
import { reviewColumnsOf } from '../excel/review-columns';
import { MISSING_SHEET_REASON, NO_COLUMNS_REASON, PROTECTED_REASON, type ReviewMark } from '../excel/settings';
import type { SheetSkip } from '../excel/sheets';
import { asGrid, isEmptyValue } from './cells';
import { XL_SHIFT_TO_LEFT, XL_SHIFT_TO_RIGHT, type WpsWorkbook } from './facade';
import { loadReviewMarks, saveReviewMarks } from './marks';
import { sheetsByName } from './sheets';

export const NO_FUNCTIONS_REASON = '此版本的 WPS 不支持加载项自定义函数（需要 WPS 12.1.0.20540 或更高版本），PERF 函数不能计算，未添加复核列';
export const MERGED_TARGET_REASON = '复核列的位置有合并单元格，未添加复核列；请先取消表格右侧的合并';

export interface ReviewResult {
  /** Cells written (headers included). */
  written: number;
  columns?: string;
  inserted: boolean;
  skipped: SheetSkip[];
}

/** A1 references after an operator or bracket, outside quotes; not function names (LOG10(…)). */
const REFERENCE = /("[^"]*")|([(,:=+\-*/&<>^ ])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z])/g;

/**
 * A formula we wrote, as the sheet holds it after `by` columns were inserted at column `from`:
 * WPS moves the references to the cells that moved, as Excel does.
 */
export function shiftFormulaColumns(formula: string, from: number, by: number): string {
  return formula.replace(REFERENCE, (all, quoted: string | undefined, before: string, d1: string, letters: string, d2: string, row: string) => {
    if (quoted) return all;
    const col = columnNumber(letters);
    return `${before}${d1}${col >= from ? columnLetters(col + by) : letters}${d2}${row}`;
  });
}

/** Marks of `sheet` at or right of column `from` moved by `by` columns (an insertion or its undoing). */
function shiftMarks(marks: ReviewMark[], sheet: string, from: number, by: number): ReviewMark[] {
  const move = (letters: string) => columnLetters(columnNumber(letters) + by);
  return marks.map((m) => {
    const [a, b = a] = m.columns.split(':');
    if (m.sheet !== sheet || columnNumber(a) < from) return m;
    return {
      ...m,
      columns: `${move(a)}:${move(b)}`,
      cells: m.cells.map((c) => {
        const p = parseRangeA1(c.cell);
        return { cell: a1(p.top, p.left + by), formula: shiftFormulaColumns(c.formula, from, by) };
      }),
    };
  });
}

/** Consecutive rows in runs: [5, 6, 7, 9] → [[5, 6, 7], [9]]. */
function runs(rows: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const r of [...rows].sort((x, y) => x - y)) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === r - 1) last.push(r);
    else out.push([r]);
  }
  return out;
}

export function insertReviewColumns(workbook: WpsWorkbook, table: DetectedTable): ReviewResult {
  const sheetName = table.sheet;
  const review = reviewColumnsOf(table);
  const skip = (reason: string): ReviewResult => ({ written: 0, inserted: false, skipped: [{ sheet: sheetName, reason }] });
  if (!review) return skip(NO_COLUMNS_REASON);
  const ws = sheetsByName(workbook).get(sheetName);
  if (!ws) return skip(MISSING_SHEET_REASON);
  if (ws.ProtectContents) return skip(PROTECTED_REASON);

  const first = table.range.right + 1;
  const last = first + review.length - 1;
  const [firstL, lastL] = [columnLetters(first), columnLetters(last)];
  const columns = `${firstL}:${lastL}`;
  const props = workbook.CustomDocumentProperties;
  const marks = loadReviewMarks(props);
  const previous = marks.find((m) => m.sheet === sheetName && m.columns === columns);
  const areaA1 = `${firstL}${table.range.top}:${lastL}${table.range.bottom}`;
  let inserted = false;
  if (!previous) {
    const area = ws.Range(areaA1);
    const height = table.range.bottom - table.range.top + 1;
    inserted = !(asGrid(area.Formula, height, review.length).every((line) => line.every(isEmptyValue)) && area.MergeCells === false);
  }

  const lines = new Map<number, string[]>([[table.headerRow, review.map((c) => c.header)]]);
  for (const ind of table.indicators) lines.set(ind.row, review.map((c) => c.formula(ind.row)));
  const cells = new Map<string, string>();
  for (const [row, line] of lines) line.forEach((v, c) => cells.set(`${columnLetters(first + c)}${row}`, v));
  for (const c of previous?.cells ?? []) if (!cells.has(c.cell)) cells.set(c.cell, c.formula);
  const mark: ReviewMark = {
    sheet: sheetName,
    columns,
    inserted: previous ? previous.inserted : inserted,
    cells: [...cells].map(([cell, formula]) => ({ cell, formula })),
  };
  // Recorded before anything is written: a run that fails half-way leaves a trail for 清除标注.
  const others = marks.filter((m) => m !== previous);
  saveReviewMarks(props, [...(inserted ? shiftMarks(others, sheetName, first, review.length) : others), mark]);
  if (inserted) {
    ws.Range(columns).Insert(XL_SHIFT_TO_RIGHT);
    // A merged area across the insertion point grows into the new columns: leave those alone.
    if (ws.Range(areaA1).MergeCells !== false) {
      ws.Range(columns).Delete(XL_SHIFT_TO_LEFT);
      saveReviewMarks(props, marks);
      return skip(MERGED_TARGET_REASON);
    }
  }
  for (const run of runs([...lines.keys()])) {
    ws.Range(`${firstL}${run[0]}:${lastL}${run[run.length - 1]}`).Formula = run.map((r) => lines.get(r)!);
  }
  return { written: lines.size * review.length, columns, inserted, skipped: [] };
}
