import { CellRange, parseRangeA1 } from './address';
import { normalizeForMatch } from './text';

/** An Excel error value such as #N/A or #DIV/0!. */
export interface CellError {
  error: string;
}

export type CellValue = number | string | boolean | CellError | null;

export interface Cell {
  /** The value as Excel shows it: the cached result for a formula. */
  value: CellValue;
  /** Formula in English A1 syntax without the leading "=", when the cell has one. */
  formula?: string;
  /** Number format code ("0.00%"); absent for General. */
  numFmt?: string;
}

export type MergedRange = CellRange;

/** What a host hands over to build a sheet: one used range, as arrays. */
export interface SheetGrid {
  name: string;
  /** 1-based position of values[0][0]; the used range need not start at A1. */
  origin?: { row: number; col: number };
  /** Values as the host read them: numbers, strings, booleans, null/"" for empty, {error} or "#N/A" for errors. */
  values: unknown[][];
  /** Formulas, same shape: "=SUM(B2:B5)" where the cell has one; anything else is ignored. */
  formulas?: unknown[][];
  /** Number formats, same shape; "General" and empty mean none. */
  numberFormats?: unknown[][];
  /** Merged areas as A1 ranges or ranges. */
  merges?: Array<string | MergedRange>;
  /** The sheet is protected: it can be read, not written. */
  protected?: boolean;
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}

const ERROR_CODES = new Set(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#BUSY!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#UNKNOWN!']);

/** A value as the cell shows it: "" for empty, the code for an error. */
export function shownText(v: CellValue): string {
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  return String(v);
}

/** Empty, or only whitespace. */
export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && (v.length === 0 || v.trim() === ''));
}

/** Normalise one host value into a CellValue. */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    if (v === '') return null;
    if (ERROR_CODES.has(v)) return { error: v };
    return v;
  }
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return { error: v.error };
  return String(v);
}

/** Larger merged areas are indexed only where the sheet holds values (see SheetModel). */
const HUGE_MERGE_CELLS = 1 << 20;

/** Normalised head of a text: vocabulary and titles are short, a long rule text needs only its start. */
function normalizedHead(v: string): string {
  return normalizeForMatch(v.length > 80 ? v.slice(0, 80) : v);
}

/**
 * One worksheet: values, formulas, formats and merges, read once. Lookups are O(1);
 * the normalised text is computed once per distinct string.
 */
export class SheetModel {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  readonly merges: readonly MergedRange[];
  readonly protected: boolean;
  private readonly rows: (Cell | undefined)[][];
  /**
   * Per row (only rows a merged area touches), per column: 0 outside merged areas, i + 1 inside
   * area i, -(i + 1) at its master (top-left) cell. Arrays, not a Map: detection asks this of
   * every cell it reads, several times.
   */
  private readonly mergeGrid: (Int32Array | undefined)[] = [];
  /** A sheet repeats its strings (a rule text per row, a merged name per block): normalise each once. */
  private readonly normCache = new Map<string, string>();

  constructor(name: string, rows: (Cell | undefined)[][], merges: MergedRange[], isProtected = false) {
    this.name = name;
    this.rows = rows;
    this.merges = merges;
    this.protected = isProtected;
    let maxRow = 0;
    let maxCol = 0;
    rows.forEach((row, ri) => {
      if (!row) return;
      for (let ci = row.length - 1; ci >= 0; ci--) {
        if (row[ci] && row[ci]!.value !== null) {
          maxRow = Math.max(maxRow, ri);
          maxCol = Math.max(maxCol, ci);
          break;
        }
      }
    });
    // A merge over whole rows or columns (A1:XFD1048576 in a damaged file) is indexed only over
    // the cells that hold values: the grid must not allocate the whole sheet.
    const [dataRows, dataCols] = [maxRow, maxCol];
    const indexed = merges.map((m) =>
      (m.bottom - m.top + 1) * (m.right - m.left + 1) <= HUGE_MERGE_CELLS ? m : { ...m, bottom: Math.min(m.bottom, dataRows), right: Math.min(m.right, dataCols) },
    );
    for (const m of merges) {
      maxRow = Math.max(maxRow, m.bottom);
      maxCol = Math.max(maxCol, m.right);
    }
    const width = indexed.reduce((w, m) => Math.max(w, m.right), dataCols) + 1;
    indexed.forEach((m, i) => {
      if (m.top > m.bottom || m.left > m.right) return;
      for (let r = m.top; r <= m.bottom; r++) {
        const line = (this.mergeGrid[r] ??= new Int32Array(width));
        for (let c = m.left; c <= m.right; c++) line[c] = i + 1;
      }
      this.mergeGrid[m.top]![m.left] = -(i + 1);
    });
    this.rowCount = maxRow;
    this.colCount = maxCol;
  }

