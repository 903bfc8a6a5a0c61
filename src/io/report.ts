/**
 * What the annotated copy's 审核结果 and 审核报告 sheets say, computed from an audit result alone
 * (no I/O): one row per finding with its table and indicator, and per table and per 一级指标 the
 * points, the score, the rate and the findings.
 */
import type { AuditResult } from '../core/audit/audit';
import { checkName } from '../core/audit/catalogue';
import type { Finding, Severity } from '../core/audit/types';
import { KIND_LABELS } from '../core/layout/json';
import type { DetectedTable, IndicatorRow } from '../core/layout/types';
import { parseA1, rangeA1 } from '../core/sheet/address';

export const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export interface FindingRow {
  finding: Finding;
  /** "评分表（评分表!A2:G40）". */
  table: string;
  /** The indicator's levels joined ("产出 / 数量 / 指标甲"), or the total row's label; "" when none. */
  indicator: string;
  /** The Chinese name of the check (from the catalogue), never the code. */
  check: string;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export interface ScoreSummary {
  indicators: number;
  /** Sum of the indicators' points (分值/权重), when every indicator states one. */
  points?: number;
  /** Sum of the scores given. */
  score?: number;
  /** score / points. */
  rate?: number;
  findings: Counts;
}

export interface TableSummary extends ScoreSummary {
  table: string;
  kind: string;
}

export interface LevelOneSummary extends ScoreSummary {
  table: string;
  name: string;
}

export interface AuditReport {
  findings: FindingRow[];
  tables: TableSummary[];
  levels: LevelOneSummary[];
}

const SCORED_KINDS = new Set<DetectedTable['kind']>(['scoring', 'selfeval-indicators']);

export function tableLabel(t: DetectedTable): string {
  return `${t.title ?? KIND_LABELS[t.kind]}（${t.sheet}!${rangeA1(t.range)}）`;
}

const noCounts = (): Counts => ({ error: 0, warning: 0, info: 0 });

function scoreOf(indicators: IndicatorRow[], findings: Finding[]): ScoreSummary {
  const counts = noCounts();
  for (const f of findings) counts[f.severity]++;
  const summary: ScoreSummary = { indicators: indicators.length, findings: counts };
  if (indicators.length === 0) return summary;
  const scored = indicators.filter((i) => i.score !== undefined);
  if (scored.length > 0) summary.score = round(scored.reduce((s, i) => s + i.score!, 0));
  if (indicators.every((i) => i.weight !== undefined)) {
    summary.points = round(indicators.reduce((s, i) => s + i.weight!, 0));
    if (summary.score !== undefined && summary.points > 0) summary.rate = summary.score / summary.points;
  }
  return summary;
}

/** Sums of decimals ("0.1 + 0.2") shown as the sheet would show them. */
const round = (x: number) => Number(x.toFixed(6));

interface Block {
  name: string;
  first: number;
  last: number;
  indicators: IndicatorRow[];
}

/** The 一级指标 blocks of a table whose indicators have more than one level, in order. */
function levelOneBlocks(t: DetectedTable): Block[] {
  if (!SCORED_KINDS.has(t.kind) || t.columns.level1 === undefined) return [];
  const blocks: Block[] = [];
  for (const ind of t.indicators) {
    if (ind.path.length < 2) continue;
    const name = ind.path[0];
    const last = blocks[blocks.length - 1];
    if (last && last.name === name) {
      last.indicators.push(ind);
      last.last = Math.max(last.last, ind.row);
    } else blocks.push({ name, first: ind.row, last: ind.row, indicators: [ind] });
  }
  return blocks;
}

/** The block a row belongs to: inside it, or the 小计 row right after it (blocks are in row order). */
function blockOf(blocks: Block[], row: number): Block | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].first <= row) lo = mid + 1;
    else hi = mid - 1;
  }
  const b = blocks[hi];
  return b && row <= b.last + 1 ? b : undefined;
}

export function buildReport(result: AuditResult): AuditReport {
  const tableKey = (sheet: string, range: string) => `${sheet}\u0000${range}`;
  const tables = new Map(result.tables.map((t) => [tableKey(t.sheet, rangeA1(t.range)), t]));
  const blocksOf = new Map(result.tables.map((t) => [t, levelOneBlocks(t)]));
  const findingsOf = new Map<DetectedTable, Finding[]>();
  // Row → indicator or total label, per table: a lookup per finding, not a search.
  const rowNames = new Map<DetectedTable, Map<number, string>>();
  const namesOf = (t: DetectedTable) => {
    let names = rowNames.get(t);
    if (!names) {
      names = new Map<number, string>();
      for (const x of t.totals) names.set(x.row, x.label);
      for (const i of t.indicators) names.set(i.row, i.path.join(' / '));
      rowNames.set(t, names);
    }
    return names;
  };
  const rows: FindingRow[] = result.findings.map((f) => {
    const t = f.table === undefined ? undefined : tables.get(tableKey(f.sheet, f.table));
    if (t) (findingsOf.get(t) ?? findingsOf.set(t, []).get(t)!).push(f);
    const indicator = t ? namesOf(t).get(parseA1(f.cell).row) ?? '' : '';
    return { finding: f, table: t ? tableLabel(t) : f.sheet, indicator, check: checkName(f.code) };
  });
  const tableSummaries: TableSummary[] = result.tables.map((t) => {
    const scored = SCORED_KINDS.has(t.kind);
    const summary = scoreOf(scored ? t.indicators : [], findingsOf.get(t) ?? []);
    return { table: tableLabel(t), kind: KIND_LABELS[t.kind], ...summary, indicators: t.indicators.length };
  });
  const levels: LevelOneSummary[] = [];
  for (const t of result.tables) {
    const blocks = blocksOf.get(t)!;
    const found = findingsOf.get(t) ?? [];
    const mine = new Map<Block, Finding[]>(blocks.map((b) => [b, []]));
    for (const f of found) mine.get(blockOf(blocks, parseA1(f.cell).row)!)?.push(f);
    for (const b of blocks) levels.push({ table: tableLabel(t), name: b.name, ...scoreOf(b.indicators, mine.get(b)!) });
  }
  return { findings: rows, tables: tableSummaries, levels };
}
