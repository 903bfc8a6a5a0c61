import { normalizeText } from '../sheet/text';
import { parseChineseNumeral } from '../values/number';

/**
 * Number tokens of rule texts. Rules write the same figure many ways ("60%", "0.6", "６０％",
 * "两分", "1/4", "一个百分点"); everything here turns them into plain numbers.
 */

/** A plain decimal number (after half-width conversion). */
export const NUM = String.raw`\d+(?:\.\d+)?`;
/** A number with an optional percent sign. */
export const PCT = String.raw`\d+(?:\.\d+)?\s*%?`;
/** Multiplication signs rules use between a rate and points. */
export const TIMES = String.raw`[×*xX✕·]`;

const CN = '[零〇一二两三四五六七八九十]+';

/**
 * The text a rule is read from: half-width, simplified, uniform brackets and signs, Chinese
 * numerals that count points, steps or places turned into digits ("两分" → "2分").
 */
export function normalizeRuleText(raw: string): string {
  let s = normalizeText(String(raw ?? ''));
  s = s
    .replace(/[（【〔［]/g, '(')
    .replace(/[）】〕］]/g, ')')
    .replace(/[－—–―−~～]/g, '-')
    .replace(/[÷／]/g, '/')
    .replace(/[＝]/g, '=')
    .replace(/＞＝|>=/g, '≥')
    .replace(/＜＝|<=/g, '≤')
    .replace(/\r\n?/g, '\n');
  // Chinese numerals before units of points, steps and places; "十分" alone means "very", so it needs a verb.
  s = s.replace(new RegExp(`(得|扣|扣除|各|每项|每指标|计|给|加)(${CN})(分)`, 'g'), (m, a: string, n: string, b: string) => {
    const v = parseChineseNumeral(n);
    return v === null ? m : `${a}${v}${b}`;
  });
  s = s.replace(new RegExp(`(每\\S{0,4}?)(${CN})(个百分点|个月|位|名|年|天|项|个|处|次|条|家)`, 'g'), (m, a: string, n: string, b: string) => {
    const v = parseChineseNumeral(n);
    return v === null ? m : `${a}${v}${b}`;
  });
  return s;
}

/** A number token as a value: "60%" → 0.6, "0.6" → 0.6, "1/4" → 0.25. */
export function readAmount(token: string): number | null {
  const t = token.replace(/\s+/g, '');
  const frac = /^(\d+)\/(\d+)$/.exec(t);
  if (frac) return Number(frac[2]) === 0 ? null : Number(frac[1]) / Number(frac[2]);
  const m = /^(\d+(?:\.\d+)?)(%)?$/.exec(t);
  if (!m) {
    const cn = parseChineseNumeral(t);
    return cn;
  }
  const v = Number(m[1]);
  if (!Number.isFinite(v)) return null;
  return m[2] ? v / 100 : v;
}

/** A rate bound written either as a percentage or as a fraction ("60%" and "0.6" both → 0.6). */
export function readRate(token: string): number | null {
  const v = readAmount(token);
  if (v === null) return null;
  return /%/.test(token) || v <= 2 ? v : v / 100;
}

/** Whole-year span of a text ("2017-2019年" → 3), or null. */
export function yearSpan(text: string): number | null {
  const m = /(20\d\d|19\d\d)\s*年?\s*-\s*(20\d\d|19\d\d)\s*年?/.exec(text);
  if (!m) return null;
  const n = Number(m[2]) - Number(m[1]) + 1;
  return n >= 1 && n <= 20 ? n : null;
}

/** Round away float noise (0.1 + 0.2) so interval ends and printed figures are stable. */
export function tidy(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

/** A figure as a short string: 1.5, 0.25, 3. */
export function fmtNum(v: number): string {
  return String(Number(v.toFixed(4)));
}
