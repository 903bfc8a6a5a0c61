import { RuleCell, ruleCellsOf } from '../core/audit/coverage';
import { detectWorkbook } from '../core/layout/detect';
import { DetectedTable } from '../core/layout/types';
import { rangeA1 } from '../core/sheet/address';
import { WorkbookModel } from '../core/sheet/model';

export type { RuleCell };

/** How many 评分标准 of one scoring table are read, not understood, or empty. */
export interface TableCoverage {
  sheet: string;
  table: string;
  title?: string;
  /** The table has a 评分标准 column. */
  hasCriteria: boolean;
  /** Indicators with a weight. */
  indicators: number;
  read: number;
  notUnderstood: number;
  empty: number;
}

/** Every 评分标准 cell of the workbook's scoring tables (once per merged block) and whether its rule is understood. */
export function ruleCells(workbook: WorkbookModel, tables: DetectedTable[] = detectWorkbook(workbook)): RuleCell[] {
  return coverage(workbook, tables).cells;
}

export function coverage(workbook: WorkbookModel, tables: DetectedTable[] = detectWorkbook(workbook)): { cells: RuleCell[]; tables: TableCoverage[] } {
  const cells: RuleCell[] = [];
  const perTable: TableCoverage[] = [];
  for (const t of tables) {
    if (t.kind !== 'scoring') continue;
    const sheet = workbook.sheets.find((s) => s.name === t.sheet)!;
    const read = ruleCellsOf(sheet, t);
    cells.push(...read.cells);
    perTable.push({ sheet: t.sheet, table: rangeA1(t.range), ...(t.title ? { title: t.title } : {}), hasCriteria: t.columns.criteria !== undefined, ...read.coverage });
  }
  return { cells, tables: perTable };
}
