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

/**
 * One worksheet: values, formulas, formats and merges, read once. Lookups are O(1);
 * the merged view and the normalised text are computed once per cell on demand.
 */
export class SheetModel {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  readonly merges: readonly MergedRange[];
  readonly protected: boolean;
  private readonly rows: (Cell | undefined)[][];
  /** For a cell inside a merged area (not its master), the index of that area. */
  private readonly mergeIndex = new Map<number, number>();
  private readonly normCache = new Map<number, string>();

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
    merges.forEach((m, i) => {
      maxRow = Math.max(maxRow, m.bottom);
      maxCol = Math.max(maxCol, m.right);
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r !== m.top || c !== m.left) this.mergeIndex.set(this.key(r, c), i);
        }
      }
    });
    this.rowCount = maxRow;
    this.colCount = maxCol;
  }

  private key(row: number, col: number): number {
    return row * 16384 + col;
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
    const i = this.mergeIndex.get(this.key(row, col));
    if (i !== undefined) return this.merges[i];
    return this.merges.find((m) => m.top === row && m.left === col);
  }

  /** The master cell of the merged area that covers (row, col), or the cell itself. */
  masterOf(row: number, col: number): { row: number; col: number } {
    const i = this.mergeIndex.get(this.key(row, col));
    if (i === undefined) return { row, col };
    const m = this.merges[i];
    return { row: m.top, col: m.left };
  }

  /** The value with merged blocks filled: every cell of a merged area shows its master's value. */
  mergedValue(row: number, col: number): CellValue {
    const m = this.masterOf(row, col);
    return this.value(m.row, m.col);
  }

  /** Display text of the merged value ("" for empty). */
  text(row: number, col: number): string {
    const v = this.mergedValue(row, col);
    if (v === null) return '';
    if (isCellError(v)) return v.error;
    return String(v);
  }

  /** Normalised text for vocabulary matching (cached). */
  norm(row: number, col: number): string {
    const k = this.key(row, col);
    let s = this.normCache.get(k);
    if (s === undefined) {
      const v = this.mergedValue(row, col);
      // Vocabulary and titles are short; a long rule text needs only its head for matching.
      s = typeof v === 'string' ? normalizeForMatch(v.length > 80 ? v.slice(0, 80) : v) : '';
      this.normCache.set(k, s);
    }
    return s;
  }

  isEmpty(row: number, col: number): boolean {
    const v = this.mergedValue(row, col);
    return v === null || (typeof v === 'string' && v.trim() === '');
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
