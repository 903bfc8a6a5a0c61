/**
 * What a file is, told by its content and never by its name: a renamed .docx is a Word document,
 * an .xls saved as "报表.xlsx" is still BIFF8. Each format has a Chinese and an English name for
 * messages; the extension only chooses the word for BIFF8 (.et is WPS's name for the same format).
 */
import JSZip from 'jszip';
import { CompoundFile, CompoundFileError, isCompoundFile } from './xls/cfb';

export type FileFormat =
  | { kind: 'xlsx'; macros: boolean }
  | { kind: 'xlsb' }
  | { kind: 'ods' }
  | { kind: 'odt' }
  | { kind: 'docx' }
  | { kind: 'pptx' }
  /** An OOXML package whose workbook part is missing: a spreadsheet that lost its core. */
  | { kind: 'xlsx-without-workbook' }
  | { kind: 'zip' }
  | { kind: 'xls'; et: boolean }
  | { kind: 'xls-biff5' }
  | { kind: 'encrypted-ooxml' }
  | { kind: 'doc' }
  | { kind: 'ppt' }
  | { kind: 'compound-file' }
  /** An OLE container whose structure cannot be read. */
  | { kind: 'compound-file-damaged'; detail: string }
  | { kind: 'pdf' }
  | { kind: 'html' }
  | { kind: 'xml-spreadsheet-2003' }
  | { kind: 'text'; csv: boolean }
  | { kind: 'empty' }
  | { kind: 'unknown' };

export type FormatKind = FileFormat['kind'];

/** File extensions the readers take (they go by content; the extension only picks files in a folder). */
export const READABLE_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.et', '.docx'] as const;

const NAMES: Record<FormatKind, { zh: string; en: string }> = {
  xlsx: { zh: 'Excel 工作簿（.xlsx）', en: 'an Excel workbook (.xlsx)' },
  xlsb: { zh: 'Excel 二进制工作簿（.xlsb）', en: 'an Excel binary workbook (.xlsb)' },
  ods: { zh: 'OpenDocument 电子表格（.ods）', en: 'an OpenDocument spreadsheet (.ods)' },
  odt: { zh: 'OpenDocument 文本文档（.odt）', en: 'an OpenDocument text document (.odt)' },
  docx: { zh: 'Word 文档（.docx）', en: 'a Word document (.docx)' },
  pptx: { zh: 'PowerPoint 演示文稿（.pptx）', en: 'a PowerPoint presentation (.pptx)' },
  'xlsx-without-workbook': { zh: '缺少 xl/workbook.xml 的 .xlsx 包（工作簿主体已丢失）', en: 'an .xlsx package without xl/workbook.xml (the workbook part is missing)' },
  zip: { zh: '普通 ZIP 压缩包（不是 Office 文档）', en: 'a ZIP archive that is no Office document' },
  xls: { zh: 'Excel 97–2003 工作簿（.xls）', en: 'an Excel 97–2003 workbook (.xls)' },
  'xls-biff5': { zh: 'Excel 5.0/95 工作簿（BIFF5，过旧）', en: 'an Excel 5.0/95 workbook (BIFF5)' },
  'encrypted-ooxml': { zh: '设有打开密码的加密 Office 文件', en: 'a password-encrypted Office file' },
  doc: { zh: 'Word 97–2003 文档（.doc/.wps）', en: 'a Word 97–2003 document (.doc/.wps)' },
  ppt: { zh: 'PowerPoint 97–2003 演示文稿（.ppt）', en: 'a PowerPoint 97–2003 presentation (.ppt)' },
  'compound-file': { zh: '未知的 OLE 复合文档', en: 'an unknown OLE compound file' },
  'compound-file-damaged': { zh: 'OLE 复合文档（.xls/.et、.doc 或加密 Office 文件所用的容器）', en: 'an OLE compound file (the container of .xls/.et, .doc and encrypted Office files)' },
  pdf: { zh: 'PDF 文件', en: 'a PDF file' },
  html: { zh: '网页（HTML）文件（常见于系统导出的“假 .xls”）', en: 'an HTML page (often exported by web systems as ".xls")' },
  'xml-spreadsheet-2003': { zh: 'XML 电子表格 2003 文件', en: 'an XML Spreadsheet 2003 file' },
  text: { zh: '文本文件', en: 'a plain text file' },
  empty: { zh: '空文件', en: 'an empty file' },
  unknown: { zh: '无法识别的文件', en: 'a file of unknown format' },
};

