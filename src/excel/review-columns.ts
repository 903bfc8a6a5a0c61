/**
 * Two review columns right of a scoring table: 规则得分 (the score the rule text gives) and
 * 一致性检查 (a live PERF.CHECK). Written into the first two columns right of the table when they
 * are empty over the table's rows; otherwise two whole columns are inserted there. Recorded in
 * the workbook settings so that clearHighlights removes them again.
 *
 * Syncs: 1 (record, sheets) + 1 (is the area right of the table empty) + 1 (writes and record).
 */
import type { DetectedTable } from '../core/layout/types';
import { columnLetters } from '../core/sheet/address';
import { MISSING_SHEET_REASON, NO_COLUMNS_REASON, PROTECTED_REASON, queueRecordLoad, queueRecordSave, ReviewMark } from './settings';
import { queueSheetList, SheetSkip } from './sheets';
import { API, excelSupports, officeSupports, Supports } from './supports';

export const REVIEW_HEADERS: [string, string] = ['规则得分', '一致性检查'];

/** Column letters of the table's role columns. */
export interface ReviewRefs {
  criteria: string;
  weight: string;
  score: string;
  reason?: string;
}

export type ReviewFormulas = (row: number, refs: ReviewRefs) => [string, string];

export const defaultReviewFormulas: ReviewFormulas = (row, c) => [
  `=PERF.RULESCORE(${c.criteria}${row},${c.weight}${row})`,
  `=PERF.CHECK(${c.criteria}${row},${c.weight}${row},${c.score}${row}${c.reason ? `,${c.reason}${row}` : ''})`,
];

export interface ReviewColumnsOptions {
  supports?: Supports;
  formulas?: ReviewFormulas;
  headers?: [string, string];
}

export interface ReviewResult {
  /** Cells written (headers included). */
  written: number;
  /** The two columns used, e.g. "L:M". */
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
  const cols = table.columns;
  if (!cols.criteria || !cols.weight || !cols.score) return { written: 0, inserted: false, skipped: [{ sheet: sheetName, reason: NO_COLUMNS_REASON }] };
  const refs: ReviewRefs = {
    criteria: columnLetters(cols.criteria),
    weight: columnLetters(cols.weight),
    score: columnLetters(cols.score),
    reason: cols.reason ? columnLetters(cols.reason) : undefined,
  };
  const first = table.range.right + 1;
  const columns = `${columnLetters(first)}:${columnLetters(first + 1)}`;

  // Sync 1: the record and whether the sheet can be written.
  const stored = queueRecordLoad(context);
  const sheetList = queueSheetList(context);
  await context.sync();
  const info = sheetList.get().get(sheetName);
  if (!info) return { written: 0, inserted: false, skipped: [{ sheet: sheetName, reason: MISSING_SHEET_REASON }] };
  if (info.protected) return { written: 0, inserted: false, skipped: [{ sheet: sheetName, reason: PROTECTED_REASON }] };
  const record = stored.get();
  const previous = record.review.find((m) => m.sheet === sheetName && m.columns === columns);

  // Sync 2: are the two columns right of the table empty over its rows?
  const ws = context.workbook.worksheets.getItem(sheetName);
  const area = ws.getRange(`${columnLetters(first)}${table.range.top}:${columnLetters(first + 1)}${table.range.bottom}`);
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

  // Sync 3: write (inserting two columns first when the area is not free) and record.
  const inserted = !empty;
  if (inserted) ws.getRange(columns).insert('Right');
  const headers = opts.headers ?? REVIEW_HEADERS;
  const build = opts.formulas ?? defaultReviewFormulas;
  const cells = new Map<string, string>();
  const put = (row: number, pair: [string, string]) => {
    ws.getRange(`${columnLetters(first)}${row}:${columnLetters(first + 1)}${row}`).formulas = [pair];
    cells.set(`${columnLetters(first)}${row}`, pair[0]);
    cells.set(`${columnLetters(first + 1)}${row}`, pair[1]);
  };
  put(table.headerRow, headers);
  for (const ind of table.indicators) put(ind.row, build(ind.row, refs));

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
  return { written: 2 * (table.indicators.length + 1), columns, inserted, skipped: [] };
}
