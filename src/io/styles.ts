import { XmlScanner } from './xml';

/**
 * Number formats every spreadsheet knows by id (ECMA-376 Part 1, 18.8.30; the same ids as BIFF8's
 * built-in FORMATs, [MS-XLS] 2.4.126); others are in numFmts or FORMAT records.
 */
export const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
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

/** The number format code of each cell style (index = the cell's `s`), from the styles part. */
export function numberFormatsByStyle(xml: string, part: string): string[] {
  const custom = new Map<number, string>();
  const formats: string[] = [];
  const scan = new XmlScanner(xml, part);
  let inCellXfs = false;
  while (scan.next()) {
    if (scan.name === 'cellXfs') inCellXfs = scan.kind === 'open';
    else if (scan.name === 'numFmt' && scan.kind !== 'close') {
      const id = Number(scan.attr('numFmtId'));
      const code = scan.attr('formatCode');
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    } else if (inCellXfs && scan.name === 'xf' && scan.kind !== 'close') {
      const id = Number(scan.attr('numFmtId') ?? 0);
      formats.push(custom.get(id) ?? BUILT_IN_FORMATS[id] ?? 'General');
      scan.skipElement();
    }
  }
  return formats;
}

/**
 * Whether a format shows a date or time: a y, m, d, h, s (or b, Buddhist year) outside quoted
 * text, escapes and [brackets] (colours, conditions, elapsed-time brackets aside). The same test
 * spreadsheet readers use to turn serial numbers into dates.
 */
export function isDateFormat(code: string): boolean {
  let inQuote = false;
  let inBracket = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (inQuote) {
      if (ch === '"') inQuote = false;
    } else if (inBracket) {
      if (ch === ']') inBracket = false;
    } else if (ch === '"') inQuote = true;
    else if (ch === '[') inBracket = true;
    else if (ch === '\\' || ch === '_' || ch === '*') i++;
    else if ('ymdhsbYMDHSB'.includes(ch)) return true;
  }
  return false;
}
