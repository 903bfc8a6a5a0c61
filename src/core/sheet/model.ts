import { a1, CellRange, parseRangeA1 } from './address';
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

/**
 * The largest rectangle of rows × columns a sheet's scans may cover (16.7 M cells: detection
 * reads each cell of it a few times, a second or two). A sheet whose cells with values span more
 * (one stray value at XFD1048576 spans 17 billion) keeps the rectangle that loses the fewest of
 * them; the cells left out are named in `setAside`, so that hosts can say what was not checked.
 */
export const MAX_SCAN_CELLS = 1 << 24;

/** Merged areas may cover at most this many cells of the scan rectangle together (each cell is indexed once). */
const MERGE_INDEX_BUDGET = 2 * MAX_SCAN_CELLS;

/** Cells with values that detection does not see, and why. */
export interface SetAsideCells {
  /**
   * 'beyond-grid': past row 1,048,576 or column XFD (a damaged file); 'far-from-data': outside the
   * scan rectangle; 'hidden-by-merge': inside a merged area, which shows only its master's value
   * (as Excel shows it; Excel itself never leaves values there).
   */
  reason: 'beyond-grid' | 'far-from-data' | 'hidden-by-merge';
  cells: number;
  /** The first of them in reading order (A1, or R1C1 past column XFD). */
  first: string;
}

/** Normalised head of a text: vocabulary and titles are short, a long rule text needs only its start. */
function normalizedHead(v: string): string {
  return normalizeForMatch(v.length > 80 ? v.slice(0, 80) : v);
}

const holdsValue = (cell: Cell | undefined): boolean => cell !== undefined && cell.value !== null;

/** Above this length an array of rows or cells is walked by its keys: forEach visits every index of a sparse array. */
const DENSE_WALK_LENGTH = 1 << 16;

/** Each present entry of a possibly sparse array, in index order; cost follows the entries, not the length. */
function eachEntry<T>(items: (T | undefined)[], visit: (item: T, index: number) => void): void {
  if (items.length <= DENSE_WALK_LENGTH) {
    items.forEach((item, i) => item !== undefined && visit(item, i));
    return;
  }
  for (const key in items) {
    const item = items[key as unknown as number];
    if (item !== undefined) visit(item, Number(key));
  }
}

/** The extent of the cells with values: last row and last column (0 when the sheet is empty). */
function valueExtent(rows: (Cell | undefined)[][]): { rows: number; cols: number } {
  let maxRow = 0;
  let maxCol = 0;
  eachEntry(rows, (row, r) => {
    let last = 0;
    eachEntry(row, (cell, c) => {
      if (holdsValue(cell)) last = c;
    });
    if (last > 0) {
      maxRow = r;
      maxCol = Math.max(maxCol, last);
    }
  });
  return { rows: maxRow, cols: maxCol };
}

/**
 * Shrink the rectangle until rows × columns ≤ MAX_SCAN_CELLS, each step dropping the last row or
 * the last column, whichever loses fewer values per cell of area it frees (a far column of ten
 * values goes before a thousand rows of the table). Removes the dropped cells from `rows`; linear
 * in the cells with values.
 */
