import { formatAllowed, isScoreAllowed } from '../rules';
import { Interval, ParsedRule, Rule } from '../rules/types';
import { WrittenComputation, writtenComputations } from './arithmetic';
import { FindingCode, MessageParams, messagesOf } from './catalogue';
import { fmt, rounded } from './format';
import { quotedRate, StatedScore, statedScore } from './reason';
import { ABOVE_WEIGHT_SLACK, close, FLOAT_NOISE, halfUnit, SCORE_TOLERANCE } from './tolerance';

/**
 * One scored row against its rule text: the checks the audit runs on every scoring-table row and
 * PERF.CHECK runs in a cell are this one function, so the sheet and the audit never disagree.
 */
export interface RowProblem<C extends FindingCode = FindingCode> {
  code: C;
  /** Which cell the problem is about. */
  on: 'score' | 'criteria' | 'reason' | 'explanation';
  /** The figures of the message (the catalogue's templates make the words). */
  params: MessageParams<C>;
  /** The Chinese message, as PERF.CHECK shows it. */
  message: string;
  expected: number | string | null;
  actual: number | string | null;
  /** The clause or arithmetic it rests on. */
  rule: string;
  /** How hosts show expected and actual ('percent' for fractions). */
  display?: 'percent';
  /**
   * For a score the rule does not allow: the allowed scores nearest to it (below and above), what
   * the score would be once corrected. A total that is off only by these is a consequence.
   */
  corrected?: number[];
}

export interface RowInput {
  rule: Rule;
  /** The indicator's points (weight). */
  weight: number;
  /** The score, when the row has a number there. */
  score?: number;
  /** The 评分理由 text, when there is one. */
  reason?: string;
  /** The indicator's name, for messages. */
  name?: string;
  /**
   * The reason cell is shared by several rows (merged): its stated deduction is checked against
   * the group's totals, and no rate is checked against one row.
   */
  group?: { weight: number; score: number };
}

function clip(text: string, n = 40): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/** All-or-nothing: the rule allows 0 and its top score only ("完成得2分，未完成不计分"). */
function allOrNothing(rule: ParsedRule): boolean {
  const a = rule.allowed;
  return a.length === 2 && a[0][0] === 0 && a[0][1] === 0 && a[1][0] === a[1][1];
}

/** A rule that scores one rate (a percentage) and adds no parts: a rate quoted in the reason pins its score. */
function scoresOneRate(rule: ParsedRule): boolean {
  return rule.inputs === 1 && rule.quantity?.unit === '%' && !rule.parts && (rule.quantity.kind === 'level' || rule.quantity.kind === 'gap');
}

/** The allowed scores nearest to `score`, below and above it (one when it lies beyond every interval). */
function nearestAllowed(allowed: Interval[], score: number): number[] {
  let below: number | undefined;
  let above: number | undefined;
  for (const [lo, hi] of allowed) {
    if (hi <= score) below = hi;
    else if (lo >= score && above === undefined) above = lo;
  }
  return [below, above].filter((v): v is number => v !== undefined);
}

/** The deduction a reason states, in points; undefined when it names a part the rule does not list. */
function statedDeduction(stated: StatedScore, weight: number, rule: ParsedRule): number | undefined {
  switch (stated.kind) {
    case 'deduction':
      return stated.points;
    case 'fraction':
      return weight * stated.share;
    case 'part-share': {
      const part = rule.parts?.[stated.part - 1];
      return part ? part.points * stated.share : undefined;
    }
    case 'score':
      return weight - stated.points;
    case 'none':
      return 0;
    case 'all':
      return weight;
  }
}

/** Each written computation of a text whose result is not what its formula gives (within the result's shown precision). */
export function wrongResults(list: readonly WrittenComputation[], on: RowProblem['on']): RowProblem[] {
  return list
    .filter((c) => !close(c.computed, c.written, c.tolerance))
    .map((c) =>
      problem({
        code: 'arithmetic.result',
        on,
        params: { formula: c.formula, computed: c.computed, written: c.written, percent: c.unit === 'percent' },
        expected: rounded(c.computed, 6),
        actual: c.written,
        rule: `${c.formula} = ${fmt(c.computed)}`,
        ...(c.unit === 'percent' ? { display: 'percent' as const } : {}),
      }),
    );
}

/**
 * Computations written in the criteria or the reason: each result against its formula, and the
 * reason's last result in points against the score (or the deduction: weight − score).
 */
function arithmeticProblems(input: RowInput): RowProblem[] {
  const out = wrongResults(writtenComputations(input.rule.text, input.weight), 'criteria');
  const reasonList = input.reason ? writtenComputations(input.reason, input.weight) : [];
  out.push(...wrongResults(reasonList, 'reason'));
  const last = [...reasonList].reverse().find((c) => c.unit === 'points');
  const score = input.group?.score ?? input.score;
  if (!last || score === undefined || !close(last.computed, last.written, last.tolerance)) return out;
  const weight = input.group?.weight ?? input.weight;
  const tol = Math.max(SCORE_TOLERANCE, last.tolerance);
  const asScore = close(last.written, score, tol);
  const asDeduction = close(last.written, weight - score, tol);
  const fits = last.meaning === 'score' ? asScore : last.meaning === 'deduction' ? asDeduction : asScore || asDeduction;
  if (!fits) {
    const deduction = last.meaning === 'deduction';
    out.push(
      problem({
        code: 'arithmetic.score',
        on: 'score',
        params: { formula: `${last.formula} = ${fmt(last.written)}`, written: last.written, score, deduction },
        expected: rounded(deduction ? weight - last.written : last.written),
        actual: score,
        rule: `${last.formula} = ${fmt(last.written)}分`,
      }),
    );
  }
  return out;
}

