/**
 * Office.js adapter: thin functions over an Excel.RequestContext. Reading turns worksheets into
 * SheetGrid for the core (sheetFromGrid); writing adds removable marks. Nothing here decides.
 */
export { readWorksheet, readActiveWorksheet, readWorkbook } from './read';
export type { ReadOptions, ReadWorkbookOptions, ReadProgress } from './read';
export { planRead, DEFAULT_BUDGET_BYTES, DEFAULT_BYTES_PER_CELL } from './plan';
export type { ReadPlan, ReadChunk, ReadPlanOptions } from './plan';
export { highlight, SEVERITY_STYLE } from './highlight';
export type { HighlightOptions, HighlightResult } from './highlight';
export { clearHighlights } from './clear';
export type { ClearResult } from './clear';
export { insertReviewColumns, REVIEW_HEADERS, defaultReviewFormulas } from './review-columns';
export type { ReviewResult, ReviewColumnsOptions, ReviewFormulas, ReviewRefs } from './review-columns';
export { runWithRetry, isCellEditModeError, CELL_EDIT_MODE } from './retry';
export type { RetryOptions } from './retry';
export { officeSupports, API } from './supports';
export type { Supports } from './supports';
export { HELPER_SHEET, MARKS_KEY, PROTECTED_REASON, MISSING_SHEET_REASON, UNSUPPORTED_REASON, NO_COLUMNS_REASON } from './settings';
export type { SheetSkip } from './sheets';

import { runWithRetry, RetryOptions } from './retry';

/** Excel.run with the cell-edit-mode retry: each attempt gets a fresh request context. */
export function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>, opts?: RetryOptions): Promise<T> {
  return runWithRetry(() => Excel.run(batch), opts);
}
