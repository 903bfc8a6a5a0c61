/**
 * What WPS hands back for cells, made into what the sheet model takes (SheetGrid arrays). Pure.
 *
 * Not documented for the JavaScript object model, so taken defensively (README lists them as the
 * first things to try on a real WPS): one cell gives a scalar, several a 2-D array; an empty cell
 * may come as undefined, null or ""; an error cell as its text ("#N/A") or, as COM passes a VBA
 * error value, as a number: CVErr's code 0x800A0000 + 2000…2042 (-2146826246 for #N/A), or the
 * bare 2000…2042. Such a number is taken for an error only when the cell's Text says so.
 */

/** 0x800A0000 as a signed 32-bit number: CVErr(n) travels as ERROR_BASE + n. */
export const ERROR_BASE = -2146828288;
/** The Excel error numbers (xlErrNull … xlErrNA). */
export const ERROR_NUMBERS: Readonly<Record<number, string>> = {
  2000: '#NULL!',
  2007: '#DIV/0!',
  2015: '#VALUE!',
  2023: '#REF!',
  2029: '#NAME?',
  2036: '#NUM!',
  2042: '#N/A',
};

/** A number that may stand for an error value (confirm with the cell's Text). */
export function maybeErrorNumber(v: unknown): boolean {
  return typeof v === 'number' && (v in ERROR_NUMBERS || v - ERROR_BASE in ERROR_NUMBERS);
}

/** Value2 or Formula of a rows × cols range as a 2-D array, whatever shape came back. */
export function asGrid(v: unknown, rows: number, cols: number): unknown[][] {
  if (rows === 1 && cols === 1 && !Array.isArray(v)) return [[v]];
  if (!Array.isArray(v)) return Array.from({ length: rows }, () => new Array(cols).fill(v));
  if (v.length === rows && v.every((line) => Array.isArray(line))) return v as unknown[][];
  // A flat array (one row, or rows × cols in order).
  if (v.length === rows * cols) return Array.from({ length: rows }, (_, r) => v.slice(r * cols, (r + 1) * cols));
  throw new Error(`WPS 返回的区域数据形状不符（期望 ${rows} 行 ${cols} 列）`);
}

export function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/** A formula as Range.Formula gives it ("=SUM(…)"); constants come back as their text. */
export function isFormula(f: unknown): f is string {
  return typeof f === 'string' && f.length > 1 && f.startsWith('=');
}

/** "General" in any of its spellings (Chinese WPS and Excel show "G/通用格式"). */
export function isGeneralFormat(f: unknown): boolean {
  return typeof f !== 'string' || f === '' || f === 'General' || f === 'G/通用格式' || f === '常规';
}
