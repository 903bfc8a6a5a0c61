/** The workbook's sheets with their protection, loaded in one go. */
export interface SheetInfo {
  protected: boolean;
}

export interface SheetSkip {
  sheet: string;
  reason: string;
}

export function queueSheetList(context: Excel.RequestContext): { get: () => Map<string, SheetInfo> } {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/protection/protected');
  return {
    get: () => new Map(sheets.items.map((s) => [s.name, { protected: Boolean(s.protection.protected) }])),
  };
}

/** Add a skip once per sheet and reason. */
export function addSkip(skipped: SheetSkip[], sheet: string, reason: string): void {
  if (!skipped.some((s) => s.sheet === sheet && s.reason === reason)) skipped.push({ sheet, reason });
}