function trimToScanArea(rows: (Cell | undefined)[][], extent: { rows: number; cols: number }): SetAsideCells | undefined {
  if (extent.rows * extent.cols <= MAX_SCAN_CELLS) return undefined;
  const colsOfRow = new Map<number, number[]>();
  const rowsOfCol = new Map<number, number[]>();
  eachEntry(rows, (row, r) =>
    eachEntry(row, (cell, c) => {
      if (!holdsValue(cell)) return;
      (colsOfRow.get(r) ?? colsOfRow.set(r, []).get(r)!).push(c);
      (rowsOfCol.get(c) ?? rowsOfCol.set(c, []).get(c)!).push(r);
    }),
  );
  const left = { row: new Map([...colsOfRow].map(([r, cs]) => [r, cs.length])), col: new Map([...rowsOfCol].map(([c, rs]) => [c, rs.length])) };
  // Rows and columns from the last; a pointer to the current last one and to the one before it.
  // Counts only fall, so both pointers only move forward: linear overall.
  const order = { row: [...colsOfRow.keys()].sort((a, b) => b - a), col: [...rowsOfCol.keys()].sort((a, b) => b - a) };
  const skip = (side: 'row' | 'col', i: number) => {
    while (i < order[side].length && left[side].get(order[side][i])! === 0) i++;
    return i;
  };
  const at = { row: [0, 0], col: [0, 0] };
  const advance = () => {
    for (const side of ['row', 'col'] as const) {
      at[side][0] = skip(side, at[side][0]);
      at[side][1] = skip(side, Math.max(at[side][1], at[side][0] + 1));
    }
  };
  const dropped: Array<[number, number]> = [];
  const drop = (r: number, c: number) => {
    dropped.push([r, c]);
    rows[r][c] = undefined;
    left.row.set(r, left.row.get(r)! - 1);
    left.col.set(c, left.col.get(c)! - 1);
  };
  advance();
  let maxRow = order.row[at.row[0]];
  let maxCol = order.col[at.col[0]];
  while (maxRow * maxCol > MAX_SCAN_CELLS) {
    const rowFrees = (maxRow - (order.row[at.row[1]] ?? 0)) * maxCol;
    const colFrees = (maxCol - (order.col[at.col[1]] ?? 0)) * maxRow;
    if (left.row.get(maxRow)! / rowFrees <= left.col.get(maxCol)! / colFrees) {
      for (const c of colsOfRow.get(maxRow)!) if (c <= maxCol && rows[maxRow][c]) drop(maxRow, c);
    } else {
      for (const r of rowsOfCol.get(maxCol)!) if (r <= maxRow && rows[r][maxCol]) drop(r, maxCol);
    }
    advance();
    maxRow = order.row[at.row[0]] ?? 0;
    maxCol = order.col[at.col[0]] ?? 0;
  }
  extent.rows = maxRow;
  extent.cols = maxCol;
  dropped.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { reason: 'far-from-data', cells: dropped.length, first: a1(dropped[0][0], dropped[0][1]) };
}

function countHidden(hidden: { cells: number; first: [number, number] }, row: number, col: number): void {
  hidden.cells++;
  const [r, c] = hidden.first;
  if (row < r || (row === r && col < c)) hidden.first = [row, col];
}

/** A merge clipped to the scan rectangle; undefined when its master lies outside or one cell is left. */
function clipMerge(m: MergedRange, rows: number, cols: number): MergedRange | undefined {
  if (m.top > rows || m.left > cols || m.top > m.bottom || m.left > m.right || m.top < 1 || m.left < 1) return undefined;
  const clipped = { top: m.top, left: m.left, bottom: Math.min(m.bottom, rows), right: Math.min(m.right, cols) };
  return clipped.bottom > clipped.top || clipped.right > clipped.left ? clipped : undefined;
}

/**
 * One worksheet: values, formulas, formats and merges, read once. Lookups are O(1); the
 * normalised text is computed once per distinct string. `rowCount` × `colCount` is the extent of
 * the cells that hold values (merged areas and formatting do not widen it), at most
 * MAX_SCAN_CELLS; merged areas are clipped to it.
 */
export class SheetModel {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  /** Merged areas clipped to the extent, overlapping and duplicate areas dropped (as Excel's repair does). */
  readonly merges: readonly MergedRange[];
  readonly protected: boolean;
  /** Cells with values the model does not hold (none in a well-formed sheet of ordinary size). */
  readonly setAside: readonly SetAsideCells[] = [];
  private readonly rows: (Cell | undefined)[][];
  /**
   * Per row (only rows a merged area touches), per column: 0 outside merged areas, i + 1 inside
   * area i, -(i + 1) at its master (top-left) cell. Arrays, not a Map: detection asks this of
   * every cell it reads, several times. Bounded by the extent.
   */
  private readonly mergeGrid: (Int32Array | undefined)[] = [];
  /** A sheet repeats its strings (a rule text per row, a merged name per block): normalise each once. */
  private readonly normCache = new Map<string, string>();

