import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Rule } from '../../src/core/rules';

/** A hand-labelled case of test/fixtures/rules (the format of ../shared/corpus/README.md). */
export interface LabelledCase {
  id: string;
  source: string;
  text: string;
  points: number;
  parsed?: false;
  allowed?: number[];
  allowedIntervals?: Array<[number, number]>;
  value?: number;
  score?: number;
  mismatch?: boolean;
  set?: string;
}

export type Verdict = 'right' | 'not understood' | 'wrong';

/** Scores agree within 0.01 (published figures carry two decimals). */
const TOLERANCE = 0.01;

export function loadCases(file: string): LabelledCase[] {
  return JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'rules', file), 'utf8'));
}

/** Right when every label holds; not understood when the reader says so; wrong otherwise. */
export function judge(c: LabelledCase, r: Rule): Verdict {
  if (c.parsed === false) return r.parsed ? 'wrong' : 'right';
  if (!r.parsed) return 'not understood';
  if (c.allowed) {
    const exact = r.allowed.every(([a, b]) => Math.abs(a - b) < 1e-9 && c.allowed!.some((v) => Math.abs(v - a) <= TOLERANCE));
    const complete = c.allowed.every((v) => r.allowed.some(([a, b]) => v >= a - TOLERANCE && v <= b + TOLERANCE));
    if (!exact || !complete) return 'wrong';
  }
  if (c.allowedIntervals) {
    const exp = c.allowedIntervals;
    if (r.allowed.length !== exp.length || !r.allowed.every(([a, b], i) => Math.abs(a - exp[i][0]) <= TOLERANCE && Math.abs(b - exp[i][1]) <= TOLERANCE)) return 'wrong';
  }
  if (c.value !== undefined) {
    const s = r.score(c.value);
    if (s === null || Math.abs(s - c.score!) > TOLERANCE) return 'wrong';
  }
  return 'right';
}

export function tally(verdicts: readonly Verdict[]): Record<Verdict, number> {
  const out: Record<Verdict, number> = { right: 0, 'not understood': 0, wrong: 0 };
  for (const v of verdicts) out[v]++;
  return out;
}
