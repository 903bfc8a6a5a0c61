/**
 * Number formats of BIFF8 cells: the built-in codes a FORMAT record may leave out, and which
 * codes show a date (the cell then reads as a date, as the .xlsx reader gives it).
 */

/** Built-in formats by index ([MS-XLS] 2.4.126, the locale-independent ones). */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

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
