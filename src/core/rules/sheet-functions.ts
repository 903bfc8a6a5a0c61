import { rowProblems } from '../audit/row-rule';
import { isMissingText, parseNumber, parseNumberStrict } from '../values/number';
import { completionRate, Direction } from '../values/target';
import { gradeOf, gradeSchemeOf } from './grade';
import { parseRule } from './parse';
import { fmtNum } from './figures';

/**
 * The pure cores of the PERF.* worksheet functions. Each returns a value or a typed failure
 * with a Chinese message; src/functions/functions.ts turns failures into Excel errors.
 */
export type Failure = { ok: false; code: 'invalid' | 'missing'; message: string };
export type Outcome<T> = { ok: true; value: T } | Failure;

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const invalid = (message: string): Failure => ({ ok: false, code: 'invalid', message });
const missing = (message: string): Failure => ({ ok: false, code: 'missing', message });

/** A cell value as sheets give it. */
export type CellInput = number | string | boolean | null | undefined;

/** A number from a cell: numbers as they are, text like "95.25%", "１.５分", "0.8787". */
export function numberFrom(v: CellInput, what: string): Outcome<number> {
  if (v === null || v === undefined || (typeof v === 'string' && isMissingText(v))) return missing(`${what}为空`);
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : invalid(`${what}不是有效数值`);
  if (typeof v === 'boolean') return invalid(`${what}应为数值，不能是逻辑值`);
  const n = parseNumberStrict(v);
  return n ? ok(n.value) : invalid(`${what}“${v}”不是数值`);
}

function optionalNumber(v: CellInput, what: string, fallback: number): Outcome<number> {
  if (v === null || v === undefined || v === '') return ok(fallback);
  return numberFrom(v, what);
}

/** All non-empty cells of a range, in reading order. */
export function flatten(range: ReadonlyArray<ReadonlyArray<CellInput>> | CellInput): CellInput[] {
  if (!Array.isArray(range)) return [range as CellInput];
  return (range as ReadonlyArray<ReadonlyArray<CellInput>>).flat().filter((v) => !(v === null || v === undefined || v === ''));
}

export function directionFrom(v: CellInput): Outcome<Direction | undefined> {
  if (v === null || v === undefined || v === '') return ok(undefined);
  const s = String(v).trim().toLowerCase();
  if (/^(higher|high|up|越高越好|正向|高优|越大越好)$/.test(s)) return ok('higher');
  if (/^(lower|low|down|越低越好|反向|低优|越小越好)$/.test(s)) return ok('lower');
  return invalid(`方向“${v}”无法识别，应为 higher/lower 或 越高越好/越低越好`);
}

/** PERF.COMPLETION: actual / target, or target / actual when lower is better. */
export function completionOf(actual: CellInput, target: CellInput, direction?: CellInput): Outcome<number> {
  if (actual === null || actual === undefined || actual === '') return missing('实际值为空');
  if (target === null || target === undefined || target === '') return missing('目标值为空');
  const dir = directionFrom(direction);
  if (!dir.ok) return dir;
  const r = completionRate(typeof actual === 'number' ? actual : String(actual), typeof target === 'number' ? target : String(target), dir.value);
  return r.ok ? ok(r.rate) : invalid(r.reason);
}

/** Full points at or above `full`, 0 below `floor`, linear between (财预〔2021〕101号's 60% rule and its variants). */
function linearScore(points: number, floor: number, full: number, r: number): number {
  if (r >= full - 1e-12) return points;
  if (r < floor) return 0;
  return (points * (r - floor)) / (full - floor);
}

/** PERF.LINEAR: full points at or above `full`, 0 below `floor`, linear between. */
export function linearOf(rate: CellInput, points: CellInput, floor?: CellInput, full?: CellInput): Outcome<number> {
  const r = numberFrom(rate, '完成率');
  if (!r.ok) return r;
  const p = numberFrom(points, '分值');
  if (!p.ok) return p;
  if (p.value < 0) return invalid('分值不能为负数');
  const lo = optionalNumber(floor, '起评线', 0.6);
  if (!lo.ok) return lo;
  const hi = optionalNumber(full, '满分线', 1);
  if (!hi.ok) return hi;
  // 60 and 100 typed as whole percentages mean 60% and 100%.
  const a = lo.value > 1.5 ? lo.value / 100 : lo.value;
  const b = hi.value > 1.5 ? hi.value / 100 : hi.value;
  if (!(b > a)) return invalid(`满分线（${fmtNum(b * 100)}%）应高于起评线（${fmtNum(a * 100)}%）`);
  return ok(linearScore(p.value, a, b, r.value));
}

const DEFAULT_WEIGHTS: Record<number, number[]> = { 4: [100, 80, 60, 0], 5: [100, 75, 50, 25, 0] };

/** PERF.SATISFACTION: Σ count × weight / (Σ count × 100). */
export function satisfactionOf(answers: CellInput[], weights?: CellInput[]): Outcome<number> {
  const counts: number[] = [];
  for (const a of answers) {
    const n = numberFrom(a, '答卷数');
    if (!n.ok) return n;
    if (n.value < 0) return invalid('答卷数不能为负数');
    counts.push(n.value);
  }
  if (counts.length === 0) return missing('没有答卷数据');
  let ws: number[];
  if (weights && weights.length > 0) {
    ws = [];
    for (const w of weights) {
      const n = numberFrom(w, '权重');
      if (!n.ok) return n;
      ws.push(n.value);
    }
    if (ws.length !== counts.length) return invalid(`权重有 ${ws.length} 个，答卷选项有 ${counts.length} 个，数量应相同`);
    // Weights given as fractions (1, 0.8, 0.6, 0) are read on the 100 scale.
    if (Math.max(...ws) <= 1) ws = ws.map((w) => w * 100);
  } else {
    const d = DEFAULT_WEIGHTS[counts.length];
    if (!d) return invalid(`选项有 ${counts.length} 个，没有默认权重（4 个选项为 100/80/60/0，5 个为 100/75/50/25/0），请给出权重`);
    ws = d;
  }
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return invalid('答卷总数为 0，满意率无意义');
  return ok(counts.reduce((a, c, i) => a + c * ws[i], 0) / (total * 100));
}

