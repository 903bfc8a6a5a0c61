/**
 * What the audit could and could not check, said for every table: which check families ran, which
 * could not and why (no criteria column, N rules not understood, no weights, no scores), how the
 * role columns were found, and, for every sheet, scoring-like content that no table was found for
 * ("第 3 行起疑似评分表，未能识别列"). Missing a table is the worst miss: the user must be told.
 */
import { cachedRole } from '../layout/header';
import { ColumnInference, DetectedTable } from '../layout/types';
import { parseRule } from '../rules/parse';
import { SHARES_AS_POINTS_NOTE } from './percent-weights';
import { totalOfWholeFormElsewhere } from './whole-form';
import { a1, rangeA1, rangeContains } from '../sheet/address';
import { SheetModel, WorkbookModel } from '../sheet/model';
import { numberAt } from '../values/cell';

/** An inference below this confidence is said as unsure: the user may set the column's role. */
export const UNSURE_CONFIDENCE = 0.75;
/** Texts the rule reader understands, outside any table, that make a sheet look like a scoring sheet. */
const SUSPECT_RULE_CELLS = 2;

export interface CheckCoverage {
  /** Stable id of the family of checks. */
  check: string;
  /** Chinese name shown to users. */
  name: string;
  ran: boolean;
  /** Why it did not run, or what limited it (Chinese). */
  note?: string;
}

export interface RuleCoverage {
  /** Indicator rows with a weight (the rows a rule scores). */
  indicators: number;
  read: number;
  notUnderstood: number;
  empty: number;
}

export interface TableCoverage {
  sheet: string;
  /** A1 range of the table. */
  table: string;
  kind: DetectedTable['kind'];
  checks: CheckCoverage[];
  rules?: RuleCoverage;
  /** Role columns found from their cells or with low confidence: worth a look. */
  unsure: ColumnInference[];
  /** How figures of the table were read other than as written (weights as shares of 100%). */
  readAs?: string[];
}

export interface SheetNotice {
  sheet: string;
  row: number;
  /** Chinese, with the English after it. */
  message: string;
}

export interface AuditCoverage {
  tables: TableCoverage[];
  notices: SheetNotice[];
}

/** One rule cell of a scoring table and whether the reader understood it. */
export interface RuleCell {
  sheet: string;
  cell: string;
  text: string;
  parsed: boolean;
  kind?: string;
  reason?: string;
  table: string;
}

/** The 评分标准 cells of a scoring table (once per merged block), read. */
export function ruleCellsOf(sheet: SheetModel, t: DetectedTable): { cells: RuleCell[]; coverage: RuleCoverage } {
  const col = t.columns.criteria;
  const coverage: RuleCoverage = { indicators: 0, read: 0, notUnderstood: 0, empty: 0 };
  const cells: RuleCell[] = [];
  for (const ind of t.indicators) {
    if (ind.weight === undefined) continue;
    if (col !== undefined && sheet.masterOf(ind.row, col).row !== ind.row) continue;
    coverage.indicators++;
    const text = col === undefined ? '' : sheet.text(ind.row, col).trim();
    if (text === '') {
      coverage.empty++;
      continue;
    }
    const rule = parseRule(text, ind.weight);
    if (rule.parsed) coverage.read++;
    else coverage.notUnderstood++;
    cells.push({ sheet: t.sheet, cell: a1(ind.row, col!), text, parsed: rule.parsed, table: rangeA1(t.range), ...(rule.parsed ? { kind: rule.kind } : { reason: rule.reason }) });
  }
  return { cells, coverage };
}

/** The budget block's points: a 分值 column, or the points its header states (得分(20分*执行率)). */
function blockPointsKnown(t: DetectedTable): { ran: boolean; note?: string } {
  if (t.columns.weight !== undefined || (t.kind === 'selfeval-budget' && t.blockPoints)) return { ran: true };
  return { ran: false, note: '表中无分值列，表头也未写明该项分值' };
}

type Requirement = (t: DetectedTable, rules: RuleCoverage | undefined, sheet: SheetModel, all: readonly DetectedTable[]) => { ran: boolean; note?: string };

/** Total rows there are, with a figure in the score or weight column: else the totals check had nothing to check. */
function totalsCheckable(t: DetectedTable, sheet: SheetModel): { ran: boolean; note?: string } {
  if (t.totals.length === 0) return { ran: false, note: '表中无合计或小计行' };
  const cols = [t.columns.score, t.columns.weight].filter((c): c is number => c !== undefined);
  if (cols.length === 0) return needs('得分或分值', false);
  const filled = t.totals.some((r) => cols.some((c) => !sheet.isEmpty(r.row, c)));
  return filled ? { ran: true } : { ran: false, note: '合计或小计行未填写得分或分值' };
}

