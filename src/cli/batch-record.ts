/**
 * One line of DIR/results.jsonl: what the batch learned about one file. Written as each file
 * finishes, read back by --resume and by the summary workbook.
 */
import type { AuditResult } from '../core/audit/audit';
import { checkName } from '../core/audit/catalogue';
import type { Finding, Severity } from '../core/audit/types';
import type { TableKind } from '../core/layout/types';
import type { SheetModel, WorkbookModel } from '../core/sheet/model';
import type { FormatKind } from '../io/format';

/** ok: audited; unreadable: refused with a reason; timeout / memory: stopped by the batch's limits; crashed: the audit failed. */
export type BatchStatus = 'ok' | 'unreadable' | 'timeout' | 'memory' | 'crashed';

export interface BatchRecord {
  file: string;
  sha256?: string;
  size?: number;
  status: BatchStatus;
  format?: FormatKind;
  /** The format as people call it ("Excel 97–2003 工作簿（.xls）"). */
  formatName?: string;
  /** Why a file was not audited (Chinese, then English). */
  reason?: string;
  /** The unit or project the file is about, as its sheets name it. */
  name?: string;
  kinds?: TableKind[];
  tables?: number;
  indicators?: number;
  totalScore?: number;
  grade?: string;
  errors: number;
  warnings: number;
  infos: number;
  /** The most severe finding, first by place among equals. */
  worst?: { code: string; name: string; severity: Severity; sheet: string; cell: string; message: string };
  /** 评分标准 cells understood by the rule reader, of all. */
  coverage?: { understood: number; total: number };
  findings?: Finding[];
  annotated?: string;
  /** Why --annotate wrote no copy for an audited file. */
  annotateError?: string;
  ms: number;
}

export type RecordBase = Pick<BatchRecord, 'file' | 'sha256' | 'size' | 'format' | 'formatName' | 'ms'>;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Labels whose neighbour names the unit or the project (自评表 and 评分表 headers). */
const PROJECT_LABEL = /^(?:项目名称|项目|专项名称|资金名称|评价项目)[:：]?$/;
const UNIT_LABEL = /^(?:单位名称|预算单位|主管部门|实施单位|项目单位|评价单位|被评价单位|部门名称)[:：]?$/;
const INLINE_PROJECT = /^(?:项目名称|专项名称)[:：](.+)$/;
const INLINE_UNIT = /^(?:单位名称|预算单位|主管部门|实施单位)[:：](.+)$/;
/** A title that says what the file is about: a 绩效 / 评价 / 评分 heading. */
const TITLE_WORDS = /绩效|评价|评分表|自评表/;
const SCAN_ROWS = 40;
const SCAN_COLS = 20;
const NAME_MAX_CHARS = 80;

/** Labels are short: longer texts are not looked at twice. */
const LABEL_MAX_CHARS = 12;

/** The value right of a label cell (past the label's own merge), for the first label of each kind. */
function labelledValues(sheet: SheetModel): { project?: string; unit?: string } {
  const found: { project?: string; unit?: string } = {};
  const valueRightOf = (r: number, c: number): string | undefined => {
    const master = sheet.masterOf(r, c);
    for (let k = c + 1; k <= Math.min(sheet.colCount, c + SCAN_COLS); k++) {
      const m = sheet.masterOf(r, k);
      if (m.row === master.row && m.col === master.col) continue; // still inside the label's merge
      const value = sheet.text(r, k).trim();
      if (value) return value;
    }
    return undefined;
  };
  for (let r = 1; r <= Math.min(sheet.rowCount, SCAN_ROWS); r++) {
    for (let c = 1; c <= Math.min(sheet.colCount, SCAN_COLS); c++) {
      const v = sheet.value(r, c);
      if (typeof v !== 'string' || v.length > NAME_MAX_CHARS) continue;
      const text = v.replace(/\s+/g, '');
      const inlineProject = INLINE_PROJECT.exec(text);
      const inlineUnit = INLINE_UNIT.exec(text);
      if (inlineProject) found.project ??= inlineProject[1];
      else if (inlineUnit) found.unit ??= inlineUnit[1];
      else if (text.length > LABEL_MAX_CHARS) continue;
      else if (!found.project && PROJECT_LABEL.test(text)) found.project = valueRightOf(r, c);
      else if (!found.unit && UNIT_LABEL.test(text)) found.unit = valueRightOf(r, c);
    }
  }
  return found;
}

/** The unit and project the workbook names ("韶关市工信局 / …专项资金"), else its title, else nothing. */
export function subjectOf(workbook: WorkbookModel): string | undefined {
  const sheets = workbook.sheets.filter((s) => s.name !== workbook.proseSheet);
  let project: string | undefined;
  let unit: string | undefined;
  for (const s of sheets) {
    const found = labelledValues(s);
    project ??= found.project;
    unit ??= found.unit;
    if (project && unit) break;
  }
  const named = [unit, project].filter((x): x is string => !!x);
  if (named.length) return named.join(' / ').slice(0, NAME_MAX_CHARS);
  // A report's title is its first paragraph; a workbook's, the first cell of a sheet.
  const prose = workbook.sheets.find((s) => s.name === workbook.proseSheet);
  const candidates = [prose?.text(1, 1), ...sheets.map((s) => s.text(1, 1))];
  return candidates.map((t) => t?.trim()).find((t) => t && TITLE_WORDS.test(t))?.slice(0, NAME_MAX_CHARS);
}

/** The record of an audited file (findings included, for the summary workbook's list). */
export function auditedRecord(base: RecordBase, workbook: WorkbookModel, result: AuditResult): BatchRecord {
  const s = result.summary;
  // The audit's own coverage has read every rule already: counted, not read again.
  const rules = result.coverage.tables.flatMap((t) => (t.rules ? [t.rules] : []));
  const worst = [...result.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])[0];
  return {
    ...base,
    status: 'ok',
    name: subjectOf(workbook),
    kinds: [...new Set(result.tables.map((t) => t.kind))],
    tables: s.tables,
    indicators: s.indicators,
    totalScore: s.totalScore,
    grade: s.grade,
    errors: s.errors,
    warnings: s.warnings,
    infos: s.infos,
    worst: worst && { code: worst.code, name: checkName(worst.code), severity: worst.severity, sheet: worst.sheet, cell: worst.cell, message: worst.message },
    coverage: { understood: rules.reduce((n, r) => n + r.read, 0), total: rules.reduce((n, r) => n + r.read + r.notUnderstood, 0) },
    findings: result.findings,
  };
}

export function failedRecord(base: RecordBase, status: Exclude<BatchStatus, 'ok'>, reason: string): BatchRecord {
  return { ...base, status, reason, errors: 0, warnings: 0, infos: 0 };
}

/** Parse results.jsonl; a line cut short by a crash is left out, not fatal. */
export function parseResults(text: string): BatchRecord[] {
  const out: BatchRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line) as BatchRecord;
      if (typeof r.file === 'string' && typeof r.status === 'string') out.push(r);
    } catch {
      // the last line of an interrupted run
    }
  }
  return out;
}
