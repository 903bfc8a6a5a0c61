/**
 * The kinds of table, each one module: how its header is recognised and how it is assembled.
 * A new kind is a module here, a line in KIND_RULES and one in ASSEMBLERS.
 */
import { TableKind } from '../types';
import { assembleBudgetLines, isBudgetLines } from './budget-lines';
import { assembleCompletion, isCompletion } from './completion';
import { assembleExpert, isExpert } from './expert';
import { assembleReview, isReview } from './review';
import { assembleSatisfaction, isSatisfaction } from './satisfaction';
import { assembleScoring, assembleSelfEvalIndicators, isScoring, isSelfEvalIndicators } from './scoring';
import { assembleSelfEvalBudget, isSelfEvalBudget } from './selfeval-budget';
import { Assembler, HeaderFacts } from './shared';
import { assembleSummary, isSummary, isSummaryByStructure } from './summary';
import { assembleTotals, isTotals } from './totals';

export type { AssembleInput, Assembler, HeaderFacts } from './shared';

/** Tried in order: the first kind whose header test passes. */
const KIND_RULES: ReadonlyArray<readonly [TableKind, (f: HeaderFacts) => boolean]> = [
  ['expert', isExpert],
  ['review', isReview],
  ['satisfaction', isSatisfaction],
  ['selfeval-budget', isSelfEvalBudget],
  ['selfeval-indicators', isSelfEvalIndicators],
  ['summary', isSummaryByStructure],
  ['scoring', isScoring],
  ['budget-lines', isBudgetLines],
  ['completion', isCompletion],
  ['summary', isSummary],
  ['totals', isTotals],
];

export const ASSEMBLERS: { [K in TableKind]: Assembler<K> } = {
  scoring: assembleScoring,
  'selfeval-indicators': assembleSelfEvalIndicators,
  summary: assembleSummary,
  completion: assembleCompletion,
  satisfaction: assembleSatisfaction,
  'selfeval-budget': assembleSelfEvalBudget,
  totals: assembleTotals,
  expert: assembleExpert,
  'budget-lines': assembleBudgetLines,
  review: assembleReview,
};

/** Which kind of table a header describes, or undefined when it is no header. */
export function classifyHeader(f: HeaderFacts): TableKind | undefined {
  return KIND_RULES.find(([, test]) => test(f))?.[0];
}
