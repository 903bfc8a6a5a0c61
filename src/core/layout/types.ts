import { CellRange } from '../sheet/address';

export type TableKind = 'scoring' | 'summary' | 'completion' | 'satisfaction' | 'selfeval-budget' | 'selfeval-indicators' | 'totals';

/**
 * Role of a column. Scoring: level1..level4, name, weight, explanation, criteria, score, reason.
 * Summary: name, weight, score, rate (and grade). Completion: name, target, actual, done, rate.
 * Satisfaction: name, total, rate (answers listed separately). Self-eval budget: name, initialBudget,
 * budget, executed, weight, rate, score. Self-eval indicators: level1..level3, target, actual, weight,
 * score, deviation. Totals: label (the row-label column) and total (the 合计 column).
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

export interface DetectedTable {
  sheet: string;
  kind: TableKind;
  range: CellRange;
  /** First header row (1-based). */
  headerRow: number;
  /** Number of header rows (2 when a header is split over two rows). */
  headerRows: number;
  title?: string;
  columns: ColumnMap;
  /** Data rows of the body in order: neither header, nor total, nor blank. */
  dataRows: number[];
  indicators: IndicatorRow[];
  totals: TotalRow[];
  groups: GroupNode[];
  answers?: AnswerColumn[];
  pairs?: CompletionPair[];
  /** Transposed summary: indicators across, 分值/得分/得分率 down. Rows of each role; `columns.label` holds the label column. */
  transposed?: { rows: Partial<Record<'weight' | 'score' | 'rate' | 'grade', number>>; nameRow: number; itemColumns: number[]; totalColumn?: number };
  /** Money tables: the numeric columns summed by the total column, and share (占比) rows. */
  valueColumns?: number[];
  shareRows?: number[];
}
