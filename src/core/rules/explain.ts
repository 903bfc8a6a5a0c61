import { contains, formatIntervals } from './intervals';
import { Interval, Rule, RuleClause, RulePart, RuleKind, RuleStep } from './types';

/** Is `score` one the rule allows (within `tolerance`, for figures rounded to 2 decimals)? */
export function isScoreAllowed(rule: Rule, score: number, tolerance = 0.01): boolean {
  if (!Number.isFinite(score)) return false;
  return contains(rule.allowed, score, tolerance);
}

/** "{0, 1–2, 3, 4}" or "0–2 之间任意分值". */
export function formatAllowed(allowed: readonly Interval[]): string {
  return formatIntervals(allowed);
}

export type RuleJSON =
  | {
      parsed: true;
      kind: RuleKind;
      kinds: RuleKind[];
      allowed: Interval[];
      explanation: string;
      clauses: RuleClause[];
      parts: RulePart[];
      discretionary: boolean;
      maxPoints: number;
      inputs: number;
      inputLabel?: string;
      step?: RuleStep;
    }
  | { parsed: false; reason: string; allowed: Interval[] };

/** A plain object for JSON output (the CLI and reports); the score function is left out. */
export function ruleToJSON(rule: Rule): RuleJSON {
  if (!rule.parsed) return { parsed: false, reason: rule.reason, allowed: rule.allowed.map(([a, b]) => [a, b]) };
  const out: RuleJSON = {
    parsed: true,
    kind: rule.kind,
    kinds: [...rule.kinds],
    allowed: rule.allowed.map(([a, b]) => [a, b]),
    explanation: rule.explanation,
    clauses: rule.clauses.map((c) => ({ ...c })),
    parts: (rule.parts ?? []).map((p) => ({ ...p })),
    discretionary: rule.discretionary,
    maxPoints: rule.maxPoints,
    inputs: rule.inputs,
  };
  if (rule.inputLabel) out.inputLabel = rule.inputLabel;
  if (rule.step) out.step = { ...rule.step };
  return out;
}
