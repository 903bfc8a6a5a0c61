/**
 * Requirement-set guard. Every feature that needs more than the add-in's minimum set asks
 * `supports('ExcelApi', '1.13')` first; tests inject their own answer.
 */
export type Supports = (set: string, version: string) => boolean;

/** Office.context.requirements.isSetSupported, false when Office is not loaded. */
export const officeSupports: Supports = (set, version) => {
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    return Boolean(office?.context?.requirements?.isSetSupported(set, version));
  } catch {
    return false;
  }
};

/** ExcelApi requirement sets used by the adapter. */
export const API = {
  /** workbook.settings, getUsedRangeOrNullObject, getItemOrNullObject: reading at all */
  settings: '1.4',
  /** conditional formats */
  conditionalFormats: '1.6',
  /** workbook.protection (structure protection), workbook.name */
  workbook: '1.7',
  /** workbook.comments */
  comments: '1.10',
  /** Range.getMergedAreasOrNullObject */
  mergedAreas: '1.13',
  /** workbook.notes (legacy notes, 老式批注) */
  notes: '1.18',
} as const;

/** Below this the pane cannot read a sheet (getUsedRangeOrNullObject). */
export const MINIMUM_API = API.settings;

export function excelSupports(supports: Supports, version: string): boolean {
  return supports('ExcelApi', version);
}
