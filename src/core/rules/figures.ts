/** Figures as the rule reader prints and compares them. */

/** Round away float noise (0.1 + 0.2) so interval ends and printed figures are stable. */
export function tidy(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

/** A figure as a short string: 1.5, 0.25, 3. */
export function fmtNum(v: number): string {
  return String(Number(v.toFixed(4)));
}
