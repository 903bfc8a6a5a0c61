/**
 * How the pane orders and filters what the audit found: the worst first (errors, warnings, notes),
 * then by place (sheet in workbook order, row, column), as Excel's Error Checking steps through a
 * sheet. Pure: no React, no Office.
 */
import type { Finding, Severity } from '../core/audit/types';
import type { DetectedTable } from '../core/layout/types';
import { parseA1, rangeA1, rangeContains } from '../core/sheet/address';
import type { ReviewState } from './host';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** "sheet!A1:G20": the identity of a table in the pane. */
export function tableKey(table: Pick<DetectedTable, 'sheet' | 'range'>): string {
  return `${table.sheet}!${rangeA1(table.range)}`;
}

/** Identity of a finding in the list: sheet, cell and check. */
export function findingKey(f: Pick<Finding, 'sheet' | 'cell' | 'code'>): string {
  return `${f.sheet}!${f.cell}|${f.code}`;
}

/** [row, col] of an A1 cell; [MAX, MAX] when it cannot be read, so such cells go last. */
export function cellPosition(cell: string): [number, number] {
  try {
    const { row, col } = parseA1(cell);
    return [row, col];
  } catch {
    return [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  }
}

/** Severity, then sheet (in `sheetOrder`, unknown sheets last), row, column, check code. */
export function orderFindings(findings: readonly Finding[], sheetOrder: readonly string[] = []): Finding[] {
  const sheetRank = (s: string) => {
    const i = sheetOrder.indexOf(s);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...findings].sort((a, b) => {
    const [ra, ca] = cellPosition(a.cell);
    const [rb, cb] = cellPosition(b.cell);
    return (
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      sheetRank(a.sheet) - sheetRank(b.sheet) ||
      a.sheet.localeCompare(b.sheet) ||
      ra - rb ||
      ca - cb ||
      a.code.localeCompare(b.code)
    );
  });
}

/** Which review states the list shows. 'active' (the default) hides what the reviewer ignored. */
export type StatusFilter = 'active' | 'pending' | 'reviewed' | 'ignored' | 'all';
export const STATUS_FILTERS: readonly StatusFilter[] = ['active', 'pending', 'reviewed', 'ignored', 'all'];

export interface FindingFilter {
  /** Severities shown; empty shows all. */
  severities: ReadonlySet<Severity>;
  /** Check codes shown; empty shows all. */
  codes: ReadonlySet<string>;
  status: StatusFilter;
}

export const NO_FILTER: FindingFilter = { severities: new Set(), codes: new Set(), status: 'active' };

export function matchesStatus(state: ReviewState | undefined, status: StatusFilter): boolean {
  switch (status) {
    case 'active':
      return state !== 'ignored';
    case 'pending':
      return state === undefined;
    case 'reviewed':
      return state === 'reviewed';
    case 'ignored':
      return state === 'ignored';
    case 'all':
      return true;
  }
}

export function filterFindings(findings: readonly Finding[], filter: FindingFilter, stateOf: (f: Finding) => ReviewState | undefined): Finding[] {
  return findings.filter(
    (f) =>
      (filter.severities.size === 0 || filter.severities.has(f.severity)) &&
      (filter.codes.size === 0 || filter.codes.has(f.code)) &&
      matchesStatus(stateOf(f), filter.status),
  );
}

/** The checks present, with their counts, in order of first appearance in `findings`. */
export function countByCode(findings: readonly Finding[]): Array<{ code: string; count: number; severity: Severity }> {
  const out = new Map<string, { code: string; count: number; severity: Severity }>();
  for (const f of findings) {
    const e = out.get(f.code);
    if (e) e.count++;
    else out.set(f.code, { code: f.code, count: 1, severity: f.severity });
  }
  return [...out.values()];
}

/** Findings per severity, for a summary. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/**
 * The table a finding belongs to: the one its `table` range names on its sheet, else the first
 * table of its sheet whose range holds its cell, else none.
 */
export function tableOfFinding(f: Finding, tables: readonly DetectedTable[]): DetectedTable | undefined {
  const onSheet = tables.filter((t) => t.sheet === f.sheet);
  if (f.table) {
    const named = onSheet.find((t) => rangeA1(t.range) === f.table);
    if (named) return named;
  }
  const [row, col] = cellPosition(f.cell);
  return onSheet.find((t) => rangeContains(t.range, row, col));
}
