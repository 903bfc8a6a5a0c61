import { LinearFormula, Multiplier } from '../clauses';

/** Score functions of the continuous families; every one returns a value in [0, full points]. */

export function pointsOf(mult: Multiplier, weight: number): number {
  return mult === 'weight' ? weight : mult;
}

/** Threshold-linear and satisfaction-linear: full at or above `full`, 0 below `floor`, linear between. */
export function linearScore(f: Pick<LinearFormula, 'floor' | 'full'>, points: number, r: number): number {
  if (!Number.isFinite(r)) return 0;
  if (r >= f.full - 1e-12) return points;
  if (r < f.floor) return 0;
  return (points * (r - f.floor)) / (f.full - f.floor);
}

/** Proportional and self-evaluation: points × rate, capped at the points. */
export function proportionalScore(points: number, r: number): number {
  if (!Number.isFinite(r) || r <= 0) return 0;
  return points * Math.min(1, r);
}
