/**
 * Rewrites of a block's clauses before it is compiled: readings of the tree that the parse cannot
 * make phrase by phrase, each a grammar rule of its own (a target the steps fall short of, bonuses
 * for places, a basis that only introduces the rules after it).
 */
import { EXCESS_VERBS, SHORTFALL_VERBS } from './lexicon';
import { Clause, ClauseOf } from './syntax';

/**
 * "预算执行率应达到95%，每低1个百分点扣0.5分", "结余率不超过5%，每超过1个百分点扣1分": a step whose band lies on the
 * other side of its verb is the target the value falls short of (or goes over) — full points there, the steps beyond it.
 */
function targetOfStep(c: Clause): Clause[] {
  if (c.kind !== 'step' || c.cond.kind !== 'band' || c.step.direction !== 'deduct') return [c];
  const b = c.cond;
  const shortOfLow = !!b.lo && !b.hi && SHORTFALL_VERBS.includes(c.step.verb);
  const overHigh = !!b.hi && !b.lo && EXCESS_VERBS.includes(c.step.verb);
  if (!shortOfLow && !overHigh) return [c];
  return [{ kind: 'target', cond: b, s: c.s, e: c.e }, { ...c, cond: { kind: 'none' } }];
}

/**
 * "第一名加1分，第二名加0.8分，第三名加0.5分": bonuses for places and nothing else that scores — a place has one
 * of them, so each is that place's score (not parts that add).
 */
function placeBonusesAsAwards(clauses: Clause[]): Clause[] {
  const scoring = clauses.filter((c) => c.kind === 'rule' || c.kind === 'step');
  const bonuses = scoring.filter((c): c is ClauseOf<'rule'> => c.kind === 'rule' && c.outcome.kind === 'bonus' && c.cond.kind === 'rank');
  if (bonuses.length < 2 || bonuses.length !== scoring.length) return clauses;
  return clauses.map((c) => (c.kind === 'rule' && c.outcome.kind === 'bonus' ? { ...c, outcome: { kind: 'award', amount: c.outcome.amount } } : c));
}

/**
 * "根据纳税人满意程度进行评分。满意度100%得满分，每下降2个点扣1分": a basis opening the text, followed by
 * steps or bands that state the scores, introduces them; it leaves nothing to judgement (酌情, 视情况 do).
 */
function introducingBasis(clauses: Clause[], text: string): Clause[] {
  const stated = clauses.some((c) => c.kind === 'step' || (c.kind === 'rule' && c.cond.kind === 'band' && c.outcome.kind === 'award'));
  if (!stated) return clauses;
  return clauses.map((c): Clause => {
    if (c.kind !== 'rule' || c.outcome.kind !== 'discretionary' || c.cond.kind !== 'none') return c;
    const words = text.slice(c.s, c.e);
    return /(根据|按照|依据)/.test(words) && !/酌情|视/.test(words) ? { kind: 'description', s: c.s, e: c.e } : c;
  });
}

/** The block as the compiler reads it. */
export function rewriteBlock(clauses: readonly Clause[], text: string): Clause[] {
  return introducingBasis(placeBonusesAsAwards(clauses.flatMap(targetOfStep)), text);
}
