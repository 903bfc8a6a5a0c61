import { formatPercent } from '../values/number';

/** Numbers in messages: at most 4 decimals, no float noise. */
export function fmt(n: number): string {
  return String(Number(n.toFixed(4)));
}

/** A rate held as a fraction, as a percentage (0.7253 → 72.53%). */
export const fmtPct = formatPercent;

/** A figure rounded for `expected`/`actual` (4 decimals; rates keep 6). */
export function rounded(n: number, decimals = 4): number {
  return Number(n.toFixed(decimals));
}
