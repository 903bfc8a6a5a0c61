/**
 * The tolerances of the audit, named once. Published tables round scores to two decimals and
 * rates to two decimals of a percent; a difference within the rounding of what is shown is no error.
 */

/** Scores and weights: a difference up to 0.01 is the rounding of two-decimal figures. */
export const SCORE_TOLERANCE = 0.01;

/** Rates held as fractions (0.7253 = 72.53%): a difference up to 0.01% is rounding. */
export const RATE_TOLERANCE = 0.0001;

/** A score is above its weight only beyond half a unit of the second decimal (2.004 shown as 2.00 is not). */
export const ABOVE_WEIGHT_SLACK = 0.005;

/** Float noise of sums and products (0.1 + 0.2). */
export const FLOAT_NOISE = 1e-9;

/** Within `tol` (the score tolerance unless a cell's shown precision allows more). */
export function close(a: number, b: number, tol = SCORE_TOLERANCE): boolean {
  return Math.abs(a - b) <= tol + FLOAT_NOISE;
}

/** Half a unit of the last shown decimal of a figure written with `decimals` decimals (2.63 → 0.005). */
export function halfUnit(decimals: number): number {
  return 0.5 * Math.pow(10, -decimals);
}
