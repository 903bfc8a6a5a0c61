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
  if (found.has('qualitative-tiers') || found.has('tiered')) {
    const values = new Set(c.allowed.flatMap(([a, b]) => (a === b ? [a] : [])));
    const ranges = c.allowed.some(([a, b]) => b > a);
    const onlyTiers = [...found].every((k) => k === 'qualitative-tiers' || k === 'tiered' || k === 'binary');
    if (onlyTiers && !ranges && values.size === 2 && !found.has('tiered')) {
      found.delete('qualitative-tiers');
      found.add('binary');
    }
  }
  if (found.has('step-deduction') && c.steps.length === 0 && !found.has('tiered') && !found.has('qualitative-tiers')) {
    // One-off deductions only.
  }
  const kinds = ORDER.filter((k) => found.has(k));
  return { kind: kinds[0] ?? 'qualitative-tiers', kinds: kinds.length > 0 ? kinds : ['qualitative-tiers'] };
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
