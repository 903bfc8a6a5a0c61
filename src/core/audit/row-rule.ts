import { formatAllowed, isScoreAllowed } from '../rules';
import { ParsedRule, Rule } from '../rules/types';
import { FindingCode } from './catalogue';
import { close, fmt, fmtPct } from './finding';
import { quotedRate, statedScore } from './reason';

/**
 * One scored row against its rule text: the checks the audit runs on every scoring-table row and
 * PERF.CHECK runs in a cell are this one function, so the sheet and the audit never disagree.
 */
export interface RowProblem {
  code: FindingCode;
  /** Which cell the problem is about. */
  on: 'score' | 'criteria' | 'reason';
  message: string;
  expected: number | string | null;
  actual: number | string | null;
  /** The clause or arithmetic it rests on. */
  rule: string;
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

/** A half unit of the shown precision, or this, is rounding, not an error. */
export const SCORE_TOLERANCE = 0.01;

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

/** The problems of one row, in the order a reviewer reads them. */
export function rowProblems(input: RowInput): RowProblem[] {
  const { rule, weight, score } = input;
  const name = input.name ? `“${input.name}”` : '该指标';
  const out: RowProblem[] = [];
  if (!rule.parsed) {
    out.push({
      code: 'rule.not-understood',
      on: 'criteria',
      message: `评分标准未能识别：${rule.reason}${input.name ? `（${name}的得分未按规则核对）` : ''}`,
      expected: null,
      actual: null,
      rule: clip(rule.text, 60),
    });
    return out;
  }
  const partsSum = rule.parts?.reduce((a, p) => a + p.points, 0);
  if (rule.parts && rule.parts.length > 1 && partsSum !== undefined && !close(partsSum, weight)) {
    out.push({
      code: 'rule.parts-sum',
      on: 'criteria',
      message: `${name}评分标准各部分分值之和为 ${rule.parts.map((p) => fmt(p.points)).join(' + ')} = ${fmt(partsSum)}，与权重 ${fmt(weight)} 不符`,
      expected: weight,
      actual: Number(partsSum.toFixed(4)),
      rule: rule.parts.map((p) => clip(p.clause, 24)).join('；'),
    });
  } else if (!close(rule.maxPoints, weight) && rule.maxPoints > 0) {
    out.push({
      code: 'rule.max-mismatch',
      on: 'criteria',
      message: `${name}评分标准最高可得 ${fmt(rule.maxPoints)} 分，与权重 ${fmt(weight)} 不符`,
      expected: weight,
      actual: rule.maxPoints,
      rule: clip(rule.text, 60),
    });
  }
  if (score === undefined) return out;
  // Out-of-range scores are their own findings (score.above-weight, score.negative).
  const inRange = score >= -1e-9 && score <= weight + 0.005;
  const step = rule.step && !rule.discretionary && rule.step.deduct > 0 ? rule.step : undefined;
  const deducted = weight - score;
  const steps = step ? deducted / step.deduct : 0;
  const partStep = step !== undefined && deducted > 0.005 && score > 0.005 && Math.abs(steps - Math.round(steps)) > 0.01;
  if (inRange && step && (partStep || !isScoreAllowed(rule, score))) {
    out.push({
      code: 'score.step-fraction',
      on: 'score',
      message: `${name}按“每${fmt(step.per)}${step.unit}扣${fmt(step.deduct)}分”只能整步扣分，实际扣了 ${fmt(deducted)} 分（${fmt(steps)} 步）`,
      expected: `${fmt(step.deduct)} 的整数倍`,
      actual: Number(deducted.toFixed(4)),
      rule: clip(rule.clauses.find((c) => c.kind === 'step-deduction' || c.kind === 'percent-step')?.text ?? rule.text),
    });
  } else if (inRange && !isScoreAllowed(rule, score)) {
    const binary = allOrNothing(rule);
    out.push({
      code: binary ? 'score.partial-under-binary' : 'score.not-allowed',
      on: 'score',
      message: binary ? `${name}的评分标准为全有或全无，只能得 ${formatAllowed(rule.allowed)} 分，实际给了 ${fmt(score)} 分` : `${name}按评分标准只能得 ${formatAllowed(rule.allowed)} 分，实际得分 ${fmt(score)} 不在其中`,
      expected: formatAllowed(rule.allowed),
      actual: score,
      rule: clip(rule.text, 80),
    });
  }
  const reason = input.reason?.trim() ?? '';
  if (reason === '') return out;
  const stated = statedScore(reason);
  if (stated) {
    const w = input.group?.weight ?? weight;
    const s = input.group?.score ?? score;
    const expectedDeduction = stated.kind === 'deduction' ? stated.points : stated.kind === 'fraction' ? w * stated.share : stated.kind === 'score' ? w - stated.points : stated.kind === 'none' ? 0 : w;
    const actualDeduction = w - s;
    if (!close(expectedDeduction, actualDeduction)) {
      out.push({
        code: 'reason.deduction-mismatch',
        on: 'score',
        message: `评分理由写明“${stated.clause}”（扣 ${fmt(expectedDeduction)} 分），按权重 ${fmt(w)} 应得 ${fmt(w - expectedDeduction)} 分，实际得分 ${fmt(s)}（扣 ${fmt(actualDeduction)} 分）`,
        expected: Number((w - expectedDeduction).toFixed(4)),
        actual: Number(s.toFixed(4)),
        rule: `扣分 = 权重 − 得分（${stated.clause}）`,
      });
    }
  }
  // A rate quoted in the reason ("满意率为89.6%"): the score must follow from it, within the rounding of the quote.
  const q = input.group ? undefined : quotedRate(reason);
  if (q && scoresOneRate(rule)) {
    const half = (0.5 * Math.pow(10, -q.decimals)) / 100;
    const at = [q.value - half, q.value, q.value + half].map((v) => rule.score(v));
    if (at.every((v): v is number => v !== null)) {
      const lo = Math.min(...at);
      const hi = Math.max(...at);
      if (score < lo - SCORE_TOLERANCE || score > hi + SCORE_TOLERANCE) {
        out.push({
          code: 'score.rate-contradiction',
          on: 'score',
          message: `评分理由给出${q.label} ${fmtPct(q.value, q.decimals)}，按评分标准应得 ${fmt(at[1])} 分，实际得分 ${fmt(score)}`,
          expected: Number(at[1].toFixed(4)),
          actual: score,
          rule: `${clip(rule.clauses[0]?.text ?? rule.text)}（${q.clause}）`,
        });
      }
    }
  }
  return out;
}
