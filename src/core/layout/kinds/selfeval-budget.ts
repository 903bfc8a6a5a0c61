import { SheetModel } from '../../sheet/model';
import { numberAt } from '../../values/cell';
import type { HeaderCandidate } from '../header';
import { Assembler, HeaderFacts, simpleIndicators } from './shared';

/** The budget block of a self-evaluation form (预算执行情况): budget, spending, rate, weight, score. */
export function isSelfEvalBudget(f: HeaderFacts): boolean {
  return (f.roles.has('initialBudget') || f.roles.has('budget')) && f.roles.has('executed');
}

/** The label column of a block whose header leaves it blank (项目资金 | 年度资金总额 | 年初预算数 …). */
function labelColumnLeftOf(sheet: SheetModel, h: HeaderCandidate, rows: number[], firstValueCol: number): number | undefined {
  for (let c = firstValueCol - 1; c >= h.left; c--) {
    if (rows.some((r) => {
      const m = sheet.masterOf(r, c);
      return m.row === r && m.col === c && sheet.text(r, c).trim() !== '' && numberAt(sheet, r, c) === undefined;
    }))
      return c;
  }
  return undefined;
}

export const assembleSelfEvalBudget: Assembler<'selfeval-budget'> = ({ sheet, header, body, base }) => {
  const columns = { ...base.columns };
  const valueCols = [columns.initialBudget, columns.budget, columns.executed].filter((c): c is number => c !== undefined);
  const nameCol = labelColumnLeftOf(sheet, header, body.dataRows, Math.min(...valueCols));
  if (nameCol !== undefined) columns.name = nameCol;
  // Only 年度资金总额 carries 分值/得分; the 其中 rows are its parts, not indicators.
  return { ...base, kind: 'selfeval-budget', columns, indicators: simpleIndicators(sheet, body.dataRows, nameCol, columns.weight, columns.score) };
};
