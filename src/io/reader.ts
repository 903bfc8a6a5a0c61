import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseRangeA1 } from '../core/sheet/address';
import { Cell, CellValue, MergedRange, SheetModel, toCellValue, WorkbookModel } from '../core/sheet/model';

/** A workbook that cannot be read, with the reason in Chinese and English. */
export class WorkbookReadError extends Error {
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(messageZh: string, messageEn: string) {
    super(`${messageZh} (${messageEn})`);
    this.name = 'WorkbookReadError';
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // OLE container: a legacy .xls or an encrypted .xlsx

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Check the container before handing it to exceljs, so the user gets a reason and not a zip stack trace. */
function checkContainer(bytes: Uint8Array, source: string): void {
  if (bytes.length === 0) throw new WorkbookReadError(`文件为空：${source}`, `empty file: ${source}`);
  if (startsWith(bytes, CFB_MAGIC)) {
    throw new WorkbookReadError(
      `无法读取 ${source}：文件已加密（设有打开密码）或为旧版 .xls 格式，请在 Excel 中去除密码或另存为 .xlsx 后重试`,
      `cannot read ${source}: the file is password-protected or a legacy .xls; remove the password or save it as .xlsx`,
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new WorkbookReadError(`${source} 不是 .xlsx 工作簿（文件格式不符）`, `${source} is not an .xlsx workbook`);
  }
}

type ExcelValue = ExcelJS.CellValue;

/** exceljs takes a Buffer in Node and an ArrayBuffer in the browser. */
export function excelInput(bytes: Uint8Array): ArrayBuffer {
  const input = typeof Buffer !== 'undefined' ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes.buffer;
  return input as ArrayBuffer;
}

/** exceljs's value shapes → our CellValue plus formula. */
function convertValue(v: ExcelValue): { value: CellValue; formula?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: toCellValue(v) };
  if (v instanceof Date) return { value: toCellValue(v) };
  const o = v as unknown as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    const result = o.result as ExcelValue | undefined;
    const inner = result === undefined ? { value: null } : convertValue(result);
    const f = (o.formula ?? o.sharedFormula) as string | undefined;
    return { value: inner.value, formula: typeof o.formula === 'string' ? o.formula : f };
  }
  if ('richText' in o && Array.isArray(o.richText)) {
    return { value: toCellValue((o.richText as { text: string }[]).map((r) => r.text).join('')) };
  }
  if ('error' in o) return { value: { error: String(o.error) } };
  if ('text' in o) return { value: toCellValue(String(o.text)) };
  return { value: toCellValue(String(v)) };
}

const MERGE_TYPE = 1; // ExcelJS.ValueType.Merge

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const unescapeXml = (s: string): string =>
  s.replace(/&(?:amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (e, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : XML_ENTITIES[e],
  );
const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

function rangeOrUndefined(ref: string): MergedRange | undefined {
  try {
    return parseRangeA1(ref);
  } catch {
    return undefined; // a malformed merge is ignored, as Excel would repair it
  }
}

/**
 * The merged ranges of every worksheet, by sheet name, read from the package itself. exceljs
 * applies each merge after checking it against every merge before it: quadratic, 0.9 s of the
 * 2.3 s a 50,000-row sheet with 2,750 merges takes to load. We only need the ranges, so exceljs is
 * told to skip them. Undefined when the package does not map its sheets the usual way: then
 * exceljs reads the merges after all.
 */
async function readMerges(bytes: Uint8Array): Promise<Map<string, MergedRange[]> | undefined> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!workbook || !rels) return undefined;
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, MergedRange[]>();
  for (const [tag] of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    const part = targets.get(attr(tag, '(?:\\w+:)?id') ?? '');
    if (name === undefined || part === undefined) return undefined;
    const file = zip.file(part);
    if (!file) continue; // a chart sheet or a missing part: exceljs has no worksheet for it either
    const xml = await file.async('string');
    // <mergeCells> follows <sheetData>: search only the tail, not the cells.
    const from = xml.indexOf('mergeCells', Math.max(0, xml.lastIndexOf('sheetData')));
    const merges: MergedRange[] = [];
    if (from >= 0) {
      for (const [, ref] of xml.slice(xml.lastIndexOf('<', from)).matchAll(/<(?:\w+:)?mergeCell\b[^>]*\sref="([^"]+)"/g)) {
        const range = rangeOrUndefined(ref);
        if (range && (range.bottom > range.top || range.right > range.left)) merges.push(range);
      }
    }
    out.set(unescapeXml(name), merges);
  }
  return out;
}

function readSheet(ws: ExcelJS.Worksheet, knownMerges?: MergedRange[]): SheetModel {
  const rows: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const line: (Cell | undefined)[] = [];
    let any = false;
    row.eachCell({ includeEmpty: false }, (c, col) => {
      if (c.type === MERGE_TYPE) return; // the master holds the value
      const { value, formula } = convertValue(c.value);
      if (value === null && !formula) return;
      const cell: Cell = { value };
      if (formula) cell.formula = formula;
      const fmt = c.numFmt;
      if (fmt && fmt !== 'General' && fmt !== '@') cell.numFmt = fmt;
      line[col] = cell;
      any = true;
    });
    if (any) rows[r] = line;
  });
  // Without merges read from the package, exceljs keeps them in a private map (ws.model would copy the sheet).
  const mergeMap = (ws as unknown as { _merges?: Record<string, MergedRange> })._merges ?? {};
  const merges: MergedRange[] = knownMerges ?? Object.values(mergeMap).map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
  const isProtected = !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;
  return new SheetModel(ws.name, rows, merges, isProtected);
}

/** Read an .xlsx (or .xlsm) into the sheet model. Works in Node and in the browser. */
export async function readWorkbook(data: ArrayBuffer | Uint8Array, source: string): Promise<WorkbookModel> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  checkContainer(bytes, source);
  let wb = new ExcelJS.Workbook();
  let merges: Map<string, MergedRange[]> | undefined;
  try {
    merges = await readMerges(bytes);
    await wb.xlsx.load(excelInput(bytes), merges ? { ignoreNodes: ['mergeCells'] } : undefined);
    if (merges && !wb.worksheets.every((ws) => merges!.has(ws.name))) {
      // A sheet we could not match by name: let exceljs read the merges after all.
      merges = undefined;
      wb = new ExcelJS.Workbook();
      await wb.xlsx.load(excelInput(bytes));
    }
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new WorkbookReadError(`${source} 已损坏或不是有效的 .xlsx 工作簿（${detail}）`, `${source} is corrupt or not a valid .xlsx (${detail})`);
  }
  const sheets = wb.worksheets.map((ws) => readSheet(ws, merges?.get(ws.name)));
  return { source, sheets };
}