function problem<C extends FindingCode>(p: Omit<RowProblem<C>, 'message'>): RowProblem<C> {
  return { ...p, message: messagesOf(p.code, p.params).zh };
}

/** The problems of one row, in the order a reviewer reads them. */
export function rowProblems(input: RowInput): RowProblem[] {
  const { rule, weight, score } = input;
  const name = input.name;
  const out: RowProblem[] = [];
  if (!rule.parsed) {
    out.push(problem({ code: 'rule.not-understood', on: 'criteria', params: { reason: rule.reason, ...(name ? { name } : {}) }, expected: null, actual: null, rule: clip(rule.text, 60) }));
    return [...out, ...arithmeticProblems(input)];
  }
  const partsSum = rule.parts?.reduce((a, p) => a + p.points, 0);
  if (rule.parts && rule.parts.length > 1 && partsSum !== undefined && !close(partsSum, weight)) {
    out.push(
      problem({
        code: 'rule.parts-sum',
        on: 'criteria',
        params: { name, parts: rule.parts.map((p) => p.points), sum: partsSum, weight },
        expected: weight,
        actual: rounded(partsSum),
        rule: rule.parts.map((p) => clip(p.clause, 24)).join('；'),
      }),
    );
  } else if (!close(rule.maxPoints, weight) && rule.maxPoints > 0) {
    out.push(problem({ code: 'rule.max-mismatch', on: 'criteria', params: { name, max: rule.maxPoints, weight }, expected: weight, actual: rule.maxPoints, rule: clip(rule.text, 60) }));
  }
  if (score === undefined) return [...out, ...arithmeticProblems(input)];
  // Out-of-range scores are their own findings (score.above-weight, score.negative).
  const inRange = score >= -FLOAT_NOISE && score <= weight + ABOVE_WEIGHT_SLACK;
  const step = rule.step && !rule.discretionary && rule.step.deduct > 0 ? rule.step : undefined;
  const deducted = weight - score;
  const steps = step ? deducted / step.deduct : 0;
  const partStep = step !== undefined && deducted > ABOVE_WEIGHT_SLACK && score > ABOVE_WEIGHT_SLACK && Math.abs(steps - Math.round(steps)) > SCORE_TOLERANCE;
  if (inRange && step && (partStep || !isScoreAllowed(rule, score))) {
    out.push(
      problem({
        code: 'score.step-fraction',
        on: 'score',
        params: { name, per: step.per, unit: step.unit, deduct: step.deduct, deducted, steps },
        expected: `${fmt(step.deduct)} 的整数倍`,
        actual: rounded(deducted),
        rule: clip(rule.clauses.find((c) => c.kind === 'step-deduction' || c.kind === 'percent-step')?.text ?? rule.text),
        corrected: [Math.floor(steps), Math.ceil(steps)].map((n) => Math.min(weight, Math.max(0, weight - n * step.deduct))),
      }),
    );
  } else if (inRange && !isScoreAllowed(rule, score)) {
    const params = { name, allowed: formatAllowed(rule.allowed), score };
    const rest = { on: 'score' as const, params, expected: formatAllowed(rule.allowed), actual: score, rule: clip(rule.text, 80), corrected: nearestAllowed(rule.allowed, score) };
    out.push(allOrNothing(rule) ? problem({ code: 'score.partial-under-binary', ...rest }) : problem({ code: 'score.not-allowed', ...rest }));
  }
  const reason = input.reason?.trim() ?? '';
  out.push(...arithmeticProblems(input));
  if (reason === '') return out;
  const stated = statedScore(reason);
  const w = input.group?.weight ?? weight;
  const s = input.group?.score ?? score;
  const expectedDeduction = stated && statedDeduction(stated, w, rule);
  if (stated && expectedDeduction !== undefined) {
    if (!close(expectedDeduction, w - s)) {
      out.push(
        problem({
          code: 'reason.deduction-mismatch',
          on: 'score',
          params: { clause: stated.clause, stated: expectedDeduction, weight: w, score: s },
          expected: rounded(w - expectedDeduction),
          actual: rounded(s),
          rule: `扣分 = 权重 − 得分（${stated.clause}）`,
        }),
      );
    }
  }
  // A rate quoted in the reason ("满意率为89.6%"): the score must follow from it, within the rounding of the quote.
  const q = input.group ? undefined : quotedRate(reason);
  if (q && scoresOneRate(rule)) {
    const half = halfUnit(q.decimals) / 100;
    const at = [q.value - half, q.value, q.value + half].map((v) => rule.score(v));
    if (at.every((v): v is number => v !== null)) {
      const lo = Math.min(...at);
      const hi = Math.max(...at);
      if (score < lo - SCORE_TOLERANCE || score > hi + SCORE_TOLERANCE) {
        out.push(
          problem({
            code: 'score.rate-contradiction',
            on: 'score',
            params: { label: q.label, rate: q.value, decimals: q.decimals, expected: at[1], score },
            expected: rounded(at[1]),
            actual: score,
            rule: `${clip(rule.clauses[0]?.text ?? rule.text)}（${q.clause}）`,
          }),
        );
      }
    }
  }
  return out;
}