/** Measured values for RULESCORE: numbers or percent texts from a cell or a range. */
export function valuesFrom(cells: CellInput[]): Outcome<number[]> {
  const out: number[] = [];
  for (const c of cells) {
    if (typeof c === 'string') {
      const n = parseNumber(c);
      if (!n) return invalid(`“${c}”不是数值`);
      out.push(n.value);
      continue;
    }
    const n = numberFrom(c, '实际值');
    if (!n.ok) return n;
    out.push(n.value);
  }
  return out.length > 0 ? ok(out) : missing('没有实际值');
}

function pointsFrom(points: CellInput): Outcome<number> {
  const p = numberFrom(points, '分值');
  if (!p.ok) return p;
  return p.value > 0 ? p : invalid('分值应为正数');
}

/** PERF.RULESCORE: the score the rule text gives for the measured value(s). */
export function ruleScoreOf(ruleText: CellInput, points: CellInput, values: CellInput[]): Outcome<number> {
  if (ruleText === null || ruleText === undefined || String(ruleText).trim() === '') return missing('评分标准为空');
  const p = pointsFrom(points);
  if (!p.ok) return p;
  const v = valuesFrom(values);
  if (!v.ok) return v;
  const rule = parseRule(String(ruleText), p.value);
  if (!rule.parsed) return invalid(`未能识别评分标准：${rule.reason}`);
  if (rule.inputs === 0) return invalid(`该评分标准（${rule.explanation}）没有可按实际值计算的公式`);
  const s = rule.score(v.value.length === 1 ? v.value[0] : v.value);
  if (s === null) return invalid(rule.inputs > 1 ? `该评分标准有 ${rule.inputs} 项，请给出 1 个或 ${rule.inputs} 个实际值` : '实际值不在评分标准给出的任何区间内');
  return ok(s);
}

/**
 * PERF.CHECK: "" when the score agrees with the rule and the reason, else what does not, in Chinese —
 * the very checks the audit runs on the row (audit/row-rule.ts).
 */
export function checkOf(ruleText: CellInput, points: CellInput, score: CellInput, reason?: CellInput): Outcome<string> {
  const p = pointsFrom(points);
  if (!p.ok) return p;
  const s = numberFrom(score, '得分');
  if (!s.ok) return s;
  const w = p.value;
  const sc = s.value;
  if (sc > w + 0.005) return ok(`得分 ${fmtNum(sc)} 超过分值 ${fmtNum(w)}`);
  if (sc < 0) return ok('得分不能为负数');
  const rule = parseRule(String(ruleText ?? ''), w);
  const why = reason === null || reason === undefined ? '' : String(reason);
  const problems = rowProblems({ rule, weight: w, score: sc, ...(why.trim() !== '' ? { reason: why } : {}) });
  return ok(problems.map((x) => x.message).join('；'));
}

/** PERF.GRADE. */
export function gradeFor(total: CellInput, scheme?: CellInput): Outcome<string> {
  const t = numberFrom(total, '总分');
  if (!t.ok) return t;
  const id = gradeSchemeOf(scheme === null || scheme === undefined ? '' : String(scheme));
  if (!id) return invalid(`等级方案“${scheme}”无法识别，可用“四级”（默认，财预〔2020〕10号）或“五级”`);
  return ok(gradeOf(t.value, id)!);
}

/** PERF.RATE: 得分率 = score / points. */
export function rateOf(score: CellInput, points: CellInput): Outcome<number> {
  const s = numberFrom(score, '得分');
  if (!s.ok) return s;
  const p = numberFrom(points, '分值');
  if (!p.ok) return p;
  if (p.value === 0) return invalid('分值为 0，得分率无意义');
  return ok(s.value / p.value);
}

/** A share as a fraction: 56.86 (a % number), 0.5686, "56.86%". */
function shareFrom(v: CellInput): Outcome<number> {
  if (typeof v === 'string') {
    const n = parseNumberStrict(v);
    if (!n) return invalid(`占比“${v}”不是数值`);
    return ok(n.percent ? n.value : n.value > 1 ? n.value / 100 : n.value);
  }
  const n = numberFrom(v, '占比');
  if (!n.ok) return n;
  return ok(n.value);
}

/** PERF.WEIGHTED: Σ score × share, the shares adding up to 100%. */
export function weightedOf(scores: CellInput[], shares: CellInput[]): Outcome<number> {
  if (scores.length !== shares.length) return invalid(`得分有 ${scores.length} 个，占比有 ${shares.length} 个，数量应相同`);
  if (scores.length === 0) return missing('没有得分');
  const raw: number[] = [];
  for (const sh of shares) {
    const n = shareFrom(sh);
    if (!n.ok) return n;
    raw.push(n.value);
  }
  // Plain numbers are % figures (56.86) when they add up to about 100.
  const sumRaw = raw.reduce((a, b) => a + b, 0);
  const fr = shares.every((x) => typeof x === 'number') && sumRaw > 1.5 ? raw.map((x) => x / 100) : raw;
  const total = fr.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > 0.0005) return invalid(`占比合计为 ${fmtNum(total * 100)}%，应为 100%`);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = numberFrom(scores[i], '得分');
    if (!s.ok) return s;
    sum += s.value * fr[i];
  }
  return ok(sum);
}
