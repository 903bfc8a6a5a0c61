/**
 * The part of WPS 表格's JavaScript object model the add-in uses, typed. The object model is the
 * VBA one (Application › Workbook › Worksheets › Range), reached from the add-in's pages through
 * the `wps` and `Application` globals; every call is synchronous and indices are 1-based.
 *
 * Typed here by hand from WPS's own typings (npm `wps-jsapi` 1.0.5, generated from the COM type
 * library with loose types) and the VBA reference the model follows; only what src/wps uses.
 * Nothing here has been run against a real WPS (none was available): see README, WPS section.
 */

/** A range of cells. Value2 / Formula are a scalar for one cell and a 2-D array (rows of columns) for several. */
export interface WpsRange {
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  /** "$A$1:$B$2" by default; Address(false, false) gives "A1:B2". */
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  Value2: unknown;
  Formula: unknown;
  /** One format for the whole range; null when its cells differ (VBA). */
  NumberFormat: unknown;
  /** true: every cell is merged; false: none; null: some (VBA). */
  readonly MergeCells: boolean | null;
  /** The merged area that contains the range's first cell (the cell itself when not merged). */
  readonly MergeArea: WpsRange;
  /** The text as shown (the error code for an error). */
  readonly Text: unknown;
  /** The comment (批注) on the range's first cell, or null. */
  readonly Comment: WpsComment | null;
  /** Fails when the cell already has a comment. */
  AddComment(text: string): WpsComment;
  readonly FormatConditions: WpsFormatConditions;
  Insert(shift?: number): unknown;
  Delete(shift?: number): unknown;
  ClearContents(): unknown;
  Select(): unknown;
}

export interface WpsComment {
  Text(): string;
  Delete(): void;
}

export interface WpsComments {
  readonly Count: number;
  Item(index: number): WpsComment;
}

export interface WpsFormatCondition {
  readonly Type: number;
  readonly Formula1: string;
  readonly Interior: { Color: number };
  readonly Font: { Color: number };
  Delete(): void;
}

export interface WpsFormatConditions {
  readonly Count: number;
  Item(index: number): WpsFormatCondition;
  Add(type: number, operator?: unknown, formula1?: string): WpsFormatCondition;
}

export interface WpsWorksheet {
  readonly Name: string;
  readonly ProtectContents: boolean;
  /** XL_SHEET_VISIBLE, 0 (hidden) or 2 (very hidden). */
  readonly Visible: number;
  readonly UsedRange: WpsRange;
  /** An A1 address, at most 255 characters (several areas separated by commas). */
  Range(address: string): WpsRange;
  readonly Cells: WpsRange;
  readonly Comments: WpsComments;
  Activate(): void;
}

export interface WpsSheets {
  readonly Count: number;
  /** 1-based index or sheet name; fails for one that does not exist. */
  Item(index: number | string): WpsWorksheet;
}

export interface WpsDocProperty {
  readonly Name: string;
  readonly Value: unknown;
  Delete(): void;
}

/** Workbook.CustomDocumentProperties: string values of at most 255 characters (Office DocumentProperty). */
export interface WpsDocProperties {
  readonly Count: number;
  Item(index: number | string): WpsDocProperty;
  Add(name: string, linkToContent: boolean, type: number, value: unknown): WpsDocProperty;
}

export interface WpsWorkbook {
  readonly Name: string;
  readonly Worksheets: WpsSheets;
  readonly ActiveSheet: WpsWorksheet | null;
  readonly CustomDocumentProperties: WpsDocProperties;
}

export interface WpsApplication {
  readonly ActiveWorkbook: WpsWorkbook | null;
  readonly Build?: unknown;
  readonly Version?: unknown;
}

export interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
  DockPosition?: number;
}

/** Shared by all pages of one add-in: how the ribbon page talks to the task pane. */
export interface WpsPluginStorage {
  setItem(key: string, value: string | number | boolean): void;
  getItem(key: string): unknown;
  removeItem(key: string): void;
}

/** The `wps` global of an add-in page. */
export interface WpsGlobal {
  EtApplication?(): WpsApplication;
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane | null | undefined;
  readonly PluginStorage: WpsPluginStorage;
  /** WPS 12.1.0.20540 and later: a synchronous JavaScript function callable as NAMESPACE.NAME(…) in formulas. */
  AddCustomFunction?(namespace: string, name: string, fn: (...args: unknown[]) => unknown): void;
}

/** Enumeration values the add-in passes (VBA/Office constants). */
export const XL_SHEET_VISIBLE = -1;
/** XlFormatConditionType.xlExpression: a formula decides. */
export const XL_EXPRESSION = 2;
export const XL_SHIFT_TO_RIGHT = -4161;
export const XL_SHIFT_TO_LEFT = -4159;
/** MsoDocProperties.msoPropertyTypeString. */
export const MSO_PROPERTY_TYPE_STRING = 4;
/** MsoCTPDockPosition.msoCTPDockPositionRight. */
export const MSO_CTP_DOCK_RIGHT = 2;
/** The longest string Range(…) accepts (VBA). */
export const MAX_ADDRESS_CHARS = 255;
/** The longest string a custom document property holds. */
export const MAX_PROPERTY_CHARS = 255;

/** The globals of an add-in page, when it runs inside WPS. */
export function wpsGlobals(scope: unknown = globalThis): { wps: WpsGlobal; app: WpsApplication } | undefined {
  const g = scope as { wps?: WpsGlobal; Application?: WpsApplication };
  const wps = g.wps;
  if (!wps || typeof wps !== 'object') return undefined;
  const app = g.Application ?? (typeof wps.EtApplication === 'function' ? wps.EtApplication() : undefined);
  return app ? { wps, app } : undefined;
}
