/**
 * What the add-in wrote into a workbook, kept in the workbook's own settings (ExcelApi 1.4) so
 * that clearing removes exactly that and nothing of the user's.
 */
export const MARKS_KEY = 'scoreAudit.marks';
/** The add-in's own (very) hidden sheet: one row per finding, the flags the highlights test. */
export const HELPER_SHEET = '评分审核_标注';

export const PROTECTED_REASON = '该工作表受保护，无法写入标注';
export const MISSING_SHEET_REASON = '找不到该工作表，无法写入标注';
export const UNSUPPORTED_REASON = '此版本的 Excel 不支持所需的接口，无法写入标注';
export const NO_COLUMNS_REASON = '评分表缺少评分标准、分值或得分列，无法添加复核列';
export const STRUCTURE_REASON = '工作簿结构受保护（审阅 › 保护工作簿），无法添加或删除标注用的隐藏工作表；请取消保护后再试';
export const STRUCTURE_KEPT_REASON = '工作簿结构受保护，标注用的隐藏工作表未能删除；取消保护后再次“清除标注”即可删除';

/** A conditional format we added: matched on clear by its formula, unique to us (ids are mere priorities). */
export interface CfMark {
  sheet: string;
  /** A1 without sheet. */
  address: string;
  /** Rule formula as written (English, A1). */
  formula: string;
  /** ConditionalFormat.id when it was read back; informational (it is a priority, not stable). */
  id?: string;
}

export interface CommentMark {
  sheet: string;
  cell: string;
  /** Comment.id (records of earlier versions); comments are recognised by COMMENT_PREFIX now. */
  id?: string;
}

export interface ReviewMark {
  sheet: string;
  /** The two columns, e.g. "L:M". */
  columns: string;
  /** The columns were inserted (else written into empty cells). */
  inserted: boolean;
  /** Every cell written with what was written (formula or header text). */
  cells: Array<{ cell: string; formula: string }>;
}

export interface MarkRecord {
  version: 1;
  helperSheet?: string;
  cfs: CfMark[];
  comments: CommentMark[];
  review: ReviewMark[];
}

export function emptyRecord(): MarkRecord {
  return { version: 1, cfs: [], comments: [], review: [] };
}

export function isEmptyRecord(r: MarkRecord): boolean {
  return !r.helperSheet && r.cfs.length === 0 && r.comments.length === 0 && r.review.length === 0;
}

/** Parse a stored value; anything unreadable counts as no record. */
export function parseRecord(value: unknown): MarkRecord {
  let v: unknown = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return emptyRecord();
    }
  }
  if (typeof v !== 'object' || v === null) return emptyRecord();
  const o = v as Partial<MarkRecord>;
  return {
    version: 1,
    helperSheet: typeof o.helperSheet === 'string' ? o.helperSheet : undefined,
    cfs: Array.isArray(o.cfs) ? o.cfs : [],
    comments: Array.isArray(o.comments) ? o.comments : [],
    review: Array.isArray(o.review) ? o.review : [],
  };
}

export interface LoadedRecord {
  /** The stored record (empty when there is none). */
  get(): MarkRecord;
  /** A setting is stored under MARKS_KEY. */
  exists(): boolean;
}

/** Queue the load of the record; read it after the next sync. */
export function queueRecordLoad(context: Excel.RequestContext): LoadedRecord {
  const item = context.workbook.settings.getItemOrNullObject(MARKS_KEY);
  item.load('value');
  // Read only after the caller's sync; the lint plugin cannot follow a load across functions.
  return {
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
    get: () => (item.isNullObject ? emptyRecord() : parseRecord(item.value)),
    // eslint-disable-next-line office-addins/call-sync-before-read
    exists: () => !item.isNullObject,
  };
}

/** Queue the write of the record, or the removal of the setting when the record is empty. */
export function queueRecordSave(context: Excel.RequestContext, record: MarkRecord, exists: boolean): void {
  if (!isEmptyRecord(record)) context.workbook.settings.add(MARKS_KEY, JSON.stringify(record));
  else if (exists) context.workbook.settings.getItem(MARKS_KEY).delete();
}