  /** Index of the merged area whose non-master cell this is, or -1. */
  private interiorMerge(row: number, col: number): number {
    const k = this.mergeGrid[row]?.[col] ?? 0;
    return k > 0 ? k - 1 : -1;
  }

  cell(row: number, col: number): Cell | undefined {
    return this.rows[row]?.[col];
  }

  /** The cell's own value (null inside a merged area other than its master). */
  value(row: number, col: number): CellValue {
    return this.rows[row]?.[col]?.value ?? null;
  }

  /** The merged area covering the cell, if any. */
  mergeAt(row: number, col: number): MergedRange | undefined {
    const k = this.mergeGrid[row]?.[col] ?? 0;
    return k === 0 ? undefined : this.merges[Math.abs(k) - 1];
  }

  /** The master cell of the merged area that covers (row, col), or the cell itself. */
  masterOf(row: number, col: number): { row: number; col: number } {
    const i = this.interiorMerge(row, col);
    if (i < 0) return { row, col };
    const m = this.merges[i];
    return { row: m.top, col: m.left };
  }

  /** The row of the master cell covering (row, col): `row` itself outside merged areas. */
  masterRow(row: number, col: number): number {
    const i = this.interiorMerge(row, col);
    return i < 0 ? row : this.merges[i].top;
  }

  /** The value with merged blocks filled: every cell of a merged area shows its master's value. */
  mergedValue(row: number, col: number): CellValue {
    // Hot path of detection: no object for the master's position.
    const i = this.interiorMerge(row, col);
    if (i < 0) return this.rows[row]?.[col]?.value ?? null;
    const m = this.merges[i];
    return this.rows[m.top]?.[m.left]?.value ?? null;
  }

  /** Display text of the merged value ("" for empty). */
  text(row: number, col: number): string {
    return shownText(this.mergedValue(row, col));
  }

  /** Normalised text for vocabulary matching (cached per distinct string of this sheet). */
  norm(row: number, col: number): string {
    const v = this.mergedValue(row, col);
    if (typeof v !== 'string') return '';
    let s = this.normCache.get(v);
    if (s === undefined) {
      s = normalizedHead(v);
      this.normCache.set(v, s);
    }
    return s;
  }

  isEmpty(row: number, col: number): boolean {
    return isBlank(this.mergedValue(row, col));
  }

  /** Columns 1..colCount of a row that hold a value (merged view). */
  filledColumns(row: number, from = 1, to = this.colCount): number[] {
    const out: number[] = [];
    for (let c = from; c <= to; c++) if (!this.isEmpty(row, c)) out.push(c);
    return out;
  }
}

export interface WorkbookModel {
  /** File name or host description, for messages. */
  source: string;
  sheets: SheetModel[];
  /** The sheet holding a report's running text, one paragraph per row in column A (a .docx report). */
  proseSheet?: string;
}

function at(grid: unknown[][] | undefined, r: number, c: number): unknown {
  return grid?.[r]?.[c];
}

/** Build a sheet from arrays as Office.js or the exceljs reader delivers them. */
export function sheetFromGrid(grid: SheetGrid): SheetModel {
  const top = grid.origin?.row ?? 1;
  const left = grid.origin?.col ?? 1;
  const rows: (Cell | undefined)[][] = [];
  grid.values.forEach((line, ri) => {
    const row: (Cell | undefined)[] = [];
    let any = false;
    line.forEach((raw, ci) => {
      const f = at(grid.formulas, ri, ci);
      const fmt = at(grid.numberFormats, ri, ci);
      const formula = typeof f === 'string' && f.startsWith('=') ? f.slice(1) : undefined;
      const value = toCellValue(raw);
      if (value === null && !formula) return;
      const cell: Cell = { value };
      if (formula) cell.formula = formula;
      if (typeof fmt === 'string' && fmt !== '' && fmt !== 'General' && fmt !== '@') cell.numFmt = fmt;
      row[left + ci] = cell;
      any = true;
    });
    if (any) rows[top + ri] = row;
  });
  const merges = (grid.merges ?? []).map((m) => (typeof m === 'string' ? parseRangeA1(m) : m));
  return new SheetModel(grid.name, rows, merges, grid.protected ?? false);
}