export function formatName(f: FileFormat): { zh: string; en: string } {
  if (f.kind === 'xls' && f.et) return { zh: 'WPS 表格工作簿（.et，与 .xls 同为 BIFF8 格式）', en: 'a WPS Spreadsheets workbook (.et, BIFF8 like .xls)' };
  if (f.kind === 'xlsx' && f.macros) return { zh: 'Excel 启用宏的工作簿（.xlsm）', en: 'a macro-enabled Excel workbook (.xlsm)' };
  if (f.kind === 'text') return f.csv ? { zh: 'CSV/文本文件（不是工作簿）', en: 'a CSV or text file (not a workbook)' } : NAMES.text;
  return NAMES[f.kind];
}

/** How many leading bytes the text and markup tests look at. */
const SNIFF_BYTES = 4096;

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** End-of-central-directory record: signature, and how far from the end it may sit (a 64 KB comment). */
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MAX_BACK = 22 + 0xffff;

/**
 * The entry names of a zip, read from its central directory without inflating anything (the
 * readers unzip the package themselves; sniffing must cost next to nothing). Undefined when the
 * directory cannot be found or runs past the end: a damaged package.
 */
function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - EOCD_MAX_BACK); at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return undefined;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

async function zipFormat(bytes: Uint8Array): Promise<FileFormat> {
  const names = zipEntryNames(bytes);
  // A damaged package: the .xlsx reader names the damage.
  if (!names) return { kind: 'xlsx', macros: false };
  const has = (name: string) => names.includes(name);
  if (has('xl/workbook.xml')) return { kind: 'xlsx', macros: has('xl/vbaProject.bin') };
  if (has('xl/workbook.bin')) return { kind: 'xlsb' };
  if (has('word/document.xml')) return { kind: 'docx' };
  if (has('ppt/presentation.xml')) return { kind: 'pptx' };
  if (has('mimetype')) {
    const mimetype = await (await JSZip.loadAsync(bytes).catch(() => undefined))?.file('mimetype')?.async('string').catch(() => undefined);
    if (mimetype?.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return { kind: 'ods' };
    if (mimetype?.startsWith('application/vnd.oasis.opendocument.text')) return { kind: 'odt' };
  }
  if (names.some((n) => n.startsWith('xl/'))) return { kind: 'xlsx-without-workbook' };
  return { kind: 'zip' };
}

function compoundFormat(bytes: Uint8Array, name: string): FileFormat {
  let file: CompoundFile;
  try {
    file = new CompoundFile(bytes);
  } catch (err) {
    // A header or table running past the end of a truncated file ends in a RangeError of the DataView.
    if (err instanceof CompoundFileError || err instanceof RangeError) return { kind: 'compound-file-damaged', detail: err.message };
    throw err;
  }
  if (file.has('EncryptionInfo') && file.has('EncryptedPackage')) return { kind: 'encrypted-ooxml' };
  if (file.has('Workbook')) return { kind: 'xls', et: /\.et$/i.test(name) };
  if (file.has('Book')) return { kind: 'xls-biff5' };
  if (file.has('WordDocument')) return { kind: 'doc' };
  if (file.has('PowerPoint Document')) return { kind: 'ppt' };
  return { kind: 'compound-file' };
}

/** Text when the head has no NUL and no control bytes but tab, line breaks and form feed. */
function textFormat(bytes: Uint8Array): FileFormat | undefined {
  const head = bytes.subarray(0, SNIFF_BYTES);
  for (const b of head) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) return undefined;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '');
  const start = text.trimStart().slice(0, 512).toLowerCase();
  if (start.includes('urn:schemas-microsoft-com:office:spreadsheet')) return { kind: 'xml-spreadsheet-2003' };
  if (/^<(!doctype html|html|table|meta)\b/.test(start)) return { kind: 'html' };
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  return { kind: 'text', csv: lines.length > 0 && lines.every((l) => /[,\t;，]/.test(l)) };
}

/** The format of a file's bytes; `name` only tells .et from .xls. */
export async function sniffFormat(bytes: Uint8Array, name = ''): Promise<FileFormat> {
  if (bytes.length === 0) return { kind: 'empty' };
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)) return zipFormat(bytes);
  if (isCompoundFile(bytes)) return compoundFormat(bytes, name);
  if (startsWith(bytes, PDF)) return { kind: 'pdf' };
  return textFormat(bytes) ?? { kind: 'unknown' };
}
