import { Interval, RuleClause, RuleKind, RulePart, RuleStep } from './types';

/** What a family reader found in a text, before clamping to the indicator's points. */
export interface Reading {
  kind: RuleKind;
  kinds: RuleKind[];
  allowed: Interval[];
  clauses: RuleClause[];
  discretionary: boolean;
  inputs: number;
  inputLabel?: string;
  parts?: RulePart[];
  step?: RuleStep;
  maxPoints: number;
  explanation: string;
  score(values: number | readonly number[]): number | null;
  scoreItem?(index: number, value: number): number | null;
}

/** A single value from a score call: a number, or a one-element vector. */
export function single(values: number | readonly number[]): number | null {
  if (typeof values === 'number') return values;
  return values.length === 1 && typeof values[0] === 'number' ? values[0] : null;
}

export function uniqueKinds(kinds: RuleKind[]): RuleKind[] {
  return [...new Set(kinds)];
}
