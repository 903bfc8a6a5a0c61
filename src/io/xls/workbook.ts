/**
 * .xls (BIFF8, Excel 97–2003) and WPS .et workbooks → the sheet model: values, cached formula
 * results with their formulas, number formats, merges, sheet protection. Pure: runs in Node and in
 * the browser. A file it cannot read ends in an XlsReadError with the reason.
 */
import { Cell, CellValue, MergedRange, SheetModel, toCellValue, WorkbookModel } from '../../core/sheet/model';
import { CompoundFile, CompoundFileError } from './cfb';
import { biffErrorText, decodeFormula, FormulaContext } from './formula';
import { BUILTIN_FORMATS, isDateFormat, serialToIsoDate } from './numfmt';
import { BiffFormatError, BiffRecord, RecordReader, recordsFrom } from './records';

export type XlsProblem = 'encrypted' | 'biff5' | 'no-workbook-stream' | 'damaged' | 'too-many-cells';

export class XlsReadError extends Error {
  constructor(
    readonly problem: XlsProblem,
    detail: string,
  ) {
    super(detail);
    this.name = 'XlsReadError';
  }
}

/** Cells beyond this are refused: a BIFF8 sheet holds at most 65,536 × 256, real forms a few thousand. */
export const MAX_XLS_CELLS = 2_000_000;

const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  DATEMODE: 0x0022,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  FORMAT: 0x041e,
  XF: 0x00e0,
  EXTERNSHEET: 0x0017,
  SUPBOOK: 0x01ae,
  EXTERNNAME: 0x0023,
  NAME: 0x0018,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  SHRFMLA: 0x04bc,
  ARRAY: 0x0221,
  MERGECELLS: 0x00e5,
  PROTECT: 0x0012,
} as const;

const BIFF8 = 0x0600;
const BOF_GLOBALS = 0x0005;
const BOF_WORKSHEET = 0x0010;
const SHEET_TYPE_WORKSHEET = 0;
const SELF_REFERENCE = 0x0401;

const BUILTIN_NAMES = ['Consolidate_Area', 'Auto_Open', 'Auto_Close', 'Extract', 'Database', 'Criteria', 'Print_Area', 'Print_Titles', 'Recorder', 'Data_Form', 'Auto_Activate', 'Auto_Deactivate', 'Sheet_Title', '_FilterDatabase'];

interface Globals {
  sheets: Array<{ name: string; offset: number; type: number }>;
  strings: string[];
  formats: Map<number, string>;
  /** Format index of each XF record. */
  xfFormats: number[];
  date1904: boolean;
  formula: Omit<FormulaContext, 'sharedAt'>;
}

function decodeRk(rk: number): number {
  const value = rk & 0x02 ? (rk >> 2) : new DataView(new Uint32Array([0, (rk & 0xfffffffc) >>> 0]).buffer).getFloat64(0, true);
  return rk & 0x01 ? value / 100 : value;
}

function readGlobals(stream: Uint8Array): Globals {
  const g: Globals = { sheets: [], strings: [], formats: new Map(), xfFormats: [], date1904: false, formula: { sheetNames: [], externSheets: [], books: [], names: [] } };
  let first = true;
  for (const rec of recordsFrom(stream, 0)) {
    const r = RecordReader.of(rec);
    if (first) {
      if (rec.type !== R.BOF) throw new XlsReadError('damaged', 'the Workbook stream does not start with a BOF record');
      const version = r.u16();
      const kind = r.u16();
      if (version !== BIFF8) throw new XlsReadError('biff5', `BIFF version 0x${version.toString(16)}`);
      if (kind !== BOF_GLOBALS) throw new XlsReadError('damaged', 'the first substream is not the workbook globals');
      first = false;
      continue;
    }
    switch (rec.type) {
      case R.EOF:
        g.formula.sheetNames = g.sheets.map((s) => s.name);
        return g;
      case R.FILEPASS:
        throw new XlsReadError('encrypted', 'FILEPASS');
      case R.DATEMODE:
        g.date1904 = r.u16() === 1;
        break;
      case R.BOUNDSHEET: {
        const offset = r.u32();
        r.u8(); // visibility: hidden sheets are read like the .xlsx reader reads them
        const type = r.u8();
        g.sheets.push({ offset, type, name: r.shortUnicodeString() });
        break;
      }
      case R.SST: {
        r.u32();
        const unique = r.u32();
        for (let i = 0; i < unique && !r.done; i++) g.strings.push(r.richExtendedString());
        break;
      }
      case R.FORMAT: {
        const index = r.u16();
        g.formats.set(index, r.unicodeString());
        break;
      }
      case R.XF:
        r.u16();
        g.xfFormats.push(r.u16());
        break;
      case R.SUPBOOK: {
        r.u16();
        g.formula.books.push({ self: r.u16() === SELF_REFERENCE, names: [] });
        break;
      }
      case R.EXTERNNAME: {
        const book = g.formula.books[g.formula.books.length - 1];
        if (!book) break;
        r.u16();
        r.skip(4);
        book.names.push(r.shortUnicodeString());
        break;
      }
      case R.EXTERNSHEET: {
        const count = r.u16();
        for (let i = 0; i < count; i++) g.formula.externSheets.push({ book: r.u16(), first: r.i16(), last: r.i16() });
        break;
      }
      case R.NAME: {
        const flags = r.u16();
        r.u8();
        const length = r.u8();
        r.skip(2 + 2 + 2 + 4);
        const wide = (r.u8() & 1) === 1;
        const text = r.chars(length, wide);
        g.formula.names.push(flags & 0x20 ? `_xlnm.${BUILTIN_NAMES[text.charCodeAt(0)] ?? text}` : text);
        break;
      }
    }
  }
  throw new XlsReadError('damaged', 'the workbook globals have no EOF record');
}

