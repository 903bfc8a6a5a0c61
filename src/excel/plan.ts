/**
 * Pure helpers for the Office.js adapter: the read plan (how a used range is cut into chunks that
 * stay under the request payload limit) and Office address strings. No Office globals here.
 */
import { CellRange, parseRangeA1, rangeA1 } from '../core/sheet/address';

/** Excel on the web refuses request/response payloads above 5 MB; stay well below. */
export const DEFAULT_BUDGET_BYTES = 4 * 1024 * 1024;
/**
 * Estimate per cell of the three arrays (values, formulas, numberFormat) as JSON. A text cell
 * travels twice (as value and as formula), and a 评分标准 of 100-300 characters is 300-900 bytes
 * of UTF-8: 300 bytes per cell covers a scoring sheet with one such column in ten with a wide
 * margin (measured: 80 bytes per cell). Denser sheets make Excel refuse the batch; the reader
 * then reads it in halves (splitChunk), one more sync per refusal.
 */
export const DEFAULT_BYTES_PER_CELL = 300;

export interface ReadPlanOptions {
  /** Payload budget per sync, in bytes (default 4 MB). */
  budgetBytes?: number;
  /** Estimated payload per cell for all loaded arrays together (default 300). */
  bytesPerCell?: number;
}

/** One block of the used range, offsets relative to its top-left cell (0-based). */
export interface ReadChunk {
  rowOffset: number;
  rowCount: number;
  colOffset: number;
  colCount: number;
  cells: number;
  estimatedBytes: number;
}

export interface ReadPlan {
  rows: number;
  cols: number;
  cells: number;
  /** Largest chunk in cells (rows × columns of a full chunk). */
  chunkCells: number;
  chunkRows: number;
  chunkCols: number;
  chunks: ReadChunk[];
  /** Chunks synced together; each group's estimated payload is within the budget. */
  groups: ReadChunk[][];
  /** Syncs needed: one for the extent plus one per group. */
  syncs: number;
}

/**
 * Cut a rows × cols block into chunks whose estimated payload is within the budget: whole rows
 * when a row fits, otherwise column slices of single rows. Consecutive chunks are grouped into
 * one sync while the group stays within the budget.
 */
export function planRead(rows: number, cols: number, opts: ReadPlanOptions = {}): ReadPlan {
  const budget = Math.max(1, opts.budgetBytes ?? DEFAULT_BUDGET_BYTES);
  const perCell = Math.max(1, opts.bytesPerCell ?? DEFAULT_BYTES_PER_CELL);
  const cells = rows * cols;
  if (rows <= 0 || cols <= 0) {
    return { rows: 0, cols: 0, cells: 0, chunkCells: 0, chunkRows: 0, chunkCols: 0, chunks: [], groups: [], syncs: 1 };
  }
  const fitCells = Math.max(1, Math.floor(budget / perCell));
  const chunkCols = Math.min(cols, fitCells);
  const chunkRows = Math.min(rows, Math.max(1, Math.floor(fitCells / chunkCols)));
  const chunks: ReadChunk[] = [];
  for (let r = 0; r < rows; r += chunkRows) {
    const rowCount = Math.min(chunkRows, rows - r);
    for (let c = 0; c < cols; c += chunkCols) {
      const colCount = Math.min(chunkCols, cols - c);
      const n = rowCount * colCount;
      chunks.push({ rowOffset: r, rowCount, colOffset: c, colCount, cells: n, estimatedBytes: n * perCell });
    }
  }
  const groups: ReadChunk[][] = [];
  let current: ReadChunk[] = [];
  let bytes = 0;
  for (const chunk of chunks) {
    if (current.length > 0 && bytes + chunk.estimatedBytes > budget) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(chunk);
    bytes += chunk.estimatedBytes;
  }
  if (current.length > 0) groups.push(current);
  return { rows, cols, cells, chunkCells: chunkRows * chunkCols, chunkRows, chunkCols, chunks, groups, syncs: groups.length + 1 };
}

/**
 * Halve a chunk whose payload Excel refused: by rows, or by columns when it is a single row.
 * A single cell cannot be split (undefined).
 */
export function splitChunk(chunk: ReadChunk, bytesPerCell = DEFAULT_BYTES_PER_CELL): [ReadChunk, ReadChunk] | undefined {
  const part = (rowOffset: number, rowCount: number, colOffset: number, colCount: number): ReadChunk => ({
    rowOffset,
    rowCount,
    colOffset,
    colCount,
    cells: rowCount * colCount,
    estimatedBytes: rowCount * colCount * bytesPerCell,
  });
  if (chunk.rowCount > 1) {
    const top = Math.ceil(chunk.rowCount / 2);
    return [part(chunk.rowOffset, top, chunk.colOffset, chunk.colCount), part(chunk.rowOffset + top, chunk.rowCount - top, chunk.colOffset, chunk.colCount)];
  }
  if (chunk.colCount > 1) {
    const left = Math.ceil(chunk.colCount / 2);
    return [part(chunk.rowOffset, 1, chunk.colOffset, left), part(chunk.rowOffset, 1, chunk.colOffset + left, chunk.colCount - left)];
  }
  return undefined;
}

/** The absolute A1 range (no sheet) of a chunk of a block whose top-left cell is `origin`. */
export function chunkAddress(origin: { row: number; col: number }, chunk: ReadChunk): string {
  const top = origin.row + chunk.rowOffset;
  const left = origin.col + chunk.colOffset;
  return rangeA1({ top, left, bottom: top + chunk.rowCount - 1, right: left + chunk.colCount - 1 });
}

/** 'Sheet 1' → "'Sheet 1'" (always quoted, inner quotes doubled): valid in any A1 reference. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'My ''x'' sheet'!C5:K40" → { sheet: "My 'x' sheet", range: "C5:K40" }; no sheet → sheet ''. */
export function splitAddress(address: string): { sheet: string; range: string } {
  const s = address.trim();
  const bang = s.lastIndexOf('!');
  if (bang < 0) return { sheet: '', range: s.replace(/\$/g, '') };
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: s.slice(bang + 1).replace(/\$/g, '') };
}

/** Parse a used-range address into its sheet and 1-based extent. */
export function parseAddress(address: string): { sheet: string; range: CellRange } {
  const { sheet, range } = splitAddress(address);
  return { sheet, range: parseRangeA1(range) };
}

/**
 * Split a RangeAreas address ("Sheet1!A1:B2, Sheet1!D1:D4", sheet names possibly quoted and
 * containing commas) into A1 ranges without the sheet prefix.
 */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let part = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted; // a doubled quote toggles twice: net effect none
    if (ch === ',' && !quoted) {
      if (part.trim()) out.push(splitAddress(part).range);
      part = '';
    } else {
      part += ch;
    }
  }
  if (part.trim()) out.push(splitAddress(part).range);
  return out;
}

/** `${sheet}!${A1}` key with the sheet unquoted and no `$`, for comparing locations. */
export function locationKey(sheet: string, cell: string): string {
  return `${sheet}!${cell.replace(/\$/g, '').toUpperCase()}`;
}

/** A formula compared loosely: no leading "=", no quotes, no `$`, no spaces, upper case. */
export function normalizeFormula(f: string): string {
  return f.trim().replace(/^=/, '').replace(/['$\s]/g, '').toUpperCase();
}
