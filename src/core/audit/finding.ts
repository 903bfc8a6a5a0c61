import { a1, rangeA1 } from '../sheet/address';
import { DetectedTable } from '../layout/types';
import { catalogueEntry, FindingCode } from './catalogue';
import { Finding } from './types';

/** Numbers in messages: at most 4 decimals, no float noise. */
export function fmt(n: number): string {
  return String(Number(n.toFixed(4)));
}

export { formatPercent as fmtPct } from '../values/number';

export interface FindingInput {
  row: number;
  col: number;
  code: FindingCode;
  message: string;
  expected?: number | string | null;
  actual?: number | string | null;
  rule: string;
  /** Further cells the finding rests on, as [row, col]. */
  also?: Array<[number, number]>;
  display?: Finding['display'];
}

/** Build a Finding anchored in a table. */
export function findingIn(table: DetectedTable, f: FindingInput): Finding {
  const cell = a1(f.row, f.col);
  const cells = [cell, ...(f.also ?? []).map(([r, c]) => a1(r, c)).filter((x) => x !== cell)];
  return {
    sheet: table.sheet,
    cell,
    cells: [...new Set(cells)],
    code: f.code,
    severity: catalogueEntry(f.code).severity,
    message: f.message,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    rule: f.rule,
    table: rangeA1(table.range),
    ...(f.display ? { display: f.display } : {}),
  };
}

/** Within the rounding tolerance of published figures. */
export function close(a: number, b: number, tol = 0.01): boolean {
  return Math.abs(a - b) <= tol + 1e-9;
}
