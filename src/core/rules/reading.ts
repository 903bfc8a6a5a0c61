import { ParsedRule, RuleKind } from './types';

/** What a family reader found in a text, before clamping to the indicator's points: a rule without its text and points. */
export type Reading = Omit<ParsedRule, 'parsed' | 'text' | 'points'>;

/** A single value from a score call: a number, or a one-element vector. */
export function single(values: number | readonly number[]): number | null {
  if (typeof values === 'number') return values;
  return values.length === 1 && typeof values[0] === 'number' ? values[0] : null;
}

export function uniqueKinds(kinds: RuleKind[]): RuleKind[] {
  return [...new Set(kinds)];
}
