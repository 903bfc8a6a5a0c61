export type Severity = 'error' | 'warning' | 'info';

import type { FindingCode } from './catalogue';

/**
 * One thing the audit found. The same object is shown by the pane, printed by the CLI and
 * written into the annotated copy.
 */
export interface Finding {
  sheet: string;
  /** The main cell (A1). */
  cell: string;
  /** Every cell the finding rests on (A1), the main cell first. */
  cells: string[];
  /** Stable id of the check in the catalogue (catalogue.ts), e.g. "score.not-allowed". */
  code: FindingCode;
  severity: Severity;
  /** What is wrong, in Chinese, naming the rule clause or arithmetic and expected vs actual (the catalogue's template). */
  message: string;
  /** The same in English (the catalogue's English template). */
  messageEn: string;
  expected: number | string | null;
  actual: number | string | null;
  /** The rule clause or formula the finding rests on. */
  rule: string;
  /** A1 range of the table the finding belongs to, if any. */
  table?: string;
  /** How hosts show `expected` and `actual`: 'percent' for rates held as fractions (0.7253 → 72.53%). */
  display?: 'percent';
}

export interface AuditSummary {
  tables: number;
  indicators: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Total score and grade when the workbook states them. */
  totalScore?: number;
  grade?: string;
}
