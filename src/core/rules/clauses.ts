import { NUM, PCT, readAmount, readRate, TIMES } from './tokens';

/**
 * Detectors for the pieces a rule text is built from. Each returns what it read plus the
 * matched text, so the parser can show which clause a reading rests on.
 */

/** Where the points of a formula come from: a stated figure ("×2分") or the indicator's weight ("×指标分值"). */
export type Multiplier = number | 'weight';

const POINTS_WORD = String.raw`(?:该|本)?(?:指标|项)?(?:分值|权重分值|权重|满分|分数)`;
const MULT = String.raw`(${NUM})\s*分|${POINTS_WORD}`;

function multiplierOf(token: string | undefined, pointsFigure: string | undefined): Multiplier | null {
  if (pointsFigure !== undefined) return readAmount(pointsFigure);
  return token ? 'weight' : null;
}

export interface LinearFormula {
  /** The measured rate named in the formula (完成率, 满意率). */
  label: string;
  floor: number;
  full: number;
  multiplier: Multiplier;
  text: string;
}

/** "（完成率-60%）/(100%-60%)×指标分值", "(满意率-0.6)/(0.9-0.6)×2分". */
export function findLinear(s: string): LinearFormula | null {
  const re = new RegExp(
    String.raw`\(\s*([^()\-]{0,20}?)\s*-\s*(${PCT})\s*\)\s*/\s*\(\s*(${PCT})\s*-\s*(${PCT})\s*\)\s*(?:${TIMES}\s*(?:${MULT}))?`,
  );
  const m = re.exec(s);
  if (!m) return null;
  const floor = readRate(m[2]);
  const full = readRate(m[3]);
  const floor2 = readRate(m[4]);
  if (floor === null || full === null || floor2 === null || !(full > floor)) return null;
  const mult = m[5] !== undefined ? readAmount(m[5]) : 'weight';
  if (mult === null) return null;
  return { label: m[1].replace(/[=:：,，。]/g, '').trim() || '完成率', floor, full, multiplier: mult, text: m[0] };
}

/** 财预〔2020〕10号 第十六条: "未达到按完成值/指标值×分值". */
export function findSelfEval(s: string): { multiplier: Multiplier; text: string } | null {
  const m = new RegExp(String.raw`(?:实际)?完成值\s*/\s*(?:年度)?(?:指标值|目标值)\s*(?:${TIMES}\s*(?:${MULT}))?`).exec(s);
  if (!m) return null;
  return { multiplier: multiplierOf('x', m[1]) ?? 'weight', text: m[0] };
}

export interface Proportional {
  multiplier: Multiplier;
  text: string;
}

/** "按完成比例给分", "评分等于支出率*6分", "按实际到位金额/应到位金额*3分", "20分*执行率", "按达到预期目标值的百分比给分". */
export function findProportional(s: string): Proportional | null {
  const patterns: Array<[RegExp, (m: RegExpExecArray) => Multiplier | null]> = [
    [new RegExp(String.raw`([\u4e00-\u9fa5]{0,10}率)\s*${TIMES}\s*(?:${MULT})`), (m) => multiplierOf('x', m[2])],
    [new RegExp(String.raw`(${NUM})\s*分\s*${TIMES}\s*[\u4e00-\u9fa5]{0,10}(?:率|比例)`), (m) => readAmount(m[1])],
    [new RegExp(String.raw`[\u4e00-\u9fa5A-Za-z]{1,20}\s*/\s*[\u4e00-\u9fa5A-Za-z]{1,20}\s*${TIMES}\s*(?:${MULT})`), (m) => multiplierOf('x', m[1])],
    [/按(?:实际)?(?:完成|达成|执行|到位)?(?:比例|比率|率|程度|进度|百分比)(?:给分|扣分|计分|得分|折算|计算|打分)/, () => 'weight'],
    [/按(?:其)?(?:达到|完成|实现)(?:的)?(?:预期|年度)?(?:目标值?|指标值|任务)?的?(?:百分比|比例|比率|程度)(?:给分|扣分|计分|得分|折算|计算)/, () => 'weight'],
  ];
  for (const [re, mult] of patterns) {
    const m = re.exec(s);
    if (!m) continue;
    const v = mult(m);
    if (v === null) continue;
    return { multiplier: v, text: m[0] };
  }
  return null;
}

export interface StepClause {
  per: number;
  /** As written: 个百分点, %, 个月, 位, … */
  unit: string;
  /** The verb of the step ("下降", "延期"), empty when none is written. */
  verb: string;
  /** Points per step; for a share of the points ("扣5%权重分值") the share is in `share`. */
  deduct: number;
  share?: number;
  /** A stated target the measured value is compared with ("达到34%"). */
  target?: number;
  text: string;
}

