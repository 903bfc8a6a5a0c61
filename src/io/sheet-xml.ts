import { a1, parseRangeA1 } from '../core/sheet/address';
import { Cell, CellValue, MergedRange, toCellValue } from '../core/sheet/model';
import { shiftFormula } from './formula';
import { LIMITS, limitExceeded } from './limits';
import { decodeXstring, XmlScanner } from './xml';

/** Excel's grid: a cell beyond it cannot exist in a valid file. */
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = 25_569; // serial of 1970-01-01 in the 1900 date system
const OFFSET_1904 = 1_462;

export interface SheetContext {
  source: string;
  sharedStrings: string[] | undefined;
  /** Number format code per cell style, and whether it shows a date. */
  formats: string[];
  dateStyles: boolean[];
  date1904: boolean;
  /** Cells with a value or a formula read so far in the workbook (the cell limit is per workbook). */
  cellCount: { n: number };
}

export interface ReadSheet {
  rows: (Cell | undefined)[][];
  merges: MergedRange[];
  protected: boolean;
  /** Cells outside Excel's grid (a damaged file): not read, counted for the message. */
  beyondGrid: { cells: number; first?: string };
  /** A cell used a shared string the package does not have (no shared-string part, or an index beyond it). */
  missingSharedStrings: boolean;
}

/** "A1" (any case) → [row, col]; undefined when it is not a plain cell reference. */
function cellRef(ref: string): [number, number] | undefined {
  let i = 0;
  let col = 0;
  for (; i < ref.length && i < 4; i++) {
    const ch = ref.charCodeAt(i) | 0x20; // lower case
    if (ch < 0x61 || ch > 0x7a) break;
    col = col * 26 + (ch - 0x60);
  }
  if (i === 0 || i > 3 || i === ref.length) return undefined;
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1) return undefined;
  return [row, col];
}

function serialToIsoDate(serial: number, date1904: boolean): string | undefined {
  const d = new Date(Math.round((serial - EPOCH_1900 + (date1904 ? OFFSET_1904 : 0)) * MS_PER_DAY));
  return Number.isFinite(d.getTime()) ? d.toISOString().slice(0, 10) : undefined;
}

/** Text of an inline string or a shared-string item: its <t> runs, phonetic guides (<rPh>) left out. */
export function readStringItem(scan: XmlScanner, element: string): string {
  const empty = scan.kind !== 'open';
  if (empty) return '';
  let text = '';
  while (scan.next()) {
    if (scan.kind === 'close' && scan.name === element) break;
    if (scan.name === 'rPh' && scan.kind === 'open') scan.skipElement();
    else if (scan.name === 't' && scan.kind === 'open') text += scan.text();
  }
  return decodeXstring(text);
}

interface SharedFormula {
  formula: string;
  row: number;
  col: number;
}

/**
 * One worksheet part: the cells that hold a value or a formula, the merged areas, protection.
 * Rows and cells without an `r` follow the one before; numbers under a date format become ISO
 * dates; shared formulas are expanded for each cell. Work and memory follow the cells written,
 * never the rectangle they span.
 */
