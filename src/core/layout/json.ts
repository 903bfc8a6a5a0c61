import { columnLetters, rangeA1 } from '../sheet/address';
import { formatLineExpr } from './line-numbers';
import { DetectedTable, GroupNode } from './types';

export interface TableJSON {
  sheet: string;
  kind: DetectedTable['kind'];
  range: string;
  headerRow: number;
  headerRows: number;
  title?: string;
  /** The table this one continues on the sheet before: its sheet and header row. */
  continues?: { sheet: string; headerRow: number };
  indicatorCount: number;
  columns: Record<string, string>;
  indicators: DetectedTable['indicators'];
  totals: Array<{ row: number; label: string; scope: string }>;
  groups?: unknown[];
  answers?: Array<{ label: string; column: string; weight: number }>;
  pairs?: Array<{ name: string; target: string; actual: string }>;
  transposed?: { rows: Record<string, number>; nameRow: number; items: string[]; total?: string };
  valueColumns?: string[];
  shareRows?: number[];
  blockPoints?: { points: number; stated: string };
  targetParts?: { comparator?: string; unit?: string };
  experts?: Array<{ label: string; column: string }>;
  averaging?: { method: string; stated: string };
  panels?: Array<{ label: string; line?: string; values: string[] }>;
  lines?: Array<{ row: number; line: number; label: string }>;
  definitions?: Array<{ cell: string; expr: string; text: string }>;
  grades?: string[];
  /** How each role column was found: by its header word, from its cells (with the share that fits), or set by the user. */
  columnInference?: Array<{ column: string; role: string; source: string; confidence: number; header: string; why?: string }>;
}

function groupJSON(g: GroupNode): unknown {
  return {
    level: g.level,
    name: g.name,
    ...(g.code ? { code: g.code } : {}),
    ...(g.declaredWeight !== undefined ? { declaredWeight: g.declaredWeight } : {}),
    ...(g.weight !== undefined ? { weight: g.weight } : {}),
    ...(g.score !== undefined ? { score: g.score } : {}),
    rows: [g.firstRow, g.lastRow],
    ...(g.children.length ? { children: g.children.map(groupJSON) } : {}),
  };
}

/** The table as `score-audit detect --json` prints it: columns as sheet letters, rows 1-based. */
export function tableToJSON(t: DetectedTable): TableJSON {
  const columns: Record<string, string> = {};
  for (const [role, col] of Object.entries(t.columns)) if (col !== undefined) columns[role] = columnLetters(col);
  const out: TableJSON = {
    sheet: t.sheet,
    kind: t.kind,
    range: rangeA1(t.range),
    headerRow: t.headerRow,
    headerRows: t.headerRows,
    indicatorCount: t.indicators.length,
    columns,
    indicators: t.indicators,
    totals: t.totals,
  };
  if (t.title) out.title = t.title;
  if (t.continues) out.continues = t.continues;
  if (t.groups.length) out.groups = t.groups.map(groupJSON);
  if (t.kind === 'satisfaction') out.answers = t.answers.map((a) => ({ label: a.label, column: columnLetters(a.col), weight: a.weight }));
  if (t.kind === 'completion' && t.pairs) out.pairs = t.pairs.map((p) => ({ name: p.name, target: columnLetters(p.targetCol), actual: columnLetters(p.actualCol) }));
  if (t.kind === 'summary' && t.transposed) {
    const tr = t.transposed;
    out.transposed = { rows: tr.rows as Record<string, number>, nameRow: tr.nameRow, items: tr.itemColumns.map(columnLetters), ...(tr.totalColumn ? { total: columnLetters(tr.totalColumn) } : {}) };
  }
  if (t.kind === 'totals') {
    out.valueColumns = t.valueColumns.map(columnLetters);
    if (t.shareRows.length) out.shareRows = t.shareRows;
  }
  if ((t.kind === 'selfeval-budget' || t.kind === 'selfeval-indicators') && t.blockPoints) out.blockPoints = t.blockPoints;
  if (t.kind === 'selfeval-indicators' && t.targetParts) {
    const { comparator, unit } = t.targetParts;
    out.targetParts = { ...(comparator ? { comparator: columnLetters(comparator) } : {}), ...(unit ? { unit: columnLetters(unit) } : {}) };
  }
  if (t.kind === 'expert') {
    out.experts = t.experts.map((e) => ({ label: e.label, column: columnLetters(e.col) }));
    out.averaging = t.averaging;
  }
  if (t.kind === 'budget-lines') {
    out.panels = t.panels.map((p) => ({ label: columnLetters(p.labelCol), ...(p.lineCol ? { line: columnLetters(p.lineCol) } : {}), values: p.valueColumns.map(columnLetters) }));
    out.lines = t.lines.map((l) => ({ row: l.row, line: l.line, label: l.label }));
    out.definitions = t.definitions.map((d) => ({ cell: `${columnLetters(d.col)}${d.row}`, expr: formatLineExpr(d.expr), text: d.text }));
  }
  if (t.kind === 'review' && t.grades.length) out.grades = t.grades;
  if (t.inference?.length) {
    out.columnInference = t.inference.map((i) => ({ column: columnLetters(i.col), role: i.role, source: i.source, confidence: i.confidence, header: i.header, ...(i.why ? { why: i.why } : {}) }));
  }
  return out;
}

export const KIND_LABELS: Record<DetectedTable['kind'], string> = {
  scoring: '评分表',
  summary: '汇总表',
  completion: '完成情况表',
  satisfaction: '满意度表',
  'selfeval-budget': '自评表-预算',
  'selfeval-indicators': '自评表-指标',
  totals: '金额合计表',
  expert: '专家评分表',
  'budget-lines': '行次预算表',
  review: '评审表',
};
