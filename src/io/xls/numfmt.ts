/**
 * Number formats of BIFF8 cells: the built-in codes a FORMAT record may leave out, and which
 * codes show a date (the cell then reads as a date, as the .xlsx reader gives it).
 */

/** Built-in formats by index: the same table as the .xlsx reader's. */
export { BUILT_IN_FORMATS as BUILTIN_FORMATS } from '../styles';

/** One test for both readers: .xls cells are dates under the same formats as .xlsx cells. */
export { isDateFormat } from '../styles';

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (the 1900 system's day 0, after Excel's 1900-02-29) to 1970-01-01. */
const EPOCH_1900 = 25_569;
const EPOCH_1904 = 24_107;

/** A serial date as the ISO day the .xlsx reader gives ("2024-01-31"). */
export function serialToIsoDate(serial: number, date1904: boolean): string {
  const ms = (serial - (date1904 ? EPOCH_1904 : EPOCH_1900)) * MS_PER_DAY;
  const d = new Date(Math.round(ms));
  return Number.isFinite(d.getTime()) ? d.toISOString().slice(0, 10) : String(serial);
}
