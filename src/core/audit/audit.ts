import { detectWorkbook } from '../layout/detect';
import { DetectedTable } from '../layout/types';
import { parseA1 } from '../sheet/address';
import { SheetModel, WorkbookModel } from '../sheet/model';
import { completionChecks } from './checks/completion';
import { crossTableChecks } from './checks/cross-tables';
import { expertChecks } from './checks/expert';
import { formulaChecks } from './checks/formulas';
import { lineDefinitionChecks } from './checks/line-definitions';
import { moneyChecks } from './checks/money';
import { proseTotalChecks } from './checks/prose-totals';
import { satisfactionChecks } from './checks/satisfaction';
import { scoringRowChecks } from './checks/scoring-rows';
import { selfEvalChecks } from './checks/selfeval';
import { selfEvalFormChecks } from './checks/selfeval-form';
import { summaryChecks } from './checks/summary';
import { tableTotalChecks } from './checks/totals-in-tables';
import { AuditContext, TableCheck } from './context';
import { AuditCoverage, coverageOf } from './coverage';
import { AuditSummary, Finding } from './types';
import { summarise } from './summary';

export interface AuditResult {
  tables: DetectedTable[];
  findings: Finding[];
  summary: AuditSummary;
  /** Per table, which checks ran and which could not and why; scoring-like content no table was found for. */
  coverage: AuditCoverage;
}

/** Every check, one family per module; a new check is one more entry here. */
const TABLE_CHECKS: TableCheck[] = [
  scoringRowChecks,
  ...tableTotalChecks,
  summaryChecks,
  completionChecks,
  satisfactionChecks,
  moneyChecks,
  ...selfEvalChecks,
  ...selfEvalFormChecks,
  lineDefinitionChecks,
  expertChecks,
  formulaChecks,
];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Audit a workbook: detect its tables (unless given), run every check, order the findings by place. */
export function auditWorkbook(workbook: WorkbookModel, tables: DetectedTable[] = detectWorkbook(workbook)): AuditResult {
  const sheets = new Map<string, SheetModel>(workbook.sheets.map((s) => [s.name, s]));
  const ctx: AuditContext = {
    workbook,
    tables,
    sheetOf: (t) => {
      const s = sheets.get(t.sheet);
      if (!s) throw new Error(`table on unknown sheet ${t.sheet}`);
      return s;
    },
  };
  const findings: Finding[] = [];
  // A loop, not push(...spread): a check may return thousands of findings.
  for (const table of tables) for (const check of TABLE_CHECKS) for (const f of check(ctx, table)) findings.push(f);
  for (const f of crossTableChecks(ctx)) findings.push(f);
  for (const f of proseTotalChecks(ctx)) findings.push(f);
  const sheetIndex = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.sheet}!${f.cell}|${f.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Parse each address once, not once per comparison.
  const keyed = unique.map((f) => ({ f, at: parseA1(f.cell), sheet: sheetIndex.get(f.sheet) ?? 0 }));
  keyed.sort((a, b) => a.sheet - b.sheet || a.at.row - b.at.row || a.at.col - b.at.col || SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity]);
  const ordered = keyed.map((k) => k.f);
  return { tables, findings: ordered, summary: summarise(ctx, ordered), coverage: coverageOf(workbook, tables) };
}
