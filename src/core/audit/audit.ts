import { detectWorkbook } from '../layout/detect';
import { DetectedTable, IndicatorRow } from '../layout/types';
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
import { gradeChecks, summaryChecks } from './checks/summary';
import { summaryDetailChecks } from './checks/summary-detail';
import { scoreBounds, tableTotalChecks } from './checks/totals-in-tables';
import { CAUSE_PRECEDENCE, FINDING_CATALOGUE, FindingCode } from './catalogue';
import { AuditContext, FlaggedScore, RowCheck, TableCheck } from './context';
import { AuditCoverage, coverageOf } from './coverage';
import { percentWeightsAsPoints } from './percent-weights';
import { AuditSummary, Finding } from './types';
import { summarise } from './summary';

export interface AuditResult {
  tables: DetectedTable[];
  findings: Finding[];
  summary: AuditSummary;
  /** Per table, which checks ran and which could not and why; scoring-like content no table was found for. */
  coverage: AuditCoverage;
}

/** Checks of each row's own score; they run first, so that totals know which scores are wrong. */
const ROW_CHECKS: RowCheck[] = [scoringRowChecks, scoreBounds];

/** Every other check, one family per module; a new check is one more entry here. */
const TABLE_CHECKS: TableCheck[] = [
  ...tableTotalChecks,
  summaryChecks,
  gradeChecks,
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

const PRECEDENCE = new Map(CAUSE_PRECEDENCE.map((c, i) => [c, i]));

/**
 * One mistake, one finding: findings of the same cell and code are one, and so are findings of the
 * same cell whose codes share a cause (a SUM that omits a row and the total it misstates): the code
 * first in CAUSE_PRECEDENCE stays, carrying the cells of all.
 */
function mergeSameCause(findings: Finding[]): Finding[] {
  const kept = new Map<string, Finding>();
  for (const f of findings) {
    const cause = FINDING_CATALOGUE[f.code].cause;
    const key = `${f.sheet}!${f.cell}|${cause ?? f.code}`;
    const other = kept.get(key);
    if (!other) {
      kept.set(key, f);
      continue;
    }
    const rank = (x: Finding) => PRECEDENCE.get(x.code) ?? PRECEDENCE.size;
    const [winner, loser] = rank(f) < rank(other) ? [f, other] : [other, f];
    kept.set(key, { ...winner, cells: [...new Set([...winner.cells, ...loser.cells])] });
  }
  return [...kept.values()];
}

/** Codes that say a score is one the rule text cannot give. */
const RULE_REFUSES_SCORE: ReadonlySet<FindingCode> = new Set<FindingCode>(['score.not-allowed', 'score.partial-under-binary', 'score.step-fraction']);

/**
 * One wrong score, one error: a score the rule cannot give that also contradicts its own reason
 * (扣1分 written, 0.5 deducted) is one finding — the reason's, which names the score it should be —
 * saying both what the reason and what the rule allow.
 */
function mergeOneWrongScore(findings: Finding[]): Finding[] {
  const reasonAt = new Map<string, Finding>();
  for (const f of findings) if (f.severity === 'error' && FINDING_CATALOGUE[f.code].cause === 'reason') reasonAt.set(`${f.sheet}!${f.cell}`, f);
  const absorbed = new Map<Finding, Finding>();
  for (const f of findings) {
    const reason = f.severity === 'error' && RULE_REFUSES_SCORE.has(f.code) ? reasonAt.get(`${f.sheet}!${f.cell}`) : undefined;
    if (reason && !absorbed.has(reason)) absorbed.set(reason, f);
  }
  if (absorbed.size === 0) return findings;
  const rules = new Set(absorbed.values());
  return findings
    .filter((f) => !rules.has(f))
    .map((f) => {
      const rule = absorbed.get(f);
      if (!rule) return f;
      return { ...f, cells: [...new Set([...f.cells, ...rule.cells])], message: `${f.message}；且${rule.message}`, messageEn: `${f.messageEn}; also, ${rule.messageEn}` };
    });
}

/** Audit a workbook: detect its tables (unless given), run every check, order the findings by place. */
export function auditWorkbook(given: WorkbookModel, detected: DetectedTable[] = detectWorkbook(given)): AuditResult {
  // Weights written as shares of 100% beside scores in points are read as points (on a copy in memory).
  const { workbook, tables } = percentWeightsAsPoints(given, detected);
  const sheets = new Map<string, SheetModel>(workbook.sheets.map((s) => [s.name, s]));
  const flagged = new Map<IndicatorRow, FlaggedScore>();
  const ctx: AuditContext = {
    workbook,
    tables,
    sheetOf: (t) => {
      const s = sheets.get(t.sheet);
      if (!s) throw new Error(`table on unknown sheet ${t.sheet}`);
      return s;
    },
    flagged,
  };
  const findings: Finding[] = [];
  // A loop, not push(...spread): a check may return thousands of findings.
  for (const table of tables) {
    for (const check of ROW_CHECKS) {
      const r = check(ctx, table);
      for (const f of r.findings) findings.push(f);
      for (const [ind, score] of r.flagged) if (!flagged.has(ind)) flagged.set(ind, score);
    }
  }
  for (const table of tables) for (const check of TABLE_CHECKS) for (const f of check(ctx, table)) findings.push(f);
  for (const f of crossTableChecks(ctx)) findings.push(f);
  for (const f of summaryDetailChecks(ctx)) findings.push(f);
  for (const f of proseTotalChecks(ctx)) findings.push(f);
  const sheetIndex = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  // Parse each address once, not once per comparison.
  const keyed = mergeOneWrongScore(mergeSameCause(findings)).map((f) => ({ f, at: parseA1(f.cell), sheet: sheetIndex.get(f.sheet) ?? 0 }));
  keyed.sort((a, b) => a.sheet - b.sheet || a.at.row - b.at.row || a.at.col - b.at.col || SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity]);
  const ordered = keyed.map((k) => k.f);
  return { tables, findings: ordered, summary: summarise(ctx, ordered), coverage: coverageOf(workbook, tables) };
}
