import { DetectedTable, GroupNode, IndicatorRow } from '../../layout/types';

/** Sum of a field over rows that have it, and how many do. */
export function sumOf(rows: readonly IndicatorRow[], field: 'weight' | 'score'): { sum: number; count: number } {
  let sum = 0;
  let count = 0;
  for (const r of rows) {
    const v = r[field];
    if (v !== undefined) {
      sum += v;
      count++;
    }
  }
  return { sum, count };
}

/** First index of `rows` (sorted by row) at or after `row`. */
function lowerBound(rows: readonly IndicatorRow[], row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The leaves of a group; indicators are in row order, so a slice (thousands of groups stay linear). */
export function leavesIn(table: DetectedTable, g: GroupNode): IndicatorRow[] {
  return table.indicators.slice(lowerBound(table.indicators, g.firstRow), lowerBound(table.indicators, g.lastRow + 1));
}

/** A section's weight as the sheet states it: written into its name ("产出指标(70分)"), else on its own row. */
export function sectionWeight(g: GroupNode): number | undefined {
  return g.declaredWeight ?? g.weight;
}