const needs = (what: string, ok: boolean): { ran: boolean; note?: string } => (ok ? { ran: true } : { ran: false, note: `表中无${what}列` });

/** The families of checks each kind of table gets, with what each needs. */
const FAMILIES: Partial<Record<DetectedTable['kind'], Array<[string, string, Requirement]>>> = {
  scoring: [
    [
      'rows-against-rules',
      '逐行核对评分标准',
      (t, r) => {
        if (t.columns.criteria === undefined) return { ran: false, note: '表中无评分标准列，未核对得分是否符合评分标准' };
        if (t.columns.score === undefined) return { ran: false, note: '表中无得分列，只核对评分标准本身' };
        if (r && r.notUnderstood > 0) return { ran: true, note: `${r.notUnderstood} 条评分标准未能识别，这些行未核对` };
        return { ran: true };
      },
    ],
    ['score-within-weight', '得分不超过分值', (t) => needs(t.columns.weight === undefined ? '分值' : '得分', t.columns.weight !== undefined && t.columns.score !== undefined)],
    ['totals', '合计与小计', (t, _r, sheet) => totalsCheckable(t, sheet)],
    ['groups', '上级指标分值与下级之和', (t) => (t.groups.some((g) => g.declaredWeight !== undefined || g.weight !== undefined) ? { ran: true } : { ran: false, note: '上级指标未写明分值' })],
    ['reasons', '评分理由与扣分', (t) => needs('评分理由', t.columns.reason !== undefined)],
  ],
  summary: [
    ['summary-rates', '得分率', (t) => needs('得分率', t.columns.rate !== undefined || (t.kind === 'summary' && t.transposed?.rows.rate !== undefined))],
    ['summary-total', '汇总合计', (t) => (t.totals.length === 0 && !(t.kind === 'summary' && t.transposed?.totalColumn) ? { ran: false, note: '表中无合计行' } : { ran: true })],
    ['summary-grade', '评价等级', (t) => needs('评价等级', t.columns.grade !== undefined || (t.kind === 'summary' && t.transposed?.rows.grade !== undefined))],
  ],
  completion: [['completion-rates', '完成率', (t) => needs('目标值或实际值', (t.columns.target !== undefined && t.columns.actual !== undefined) || (t.kind === 'completion' && !!t.pairs?.length))]],
  satisfaction: [['satisfaction-rates', '满意率', (t) => needs('满意率', t.columns.rate !== undefined)]],
  'selfeval-budget': [
    ['budget-rate', '预算执行率', (t) => needs('执行率', t.columns.rate !== undefined)],
    ['budget-score', '预算执行得分', (t) => (t.columns.score === undefined ? needs('得分', false) : blockPointsKnown(t))],
    ['budget-within-weight', '预算执行得分不超过分值', (t) => (t.columns.score === undefined ? needs('得分', false) : blockPointsKnown(t))],
    ['budget-overspend', '超预算执行', (t) => needs(t.columns.budget === undefined ? '预算数' : '执行数', t.columns.budget !== undefined && t.columns.executed !== undefined)],
  ],
  'selfeval-indicators': [
    ['indicator-completion', '指标完成情况', (t) => needs('实际完成值', t.columns.actual !== undefined)],
    ['indicator-score', '指标得分', (t) => needs(t.columns.score === undefined ? '得分' : '分值', t.columns.score !== undefined && t.indicators.some((i) => i.weight !== undefined))],
    ['deviation', '扣分须说明偏差原因', (t) => (t.columns.deviation === undefined ? needs('偏差原因', false) : needs(t.columns.score === undefined ? '得分' : '分值', t.columns.score !== undefined && t.indicators.some((i) => i.weight !== undefined)))],
    [
      'form-total',
      '合计（预算执行 + 绩效指标）',
      (t, _rules, sheet, all) => {
        const closing = t.totals.find((x) => x.scope === 'total');
        if (!closing) return { ran: false, note: '表中无合计行' };
        return totalOfWholeFormElsewhere(sheet, all, t, closing.row) ? { ran: false, note: '合计含预算执行部分，本表未找到预算执行，未核对' } : { ran: true };
      },
    ],
  ],
  expert: [
    ['expert-average', '专家平均分', (t) => (t.kind === 'expert' && t.experts.length === 0 ? { ran: false, note: '未找到专家评分列' } : needs('平均分', t.columns.score !== undefined))],
    ['expert-within-weight', '专家评分不超过分值', (t) => needs('分值', t.columns.weight !== undefined)],
    ['score-within-weight', '得分不超过分值', (t) => needs(t.columns.weight === undefined ? '分值' : '平均分', t.columns.weight !== undefined && t.columns.score !== undefined)],
    [
      'expert-column-totals',
      '各专家评分合计',
      (t, _r, sheet) => {
        if (t.totals.length === 0) return { ran: false, note: '表中无合计或小计行' };
        const cols = t.kind === 'expert' ? t.experts.map((e) => e.col) : [];
        return t.totals.some((r) => cols.some((c) => !sheet.isEmpty(r.row, c) && numberAt(sheet, r.row, c) !== undefined)) ? { ran: true } : { ran: false, note: '合计行未填写各专家的评分' };
      },
    ],
  ],
  'budget-lines': [
    [
      'line-definitions',
      '行次定义',
      (t) => {
        if (t.kind !== 'budget-lines' || t.definitions.length === 0) return { ran: false, note: '表中没有由其他行次定义的行（如“(4)=(1)+(2)”“实际到位率=(3)÷(2)”），只识别了行次' };
        return { ran: true };
      },
    ],
  ],
  review: [
    ['score-within-weight', '得分不超过分值', (t) => needs(t.columns.weight === undefined ? '分值' : '得分', t.columns.weight !== undefined && t.columns.score !== undefined)],
    ['totals', '合计与小计', (t, _r, sheet) => totalsCheckable(t, sheet)],
    ['review-groups', '分组分值与其下各项之和', () => ({ ran: false, note: '未核对' })],
    ['review-opinion', '审核意见', () => ({ ran: false, note: '优/良/中/差只识别，不与得分核对' })],
  ],
  totals: [['money-totals', '金额合计', (t) => (t.kind === 'totals' && t.valueColumns.length > 0 ? { ran: true } : { ran: false, note: '无金额列' })]],
};

