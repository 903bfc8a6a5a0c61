import { CellRange } from '../sheet/address';

export type TableKind =
  | 'scoring' | 'summary' | 'completion' | 'satisfaction' | 'selfeval-budget' | 'selfeval-indicators' | 'totals'
  | 'expert' | 'budget-lines' | 'review';

/**
 * Role of a column. Scoring: level1..level4, name, weight, explanation, criteria, score, reason.
 * Summary: name, weight, score, rate (and grade). Completion: name, target, actual, done, rate.
 * Satisfaction: name, total, rate (answers listed separately). Self-eval budget: name, initialBudget,
 * budget, executed, weight, rate, score. Self-eval indicators: level1..level3, target, actual, weight,
 * score, deviation. Totals: label (the row-label column) and total (the 合计 column). Expert: name,
 * weight, score (the average; the experts listed separately). Budget lines: label (the item column).
 * Review: level1/level2 or name, weight, criteria (审核要点), score, reason (审核意见).
 */
export type ColumnRole =
  | 'level1' | 'level2' | 'level3' | 'level4' | 'name'
  | 'weight' | 'explanation' | 'criteria' | 'score' | 'reason'
  | 'rate' | 'grade' | 'target' | 'actual' | 'done' | 'total'
  | 'initialBudget' | 'budget' | 'executed' | 'deviation' | 'label';

export type ColumnMap = Partial<Record<ColumnRole, number>>;

/** A 小计/合计/总分 row. */
export interface TotalRow {
  row: number;
  label: string;
  /** 'subtotal' closes a group (小计), 'total' closes the table (合计/总分/总计). */
  scope: 'subtotal' | 'total';
}

/** A leaf indicator row: it carries its own weight or score. */
export interface IndicatorRow {
  row: number;
  /** Names from level1 down to the deepest level (merged or filled-down), group weights stripped. */
  path: string[];
  weight?: number;
  score?: number;
}

/** A group of the indicator hierarchy ("A决策15分", "产出指标(50分)"). */
export interface GroupNode {
  level: number;
  /** Name as written, with a weight in it removed: "决策". */
  name: string;
  /** Code before the name ("A", "A1"), if any. */
  code?: string;
  /** Weight written into the name ("15分" → 15). */
  declaredWeight?: number;
  /** Cell (column letter + row) of the name. */
  row: number;
  col: number;
  firstRow: number;
  lastRow: number;
  /** Weight and score on the group's own row, when the table gives the group a row of its own. */
  weight?: number;
  score?: number;
  children: GroupNode[];
}

/** One answer column of a satisfaction table. */
export interface AnswerColumn {
  label: string;
  col: number;
  /** Weight of this answer in the rate (100/80/60/0 by default). */
  weight: number;
}

/** A completion table laid out as a grid: years down, one target/actual pair per indicator across. */
export interface CompletionPair {
  name: string;
  targetCol: number;
  actualCol: number;
}

/** A transposed summary: indicators across, 分值/得分/得分率 down. Rows of each role; `columns.label` holds the label column. */
export interface TransposedLayout {
  rows: Partial<Record<'weight' | 'score' | 'rate' | 'grade', number>>;
  nameRow: number;
  itemColumns: number[];
  totalColumn?: number;
}

/** How a column's role was decided: by its header word, or from its cells when the word is unknown or ambiguous. */
export interface ColumnInference {
  col: number;
  role: ColumnRole | 'serial';
  source: 'header' | 'content' | 'user';
  /** 0–1: the share of the column's cells that fit the role (1 for a header word that names one role). */
  confidence: number;
  /** The header as written ('' when the column has none). */
  header: string;
  /** Why, in Chinese, for content inferences ("12 个单元格中 11 个为可识别的评分标准"). */
  why?: string;
}

/** What every detected table has. */
interface TableBase {
  sheet: string;
  range: CellRange;
  /** Last header row (1-based): the row of the role words. */
  headerRow: number;
  /** Rows of the header block (1–3): the block is headerRow - headerRows + 1 … headerRow. */
  headerRows: number;
  title?: string;
  columns: ColumnMap;
  /** Data rows of the body in order: neither header, nor total, nor blank. */
  dataRows: number[];
  indicators: IndicatorRow[];
  totals: TotalRow[];
  groups: GroupNode[];
  /** How each role column was found (header word, content, the user's choice). */
  inference?: ColumnInference[];
  /** This table continues one on the sheet before (续表, 接上表, or its header repeated after a page break). */
  continues?: { sheet: string; headerRow: number };
  /** 权重 written as shares of 100% ("20%") beside scores in points, read as points of a 100-point table (the audit's reading). */
  weightsAsShares?: true;
}

