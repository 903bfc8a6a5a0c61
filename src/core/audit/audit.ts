import { detectWorkbook } from '../layout/detect';
import { DetectedTable } from '../layout/types';
import { parseA1 } from '../sheet/address';
import { SheetModel, WorkbookModel } from '../sheet/model';
import { completionChecks } from './checks/completion';
import { crossTableChecks } from './checks/cross-tables';
import { formulaChecks } from './checks/formulas';
import { moneyChecks } from './checks/money';
import { satisfactionChecks } from './checks/satisfaction';
import { scoringRowChecks } from './checks/scoring-rows';
import { selfEvalChecks } from './checks/selfeval';
import { summaryChecks } from './checks/summary';
import { tableTotalChecks } from './checks/totals-in-tables';
import { AuditContext, TableCheck } from './context';
import { AuditSummary, Finding } from './types';
import { summarise } from './summary';

export interface AuditResult {
  tables: DetectedTable[];
  findings: Finding[];
  summary: AuditSummary;
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
  for (const table of tables) for (const check of TABLE_CHECKS) findings.push(...check(ctx, table));
  findings.push(...crossTableChecks(ctx));
  const sheetIndex = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.sheet}!${f.cell}|${f.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => {
    const pa = parseA1(a.cell);
    const pb = parseA1(b.cell);
    return (sheetIndex.get(a.sheet) ?? 0) - (sheetIndex.get(b.sheet) ?? 0) || pa.row - pb.row || pa.col - pb.col || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  });
  return { tables, findings: unique, summary: summarise(ctx, unique) };
}
