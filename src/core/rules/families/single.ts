import { findBands, bandScore } from './bands';
import { findDiscretionary, findEqualShares, findFallbackDeduction, findLinear, findProportional, findSelfEval, findStatedPoints, findSteps, StatedPoints } from '../clauses';
import { maxOf, point, range, stepsDown, union } from '../intervals';
import { Reading, single, uniqueKinds } from '../reading';
import { fmtNum } from '../tokens';
import { Interval, RuleClause, RuleKind, RuleStep } from '../types';
import { linearScore, pointsOf, proportionalScore } from './linear';
import { deductOf, stepInput, stepScore } from './steps';

/** One alternative reading of a rule: its family, its allowed scores and, when defined, its score. */
interface Alternative {
  kind: RuleKind;
  allowed: Interval[];
  top: number;
  label?: string;
  score?: (x: number) => number | null;
  explanation: string;
  step?: RuleStep;
}

const PRIORITY: RuleKind[] = ['threshold-linear', 'satisfaction-linear', 'selfeval', 'proportional', 'tiered', 'step-deduction', 'percent-step', 'equal-shares', 'binary', 'qualitative-tiers', 'discretionary'];

function pct(v: number): string {
  return `${fmtNum(v * 100)}%`;
}

function distinctPositive(stated: StatedPoints[]): StatedPoints[] {
  const seen = new Set<string>();
  const out: StatedPoints[] = [];
  for (const p of stated) {
    if (p.hi <= 0) continue;
    const key = `${p.lo}-${p.hi}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/**
 * Read a rule (or one item of it) as one scoring scheme, possibly with alternatives
 * ("否则按完成比例给分；如果没有预期目标值…排名每下降1位扣1分") and discretionary clauses.
 * Returns a Chinese reason when nothing in it says how points are given.
 */
export function readSingle(s: string, weight: number): Reading | string {
  const alts: Alternative[] = [];
  const clauses: RuleClause[] = [];
  const extraKinds: RuleKind[] = [];
  let rest = s;

  const linear = findLinear(s);
  if (linear) {
    const top = pointsOf(linear.multiplier, weight);
    const kind: RuleKind = /满意/.test(linear.label) ? 'satisfaction-linear' : 'threshold-linear';
    alts.push({
      kind,
      allowed: range(0, top),
      top,
      label: linear.label,
      score: (r) => linearScore(linear, top, r),
      explanation: `${linear.label}≥${pct(linear.full)}得${fmtNum(top)}分；${pct(linear.floor)}–${pct(linear.full)}之间按（${linear.label}−${pct(linear.floor)}）/（${pct(linear.full)}−${pct(linear.floor)}）×${fmtNum(top)}分计分；低于${pct(linear.floor)}不得分`,
    });
    clauses.push({ text: linear.text, kind, points: top });
    rest = rest.replace(linear.text, ' ');
  }
  const selfeval = linear ? null : findSelfEval(rest);
  if (selfeval) {
    const top = pointsOf(selfeval.multiplier, weight);
    alts.push({ kind: 'selfeval', allowed: range(0, top), top, label: '完成率（完成值/指标值）', score: (r) => proportionalScore(top, r), explanation: `达到指标值得${fmtNum(top)}分；未达到按完成值/指标值×${fmtNum(top)}分计分（财预〔2020〕10号第十六条）` });
    clauses.push({ text: selfeval.text, kind: 'selfeval', points: top });
    rest = rest.replace(selfeval.text, ' ');
  }
  const prop = selfeval ? null : findProportional(rest);
  if (prop) {
    const top = pointsOf(prop.multiplier, weight);
    alts.push({ kind: 'proportional', allowed: range(0, top), top, label: '完成比例', score: (r) => proportionalScore(top, r), explanation: `得分 = ${fmtNum(top)}分 × 完成比例（最高${fmtNum(top)}分）` });
    clauses.push({ text: prop.text, kind: 'proportional', points: top });
    rest = rest.replace(prop.text, ' ');
  }

  const stated = findStatedPoints(rest, weight);
  const positives = distinctPositive(stated);
  const statedTop = positives.length > 0 ? Math.max(...positives.map((p) => p.hi)) : weight;
  const zeroStated = stated.some((p) => p.hi === 0);
  const discretionary = findDiscretionary(s);
  const continuous = alts.length > 0;

  const bands = continuous ? [] : findBands(rest);
  const steps = findSteps(rest);
  const useBands = bands.length >= 2 || (bands.length === 1 && steps.length === 0 && bands[0].points > 0);
  if (useBands) {
    const pts = bands.map((b) => b.points);
    const allowed = union(...pts.map(point), zeroStated ? point(0) : []);
    const below = Math.min(...bands.map((b) => b.lo));
    alts.push({
      kind: 'tiered',
      allowed,
      top: Math.max(...pts),
      label: /([\u4e00-\u9fa5]{1,6}率)/.exec(s)?.[1] ?? '完成率',
      score: (r) => bandScore(bands, r) ?? (zeroStated || r < below ? 0 : null),
      explanation: `按区间给分：${bands.map((b) => b.text.replace(/[,，]/g, '')).join('；')}`,
    });
    for (const b of bands) clauses.push({ text: b.text, kind: 'tiered', points: b.points });
  }
  for (const st of steps) {
    const top = continuous ? Math.max(...alts.map((a) => a.top)) : statedTop;
    const d = deductOf(st, weight);
    const kind: RuleKind = st.share !== undefined ? 'percent-step' : 'step-deduction';
    const input = stepInput(st);
    alts.push({
      kind,
      allowed: stepsDown(top, d),
      top,
      label: input.label,
      score: (x) => stepScore(st, top, weight, x),
      step: { per: st.per, unit: st.unit, deduct: d },
      explanation:
        st.share !== undefined
          ? `每${st.verb}${fmtNum(st.per)}${st.unit}扣指标分值的${pct(st.share)}（${fmtNum(d)}分），直至0分`
          : `达到目标得${fmtNum(top)}分，每${st.verb}${fmtNum(st.per)}${st.unit}扣${fmtNum(d)}分，扣完为止`,
    });
    clauses.push({ text: st.text, kind, points: d });
  }
  const shares = findEqualShares(rest);
  if (shares) {
    const d = shares.share * weight;
    const n = Math.round(1 / shares.share);
    alts.push({ kind: 'equal-shares', allowed: stepsDown(weight, d), top: weight, label: '符合的要点数', score: (k) => Math.min(weight, Math.max(0, Math.floor(k + 1e-9)) * d), explanation: `分${n}个要点，每个要点${fmtNum(d)}分，符合得分、不符合扣除` });
    clauses.push({ text: shares.text, kind: 'equal-shares', points: d });
  }

  if (alts.length === 0) {
    if (positives.length === 1 && positives[0].lo === positives[0].hi) {
      const n = positives[0].hi;
      if (discretionary.length > 0 && !zeroStated) {
        // "得2分，否则酌情扣分": all-or-nothing in form, but the fallback is free.
        extraKinds.push('binary');
        clauses.push({ text: positives[0].text, kind: 'binary', points: n });
      } else {
        // "否则扣2分": the other outcome is the top less the deduction, not 0.
        const fallback = zeroStated ? undefined : findFallbackDeduction(rest);
        const other = fallback && fallback.points < n ? n - fallback.points : 0;
        alts.push({
          kind: 'binary',
          allowed: union(point(other), point(n)),
          top: n,
          label: '完成率（达到目标为 100%）',
          score: (r) => (r >= 1 - 1e-9 ? n : other),
          explanation: other > 0 ? `达到要求得${fmtNum(n)}分，否则扣${fmtNum(n - other)}分（得${fmtNum(other)}分）` : `达到要求得${fmtNum(n)}分，否则得0分`,
        });
        for (const p of stated) clauses.push({ text: p.text, kind: 'binary', points: p.hi });
        if (other > 0) clauses.push({ text: fallback!.text, kind: 'binary', points: other });
      }
    } else if (positives.length >= 1) {
      const allowed = union(...positives.map((p) => range(p.lo, p.hi)), zeroStated ? point(0) : []);
      const show = [...positives.map((p) => (p.lo === p.hi ? fmtNum(p.lo) : `${fmtNum(p.lo)}–${fmtNum(p.hi)}`)), ...(zeroStated ? ['0'] : [])];
      alts.push({ kind: 'qualitative-tiers', allowed, top: maxOf(allowed), explanation: `按情形分档给分：${show.join('、')}分` });
      for (const p of stated) clauses.push({ text: p.text, kind: 'qualitative-tiers', points: p.hi });
    }
  }

  if (discretionary.length > 0) {
    // A discretionary tier among fixed tiers ("持平得3分；两者均下降，视下降程度得分") lies below the lowest tier.
    const tiersOnly = alts.length === 1 && alts[0].kind === 'qualitative-tiers';
    const cap = tiersOnly ? Math.min(...positives.map((p) => p.lo)) : alts.length > 0 ? Math.max(...alts.map((a) => a.top)) : Math.min(statedTop, Math.max(weight, statedTop));
    alts.push({ kind: 'discretionary', allowed: range(0, cap), top: cap, explanation: `可酌情扣分（0–${fmtNum(cap)}分之间均可）` });
    for (const d of discretionary) clauses.push({ text: d, kind: 'discretionary' });
  }
  if (alts.length === 0) return stated.length > 0 ? '写明了分值，但没有写明何时得分、何时扣分' : '未找到分值或计分方式（如“得X分”“扣X分”“按完成比例给分”）';

  alts.sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind));
  const main = alts[0];
  const allowed = union(...alts.map((a) => a.allowed));
  const scoreFn = main.score;
  return {
    kind: main.kind,
    kinds: uniqueKinds([...alts.map((a) => a.kind), ...extraKinds]),
    allowed,
    clauses,
    discretionary: discretionary.length > 0,
    inputs: scoreFn ? 1 : 0,
    inputLabel: scoreFn ? main.label : undefined,
    step: main.step,
    maxPoints: Math.max(maxOf(allowed), ...alts.map((a) => a.top)),
    explanation: alts.map((a) => a.explanation).join('；'),
    score: (values) => {
      const v = single(values);
      return v === null || !scoreFn ? null : scoreFn(v);
    },
  };
}