export interface ScoringTable extends TableBase {
  kind: 'scoring';
}
/** Points a self-evaluation block states for itself: "绩效指标(90分)", "得分(20分*执行率)", "预算执行情况(10分)". */
export interface BlockPoints {
  points: number;
  /** The text that states them, as written. */
  stated: string;
}

export interface SelfEvalIndicatorsTable extends TableBase {
  kind: 'selfeval-indicators';
  blockPoints?: BlockPoints;
  /** A target split into 指标性质 (=, ≥, ≤) | 指标值 | 度量单位 (四川, 云南): the columns beside `columns.target`. */
  targetParts?: { comparator?: number; unit?: number };
}
export interface SummaryTable extends TableBase {
  kind: 'summary';
  transposed?: TransposedLayout;
}
export interface CompletionTable extends TableBase {
  kind: 'completion';
  /** Grid layout: one target/actual pair per indicator across. */
  pairs?: CompletionPair[];
}
export interface SatisfactionTable extends TableBase {
  kind: 'satisfaction';
  answers: AnswerColumn[];
}
export interface SelfEvalBudgetTable extends TableBase {
  kind: 'selfeval-budget';
  /** The block's points when no 分值 column gives them (湖北/云南 forms: 得分(20分*执行率)). */
  blockPoints?: BlockPoints;
}

/** One expert's column of an expert-scoring table (专家1, 专家A, 评委3 …). */
export interface ExpertColumn {
  label: string;
  col: number;
}

/** How an expert table averages its experts, and where it says so. */
export interface ExpertAveraging {
  /** 'trimmed': the highest and the lowest score are dropped first (去掉最高分和最低分). */
  method: 'mean' | 'trimmed';
  /** The text that states the method ('' when the table states none and the plain mean is assumed). */
  stated: string;
}

/** Expert-scoring tables (专家评分汇总表): one column per expert and an average (`columns.score`). */
export interface ExpertTable extends TableBase {
  kind: 'expert';
  experts: ExpertColumn[];
  averaging: ExpertAveraging;
}

/** An arithmetic expression over 行次 numbers: "(3)÷(2)", "(1)+(2)+(3)", "4=1+2". */
export type LineExpr =
  | { kind: 'line'; line: number }
  | { kind: 'num'; value: number }
  | { kind: 'bin'; op: '+' | '-' | '×' | '÷'; left: LineExpr; right: LineExpr };

/**
 * One run of label, 行次 and value columns. A sheet that prints two runs side by side
 * (项目 | 行次 | 金额 | 项目 | 行次 | 金额) has two panels numbered in one sequence.
 */
export interface LinePanel {
  labelCol: number;
  /** The 行次/栏次 column, when the numbers have a column of their own (else they end the labels). */
  lineCol?: number;
  /** The numeric columns each definition holds in (上年数, 本年数 …). */
  valueColumns: number[];
}

/** A row numbered by its 行次 ("实际到位资金(2)", a 行次 column with 1、2、…). */
export interface NumberedLine {
  row: number;
  line: number;
  label: string;
  /** Index into `panels`. */
  panel: number;
}

/** A row defined by other rows ("实际到位率=(3)÷(2)", "(4)=(1)+(2)", "合计=(1)+(2)+(3)"). */
export interface LineDefinition {
  row: number;
  /** The cell the definition is written in (row, col). */
  col: number;
  panel: number;
  expr: LineExpr;
  /** The definition as written. */
  text: string;
}

/** Budget and fund tables whose rows carry 行次 numbers and rows defined by them. */
export interface BudgetLinesTable extends TableBase {
  kind: 'budget-lines';
  panels: LinePanel[];
  lines: NumberedLine[];
  definitions: LineDefinition[];
}

/** 绩效目标评审表 / 事前绩效评估审核表: 审核内容, 审核要点, 审核意见 (优良中差) or 分值/得分. */
export interface ReviewTable extends TableBase {
  kind: 'review';
  /** The opinion words of a 优□良□中□差□ column or of one column per grade, best first. */
  grades: string[];
}
export interface TotalsTable extends TableBase {
  kind: 'totals';
  /** The numeric columns summed by the total column. */
  valueColumns: number[];
  /** Share (占比) rows under the total. */
  shareRows: number[];
}

/** A table found on a sheet: one type per kind. */
export type DetectedTable =
  | ScoringTable | SelfEvalIndicatorsTable | SummaryTable | CompletionTable | SatisfactionTable | SelfEvalBudgetTable | TotalsTable
  | ExpertTable | BudgetLinesTable | ReviewTable;
export type TableOf<K extends TableKind> = Extract<DetectedTable, { kind: K }>;

/** The transposed layout of a summary turned on its side, if the table is one. */
export function transposedOf(t: DetectedTable): TransposedLayout | undefined {
  return t.kind === 'summary' ? t.transposed : undefined;
}
