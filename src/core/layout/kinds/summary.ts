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

export const assembleSummary: Assembler<'summary'> = ({ sheet, header, body, base }) => {
  const columns = { ...base.columns };
  const levels = levelColumns(columns);
  columns.name ??= columns.label ?? levels[levels.length - 1] ?? header.left;
  delete columns.label;
  const indicators = simpleIndicators(sheet, body.dataRows, columns.name, columns.weight, columns.score);
  const totals = [...base.totals];
  // "项目绩效 100% … 82.68" closing the rows without a 合计 label: its weight is the others' sum.
  const last = indicators[indicators.length - 1];
  const rest = indicators.slice(0, -1);
  if (!totals.some((t) => t.scope === 'total') && last?.weight !== undefined && rest.length >= 2 && rest.every((i) => i.weight !== undefined)) {
    const sum = rest.reduce((a, i) => a + i.weight!, 0);
    if (Math.abs(sum - last.weight) <= WEIGHT_TOLERANCE * Math.max(1, Math.abs(last.weight))) {
      indicators.pop();
      totals.push({ row: last.row, label: sheet.text(last.row, columns.name).replace(/\s+/g, ''), scope: 'total' });
    }
  }
  return { ...base, kind: 'summary', columns, indicators, totals };
};
