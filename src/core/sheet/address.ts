/** A1 addresses. Rows and columns are 1-based everywhere in the model. */

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnLetters(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function rangeA1(r: CellRange): string {
  const start = a1(r.top, r.left);
  const end = a1(r.bottom, r.right);
  return start === end ? start : `${start}:${end}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

export function parseA1(ref: string): { row: number; col: number } {
  const m = CELL_RE.exec(ref.trim());
  if (!m) throw new Error(`not an A1 cell reference: ${ref}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** "B2:D4", "B2", or "Sheet1!B2:D4" (the sheet part is dropped). */
export function parseRangeA1(ref: string): CellRange {
  const bare = ref.includes('!') ? ref.slice(ref.lastIndexOf('!') + 1) : ref;
  const [a, b] = bare.split(':');
  const s = parseA1(a);
  const e = b ? parseA1(b) : s;
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.col, e.col),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.col, e.col),
  };
}

export function rangeContains(r: CellRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/** The smallest range holding every given cell or range (A1). */
export function boundingBox(cells: readonly string[]): CellRange {
  const rs = cells.map((c) => parseRangeA1(c));
  return {
    top: Math.min(...rs.map((r) => r.top)),
    left: Math.min(...rs.map((r) => r.left)),
    bottom: Math.max(...rs.map((r) => r.bottom)),
    right: Math.max(...rs.map((r) => r.right)),
  };
}
