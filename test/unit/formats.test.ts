/**
 * Formats told apart by content (issue 14, item 4): each kind of file is named in the message,
 * whatever its extension; the readable ones are read by the right reader.
 */
import * as CFB from 'cfb';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { FileFormat, sniffFormat } from '../../src/io/format';
import { readAnyWorkbook } from '../../src/io/read-any';
import { WorkbookReadError } from '../../src/io/reader';

const BAD = join(__dirname, '../fixtures/bad');
const XLS = join(__dirname, '../fixtures/xls');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A compound file holding the given root streams (cfb writes it; only our reader reads). */
function compound(streams: Record<string, Uint8Array>): Uint8Array {
  const c = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(c, `/${name}`, Buffer.from(data));
  return new Uint8Array(CFB.write(c, { type: 'buffer' }) as Buffer);
}

async function zip(files: Record<string, string>): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [name, text] of Object.entries(files)) z.file(name, text);
  return z.generateAsync({ type: 'uint8array' });
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the bad-input reproducers of other formats renamed .xlsx', () => {
  const cases: Array<{ file: string; code: number; pattern: RegExp; stream: 'out' | 'err' }> = [
    { file: 'fmt-docx.xlsx', code: 0, pattern: /按内容是Word 文档（\.docx）/, stream: 'out' },
    { file: 'fmt-xlsb.xlsx', code: 2, pattern: /不是 \.xlsx 工作簿.*Excel 二进制工作簿（\.xlsb）/, stream: 'err' },
    { file: 'fmt-ods.xlsx', code: 2, pattern: /不是 \.xlsx 工作簿.*OpenDocument 电子表格（\.ods）.*--convert/, stream: 'err' },
    { file: 'fmt-zip-no-xl.xlsx', code: 2, pattern: /不是 \.xlsx 工作簿.*普通 ZIP 压缩包/, stream: 'err' },
    { file: 'removed-workbook-xml.xlsx', code: 2, pattern: /已损坏.*缺少 xl\/workbook\.xml/, stream: 'err' },
  ];
  it.each(cases)('$file: exit $code, named in the message, file unchanged', async (c) => {
    const file = join(BAD, c.file);
    const before = sha(readFileSync(file));
    const r = await run('audit', file);
    expect(r.code).toBe(c.code);
    expect(r[c.stream]).toMatch(c.pattern);
    expect(r.err).not.toMatch(/内部错误|internal error|at .*\.ts:\d+/);
    expect(sha(readFileSync(file))).toBe(before);
  });

  it('reads the Word document renamed .xlsx as a Word document: no table in it, and it says so', async () => {
    const r = await run('audit', join(BAD, 'fmt-docx.xlsx'), '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { format: string; summary: { tables: number } };
    expect(json.format).toBe('docx');
    expect(json.summary.tables).toBe(0);
  });
});

