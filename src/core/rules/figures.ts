import type { Amount } from './syntax';

/** Figures as the rule reader prints and compares them. */

/** Round away float noise (0.1 + 0.2) so interval ends and printed figures are stable. */
export function tidy(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

/** A figure as a short string: 1.5, 0.25, 3. */
export function fmtNum(v: number): string {
  return String(Number(v.toFixed(4)));
}

/** A fraction as a percent: 0.85 → 85%. */
export const pct = (v: number): string => `${fmtNum(v * 100)}%`;

/** An amount of points as the explanation says it: "2 分", "1–3 分", "满分", "分值的 50%". */
export function amountText(a: Amount): string {
  switch (a.kind) {
    case 'points':
      return a.lo === a.hi ? `${fmtNum(a.lo)} 分` : `${fmtNum(a.lo)}–${fmtNum(a.hi)} 分`;
    case 'full':
      return '满分';
    case 'zero':
      return '0 分';
    case 'share':
      return `${a.of === 'item' ? '该项' : ''}分值的 ${a.lo === a.hi ? pct(a.lo) : `${pct(a.lo)}–${pct(a.hi)}`}`;
  }
}
