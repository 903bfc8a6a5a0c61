import { toHalfWidth } from '../sheet/text';
import { formatPercent, isMissingText, parseChineseNumeral } from './number';

export type Direction = 'higher' | 'lower';

/** A target or an actual value read from text: "≥3个", "275亿元，增长10%", "前4名", "第8名", "1：3". */
export interface Quantity {
  value: number;
  /** Written as a percentage (value is then a fraction). */
  percent: boolean;
  /** Unit word after the number ("个", "亿元", "倍"), without multipliers applied. */
  unit: string;
  /** Comparison the text states, if any. */
  op?: '>=' | '>' | '<=' | '<' | '=';
  /** A rank ("前4名", "第8名"): lower is better. */
  rank?: boolean;
  /** A ratio "1:3" is read as its second term relative to the first (3). */
  ratio?: boolean;
  /** The direction the wording implies ("不低于" → higher, "≤"/"下降"/"前N名" → lower). */
  direction?: Direction;
  /** The text it came from. */
  text: string;
}

const UNIT_SCALE: Record<string, number> = { 亿元: 1e8, 亿: 1e8, 万元: 1e4, 万: 1e4, 千元: 1e3, 元: 1, 百万: 1e6, 千万: 1e7 };

const LOWER_WORDS = /(≤|<=|＜|<|不高于|不超过|低于|控制在|以内|以下|下降|降低|减少|压减)/;
const HIGHER_WORDS = /(≥|>=|＞|>|不低于|不少于|大于|高于|超过|达到|以上|增长|提高|提升|不降)/;

function opOf(prefix: string): Quantity['op'] {
  if (/(≥|>=|不低于|不少于|以上|达到)/.test(prefix)) return '>=';
  if (/(>|＞|大于|高于|超过)/.test(prefix)) return '>';
  if (/(≤|<=|不高于|不超过|以内|以下)/.test(prefix)) return '<=';
  if (/(<|＜|低于)/.test(prefix)) return '<';
  return undefined;
}

const NUM = String.raw`[+\-−]?\d+(?:,\d{3})*(?:\.\d+)?`;

/**
 * Read the main quantity of a target or actual text. Secondary figures in brackets or after
 * a comma ("192.35亿元（-23.1%）", "275亿元，增长10%") are returned in `secondary`.
 */
export function parseQuantity(input: string): { main: Quantity; secondary: Quantity[] } | null {
  const text = toHalfWidth(String(input)).replace(/−/g, '-').trim();
  if (isMissingText(text)) return null;
  const rank = /(前|第)\s*(\d+|[一二三四五六七八九十两]+)\s*(名|位)/.exec(text);
  if (rank) {
    const n = /\d/.test(rank[2]) ? Number(rank[2]) : parseChineseNumeral(rank[2]);
    if (n === null) return null;
    return {
      main: { value: n, percent: false, unit: '名', rank: true, op: rank[1] === '前' ? '<=' : '=', direction: 'lower', text },
      secondary: [],
    };
  }
  const ratio = new RegExp(String.raw`(\d+(?:\.\d+)?)\s*[:：]\s*(\d+(?:\.\d+)?)`).exec(text);
  if (ratio && !/\d\s*[:：]\s*\d{2}\s*$/.test(text.replace(ratio[0], '')) && Number(ratio[1]) !== 0) {
    return {
      main: { value: Number(ratio[2]) / Number(ratio[1]), percent: false, unit: '', ratio: true, direction: 'higher', text },
      secondary: [],
    };
  }
  const re = new RegExp(String.raw`(${NUM})\s*(%|‰|个百分点)?\s*([\u4e00-\u9fa5A-Za-z]{0,3})`, 'g');
  const found: Quantity[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    // "2017年…", "3月": dates, not quantities.
    if (/^[年月日号]/.test(m[3] ?? '') && !m[2]) continue;
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    let value = Number(m[1].replace(/,/g, ''));
    const percent = m[2] === '%';
    if (percent) value /= 100;
    if (m[2] === '‰') value /= 1000;
    const unitWord = (m[3] ?? '').replace(/^(的|左右|以上|以下|以内).*/, '');
    const unit = /^(亿元|万元|千元|元|亿|万|个|家|项|人次|人|次|名|倍|台|套|件|辆|所|平方公里|公里|米|GWh|MW|%)/.exec(unitWord)?.[1] ?? '';
    const op = opOf(before + (m[3] ?? ''));
    const q: Quantity = { value, percent, unit, op, text };
    if (LOWER_WORDS.test(before) || /^(以内|以下)/.test(m[3] ?? '')) q.direction = 'lower';
    else if (HIGHER_WORDS.test(before) || /^以上/.test(m[3] ?? '')) q.direction = 'higher';
    found.push(q);
  }
  if (found.length === 0) return null;
  const [main, ...secondary] = found;
  if (!main.direction) {
    if (LOWER_WORDS.test(text) && !HIGHER_WORDS.test(text)) main.direction = 'lower';
  }
  return { main, secondary };
}

