/**
 * Review columns right of a scoring table: 一致性检查 (a live PERF.CHECK of score against rule and
 * reason) and, when the table has a column of measured values, 规则得分 (the score PERF.RULESCORE
 * gives for that value; the function needs the value, so without such a column it is not written).
 * Formulas come from the function table (src/functions), so they name functions Excel knows.
 * Written into the columns right of the table when they are empty over the table's rows; otherwise
 * whole columns are inserted there. Recorded in the workbook settings so that clearHighlights
 * removes them again.
 *
 * Syncs: 1 (record, sheets) + 1 (is the area right of the table empty) + 1 (writes and record).
 */
import type { DetectedTable } from '../core/layout/types';
import { columnLetters } from '../core/sheet/address';
import { perfFormula } from '../functions/formula';
import { MISSING_SHEET_REASON, NO_COLUMNS_REASON, PROTECTED_REASON, queueRecordLoad, queueRecordSave, ReviewMark } from './settings';
import { queueWorkbookState, SheetSkip } from './sheets';
import { API, excelSupports, officeSupports, Supports } from './supports';

export const RULE_SCORE_HEADER = '规则得分';
export const CHECK_HEADER = '一致性检查';

/** One review column: its header and its formula on an indicator row. */
export interface ReviewColumn {
  header: string;
  formula: (row: number) => string;
}

/** The review columns of a scoring table, or undefined when it lacks 评分标准, 分值 or 得分. */
export function reviewColumnsOf(table: DetectedTable): ReviewColumn[] | undefined {
  const { criteria, weight, score, reason, actual } = table.columns;
  if (!criteria || !weight || !score) return undefined;
  const col = (c: number | undefined) => (c ? columnLetters(c) : undefined);
  const ref = (c: number | undefined, row: number) => (c ? `${col(c)}${row}` : undefined);
  const out: ReviewColumn[] = [];
  if (actual) out.push({ header: RULE_SCORE_HEADER, formula: (row) => perfFormula('RULESCORE', [ref(criteria, row), ref(weight, row), ref(actual, row)]) });
  out.push({ header: CHECK_HEADER, formula: (row) => perfFormula('CHECK', [ref(criteria, row), ref(weight, row), ref(score, row), ref(reason, row)]) });
  return out;
}

export interface ReviewColumnsOptions {
  supports?: Supports;
}

export interface ReviewResult {
  /** Cells written (headers included). */
  written: number;
  /** The columns used, e.g. "L:M" or "L:L". */
  columns?: string;
  inserted: boolean;
  skipped: SheetSkip[];
}

export async function insertReviewColumns(
  context: Excel.RequestContext,
  table: DetectedTable,
  sheetName: string = table.sheet,
  opts: ReviewColumnsOptions = {},
): Promise<ReviewResult> {
  const supports = opts.supports ?? officeSupports;
  const review = reviewColumnsOf(table);
  if (!review) return { written: 0, inserted: false, skipped: [{ sheet: sheetName, reason: NO_COLUMNS_REASON }] };
  const first = table.range.right + 1;
  const last = first + review.length - 1;
  const columns = `${columnLetters(first)}:${columnLetters(last)}`;

  // Sync 1: the record and whether the sheet can be written.
  const stored = queueRecordLoad(context);
  const workbook = queueWorkbookState(context, supports);
  await context.sync();
  const info = workbook.get().sheets.get(sheetName);
  if (!info) return { written: 0, inserted: false, skipped: [{ sheet: sheetName, reason: MISSING_SHEET_REASON }] };
  if (info.protected) return { written: 0, inserted: false, skipped: [{ sheet: sheetName, reason: PROTECTED_REASON }] };
  const record = stored.get();
  const previous = record.review.find((m) => m.sheet === sheetName && m.columns === columns);

  // Sync 2: are the columns right of the table empty over its rows?
  const ws = context.workbook.worksheets.getItem(sheetName);
  const area = ws.getRange(`${columnLetters(first)}${table.range.top}:${columnLetters(last)}${table.range.bottom}`);
  let merged: Excel.RangeAreas | undefined;
  if (!previous) {
    area.load('formulas');
    if (excelSupports(supports, API.mergedAreas)) {
      merged = area.getMergedAreasOrNullObject();
      merged.load('address');
    }
    await context.sync();
  }
  const empty = previous !== undefined || (area.formulas.every((line) => line.every((v) => v === '' || v === null)) && (!merged || merged.isNullObject));

  // Sync 3: write (inserting the columns first when the area is not free) and record.
  const inserted = !empty;
  if (inserted) ws.getRange(columns).insert('Right');
  const cells = new Map<string, string>();
  const put = (row: number, line: string[]) => {
    ws.getRange(`${columnLetters(first)}${row}:${columnLetters(last)}${row}`).formulas = [line];
    line.forEach((v, i) => cells.set(`${columnLetters(first + i)}${row}`, v));
  };
  put(table.headerRow, review.map((c) => c.header));
  for (const ind of table.indicators) put(ind.row, review.map((c) => c.formula(ind.row)));

  for (const c of previous?.cells ?? []) if (!cells.has(c.cell)) cells.set(c.cell, c.formula);
  const mark: ReviewMark = {
    sheet: sheetName,
    columns,
    inserted: previous ? previous.inserted : inserted,
    cells: [...cells].map(([cell, formula]) => ({ cell, formula })),
  };
  record.review = [...record.review.filter((m) => m !== previous), mark];
  queueRecordSave(context, record, stored.exists());
  await context.sync();
  return { written: review.length * (table.indicators.length + 1), columns, inserted, skipped: [] };
}
