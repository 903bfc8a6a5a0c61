import { IndicatorRow } from '../types';
import { anyLevel, Assembler, HeaderFacts, levelColumns, simpleIndicators } from './shared';

/** Weights that add up within rounding (0.5% of the total). */
const WEIGHT_TOLERANCE = 0.005;

/**
 * Summary tables (评价得分汇总表): names (or levels) with weights, scores and rates — and no
 * criteria column. Told apart from a scoring table by structure: a 得分率 column without criteria,
 * explanation or reasons is a summary, whatever the first column is headed.
 */
export function isSummaryByStructure(f: HeaderFacts): boolean {
  const has = (r: Parameters<HeaderFacts['roles']['has']>[0]): boolean => f.roles.has(r);
  return has('weight') && has('score') && (has('rate') || has('grade')) && !has('criteria') && !has('explanation') && !has('reason');
}

export function isSummary(f: HeaderFacts): boolean {
  const has = (r: Parameters<HeaderFacts['roles']['has']>[0]): boolean => f.roles.has(r);
  const fields = (['weight', 'score', 'rate'] as const).filter(has).length;
  return (has('name') || has('label') || anyLevel(f.roles)) && fields >= 2 && (has('score') || has('weight'));
}

/**
 * "项目绩效 100% … 82.68" closing the rows without a 合计 label: the last row is the total when its
 * weight is the sum of the rows before it (`before`: rows of an earlier part of the table too).
 */
export function closesByWeightSum(indicators: readonly IndicatorRow[], before: readonly IndicatorRow[] = []): boolean {
  const last = indicators[indicators.length - 1];
  const rest = [...before, ...indicators.slice(0, -1)];
  if (last?.weight === undefined || rest.length < 2 || !rest.every((i) => i.weight !== undefined)) return false;
  const sum = rest.reduce((a, i) => a + i.weight!, 0);
  return Math.abs(sum - last.weight) <= WEIGHT_TOLERANCE * Math.max(1, Math.abs(last.weight));
}

export const assembleSummary: Assembler<'summary'> = ({ sheet, header, body, base }) => {
  const columns = { ...base.columns };
  const levels = levelColumns(columns);
  columns.name ??= columns.label ?? levels[levels.length - 1] ?? header.left;
  delete columns.label;
  const indicators = simpleIndicators(sheet, body.dataRows, columns.name, columns.weight, columns.score);
  const totals = [...base.totals];
  if (!totals.some((t) => t.scope === 'total') && closesByWeightSum(indicators)) {
    const last = indicators.pop()!;
    totals.push({ row: last.row, label: sheet.text(last.row, columns.name).replace(/\s+/g, ''), scope: 'total' });
  }
  return { ...base, kind: 'summary', columns, indicators, totals };
};