function tableCoverage(sheet: SheetModel, t: DetectedTable, all: readonly DetectedTable[]): TableCoverage {
  const rules = t.kind === 'scoring' ? ruleCellsOf(sheet, t).coverage : undefined;
  const checks = (FAMILIES[t.kind] ?? []).map(([check, name, req]) => ({ check, name, ...req(t, rules, sheet, all) }));
  const unsure = (t.inference ?? []).filter((i) => i.source === 'content' || i.confidence < UNSURE_CONFIDENCE);
  return { sheet: t.sheet, table: rangeA1(t.range), kind: t.kind, checks, ...(rules ? { rules } : {}), unsure, ...(t.weightsAsShares ? { readAs: [SHARES_AS_POINTS_NOTE] } : {}) };
}

/**
 * Rows of a sheet outside every table that hold rule texts the reader understands, or a header word
 * of a scoring table: a table the detection did not find.
 */
function suspectedTables(sheet: SheetModel, tables: DetectedTable[]): SheetNotice[] {
  const inTable = (r: number, c: number): boolean => tables.some((t) => t.sheet === sheet.name && rangeContains(t.range, r, c));
  let first = 0;
  let rules = 0;
  let headerRow = 0;
  for (const r of sheet.filledRows()) {
    for (const c of sheet.filledColumns(r)) {
      if (inTable(r, c) || sheet.masterOf(r, c).row !== r) continue;
      const v = sheet.value(r, c);
      if (typeof v !== 'string') continue;
      const norm = sheet.norm(r, c);
      if (!headerRow && (cachedRole(norm) === 'criteria' || cachedRole(norm) === 'weight' || cachedRole(norm) === 'score')) headerRow = r;
      if (v.length >= 8 && /分/.test(v) && parseRule(v, 0).parsed) {
        rules++;
        if (!first) first = r;
      }
    }
    if (rules >= SUSPECT_RULE_CELLS) break;
  }
  if (rules < SUSPECT_RULE_CELLS) return [];
  const row = headerRow && headerRow < first ? headerRow : first;
  return [{ sheet: sheet.name, row, message: `工作表「${sheet.name}」第 ${row} 行起疑似评分表，未能识别其列（表头未写明分值、评分标准或得分），未做核对；可用 --columns 指定各列。(rows from ${row} look like a scoring table whose columns were not recognised; not checked)` }];
}

export function coverageOf(workbook: WorkbookModel, tables: DetectedTable[]): AuditCoverage {
  const sheets = new Map(workbook.sheets.map((s) => [s.name, s]));
  return {
    tables: tables.map((t) => tableCoverage(sheets.get(t.sheet)!, t, tables)),
    notices: workbook.sheets.flatMap((s) => suspectedTables(s, tables)),
  };
}