export function readSheetXml(xml: string, part: string, ctx: SheetContext): ReadSheet {
  const rows: (Cell | undefined)[][] = [];
  const merges: MergedRange[] = [];
  const beyondGrid: ReadSheet['beyondGrid'] = { cells: 0 };
  const shared = new Map<string, SharedFormula>();
  let isProtected = false;
  let missingSharedStrings = false;
  const scan = new XmlScanner(xml, part);
  let row = 0;
  let col = 0;
  while (scan.next()) {
    // Locals, not scan.kind / scan.name: TypeScript would keep them narrowed across scan.next().
    const kind = scan.kind;
    const name = scan.name;
    if (kind === 'close') continue;
    switch (name) {
      case 'row': {
        const r = Number(scan.attr('r'));
        row = Number.isInteger(r) && r >= 1 ? r : row + 1;
        col = 0;
        break;
      }
      case 'c': {
        const ref = scan.attr('r');
        const at = ref === undefined ? undefined : cellRef(ref);
        if (at) [row, col] = at;
        else col++;
        if (row === 0) row = 1; // a cell before any <row>: a damaged file, read as row 1
        const type = scan.attr('t');
        const style = Number(scan.attr('s') ?? 0);
        let raw: string | undefined;
        let formula: string | undefined;
        let inline: string | undefined;
        if (kind === 'open') {
          while (scan.next()) {
            if (scan.kind === 'close' && scan.name === 'c') break;
            if (scan.kind === 'close') continue;
            if (scan.name === 'v') raw = scan.text();
            else if (scan.name === 'is') inline = readStringItem(scan, 'is');
            else if (scan.name === 'f') {
              const kind = scan.attr('t');
              const si = scan.attr('si');
              const text = scan.text();
              if (kind === 'shared' && si !== undefined && text === '') {
                // A cell sharing the formula of the master cell that wrote it out in full.
                const master = shared.get(si);
                if (master) formula = shiftFormula(master.formula, row - master.row, col - master.col);
              } else if (kind !== 'dataTable' && text !== '') {
                formula = text;
                if (kind === 'shared' && si !== undefined) shared.set(si, { formula: text, row, col });
              }
            } else if (scan.kind === 'open') scan.skipElement();
          }
        }
        if (raw === undefined && inline === undefined && formula === undefined) break;
        if (row > MAX_ROW || col > MAX_COL) {
          if (beyondGrid.cells++ === 0) beyondGrid.first = col > MAX_COL ? `R${row}C${col}` : a1(row, col);
          break;
        }
        let value: CellValue = null;
        const numFmt = ctx.formats[style];
        switch (type) {
          case 's': {
            if (raw === undefined) break;
            const text = ctx.sharedStrings?.[Number(raw)];
            if (text === undefined) missingSharedStrings = true;
            else value = toCellValue(text);
            break;
          }
          case 'inlineStr':
            value = toCellValue(inline ?? raw ?? null);
            break;
          case 'str':
            value = toCellValue(raw === undefined ? null : decodeXstring(raw));
            break;
          case 'b':
            value = raw === undefined ? null : raw === '1' || raw === 'true';
            break;
          case 'e':
            value = raw === undefined ? null : { error: raw };
            break;
          case 'd':
            value = raw === undefined ? null : toCellValue(raw.slice(0, 10));
            break;
          default: {
            if (raw === undefined) break;
            const n = Number(raw);
            if (raw.trim() === '' || !Number.isFinite(n)) value = toCellValue(raw);
            else value = (ctx.dateStyles[style] && serialToIsoDate(n, ctx.date1904)) || n;
          }
        }
        if (value === null && formula === undefined) break;
        if (++ctx.cellCount.n > LIMITS.cells) throw limitExceeded('cells', ctx.source, undefined);
        const cell: Cell = { value };
        if (formula !== undefined) cell.formula = formula;
        if (numFmt && numFmt !== 'General' && numFmt !== '@') cell.numFmt = numFmt;
        (rows[row] ??= [])[col] = cell;
        break;
      }
      case 'sheetProtection': {
        const s = scan.attr('sheet');
        isProtected = s === '1' || s === 'true';
        break;
      }
      case 'mergeCell': {
        const ref = scan.attr('ref');
        if (ref === undefined) break;
        let range: MergedRange | undefined;
        try {
          range = parseRangeA1(ref);
        } catch {
          break; // a malformed merge is dropped, as Excel does when it repairs the file
        }
        if (range.bottom > range.top || range.right > range.left) {
          if (merges.length >= LIMITS.merges) throw limitExceeded('merges', ctx.source, undefined, part);
          merges.push(range);
        }
        break;
      }
      default:
        break;
    }
  }
  return { rows, merges, protected: isProtected, beyondGrid, missingSharedStrings };
}
