import { isCellError, SheetModel } from '../sheet/model';
import { formatDecimals, isMissingText, isPercentFormat, NumberReading, ownDecimals, parseNumberStrict } from './number';

/** What a cell that should hold a number actually holds. */
export type CellNumber =
  | ({ kind: 'number' } & NumberReading)
  | { kind: 'empty' }
  | { kind: 'missing'; text: string }
  | { kind: 'error'; code: string }
  | { kind: 'text'; text: string };

/**
 * Read a numeric cell the way a reader of the sheet would: numbers with a percent format are
 * fractions, "88.81%" typed as text is 0.8881, "１.５分" is 1.5, "—"/"无数据" is missing.
 */
export function readNumber(sheet: SheetModel, row: number, col: number, merged = false): CellNumber {
  const v = merged ? sheet.mergedValue(row, col) : sheet.value(row, col);
  if (v === null) return { kind: 'empty' };
  if (isCellError(v)) return { kind: 'error', code: v.error };
  if (typeof v === 'boolean') return { kind: 'text', text: String(v) };
  if (typeof v === 'number') {
    const fmt = sheet.cell(row, col)?.numFmt;
    const percent = isPercentFormat(fmt);
    const shown = formatDecimals(fmt);
    const decimals = shown ?? ownDecimals(percent ? v * 100 : v);
    return { kind: 'number', value: v, percent, decimals };
  }
  const text = v.trim();
  if (isMissingText(text)) return { kind: 'missing', text };
  const n = parseNumberStrict(text);
  if (n) return { kind: 'number', ...n };
  return { kind: 'text', text };
}

/** The number or undefined: for places where anything else simply means "no number". */
export function numberAt(sheet: SheetModel, row: number, col: number, merged = false): number | undefined {
  const v = merged ? sheet.mergedValue(row, col) : sheet.value(row, col);
  if (typeof v === 'number') return v; // the common case needs no precision
  if (typeof v !== 'string') return undefined;
  const r = readNumber(sheet, row, col, merged);
  return r.kind === 'number' ? r.value : undefined;
}

/** Half a unit of the shown precision, at least the domain's rounding tolerance of 0.01. */
export function toleranceFor(reading: NumberReading, base = 0.01): number {
  const unit = Math.pow(10, -reading.decimals) * (reading.percent ? 0.01 : 1);
  return Math.max(base * (reading.percent ? 0.01 : 1), unit / 2);
}
