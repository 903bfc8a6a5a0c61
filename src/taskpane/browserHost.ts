/**
 * Browser mode: the page was opened outside Office. The user picks an .xlsx, .xls/.et or .docx; it is
 * read by src/io (by content), audited in the page, and an annotated copy can be downloaded. The picked file
 * itself is never written.
 */
import type { AuditResult } from '../core/audit/audit';
import type { WorkbookModel } from '../core/sheet/model';
import { WorkbookReadError } from '../io/reader';
import { readAnyWorkbook, ReadResult } from '../io/read-any';
import { annotationBase } from '../io/model-to-xlsx';
import { copyExtension, writeAnnotatedCopy } from '../io/annotate';
import { memoryColumnStore, memoryReviewStore, type Host, type ReadProgress, type ScanScope } from './host';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface PickedFile {
  name: string;
  size: number;
  bytes: Uint8Array;
}

export interface BrowserHost extends Host {
  readonly kind: 'browser';
  /** The picked file, if any. */
  file(): PickedFile | undefined;
  setFile(file: PickedFile | undefined): void;
  /** The annotated copy of the picked file for an audit result, and its download name. */
  annotatedCopy(result: AuditResult): Promise<{ name: string; bytes: Uint8Array; mime: string }>;
}

/** The type of a macro-enabled workbook: its copy keeps the macros, so it keeps the type too. */
export const XLSM_MIME = 'application/vnd.ms-excel.sheet.macroEnabled.12';

/** "评分表.xlsx" → "评分表.审核.xlsx"; a macro-enabled copy ends in .xlsm (Excel refuses an .xlsx that holds macros). */
export function annotatedName(original: string, extension: '.xlsx' | '.xlsm' = '.xlsx'): string {
  const base = original.replace(/\.(xlsx|xlsm|xls|et|docx)$/i, '');
  return `${base || 'workbook'}.审核${extension}`;
}

/** The copy's extension: .xlsm for a macro-enabled package, else .xlsx (also for .xls/.et/.docx, whose copy is built). */
async function copyExtensionOf(bytes: Uint8Array): Promise<'.xlsx' | '.xlsm'> {
  try {
    return await copyExtension(bytes);
  } catch {
    return '.xlsx';
  }
}

export function createBrowserHost(): BrowserHost {
  let picked: PickedFile | undefined;
  /** The last reading of the picked file: an .xls/.et/.docx gets its annotated copy as an .xlsx built from it. */
  let read: ReadResult | undefined;
  const host: BrowserHost = {
    kind: 'browser',
    scopes: ['workbook'],
    // No workbook to keep them in: 已复核 / 忽略 last for the session.
    reviews: memoryReviewStore(),
    columns: memoryColumnStore(),
    file: () => picked,
    setFile(file) {
      picked = file;
      read = undefined;
    },
    async read(_scope: ScanScope, onProgress?: (p: ReadProgress) => void): Promise<WorkbookModel> {
      if (!picked) throw new WorkbookReadError('请先选择一个 .xlsx 工作簿', 'choose an .xlsx workbook first');
      onProgress?.({ done: 0, total: 1, sheet: picked.name });
      read = await readAnyWorkbook(picked.bytes, picked.name);
      onProgress?.({ done: 1, total: 1, sheet: '' });
      return read.workbook;
    },
    // No workbook is open here: the pane shows the cell in its grid preview itself.
    async selectCell() {},
    async annotatedCopy(result) {
      if (!picked) throw new WorkbookReadError('请先选择一个 .xlsx 工作簿', 'choose an .xlsx workbook first');
      read ??= await readAnyWorkbook(picked.bytes, picked.name);
      const bytes = await writeAnnotatedCopy(await annotationBase(picked.bytes, read), result);
      const extension = read.format.kind === 'xlsx' ? await copyExtensionOf(picked.bytes) : '.xlsx';
      return { name: annotatedName(picked.name, extension), bytes, mime: extension === '.xlsm' ? XLSM_MIME : XLSX_MIME };
    },
  };
  return host;
}

/** Hand bytes to the browser as a download (Blob + object URL + a temporary link). */
export function downloadBytes(bytes: Uint8Array, name: string, mime = XLSX_MIME): void {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const url = URL.createObjectURL(new Blob([copy.buffer], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
