/**
 * Office.js adapter: thin functions over an Excel.RequestContext. Reading turns worksheets into
 * SheetGrid for the core (sheetFromGrid); writing adds removable marks. Nothing here decides.
 */
export { readWorksheet, readActiveWorksheet, readWorkbook } from './read';
export type { ReadOptions, ReadWorkbookOptions, ReadProgress } from './read';
export { planRead, DEFAULT_BUDGET_BYTES, DEFAULT_BYTES_PER_CELL } from './plan';
export type { ReadPlan, ReadChunk, ReadPlanOptions } from './plan';
export { highlight, SEVERITY_STYLE, MAX_MARKED_CELLS, COMMENT_PREFIX } from './highlight';
export type { HighlightOptions, HighlightResult } from './highlight';
export { clearHighlights } from './clear';
export type { ClearResult } from './clear';
export { insertReviewColumns, reviewColumnsOf, RULE_SCORE_HEADER, CHECK_HEADER } from './review-columns';
export type { ReviewResult, ReviewColumnsOptions, ReviewColumn } from './review-columns';
export { runWithRetry, isCellEditModeError, CELL_EDIT_MODE } from './retry';
export type { RetryOptions, Attempt } from './retry';
export { officeSupports, API, MINIMUM_API, excelSupports } from './supports';
export type { Supports } from './supports';
export { HELPER_SHEET, MARKS_KEY, PROTECTED_REASON, MISSING_SHEET_REASON, UNSUPPORTED_REASON, NO_COLUMNS_REASON, STRUCTURE_REASON } from './settings';
export type { SheetSkip } from './sheets';
export { loadReviews, saveReviews, REVIEWS_KEY } from './reviews';
export type { StoredReviews } from './reviews';
export { loadColumnOverrides, saveColumnOverrides, COLUMNS_KEY } from './columns';
export { readWorkbookName } from './workbook';
export type { ReadNotice } from './read';

import { Attempt, runWithRetry, RetryOptions } from './retry';

/** Excel.run's options overload (RunOptions exists from ExcelApi 1.1 on). */
export type ExcelRun = <T>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface RunExcelOptions extends RetryOptions {
  /** Excel.run by default; tests pass the fake host's. */
  run?: ExcelRun;
}

/** Notes on the attempt that the batch got past its first sync (see isCellEditModeError). */
function countingSyncs(context: Excel.RequestContext, attempt: Attempt): Excel.RequestContext {
  const sync = context.sync.bind(context);
  context.sync = (async <T>(passThroughValue?: T): Promise<T> => {
    const result = await sync(passThroughValue);
    attempt.synced = true;
    return result as T;
  }) as typeof context.sync;
  return context;
}

/**
 * Excel.run with `delayForCellEdit` (Excel holds the batch until the user leaves cell-edit mode)
 * and, where the host still refuses it, the cell-edit retry; each attempt gets a fresh context.
 */
export function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>, opts: RunExcelOptions = {}): Promise<T> {
  const run: ExcelRun = opts.run ?? ((options, b) => Excel.run(options, b));
  return runWithRetry((attempt) => run({ delayForCellEdit: true }, (context) => batch(countingSyncs(context, attempt))), opts);
}
