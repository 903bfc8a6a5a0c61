import { detectWorkbook } from '../core/layout/detect';
import { DetectedTable } from '../core/layout/types';
import { parseRule } from '../core/rules';
import { a1 } from '../core/sheet/address';
import { WorkbookModel } from '../core/sheet/model';

export interface RuleCell {
  sheet: string;
  cell: string;
  text: string;
  parsed: boolean;
  kind?: string;
  reason?: string;
}

/** Every 评分标准 cell of the workbook's scoring tables (once per merged block) and whether its rule is understood. */
export function ruleCells(workbook: WorkbookModel, tables: DetectedTable[] = detectWorkbook(workbook)): RuleCell[] {
  const cells: RuleCell[] = [];
  for (const t of tables) {
    const col = t.columns.criteria;
    if (t.kind !== 'scoring' || col === undefined) continue;
    const sheet = workbook.sheets.find((s) => s.name === t.sheet)!;
    for (const ind of t.indicators) {
      const text = sheet.text(ind.row, col).trim();
      if (text === '' || ind.weight === undefined || sheet.masterOf(ind.row, col).row !== ind.row) continue;
      const rule = parseRule(text, ind.weight);
      cells.push({ sheet: t.sheet, cell: a1(ind.row, col), text, parsed: rule.parsed, ...(rule.parsed ? { kind: rule.kind } : { reason: rule.reason }) });
    }
  }
  return cells;
}