/** "每下降1个百分点扣1分", "排名每下降1位，扣0.5分", "每延期3个月扣1分", "每降低1%，扣5%权重分值". */
export function findSteps(s: string): StepClause[] {
  const re = new RegExp(
    String.raw`每(下降|降低|减少|延期|延迟|推迟|滞后|逾期|低于|少|超出|超过|增加|上升|相差|差|发现|出现|有)?\s*(${NUM}|\d+/\d+)\s*(个百分点|百分点|%|个月|月|天|日|周|年|位|名|个|家|项|次|人|处|条)?(?:[\u4e00-\u9fa5]{0,6}?)\s*[,，、]?\s*(?:的)?\s*(?:扣|减)(?:除|去)?\s*(${NUM}\s*%|\d+/\d+|${NUM})\s*(?:的)?\s*(权重分值|指标分值|权重|分值|分)`,
    'g',
  );
  const out: StepClause[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const per = readAmount(m[2]);
    const amount = readAmount(m[4]);
    if (per === null || amount === null || !(per > 0) || !(amount > 0)) continue;
    const ofPoints = m[5] !== '分' || /%|\//.test(m[4]);
    const before = s.slice(Math.max(0, m.index - 60), m.index);
    const t = /(?:达到|不低于|≥|高于|超过)\s*(\d+(?:\.\d+)?)\s*%/.exec(before);
    const step: StepClause = { per, unit: m[3] ?? '', verb: m[1] ?? '', deduct: ofPoints ? 0 : amount, text: m[0] };
    if (ofPoints) step.share = amount;
    if (t) step.target = Number(t[1]) / 100;
    out.push(step);
  }
  return out;
}

/** "要点①②③④各占指标分值的1/4": the points split into equal shares. */
export function findEqualShares(s: string): { share: number; text: string } | null {
  const m = /([①-⑳]{2,})?[^;；。]{0,12}各占(?:指标|本指标|该指标)?(?:分值|权重|分数|总分)?的?\s*(\d+\/\d+|\d+(?:\.\d+)?\s*%)/.exec(s);
  if (m) {
    const share = readAmount(m[2]);
    if (share !== null && share > 0 && share <= 1) return { share, text: m[0] };
  }
  const c = /(?:要点|内容|方面)\s*([①-⑳]{2,})[^;；。]{0,20}(?:相应|各自|对应)(?:权重)?分值/.exec(s);
  if (c) return { share: 1 / [...c[1]].length, text: c[0] };
  return null;
}

const DISCRETIONARY_RE = /酌情(?:扣分|给分|得分|扣减|评分|打分|扣)?|视(?:具体)?(?:情况|情节|实际情况)[^;；。]{0,8}?(?:扣分|给分|得分|评分|打分|扣减)|视[\u4e00-\u9fa5]{1,6}程度(?:扣分|给分|得分|评分|扣减)|适当(?:扣分|给分)|根据实际情况(?:扣分|给分|评分)/g;

export function findDiscretionary(s: string): string[] {
  return [...s.matchAll(DISCRETIONARY_RE)].map((m) => m[0]);
}

/** A score a clause states: "得3分", "得1-2分", "得满分", "2分" after a condition, "不得分". */
export interface StatedPoints {
  lo: number;
  hi: number;
  text: string;
  /** Position in the text, for ordering tiers. */
  at: number;
}

const ZERO_RE = /不得分|不计分|不给分|得0分|计0分|(?<![\d.])0分|扣完为止|直至(?:扣到)?0分/g;

export function findStatedPoints(s: string, weight: number): StatedPoints[] {
  const out: StatedPoints[] = [];
  const re = new RegExp(String.raw`(扣除?|减|${TIMES}|每项|每指标|各|每年)?\s*(?:得|计|给|记|为)?\s*(${NUM})\s*(?:-\s*(${NUM}))?\s*分(?!值|数|之|析|别|配|类|项|布|解|钟|成|期|阶段|管理|指标)`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (m[1]) continue; // deductions, multipliers and per-item declarations are not tiers
    const before = s.slice(Math.max(0, m.index - 2), m.index);
    if (/\d|\.|%/.test(before.slice(-1))) continue;
    const lo = Number(m[2]);
    const hi = m[3] !== undefined ? Number(m[3]) : lo;
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) continue;
    out.push({ lo: Math.min(lo, hi), hi: Math.max(lo, hi), text: m[0].trim(), at: m.index });
  }
  for (const z of s.matchAll(/得满分|满分/g)) {
    if (!out.some((p) => Math.abs(p.at - z.index!) < 3)) out.push({ lo: weight, hi: weight, text: z[0], at: z.index! });
  }
  for (const z of s.matchAll(ZERO_RE)) {
    if (!out.some((p) => p.lo === 0 && p.hi === 0 && Math.abs(p.at - z.index!) < 4)) out.push({ lo: 0, hi: 0, text: z[0], at: z.index! });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** "得5分，否则扣2分": the other case loses a fixed number of points, not all of them. */
export function findFallbackDeduction(s: string): { text: string; points: number } | undefined {
  const m = new RegExp(String.raw`(?:否则|未完成|未达到|没达到|没有达到|达不到|不符合)[^，,；;。每]{0,6}?扣除?\s*(${NUM})\s*分`).exec(s);
  return m ? { text: m[0], points: Number(m[1]) } : undefined;
}

/** The clause gives the other case its own outcome ("否则", "未完成不计分", "没达到0分"). */
export function hasFallback(s: string): boolean {
  return /否则|未完成|未达到|没达到|没有达到|达不到|未按|不符合|低于|其余|其他情况/.test(s);
}