/** Scale of a unit relative to its base (亿元 → 1e8), 1 for units without a multiplier. */
export function unitScale(unit: string): number {
  return UNIT_SCALE[unit] ?? 1;
}

export type CompletionResult =
  | { ok: true; rate: number; direction: Direction; explanation: string }
  | { ok: false; reason: string };

/**
 * Completion rate of an actual value against a target: actual/target when higher is better,
 * target/actual when lower is better (≤, 下降, ranks). Units with multipliers are aligned
 * (亿元 vs 万元). Direction comes from the target's wording unless given.
 */
export function completionRate(actualIn: string | number, targetIn: string | number, direction?: Direction): CompletionResult {
  const target = typeof targetIn === 'number' ? { main: { value: targetIn, percent: false, unit: '', text: String(targetIn) } as Quantity, secondary: [] } : parseQuantity(targetIn);
  const actual = typeof actualIn === 'number' ? { main: { value: actualIn, percent: false, unit: '', text: String(actualIn) } as Quantity, secondary: [] } : parseQuantity(actualIn);
  if (!target) return { ok: false, reason: `目标值“${targetIn}”不含可计算的数值` };
  if (!actual) return { ok: false, reason: `实际值“${actualIn}”不含可计算的数值` };
  const a = actual.main;
  // "企业主营业务收入5000万以上为50家" against "85家": the figure in the actual's unit is the target.
  const sameUnit = a.unit && target.main.unit !== a.unit ? target.secondary.find((q) => q.unit === a.unit) : undefined;
  const t = sameUnit ? { ...sameUnit, direction: sameUnit.direction ?? target.main.direction } : target.main;
  // An actual that only repeats the target's wording ("≥266米") measures nothing.
  if (typeof actualIn === 'string' && /(≥|≤|>|<|不低于|不高于|不少于|不超过)/.test(a.text)) {
    return { ok: false, reason: `实际值“${actualIn}”照抄了目标的写法（含比较符），无法衡量完成情况` };
  }
  let tv = t.value;
  let av = a.value;
  if (t.percent !== a.percent && typeof actualIn === 'number' && t.percent && av > 1.5) av /= 100; // 95.25 against 85%
  if (t.unit && a.unit && t.unit !== a.unit) {
    const ts = unitScale(t.unit);
    const as = unitScale(a.unit);
    if (ts !== 1 || as !== 1) {
      tv *= ts;
      av *= as;
    }
  }
  const dir: Direction = direction ?? t.direction ?? (t.rank ? 'lower' : 'higher');
  if (dir === 'higher') {
    if (tv === 0) return { ok: false, reason: '目标值为 0，完成率无意义' };
    if (tv < 0) return { ok: false, reason: '目标值为负数，完成率无意义' };
    const rate = av / tv;
    if (!Number.isFinite(rate)) return { ok: false, reason: `目标值 ${t.text} 过小，完成率无法计算` };
    return { ok: true, rate, direction: dir, explanation: `完成率 = 实际值 ${a.text} / 目标值 ${t.text} = ${formatPercent(rate)}` };
  }
  if (av <= 0) {
    if (av === 0 && tv >= 0) return { ok: true, rate: 1, direction: dir, explanation: `越低越好，实际值为 0，视为完成（100%）` };
    return { ok: false, reason: '越低越好的指标实际值为负数，完成率无意义' };
  }
  const rate = tv / av;
  if (!Number.isFinite(rate)) return { ok: false, reason: `实际值 ${a.text} 过小，完成率无法计算` };
  return { ok: true, rate, direction: dir, explanation: `完成率 = 目标值 ${t.text} / 实际值 ${a.text} = ${formatPercent(rate)}（越低越好）` };
}
