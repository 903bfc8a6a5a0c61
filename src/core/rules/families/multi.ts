import { findDiscretionary, findLinear, findProportional, findStatedPoints, LinearFormula } from '../clauses';
import { itemLabel, RuleItem } from '../items';
import { minkowskiSum, point, range, union } from '../intervals';
import { Reading, single } from '../reading';
import { fmtNum, tidy } from '../tokens';
import { Interval, RuleClause, RuleKind, RulePart } from '../types';
import { linearScore, proportionalScore } from './linear';

/** How each item of a multi-item rule is scored. */
type ItemMode = { kind: 'threshold-linear'; formula: LinearFormula } | { kind: 'proportional' } | { kind: 'binary' };

function pct(v: number): string {
  return `${fmtNum(v * 100)}%`;
}

/** The scoring sentence shared by all items ("评分：…", "以上每项1分，完成得1分，否则按完成比例扣分"). */
export function itemModeOf(s: string): ItemMode {
  const formula = findLinear(s);
  if (formula) return { kind: 'threshold-linear', formula };
  if (findProportional(s)) return { kind: 'proportional' };
  return { kind: 'binary' };
}

function itemScorer(mode: ItemMode, p: number): (r: number) => number {
  if (mode.kind === 'threshold-linear') return (r) => linearScore(mode.formula, p, r);
  if (mode.kind === 'proportional') return (r) => proportionalScore(p, r);
  return (r) => (Number.isFinite(r) && r >= 1 - 1e-9 ? p : 0);
}

function vectorScore(scorers: Array<(r: number) => number>) {
  return (values: number | readonly number[]): number | null => {
    const v = single(values);
    // One value for all items: every item completed at the same rate.
    const rates = v !== null ? scorers.map(() => v) : (values as readonly number[]);
    if (rates.length !== scorers.length) return null;
    return tidy(scorers.reduce((a, f, i) => a + f(Number(rates[i])), 0));
  };
}

/** Items that state targets, with a per-item points declaration and one scoring sentence for all. */
export function readTargetItems(items: readonly RuleItem[], points: readonly number[], s: string, declText: string, perYearNote?: string): Reading {
  const mode = itemModeOf(s);
  const scorers = points.map((p) => itemScorer(mode, p));
  const sum = tidy(points.reduce((a, b) => a + b, 0));
  const allowed = mode.kind === 'binary' ? points.reduce<Interval[]>((acc, p) => minkowskiSum(acc, union(point(0), point(p))), point(0)) : range(0, sum);
  const discretionary = findDiscretionary(s);
  const parts: RulePart[] = items.map((it, i) => ({ label: itemLabel(it), points: points[i], clause: it.text }));
  const clauses: RuleClause[] = [{ text: declText, kind: 'multi-item', points: sum }];
  if (mode.kind === 'threshold-linear') clauses.push({ text: mode.formula.text, kind: 'threshold-linear' });
  for (const d of discretionary) clauses.push({ text: d, kind: 'discretionary' });
  const how =
    mode.kind === 'threshold-linear'
      ? `每项达到目标得该项分值，${pct(mode.formula.floor)}–${pct(mode.formula.full)}之间线性计分，低于${pct(mode.formula.floor)}不得分`
      : mode.kind === 'proportional'
        ? '每项完成得该项分值，否则按完成比例计分'
        : '每项完成得该项分值，未完成该项不得分';
  return {
    kind: 'multi-item',
    kinds: ['multi-item', mode.kind, ...(discretionary.length > 0 ? (['discretionary'] as RuleKind[]) : [])],
    allowed: discretionary.length > 0 ? range(0, sum) : allowed,
    clauses,
    discretionary: discretionary.length > 0,
    inputs: points.length,
    inputLabel: mode.kind === 'binary' ? '各项完成率（达到目标为 1）' : '各项完成率（每项一个小数）',
    parts,
    maxPoints: sum,
    explanation: `共${points.length}项（${perYearNote ?? points.map(fmtNum).join('+')}，合计${fmtNum(sum)}分）：${how}`,
    score: vectorScore(scorers),
    scoreItem: (i, v) => (i >= 0 && i < scorers.length ? scorers[i](v) : null),
  };
}

const OWN_FALLBACK = /否则|未完成|未达到|没达到|没有达到|达不到/;

/** The first points an item states, as a range ("得1-2分" → [1, 2]); null when it states none. */
function itemPoints(text: string, weight: number): [number, number] | null {
  const p = findStatedPoints(text, weight).find((x) => x.hi > 0) ?? findStatedPoints(text, weight)[0];
  return p ? [p.lo, p.hi] : null;
}

/**
 * Numbered items that each state their own points: either alternative tiers
 * ("…得4分；…得3分；…得1-2分；…得0分") or parts that add up ("预算执行规范性2分…，否则酌情扣分").
 */