describe('sniffFormat tells formats apart by content', () => {
  const expectations: Array<[string, () => Promise<Uint8Array> | Uint8Array, string, Partial<FileFormat>]> = [
    ['an .xlsx', () => readFileSync(join(__dirname, '../fixtures/xlsx/seed000.xlsx')), 'a.xlsx', { kind: 'xlsx', macros: false }],
    ['an .xlsm', () => zip({ 'xl/workbook.xml': '<workbook/>', 'xl/vbaProject.bin': 'VBA' }), 'a.xlsm', { kind: 'xlsx', macros: true }],
    ['an .xls written by LibreOffice', () => readFileSync(join(XLS, 'seed000.xls')), 'a.xls', { kind: 'xls', et: false }],
    ['an .et', () => readFileSync(join(XLS, 'seed003-summary.et')), 'a.et', { kind: 'xls', et: true }],
    ['an .xls named .xlsx', () => readFileSync(join(XLS, 'seed000.xls')), 'a.xlsx', { kind: 'xls', et: false }],
    ['an encrypted OOXML package', () => compound({ EncryptionInfo: new Uint8Array(64), EncryptedPackage: new Uint8Array(4096) }), 'a.xlsx', { kind: 'encrypted-ooxml' }],
    ['an Excel 95 workbook', () => compound({ Book: new Uint8Array(600) }), 'a.xls', { kind: 'xls-biff5' }],
    ['a Word 97 document', () => compound({ WordDocument: new Uint8Array(600) }), 'a.doc', { kind: 'doc' }],
    ['a PowerPoint 97 presentation', () => compound({ 'PowerPoint Document': new Uint8Array(600) }), 'a.xls', { kind: 'ppt' }],
    ['another compound file', () => compound({ Other: new Uint8Array(10) }), 'a.xls', { kind: 'compound-file' }],
    ['a compound file with a looping FAT', () => readFileSync(join(BAD, 'cfb-fat-loop.xls')), 'a.xls', { kind: 'xls' }],
    ['a .docx', () => zip({ 'word/document.xml': '<w:document/>', '[Content_Types].xml': '<Types/>' }), 'a.docx', { kind: 'docx' }],
    ['a .pptx', () => zip({ 'ppt/presentation.xml': '<p/>' }), 'a.xlsx', { kind: 'pptx' }],
    ['an .odt', () => zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }), 'a.xlsx', { kind: 'odt' }],
    ['an empty file', () => new Uint8Array(0), 'a.xlsx', { kind: 'empty' }],
    ['a CSV', () => new TextEncoder().encode('一级指标,权重,得分\n投入,20,18\n'), 'a.xlsx', { kind: 'text', csv: true }],
    ['plain text', () => new TextEncoder().encode('这是一段说明文字\n没有分隔符\n'), 'a.xlsx', { kind: 'text', csv: false }],
    ['an HTML "xls" from a web system', () => new TextEncoder().encode('<html><body><table><tr><td>得分</td></tr></table></body></html>'), 'a.xls', { kind: 'html' }],
    ['an XML Spreadsheet 2003', () => new TextEncoder().encode('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'), 'a.xls', { kind: 'xml-spreadsheet-2003' }],
    ['a PDF', () => new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3'), 'a.xlsx', { kind: 'pdf' }],
    ['random binary', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]), 'a.xlsx', { kind: 'unknown' }],
  ];
  it.each(expectations)('%s', async (_label, bytes, name, expected) => {
    expect(await sniffFormat(await bytes(), name)).toMatchObject(expected);
  });

  it('names a damaged compound file as one', async () => {
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await sniffFormat(bytes, 'x.xls')).kind).toBe('compound-file-damaged');
  });
});

describe('readAnyWorkbook names what it cannot read, in Chinese and English', () => {
  const refusals: Array<[string, () => Promise<Uint8Array> | Uint8Array, RegExp, RegExp]> = [
    ['encrypted OOXML', () => compound({ EncryptionInfo: new Uint8Array(64), EncryptedPackage: new Uint8Array(4096) }), /已加密.*去除打开密码/, /password/],
    ['Excel 95', () => compound({ Book: new Uint8Array(600) }), /Excel 5\.0\/95/, /BIFF5/],
    ['Word 97', () => compound({ WordDocument: new Uint8Array(600) }), /Word 97–2003 文档.*另存为 \.docx/, /Word 97–2003/],
    ['CSV', () => new TextEncoder().encode('a,b\n1,2\n'), /CSV\/文本文件/, /CSV/],
    ['HTML', () => new TextEncoder().encode('<!DOCTYPE html><html></html>'), /网页（HTML）/, /HTML/],
    ['empty', () => new Uint8Array(0), /文件为空/, /empty/],
    ['looping FAT', () => readFileSync(join(BAD, 'cfb-fat-loop.xls')), /已损坏.*Excel 97–2003 工作簿.*sector chain loops/, /damaged/],
  ];
  it.each(refusals)('%s', async (_label, bytes, zh, en) => {
    const err = await readAnyWorkbook(await bytes(), 'x.xlsx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as WorkbookReadError).messageZh).toMatch(zh);
    expect((err as WorkbookReadError).messageEn).toMatch(en);
  });

  it('reads an .xlsx, an .xls and a .docx by content, whatever they are called', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').getCell('A1').value = '一级指标';
    const xlsx = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect((await readAnyWorkbook(xlsx, 'a.docx')).format.kind).toBe('xlsx');
    expect((await readAnyWorkbook(readFileSync(join(XLS, 'seed000.xls')), 'a.docx')).format.kind).toBe('xls');
    const docx = await zip({ 'word/document.xml': '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>综合得分</w:t></w:r></w:p></w:body></w:document>' });
    const read = await readAnyWorkbook(docx, 'a.xls');
    expect(read.format.kind).toBe('docx');
    expect(read.workbook.sheets.map((s) => s.name)).toEqual(['正文']);
  });
});
