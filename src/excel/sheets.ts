/** The workbook's sheets with their protection and visibility, and the workbook's own protection, loaded in one go. */
import { API, excelSupports, Supports } from './supports';

export interface SheetInfo {
  protected: boolean;
  visibility: string;
}

export interface SheetSkip {
  /** The sheet left alone; '' when the whole workbook is meant. */
  sheet: string;
  reason: string;
}

export interface WorkbookState {
  sheets: Map<string, SheetInfo>;
  /** Review › Protect Workbook: no sheet may be added, deleted, hidden or shown (ExcelApi 1.7). */
  structureProtected: boolean;
}

export function queueWorkbookState(context: Excel.RequestContext, supports: Supports): { get: () => WorkbookState } {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility,items/protection/protected');
  const protection = excelSupports(supports, API.workbook) ? context.workbook.protection : undefined;
  protection?.load('protected');
  return {
    get: () => ({
      sheets: new Map(sheets.items.map((s) => [s.name, { protected: Boolean(s.protection.protected), visibility: String(s.visibility) }])),
      structureProtected: Boolean(protection?.protected),
    }),
  };
}

/** Add a skip once per sheet and reason. */
export function addSkip(skipped: SheetSkip[], sheet: string, reason: string): void {
  if (!skipped.some((s) => s.sheet === sheet && s.reason === reason)) skipped.push({ sheet, reason });
}

/**
 * Queue the removal of a worksheet. A VeryHidden sheet cannot be deleted ("the delete operation will
 * fail with an InvalidOperation exception", Worksheet.delete): it is made Hidden first.
 */
export function queueDeleteSheet(context: Excel.RequestContext, name: string, info: SheetInfo | undefined): void {
  const sheet = context.workbook.worksheets.getItem(name);
  if (info?.visibility !== 'Visible') sheet.visibility = 'Hidden';
  sheet.delete();
}
