import { toHalfWidth } from '../sheet/text';

/** A number read out of a cell or a piece of text. */
export interface NumberReading {
  /** The value; a percentage is stored as a fraction (88.81% → 0.8881). */
  value: number;
  /** It was written or formatted as a percentage. */
  percent: boolean;
  /** Decimals as shown (of the percentage figure when percent): 88.81% → 2. */
  decimals: number;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Small Chinese numerals as they occur in rules: 一, 两, 十, 十二, 二十五. Returns null for anything else. */
export function parseChineseNumeral(s: string): number | null {
  if (!/^[零〇一二两三四五六七八九十]+$/.test(s)) return null;
  if (s.includes('十')) {
    const [tens, ones] = s.split('十');
    const t = tens === '' ? 1 : CN_DIGITS[tens];
    const o = ones === '' ? 0 : CN_DIGITS[ones];
    if (t === undefined || o === undefined) return null;
    return t * 10 + o;
  }
  if (s.length !== 1) return null;
  return CN_DIGITS[s] ?? null;
}

function decimalsOf(digits: string): number {
  const i = digits.indexOf('.');
  return i < 0 ? 0 : digits.length - i - 1;
}

const NUMBER_RE = /([+\-−]?)\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(%|％|‰)?/;

/**
 * The first number in a text, in the forms sheets use: "1.5", "１.５分", "88.81%", "-7.37%",
 * "1,234.5", "192.35亿元". Returns null when the text holds no digit.
 */
export function parseNumber(text: string): NumberReading | null {
  const s = toHalfWidth(text).replace(/−/g, '-');
  const m = NUMBER_RE.exec(s);
  if (!m) return null;
  const digits = m[2].replace(/,/g, '');
  let value = Number(digits);
  if (!Number.isFinite(value)) return null;
  if (m[1] === '-') value = -value;
  const pct = m[3] === '%' || m[3] === '％';
  const permille = m[3] === '‰';
  if (pct) value /= 100;
  if (permille) value /= 1000;
  return { value, percent: pct, decimals: decimalsOf(digits) };
}

/** A text that is only a number (with optional %, 分, unit words like 个/家/亿元): "１.５分", "95.25%". */
export function parseNumberStrict(text: string): NumberReading | null {
  const s = toHalfWidth(text).trim();
  if (!/^[+\-−]?\s*[\d.,]+\s*(%|‰)?\s*(分|个百分点|个|家|项|人|次|名|万元|亿元|元|倍|台|套)?$/.test(s)) return null;
  return parseNumber(s);
}

/** Texts that mean "no value here": dashes, slashes, 无数据, 无相关数据, 不适用, N/A. */
export function isMissingText(text: string): boolean {
  const s = toHalfWidth(text).replace(/\s+/g, '');
  return s === '' || /^[-—–―/\\、…]+$/.test(s) || /^(无|无数据|无相关数据|暂无数据|暂无|不适用|未统计|未提供|n\/?a)$/i.test(s) || /^无.*数据$/.test(s);
}

/** Decimals a number format shows: "0.00" → 2, "0.0%" → 1, "#,##0" → 0; null for General. */
export function formatDecimals(numFmt: string | undefined): number | null {
  if (!numFmt) return null;
  const first = numFmt.split(';')[0];
  const m = /0\.(0+)/.exec(first);
  if (m) return m[1].length;
  if (/[0#]/.test(first)) return 0;
  return null;
}

export function isPercentFormat(numFmt: string | undefined): boolean {
  return !!numFmt && /%/.test(numFmt.split(';')[0].replace(/"[^"]*"/g, ''));
}

/** Decimals of a plain JS number as it would print (capped at 10 to ignore float noise). */
export function ownDecimals(v: number): number {
  if (Number.isInteger(v)) return 0;
  const s = String(Number(v.toFixed(10)));
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** A fraction as a percentage for messages: 0.17391 → "17.39%". */
export function formatPercent(x: number, decimals = 2): string {
  return `${(x * 100).toFixed(decimals)}%`;
}
