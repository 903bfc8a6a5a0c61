/**
 * How the pane orders what the audit found: by table (in the order the tables were detected),
 * then by severity (errors first), then by place (row, then column). Pure: no React, no Office.
 */
import type { Finding, Severity } from '../core/audit/types';
import type { DetectedTable } from '../core/layout/types';
import { parseA1, rangeA1, rangeContains } from '../core/sheet/address';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface SeverityGroup {
  severity: Severity;
  findings: Finding[];
}

export interface FindingGroup {
  /** Stable key: "sheet!A1:G20" for a table, "sheet!" for findings outside any detected table. */
  key: string;
  sheet: string;
  /** The detected table, when the findings belong to one. */
  table?: DetectedTable;
  /** A1 range of the table (from the table, or as the finding names it). */
  range?: string;
  /** Non-empty severity groups, errors first. */
  severities: SeverityGroup[];
  count: number;
}

/** "sheet!A1:G20": the identity of a table in the pane. */
export function tableKey(table: Pick<DetectedTable, 'sheet' | 'range'>): string {
  return `${table.sheet}!${rangeA1(table.range)}`;
}

/** Identity of a finding: sheet, cell and check. */
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

/** Order inside a group: by row, then column, then check code. */
export function compareByPlace(a: Finding, b: Finding): number {
  const [ra, ca] = cellPosition(a.cell);
  const [rb, cb] = cellPosition(b.cell);
  return ra - rb || ca - cb || a.code.localeCompare(b.code);
}

export function compareBySeverity(a: Finding, b: Finding): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
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

/**
 * Group findings by table, then by severity. Table groups follow the order of `tables`; findings
 * outside every table come after them, one group per sheet, in the order their sheets first appear
 * (sheetOrder, when given, orders them by workbook position).
 */
export function groupFindings(tables: readonly DetectedTable[], findings: readonly Finding[], sheetOrder?: readonly string[]): FindingGroup[] {
  const byKey = new Map<string, { sheet: string; table?: DetectedTable; range?: string; findings: Finding[]; order: number }>();
  tables.forEach((t, i) => byKey.set(tableKey(t), { sheet: t.sheet, table: t, range: rangeA1(t.range), findings: [], order: i }));
  const sheetRank = (sheet: string): number => {
    const i = sheetOrder?.indexOf(sheet) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  let extra = 0;
  for (const f of findings) {
    const table = tableOfFinding(f, tables);
    let key: string;
    if (table) key = tableKey(table);
    else key = f.table ? `${f.sheet}!${f.table}` : `${f.sheet}!`;
    let group = byKey.get(key);
    if (!group) {
      group = { sheet: f.sheet, range: f.table || undefined, findings: [], order: tables.length + extra++ };
      byKey.set(key, group);
    }
    group.findings.push(f);
  }
  const groups = [...byKey.entries()]
    .filter(([, g]) => g.findings.length > 0)
    .sort(([, a], [, b]) => {
      const aTable = a.table ? 0 : 1;
      const bTable = b.table ? 0 : 1;
      if (aTable !== bTable) return aTable - bTable;
      if (!a.table && sheetOrder) return sheetRank(a.sheet) - sheetRank(b.sheet) || a.order - b.order;
      return a.order - b.order;
    });
  return groups.map(([key, g]) => {
    const severities = SEVERITIES.map((severity) => ({
      severity,
      findings: g.findings.filter((f) => f.severity === severity).sort(compareByPlace),
    })).filter((s) => s.findings.length > 0);
    return { key, sheet: g.sheet, table: g.table, range: g.range, severities, count: g.findings.length };
  });
}

/** Every finding of the groups in display order (what a keyboard user tabs through). */
export function flattenGroups(groups: readonly FindingGroup[]): Finding[] {
  return groups.flatMap((g) => g.severities.flatMap((s) => s.findings));
}

/** Findings per severity, for a summary. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/** The worst severity among findings on each cell ("sheet!A1" → severity), for marking a grid. */
export function worstByCell(findings: readonly Finding[]): Map<string, Severity> {
  const out = new Map<string, Severity>();
  for (const f of findings) {
    for (const cell of f.cells.length > 0 ? f.cells : [f.cell]) {
      const key = `${f.sheet}!${cell}`;
      const prev = out.get(key);
      if (!prev || SEVERITY_RANK[f.severity] < SEVERITY_RANK[prev]) out.set(key, f.severity);
    }
  }
  return out;
}

/** A value of a finding for display: numbers to at most 4 decimals, null as "—". */
export function formatValue(v: number | string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    return String(Math.round(v * 10000) / 10000);
  }
  return v;
}
