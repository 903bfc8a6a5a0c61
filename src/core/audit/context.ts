import { DetectedTable } from '../layout/types';
import { SheetModel, WorkbookModel } from '../sheet/model';
import { Finding } from './types';

/** What every check sees: the workbook, all detected tables, and the sheet of the table at hand. */
export interface AuditContext {
  workbook: WorkbookModel;
  tables: DetectedTable[];
  sheetOf(table: DetectedTable): SheetModel;
}

/** A check: one family of inconsistencies on one table. */
export type TableCheck = (ctx: AuditContext, table: DetectedTable) => Finding[];
