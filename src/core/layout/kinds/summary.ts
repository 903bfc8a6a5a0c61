import { anyLevel, Assembler, HeaderFacts, levelColumns, simpleIndicators } from './shared';

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
  return { ...base, kind: 'summary', columns, indicators: simpleIndicators(sheet, body.dataRows, columns.name, columns.weight, columns.score) };
};
