import { DetectedTable, IndicatorRow } from '../layout/types';
import { SheetModel, WorkbookModel } from '../sheet/model';
import { Finding } from './types';

/**
 * A row score already flagged as wrong by a row check (above its weight, not allowed by its rule,
 * partial under all-or-nothing, not a whole number of steps), with the scores it could be once
 * corrected. Totals that are off only by these are consequences, not second errors.
 */
export interface FlaggedScore {
  /** A1 of the score cell. */
  cell: string;
  name: string;
  score: number;
  /** The nearest scores the rule allows (one or two). */
  corrected: number[];
}

/** What every check sees: the workbook, all detected tables, and the sheet of the table at hand. */
export interface AuditContext {
  workbook: WorkbookModel;
  tables: DetectedTable[];
  sheetOf(table: DetectedTable): SheetModel;
  /** Scores the row checks flagged, by indicator row (filled before the other checks run). */
  flagged: ReadonlyMap<IndicatorRow, FlaggedScore>;
}

/** A check: one family of inconsistencies on one table. */
export type TableCheck = (ctx: AuditContext, table: DetectedTable) => Finding[];

/** A row check: its findings, and the scores it found wrong with their corrections. */
export type RowCheck = (ctx: AuditContext, table: DetectedTable) => { findings: Finding[]; flagged: Array<[IndicatorRow, FlaggedScore]> };