  constructor(name: string, rows: (Cell | undefined)[][], merges: MergedRange[], isProtected = false, setAside: SetAsideCells[] = []) {
    this.name = name;
    this.rows = rows;
    this.protected = isProtected;
    const extent = valueExtent(rows);
    const far = trimToScanArea(rows, extent);
    this.setAside = far ? [...setAside, far] : [...setAside];
    this.rowCount = extent.rows;
    this.colCount = extent.cols;
    const hidden = { cells: 0, first: [Infinity, Infinity] as [number, number] };
    this.merges = this.indexMerges(merges, hidden);
    if (hidden.cells > 0) this.setAside = [...this.setAside, { reason: 'hidden-by-merge', cells: hidden.cells, first: a1(...hidden.first) }];
  }

  /** A copy with some cells read otherwise (the user's workbook is never changed: this lives in memory only). */
  withCells(changes: ReadonlyArray<{ row: number; col: number; cell: Cell }>): SheetModel {
    const rows = this.rows.slice();
    for (const { row, col, cell } of changes) {
      const line = (rows[row] ?? []).slice();
      line[col] = cell;
      rows[row] = line;
    }
    return new SheetModel(this.name, rows, [...this.merges], this.protected, [...this.setAside]);
  }

  /** Clip, drop overlaps (the first area wins, as Excel keeps it), fill the grid; linear in the cells covered. */
  private indexMerges(merges: MergedRange[], hidden: { cells: number; first: [number, number] }): MergedRange[] {
    const kept: MergedRange[] = [];
    const width = this.colCount + 1;
    let budget = MERGE_INDEX_BUDGET;
    for (const m of merges) {
      const c = clipMerge(m, this.rowCount, this.colCount);
      if (!c || (this.mergeGrid[c.top]?.[c.left] ?? 0) !== 0) continue;
      const area = (c.bottom - c.top + 1) * (c.right - c.left + 1);
      if ((budget -= area) < 0) break; // only overlapping areas can exhaust it: the rest are left out
      let free = true;
      for (let r = c.top; r <= c.bottom && free; r++) {
        const line = this.mergeGrid[r];
        if (line) for (let k = c.left; k <= c.right && free; k++) free = line[k] === 0;
      }
      if (!free) continue;
      const i = kept.push(c) - 1;
      for (let r = c.top; r <= c.bottom; r++) {
        (this.mergeGrid[r] ??= new Int32Array(width)).fill(i + 1, c.left, c.right + 1);
        const line = this.rows[r];
        if (line) for (let k = c.left; k <= c.right; k++) if ((r !== c.top || k !== c.left) && holdsValue(line[k])) countHidden(hidden, r, k);
      }
      this.mergeGrid[c.top]![c.left] = -(i + 1);
    }
    return kept;
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

  /**
   * Columns from..to of a row that hold a value (merged view), in order. Sparse: the work follows
   * the row's own cells (and its merged areas), not the width of the sheet.
   */
  filledColumns(row: number, from = 1, to = this.colCount): number[] {
    const out: number[] = [];
    if (this.mergeGrid[row]) {
      for (let c = from; c <= Math.min(to, this.colCount); c++) if (!this.isEmpty(row, c)) out.push(c);
      return out;
    }
    const line = this.rows[row];
    if (line)
      eachEntry(line, (cell, c) => {
        if (c >= from && c <= to && !isBlank(cell.value)) out.push(c);
      });
    return out;
  }

  /** Rows that hold a value (own or merged), in order: a scan over them costs the rows written, not rowCount. */
  filledRows(): number[] {
    const found = new Set<number>();
    eachEntry(this.rows, (line, r) => {
      let any = false;
      eachEntry(line, (cell) => (any ||= !isBlank(cell.value)));
      if (r <= this.rowCount && any) found.add(r);
    });
    for (const m of this.merges) {
      if (isBlank(this.value(m.top, m.left))) continue;
      for (let r = m.top + 1; r <= m.bottom; r++) found.add(r);
    }
    return [...found].sort((a, b) => a - b);
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
