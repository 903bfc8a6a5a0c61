/**
 * Read any supported file into the sheet model, choosing the reader by the file's content:
 * .xlsx/.xlsm (src/io/reader.ts), .xls/.et (BIFF8, src/io/xls), .docx reports (their
 * tables and prose, src/io/docx). Anything else is refused with a sentence naming what it is.
 * Pure (no Node APIs): the browser pane uses the same dispatcher.
 */
import type { WorkbookModel } from '../core/sheet/model';
import { DocxReadError, MAX_DOCX_TABLES, MAX_DOCX_XML_BYTES, readDocxWorkbook } from './docx/workbook';
import { FileFormat, formatName, sniffFormat } from './format';
import { ReadOptions, readWorkbook, WorkbookReadError } from './reader';
import { MAX_XLS_CELLS, readXlsWorkbook, XlsReadError } from './xls/workbook';

export interface ReadResult {
  format: FileFormat;
  workbook: WorkbookModel;
}

const EXPECTED_BY_EXTENSION: Record<string, FileFormat['kind']> = { '.xlsx': 'xlsx', '.xlsm': 'xlsx', '.xls': 'xls', '.et': 'xls', '.docx': 'docx' };

function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name);
  return m ? m[0].toLowerCase() : '';
}

/** A note when a readable file's content is not what its extension says ("报表.xlsx" holding a Word document). */
export function contentNote(format: FileFormat, source: string): { zh: string; en: string } | undefined {
  const expected = EXPECTED_BY_EXTENSION[extensionOf(source)];
  if (!expected || expected === format.kind) return undefined;
  const name = formatName(format);
  return { zh: `${source} 的扩展名为 ${extensionOf(source)}，但按内容是${name.zh}，已按${name.zh}读取`, en: `${source} is named ${extensionOf(source)} but is ${name.en}; read as such` };
}

const SAVE_AS_XLSX = { zh: '请用 Excel 或 WPS 打开后另存为 .xlsx 再试', en: 'open it in Excel or WPS and save it as .xlsx' };

/** What to do with a format the readers do not take. */
function advice(format: FileFormat): { zh: string; en: string } {
  switch (format.kind) {
    case 'ods':
      return { zh: '请另存为 .xlsx，或在装有 LibreOffice 时用 score-audit batch --convert 先转换', en: 'save it as .xlsx, or convert it with `score-audit batch --convert` where LibreOffice is installed' };
    case 'doc':
    case 'odt':
      return { zh: '请用 Word 或 WPS 另存为 .docx，或在装有 LibreOffice 时用 score-audit batch --convert 先转换', en: 'save it as .docx, or convert it with `score-audit batch --convert` where LibreOffice is installed' };
    case 'encrypted-ooxml':
      return { zh: '请在 Excel 中去除打开密码后重试', en: 'remove the password in Excel and try again' };
    case 'xlsx-without-workbook':
      return { zh: '请找回原文件或在 Excel 中尝试修复', en: 'find the original or let Excel repair it' };
    case 'zip':
      return { zh: '请解压后选择其中的工作簿', en: 'unpack it and choose the workbook inside' };
    case 'empty':
      return { zh: '请检查文件是否完整', en: 'check that the file was saved completely' };
    default:
      return SAVE_AS_XLSX;
  }
}

function refusal(format: FileFormat, source: string): WorkbookReadError {
  const name = formatName(format);
  const how = advice(format);
  if (format.kind === 'empty') return new WorkbookReadError(`文件为空：${source}（${how.zh}）`, `empty file: ${source} (${how.en})`);
  if (format.kind === 'xlsx-without-workbook') return new WorkbookReadError(`${source} 已损坏：是${name.zh}；${how.zh}`, `${source} is damaged: ${name.en}; ${how.en}`);
  if (format.kind === 'compound-file-damaged') return new WorkbookReadError(`${source} 已损坏：是${name.zh}，但其结构无法解析（${format.detail}）`, `${source} is damaged: ${name.en} whose structure cannot be read (${format.detail})`);
  if (format.kind === 'encrypted-ooxml') return new WorkbookReadError(`无法读取 ${source}：文件已加密（${name.zh}）；${how.zh}`, `cannot read ${source}: ${name.en}; ${how.en}`);
  return new WorkbookReadError(`${source} 不是 .xlsx 工作簿（也不是 .xls/.et 或 .docx）：按内容是${name.zh}；${how.zh}`, `${source} is not an .xlsx workbook (nor .xls/.et or .docx): it is ${name.en}; ${how.en}`);
}

function xlsError(err: XlsReadError, format: FileFormat, source: string): WorkbookReadError {
  const name = formatName(format);
  switch (err.problem) {
    case 'encrypted':
      return new WorkbookReadError(`无法读取 ${source}：${name.zh}设有打开密码（已加密）；请去除密码后重试`, `cannot read ${source}: ${name.en} protected by a password; remove it and try again`);
    case 'biff5':
      return refusal({ kind: 'xls-biff5' }, source);
    case 'too-many-cells':
      return new WorkbookReadError(`${source} 超过 ${MAX_XLS_CELLS.toLocaleString('en-US')} 个单元格的上限，未读取`, `${source} has more than ${MAX_XLS_CELLS} cells, the limit; not read`);
    default:
      return new WorkbookReadError(`${source} 已损坏，不是有效的${name.zh}（${err.message}）`, `${source} is damaged: not a valid ${name.en} (${err.message})`);
  }
}

function docxError(err: DocxReadError, format: FileFormat, source: string): WorkbookReadError {
  const name = formatName(format);
  if (err.problem === 'too-many-tables') return new WorkbookReadError(`${source} 的表格超过 ${MAX_DOCX_TABLES} 个的上限，未读取`, `${source} has more than ${MAX_DOCX_TABLES} tables, the limit; not read`);
  if (err.problem === 'too-large') return new WorkbookReadError(`${source} 的正文解压后超过 ${MAX_DOCX_XML_BYTES / 1024 / 1024} MB 的上限，未读取`, `${source}: the document body inflates past the ${MAX_DOCX_XML_BYTES / 1024 / 1024} MB limit; not read`);
  return new WorkbookReadError(`${source} 已损坏，不是有效的${name.zh}（${err.message}）`, `${source} is damaged: not a valid ${name.en} (${err.message})`);
}

/**
 * Read a file of any supported format into the sheet model; a WorkbookReadError names what is
 * wrong. `known` is the format when the caller has sniffed it already.
 */
export async function readAnyWorkbook(data: ArrayBuffer | Uint8Array, source: string, known?: FileFormat, options: ReadOptions = {}): Promise<ReadResult> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const format = known ?? (await sniffFormat(bytes, source));
  switch (format.kind) {
    case 'xlsx':
      return { format, workbook: await readWorkbook(bytes, source, options) };
    case 'xls':
      try {
        return { format, workbook: readXlsWorkbook(bytes, source) };
      } catch (err) {
        if (err instanceof XlsReadError) throw xlsError(err, format, source);
        throw err;
      }
    case 'docx':
      try {
        return { format, workbook: await readDocxWorkbook(bytes, source) };
      } catch (err) {
        if (err instanceof DocxReadError) throw docxError(err, format, source);
        throw err;
      }
    default:
      throw refusal(format, source);
  }
}
