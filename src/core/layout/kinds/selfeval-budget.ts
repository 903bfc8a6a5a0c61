import { SheetModel } from '../../sheet/model';
import { numberAt } from '../../values/cell';
import type { HeaderCandidate } from '../header';
import { ColumnMap } from '../types';
import { headerRole } from '../vocabulary';
import { blockPointsOf } from './selfeval-blocks';
import { Assembler, HeaderFacts, simpleIndicators } from './shared';

/** The budget block of a self-evaluation form (预算执行情况): budget, spending, rate, weight, score. */
export function isSelfEvalBudget(f: HeaderFacts): boolean {
  return (f.roles.has('initialBudget') || f.roles.has('budget')) && f.roles.has('executed');
}

/** Columns left of the header's first word a label column may stand (its own header cell blank, a blank column beside it). */
const LABEL_COLUMNS_BEFORE_HEADER = 2;

/** The label column of a block whose header leaves it blank (项目资金 | 年度资金总额 | 年初预算数 …). */
function labelColumnLeftOf(sheet: SheetModel, h: HeaderCandidate, rows: number[], firstValueCol: number): number | undefined {
  for (let c = firstValueCol - 1; c >= Math.max(1, h.left - LABEL_COLUMNS_BEFORE_HEADER); c--) {
    if (rows.some((r) => {
      const m = sheet.masterOf(r, c);
      return m.row === r && m.col === c && sheet.text(r, c).trim() !== '' && numberAt(sheet, r, c) === undefined;
    }))
      return c;
  }
  return undefined;
}

const holdsLabels = (sheet: SheetModel, rows: number[], col: number): boolean =>
  rows.some((r) => sheet.text(r, col).trim() !== '') && rows.every((r) => numberAt(sheet, r, col) === undefined);

/**
 * 四川's form heads its label column 年度预算数(万元) over 总额 / 其中：财政资金 …, and its amounts
 * 年初预算 | 调整后预算数 | 预算执行数: a budget word over labels names the label column, and the
 * full-year budget is the last budget column after it (调整后预算数, the figure the rate divides by).
 */
function budgetOverLabels(sheet: SheetModel, h: HeaderCandidate, rows: number[], columns: ColumnMap): void {
  const col = columns.budget;
  if (col === undefined || !holdsLabels(sheet, rows, col)) return;
  columns.name = col;
  delete columns.budget;
  for (let c = col + 1; c <= h.right; c++) {
    const role = headerRole((h.labels.get(c) ?? '').replace(/\s+/g, ''));
    if (role === 'budget') columns.budget = c;
    else if (role === 'initialBudget') columns.initialBudget ??= c;
  }
}

export const assembleSelfEvalBudget: Assembler<'selfeval-budget'> = (input) => {
  const { sheet, header, body, base } = input;
  const columns = { ...base.columns };
  budgetOverLabels(sheet, header, body.dataRows, columns);
  if (columns.name === undefined) {
    const valueCols = [columns.initialBudget, columns.budget, columns.executed].filter((c): c is number => c !== undefined);
    const nameCol = labelColumnLeftOf(sheet, header, body.dataRows, Math.min(...valueCols));
    if (nameCol !== undefined) columns.name = nameCol;
  }
  // Only 年度资金总额 carries 分值/得分; the 其中 rows are its parts, not indicators.
  const indicators = simpleIndicators(sheet, body.dataRows, columns.name, columns.weight, columns.score);
  return { ...base, kind: 'selfeval-budget', columns, indicators, ...blockPointsOf({ ...input, base: { ...base, columns } }) };
};