export function readOwnPointItems(items: readonly RuleItem[], weight: number): Reading | null {
  const scored = items.map((it) => ({ it, pts: itemPoints(it.text, weight), disc: findDiscretionary(it.text) }));
  const withPoints = scored.filter((x) => x.pts !== null);
  const discOnly = scored.filter((x) => x.pts === null && x.disc.length > 0);
  if (withPoints.length < 2) return null;
  const his = withPoints.map((x) => x.pts![1]);
  const decreasing = his.every((h, i) => i === 0 || h < his[i - 1] - 1e-9);
  const anyFallback = withPoints.some((x) => OWN_FALLBACK.test(x.it.text) || x.disc.length > 0);
  const hasZeroOrRange = withPoints.some((x) => x.pts![1] === 0 || x.pts![0] !== x.pts![1]);
  const sum = tidy(his.reduce((a, b) => a + b, 0));
  const tiers = !anyFallback && decreasing && (hasZeroOrRange || Math.abs(his[0] - weight) < 1e-9 || Math.abs(sum - weight) > 1e-9);
  const discretionary = scored.flatMap((x) => x.disc);
  if (tiers) {
    const allowed = union(...withPoints.map((x) => range(x.pts![0], x.pts![1])), discOnly.length > 0 ? range(0, Math.min(...withPoints.map((x) => x.pts![0]).filter((v) => v > 0))) : []);
    const show = withPoints.map((x) => (x.pts![0] === x.pts![1] ? fmtNum(x.pts![0]) : `${fmtNum(x.pts![0])}–${fmtNum(x.pts![1])}`));
    return {
      kind: 'qualitative-tiers',
      kinds: ['qualitative-tiers', ...(discretionary.length > 0 ? (['discretionary'] as RuleKind[]) : [])],
      allowed,
      clauses: [...withPoints.map((x) => ({ text: x.it.text, kind: 'qualitative-tiers' as RuleKind, points: x.pts![1] })), ...discretionary.map((d) => ({ text: d, kind: 'discretionary' as RuleKind }))],
      discretionary: discretionary.length > 0,
      inputs: 0,
      maxPoints: his[0],
      explanation: `按情形分${withPoints.length}档给分：${show.join('、')}分`,
      score: () => null,
    };
  }
  // Additive: every part scored on its own; a general discretionary clause frees every part.
  const general = discOnly.length > 0;
  const sets = withPoints.map((x) => {
    const [lo, hi] = x.pts!;
    if (general || x.disc.length > 0) return range(0, hi);
    return lo === hi ? union(point(0), point(hi)) : union(point(0), range(lo, hi));
  });
  const allowed = sets.reduce<Interval[]>((acc, set) => minkowskiSum(acc, set), point(0));
  const allBinary = discretionary.length === 0 && withPoints.every((x) => x.pts![0] === x.pts![1]);
  const parts: RulePart[] = withPoints.map((x) => ({ label: itemLabel(x.it), points: x.pts![1], clause: x.it.text }));
  const scorers = withPoints.map((x) => (r: number) => (Number.isFinite(r) && r >= 1 - 1e-9 ? x.pts![1] : 0));
  return {
    kind: allBinary ? 'multi-item' : 'additive-parts',
    kinds: [allBinary ? 'multi-item' : 'additive-parts', ...(allBinary ? (['binary'] as RuleKind[]) : []), ...(discretionary.length > 0 ? (['discretionary'] as RuleKind[]) : [])],
    allowed,
    clauses: [
      ...withPoints.map((x) => ({ text: x.it.text, kind: (allBinary ? 'binary' : 'additive-parts') as RuleKind, points: x.pts![1] })),
      ...discretionary.map((d) => ({ text: d, kind: 'discretionary' as RuleKind })),
    ],
    discretionary: discretionary.length > 0,
    inputs: allBinary ? withPoints.length : 0,
    inputLabel: allBinary ? '各项完成率（达到目标为 1）' : undefined,
    parts,
    maxPoints: sum,
    explanation: allBinary
      ? `共${withPoints.length}项（${his.map(fmtNum).join('+')}=${fmtNum(sum)}分），每项完成得该项分值，未完成不得分`
      : `由${withPoints.length}部分相加（${parts.map((p) => `${p.label}${fmtNum(p.points)}分`).join('、')}，合计${fmtNum(sum)}分）${discretionary.length > 0 ? '，各部分可酌情扣分' : ''}`,
    score: allBinary ? vectorScore(scorers) : () => null,
    scoreItem: allBinary ? (i, v) => (i >= 0 && i < scorers.length ? scorers[i](v) : null) : undefined,
  };
}
