/**
 * The kinds of table, each one module: how its header is recognised and how it is assembled.
 * A new kind is a module here, a line in KIND_RULES and one in ASSEMBLERS.
 */
import { TableKind } from '../types';
import { assembleCompletion, isCompletion } from './completion';
import { assembleSatisfaction, isSatisfaction } from './satisfaction';
import { assembleScoring, assembleSelfEvalIndicators, isScoring, isSelfEvalIndicators } from './scoring';
import { assembleSelfEvalBudget, isSelfEvalBudget } from './selfeval-budget';
import { Assembler, HeaderFacts } from './shared';
import { assembleSummary, isSummary, isSummaryByStructure } from './summary';
import { assembleTotals, isTotals } from './totals';

export type { AssembleInput, Assembler, HeaderFacts } from './shared';

/** Tried in order: the first kind whose header test passes. */
const KIND_RULES: ReadonlyArray<readonly [TableKind, (f: HeaderFacts) => boolean]> = [
  ['satisfaction', isSatisfaction],
  ['selfeval-budget', isSelfEvalBudget],
  ['selfeval-indicators', isSelfEvalIndicators],
  ['summary', isSummaryByStructure],
  ['scoring', isScoring],
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
};

/** Which kind of table a header describes, or undefined when it is no header. */
export function classifyHeader(f: HeaderFacts): TableKind | undefined {
  return KIND_RULES.find(([, test]) => test(f))?.[0];
}
