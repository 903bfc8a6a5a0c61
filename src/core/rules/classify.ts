import { Compiled } from './compile';
import { variablesOf } from './expr';
import { RuleTree } from './syntax';
import { RuleKind } from './types';

/**
 * The family tags of a compiled rule, for reporting only (the CLI, the pane's labels, the
 * coverage report). Nothing scores by family.
 */
const ORDER: readonly RuleKind[] = [
  'multi-item',
  'additive-parts',
  'selfeval',
  'satisfaction-linear',
  'threshold-linear',
  'proportional',
  'percent-step',
  'step-deduction',
  'equal-shares',
  'tiered',
  'binary',
  'qualitative-tiers',
  'discretionary',
];

export function classify(c: Compiled, tree: RuleTree): { kind: RuleKind; kinds: RuleKind[] } {
  const found = new Set<RuleKind>(c.kinds);
  const formulas = [...tree.head, ...tree.items.flatMap((i) => i.clauses), ...tree.tail].flatMap((cl) => (cl.kind === 'rule' && cl.outcome.kind === 'formula' ? [cl.outcome.expr] : []));
  for (const e of formulas) {
    const vars = variablesOf(e).join('');
    if (/完成值\/(年度)?(指标值|目标值)/.test(vars)) {
      found.delete('threshold-linear');
      found.add('selfeval');
    } else if (/满意/.test(vars) && found.has('threshold-linear')) {
      found.delete('threshold-linear');
      found.add('satisfaction-linear');
    } else if (!hasThreshold(e) && found.has('threshold-linear')) {
      found.delete('threshold-linear');
      found.add('proportional');
    }
  }
  // The full-points and zero clauses of a formula, proportional or step rule are part of it, not tiers of their own.
  const continuous = ['threshold-linear', 'satisfaction-linear', 'selfeval', 'proportional', 'step-deduction', 'percent-step'].some((k) => found.has(k as RuleKind));
  if (continuous) {
    const top = c.items?.[0]?.max ?? c.max;
    const ownTiers = c.clauses.some((d) => (d.kind === 'tiered' || d.kind === 'qualitative-tiers') && d.points !== undefined && d.points > 1e-9 && d.points < top - 1e-9);
    if (!ownTiers) {
      found.delete('tiered');
      found.delete('qualitative-tiers');
    }
  }
  if (found.has('qualitative-tiers') || found.has('tiered')) {
    const values = new Set(c.allowed.flatMap(([a, b]) => (a === b ? [a] : [])));
    const ranges = c.allowed.some(([a, b]) => b > a);
    const onlyTiers = [...found].every((k) => k === 'qualitative-tiers' || k === 'tiered' || k === 'binary');
    if (onlyTiers && !ranges && values.size === 2 && !found.has('tiered')) {
      found.delete('qualitative-tiers');
      found.add('binary');
    }
  }
  // Awards per unit: "每年完成任务得1分" (one item a year), "具备一个得分要素，得指标分值的20%" (equal shares).
  if (c.awardSteps && c.awardSteps.length > 0) {
    found.delete('step-deduction');
    found.delete('percent-step');
    found.add(c.awardSteps.some((a) => a.share) ? 'equal-shares' : 'multi-item');
  }
  // Parts that are each all-or-nothing targets ("1.2017年…完成得1分，未完成不计分。2.2018年…") are items.
  if (found.has('additive-parts') && c.parts && !c.discretionary && c.parts.every((p) => isAllOrNothing(p.allowed, p.points))) {
    found.delete('additive-parts');
    found.add('multi-item');
  }
  // One stated award and judgement below it ("…得2分，否则酌情扣分"): judgement first.
  if (c.discretionary && !found.has('additive-parts') && !found.has('multi-item') && c.allowed.length === 1 && c.steps.length === 0 && !found.has('proportional') && !found.has('threshold-linear')) {
    const rest = ORDER.filter((k) => found.has(k) && k !== 'discretionary').map((k): RuleKind => (k === 'tiered' ? 'binary' : k));
    return { kind: 'discretionary', kinds: [...new Set<RuleKind>(['discretionary', ...rest])] };
  }
  const kinds = ORDER.filter((k) => found.has(k));
  return { kind: kinds[0] ?? 'qualitative-tiers', kinds: kinds.length > 0 ? kinds : ['qualitative-tiers'] };
}

function isAllOrNothing(allowed: ReadonlyArray<readonly [number, number]>, points: number): boolean {
  return allowed.length === 2 && allowed[0][0] === 0 && allowed[0][1] === 0 && Math.abs(allowed[1][0] - points) < 1e-9 && allowed[1][0] === allowed[1][1];
}

/** "(完成率-60%)/(100%-60%)×分值": a formula with a floor below full points. */
function hasThreshold(e: import('./syntax').Expr): boolean {
  let sub = false;
  const walk = (x: import('./syntax').Expr): void => {
    if (x.kind === 'bin') {
      if (x.op === '-' && (x.left.kind === 'var' || x.right.kind === 'num')) sub = true;
      walk(x.left);
      walk(x.right);
    } else if (x.kind === 'neg') walk(x.of);
  };
  walk(e);
  return sub;
}
