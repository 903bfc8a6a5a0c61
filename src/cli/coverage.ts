import { detectWorkbook } from '../core/layout/detect';
import { DetectedTable } from '../core/layout/types';
import { parseRule } from '../core/rules';
import { a1, rangeA1 } from '../core/sheet/address';
import { WorkbookModel } from '../core/sheet/model';

export interface RuleCell {
  sheet: string;
  cell: string;
  text: string;
  parsed: boolean;
  kind?: string;
  reason?: string;
  /** The table (A1 range) the cell belongs to. */
  table: string;
}

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
    const col = t.columns.criteria;
    const table = rangeA1(t.range);
    const row: TableCoverage = { sheet: t.sheet, table, ...(t.title ? { title: t.title } : {}), hasCriteria: col !== undefined, indicators: 0, read: 0, notUnderstood: 0, empty: 0 };
    perTable.push(row);
    const sheet = workbook.sheets.find((s) => s.name === t.sheet)!;
    for (const ind of t.indicators) {
      if (ind.weight === undefined) continue;
      if (col !== undefined && sheet.masterOf(ind.row, col).row !== ind.row) continue;
      row.indicators++;
      const text = col === undefined ? '' : sheet.text(ind.row, col).trim();
      if (text === '') {
        row.empty++;
        continue;
      }
      const rule = parseRule(text, ind.weight);
      if (rule.parsed) row.read++;
      else row.notUnderstood++;
      cells.push({ sheet: t.sheet, cell: a1(ind.row, col!), text, parsed: rule.parsed, table, ...(rule.parsed ? { kind: rule.kind } : { reason: rule.reason }) });
    }
  }
  return { cells, tables: perTable };
}
