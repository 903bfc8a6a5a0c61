/**
 * .xlsx / .xlsm → the sheet model, in Node and in the browser. The package is read part by part
 * with jszip and a linear XML scanner (xml.ts): the work and the memory follow the cells that are
 * written, every size is checked against LIMITS before the work it causes, and a file that cannot
 * be read gets a sentence, never a stack trace.
 */
import { SetAsideCells, SheetModel, WorkbookModel } from '../core/sheet/model';
import { damaged } from './errors';
import { LIMITS, limitExceeded } from './limits';
import { parsing, readWorkbookPart, readXmlPart, REL_TYPE, typeIs } from './opc';
import { readSheetXml, readStringItem, SheetContext } from './sheet-xml';
import { isDateFormat, numberFormatsByStyle } from './styles';
import { XmlScanner } from './xml';
import { Inflate, ZipPackage } from './zip';

export interface ReadOptions {
  /** A native inflater (Node's zlib, from the CLI); without one jszip inflates. */
  inflate?: Inflate;
}

export { WorkbookLimitError, WorkbookReadError } from './errors';

/** The shared-string table: one string per <si>, at most LIMITS.sharedStrings of them. */
export function readSharedStrings(xml: string, part: string, source: string): string[] {
  const out: string[] = [];
  const scan = new XmlScanner(xml, part);
  while (scan.next()) {
    const opened = scan.kind !== 'close' && scan.name === 'si';
    if (!opened) continue;
    if (out.length >= LIMITS.sharedStrings) throw limitExceeded('sharedStrings', source, undefined);
    out.push(readStringItem(scan, 'si'));
  }
  return out;
}

/** Read an .xlsx (or .xlsm) into the sheet model. */
export async function readWorkbook(data: ArrayBuffer | Uint8Array, source: string, options: ReadOptions = {}): Promise<WorkbookModel> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length > LIMITS.inputBytes) throw limitExceeded('inputBytes', source, bytes.length);
  const pkg = await ZipPackage.open(bytes, source, options.inflate);
  const workbook = await readWorkbookPart(pkg);
  const partOf = (suffix: string) => workbook.rels.find((r) => typeIs(r, suffix) && r.part !== undefined && pkg.has(r.part))?.part;
  const stringsPart = partOf(REL_TYPE.sharedStrings);
  const stylesPart = partOf(REL_TYPE.styles);
  const formats = stylesPart === undefined ? [] : await readPart(pkg, stylesPart, (xml) => numberFormatsByStyle(xml, stylesPart));
  const ctx: SheetContext = {
    source,
    sharedStrings: stringsPart === undefined ? undefined : await readPart(pkg, stringsPart, (xml) => readSharedStrings(xml, stringsPart, source)),
    formats,
    dateStyles: formats.map(isDateFormat),
    date1904: workbook.date1904,
    cellCount: { n: 0 },
  };
  const sheets: SheetModel[] = [];
  for (const entry of workbook.sheets) {
    if (entry.part === undefined) continue; // a chart sheet, a dialog sheet, or a part the package lacks
    const part = entry.part;
    const sheet = await readPart(pkg, part, (xml) => readSheetXml(xml, part, ctx));
    if (sheet.missingSharedStrings) {
      throw damaged(
        source,
        `工作表「${entry.name}」引用的共享字符串在文件中不存在（缺少 xl/sharedStrings.xml 或其条目），文字单元格无法读出`,
        `sheet "${entry.name}" uses shared strings the package does not have (xl/sharedStrings.xml or its entries are missing)`,
      );
    }
    const setAside: SetAsideCells[] = sheet.beyondGrid.cells > 0 ? [{ reason: 'beyond-grid', cells: sheet.beyondGrid.cells, first: sheet.beyondGrid.first! }] : [];
    sheets.push(new SheetModel(entry.name, sheet.rows, sheet.merges, sheet.protected, setAside));
  }
  return { source, sheets };
}

/** Inflate and decode a part, then parse it, XML errors reported as a damaged workbook. */
async function readPart<T>(pkg: ZipPackage, part: string, parse: (xml: string) => T): Promise<T> {
  const xml = await readXmlPart(pkg, part);
  return parsing(pkg.source, () => parse(xml));
}
