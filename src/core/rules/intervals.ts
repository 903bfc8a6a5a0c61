import { Interval } from './types';
import { fmtNum, tidy } from './figures';

/** Sets of allowed scores as sorted, disjoint closed intervals (a point v is [v, v]). */

const EPS = 1e-9;

/** Sort, drop empty or non-finite pieces, merge overlaps. */
export function normalizeIntervals(list: readonly Interval[]): Interval[] {
  const xs = list
    .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b) && a <= b + EPS)
    .map(([a, b]) => [tidy(a), tidy(Math.max(a, b))] as Interval)
    .sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const out: Interval[] = [];
  for (const iv of xs) {
    const last = out[out.length - 1];
    if (last && iv[0] <= last[1] + EPS) last[1] = Math.max(last[1], iv[1]);
    else out.push([iv[0], iv[1]]);
  }
  return out;
}

export function point(v: number): Interval[] {
  return [[v, v]];
}

export function range(a: number, b: number): Interval[] {
  return [[Math.min(a, b), Math.max(a, b)]];
}

export function union(...sets: Interval[][]): Interval[] {
  return normalizeIntervals(sets.flat());
}

/** Every sum a + b with a from one set and b from the other (items scored independently). */
export function minkowskiSum(x: readonly Interval[], y: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [a, b] of x) for (const [c, d] of y) out.push([a + c, b + d]);
  // Subset sums of many binary items grow as 2^n; merging after each step keeps it small.
  return normalizeIntervals(out);
}

/** Keep the part inside [lo, hi]; an empty result becomes [lo, lo] only when nothing is left at all. */
export function clampIntervals(set: readonly Interval[], lo: number, hi: number): Interval[] {
  const out: Interval[] = [];
  for (const [a, b] of set) {
    const p = Math.max(a, lo);
    const q = Math.min(b, hi);
    if (p <= q + EPS) out.push([p, Math.min(Math.max(q, p), hi)]);
  }
  const n = normalizeIntervals(out);
  return n.length > 0 ? n : [[lo, lo]];
}

/** {top, top − step, top − 2·step, …, 0}: what whole-step deductions from top can leave. */
export function stepsDown(top: number, step: number): Interval[] {
  if (!(step > EPS) || !(top >= 0)) return range(0, Math.max(0, top));
  const out: Interval[] = [];
  const n = Math.min(1000, Math.floor(top / step + 1e-7));
  for (let k = 0; k <= n; k++) out.push([top - k * step, top - k * step]);
  out.push([0, 0]);
  return normalizeIntervals(out);
}

export function contains(set: readonly Interval[], v: number, tolerance = 0.01): boolean {
  return set.some(([a, b]) => v >= a - tolerance && v <= b + tolerance);
}

/** "{0, 1–2, 3, 4}"; a single stretch reads "0–2 之间任意分值". */
export function formatIntervals(set: readonly Interval[]): string {
  if (set.length === 1 && set[0][1] - set[0][0] > EPS) return `${fmtNum(set[0][0])}–${fmtNum(set[0][1])} 之间任意分值`;
  // Many scores a step apart ("扣完为止" over 50 points): the ends and the step.
  if (set.length >= 8 && set.every(([a, b]) => b - a <= EPS)) {
    const step = set[1][0] - set[0][0];
    if (step > EPS && set.every(([a], i) => i === 0 || Math.abs(a - set[i - 1][0] - step) < 1e-6)) {
      return `{${fmtNum(set[0][0])}, ${fmtNum(set[1][0])}, …, ${fmtNum(set[set.length - 1][0])}}（每 ${fmtNum(step)} 分一档）`;
    }
  }
  const parts = set.map(([a, b]) => (b - a > EPS ? `${fmtNum(a)}–${fmtNum(b)}` : fmtNum(a)));
  return `{${parts.join(', ')}}`;
}

export function maxOf(set: readonly Interval[]): number {
  return set.length === 0 ? 0 : set[set.length - 1][1];
}