interface PendingFormula {
  row: number;
  col: number;
  rgce: Uint8Array;
  extra: Uint8Array;
  cell: Cell;
}

/** A FORMULA record's cached value; a string result comes in the STRING record after it. */
function formulaResult(bytes: Uint8Array): { value: CellValue; stringFollows: boolean } {
  if (bytes[6] === 0xff && bytes[7] === 0xff) {
    switch (bytes[0]) {
      case 0:
        return { value: null, stringFollows: true };
      case 1:
        return { value: bytes[2] !== 0, stringFollows: false };
      case 2:
        return { value: { error: biffErrorText(bytes[2]) }, stringFollows: false };
      default:
        return { value: null, stringFollows: false };
    }
  }
  return { value: toCellValue(new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0, true)), stringFollows: false };
}

/** The rgce of a formula-bearing record and the extra data (array constants) after it. */
function splitRgce(rec: BiffRecord, at: number): { rgce: Uint8Array; extra: Uint8Array } {
  const all = rec.segments.length === 1 ? rec.segments[0] : concat(rec.segments);
  const cce = all[at] | (all[at + 1] << 8);
  if (at + 2 + cce > all.length) throw new BiffFormatError('formula longer than its record');
  return { rgce: all.subarray(at + 2, at + 2 + cce), extra: all.subarray(at + 2 + cce) };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function readSheet(stream: Uint8Array, g: Globals, sheet: Globals['sheets'][number], budget: { cells: number }): SheetModel | undefined {
  const rows: (Cell | undefined)[][] = [];
  const merges: MergedRange[] = [];
  const pending: PendingFormula[] = [];
  const shared = new Map<string, { rgce: Uint8Array; extra: Uint8Array }>();
  let isProtected = false;
  let awaitingString: Cell | undefined;
  let first = true;

  const put = (row: number, col: number, value: CellValue, xf: number): Cell | undefined => {
    if (--budget.cells < 0) throw new XlsReadError('too-many-cells', `more than ${MAX_XLS_CELLS} cells`);
    const fmtIndex = g.xfFormats[xf];
    const code = fmtIndex === undefined ? undefined : (g.formats.get(fmtIndex) ?? BUILTIN_FORMATS[fmtIndex]);
    let v = value;
    if (typeof v === 'number' && code && isDateFormat(code)) v = serialToIsoDate(v, g.date1904);
    const cell: Cell = { value: v };
    if (code && code !== 'General' && code !== '@') cell.numFmt = code;
    (rows[row + 1] ??= [])[col + 1] = cell;
    return cell;
  };

  for (const rec of recordsFrom(stream, sheet.offset)) {
    const r = RecordReader.of(rec);
    if (first) {
      if (rec.type !== R.BOF) throw new XlsReadError('damaged', `sheet ${sheet.name} does not start with a BOF record`);
      r.u16();
      if (r.u16() !== BOF_WORKSHEET) return undefined; // a chart, macro or dialog sheet
      first = false;
      continue;
    }
    if (rec.type === R.EOF) break;
    if (rec.type !== R.STRING && rec.type !== R.SHRFMLA && rec.type !== R.ARRAY) awaitingString = undefined;
    switch (rec.type) {
      case R.LABELSST: {
        const row = r.u16();
        const col = r.u16();
        const xf = r.u16();
        const s = g.strings[r.u32()];
        if (s !== undefined) put(row, col, toCellValue(s), xf);
        break;
      }
      case R.LABEL:
      case R.RSTRING: {
        const row = r.u16();
        const col = r.u16();
        const xf = r.u16();
        put(row, col, toCellValue(r.unicodeString()), xf);
        break;
      }
      case R.NUMBER: {
        const row = r.u16();
        const col = r.u16();
        const xf = r.u16();
        put(row, col, toCellValue(r.f64()), xf);
        break;
      }
      case R.RK: {
        const row = r.u16();
        const col = r.u16();
        const xf = r.u16();
        put(row, col, decodeRk(r.u32() | 0), xf);
        break;
      }
      case R.MULRK: {
        const row = r.u16();
        const firstCol = r.u16();
        const all = rec.segments[0];
        const count = Math.floor((all.length - 6) / 6);
        for (let i = 0; i < count; i++) {
          const xf = r.u16();
          put(row, firstCol + i, decodeRk(r.u32() | 0), xf);
        }
        break;
      }
      case R.BOOLERR: {
        const row = r.u16();
        const col = r.u16();
        const xf = r.u16();
        const v = r.u8();
        put(row, col, r.u8() ? { error: biffErrorText(v) } : v !== 0, xf);
        break;
      }
      case R.FORMULA: {
        const row = r.u16();
        const col = r.u16();
        const xf = r.u16();
        const { value, stringFollows } = formulaResult(r.bytes(8));
        const cell = put(row, col, value, xf)!;
        const { rgce, extra } = splitRgce(rec, 20);
        pending.push({ row, col, rgce, extra, cell });
        awaitingString = stringFollows ? cell : undefined;
        break;
      }
      case R.STRING:
        if (awaitingString) awaitingString.value = toCellValue(r.unicodeString());
        awaitingString = undefined;
        break;
      case R.SHRFMLA:
      case R.ARRAY: {
        const firstRow = r.u16();
        r.u16();
        const firstCol = r.u8();
        // SHRFMLA: 6-byte range, reserved, use count; ARRAY: 6-byte range, options, reserved 4.
        const at = rec.type === R.SHRFMLA ? 8 : 12;
        shared.set(`${firstRow},${firstCol}`, splitRgce(rec, at));
        break;
      }
      case R.MERGECELLS: {
        const count = r.u16();
        for (let i = 0; i < count; i++) {
          const top = r.u16() + 1;
          const bottom = r.u16() + 1;
          const left = r.u16() + 1;
          const right = r.u16() + 1;
          if (bottom >= top && right >= left && (bottom > top || right > left)) merges.push({ top, left, bottom, right });
        }
        break;
      }
      case R.PROTECT:
        isProtected = r.u16() === 1;
        break;
    }
  }
  if (first) throw new XlsReadError('damaged', `sheet ${sheet.name} points past the end of the Workbook stream`);
  const ctx: FormulaContext = { ...g.formula, sharedAt: (row, col) => shared.get(`${row},${col}`) };
  for (const f of pending) {
    const text = decodeFormula(f.rgce, f.extra, f.row, f.col, ctx);
    if (text !== undefined) f.cell.formula = text;
  }
  // A cell whose only content was an empty cached string is no cell, as in the .xlsx reader.
  for (const f of pending) if (f.cell.value === null && !f.cell.formula) delete rows[f.row + 1]?.[f.col + 1];
  return new SheetModel(sheet.name, rows, merges, isProtected);
}

/** Read an .xls or .et workbook (BIFF8 inside a compound file). */
export function readXlsWorkbook(bytes: Uint8Array, source: string): WorkbookModel {
  try {
    const file = new CompoundFile(bytes);
    const stream = file.stream('Workbook');
    if (!stream) {
      if (file.has('Book')) throw new XlsReadError('biff5', 'a BIFF5 Book stream');
      throw new XlsReadError('no-workbook-stream', `streams: ${file.names().join(', ')}`);
    }
    const g = readGlobals(stream);
    const budget = { cells: MAX_XLS_CELLS };
    const sheets: SheetModel[] = [];
    for (const s of g.sheets) {
      if (s.type !== SHEET_TYPE_WORKSHEET) continue;
      const sheet = readSheet(stream, g, s, budget);
      if (sheet) sheets.push(sheet);
    }
    return { source, sheets };
  } catch (err) {
    if (err instanceof XlsReadError) throw err;
    if (err instanceof CompoundFileError || err instanceof BiffFormatError || err instanceof RangeError) throw new XlsReadError('damaged', err.message);
    throw err;
  }
}
