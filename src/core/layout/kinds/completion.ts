import { Assembler, HeaderFacts, levelColumns, simpleIndicators } from './shared';

/** Completion tables (绩效目标完成情况表): targets and actual values, in rows or as pairs across. */
export function isCompletion(f: HeaderFacts): boolean {
  return (f.roles.has('target') && f.roles.has('actual')) || f.pairCount >= 1;
}

export const assembleCompletion: Assembler<'completion'> = ({ sheet, header, body, base }) => {
  const { columns } = base;
  const levels = levelColumns(columns);
  // 年份-style label columns stay `label`: the name of what is measured is in the title or the levels.
  const pathCol = columns.name ?? levels[levels.length - 1] ?? columns.label;
  const pairs = header.pairs;
  const measured = (row: number): boolean =>
    pairs.length > 0
      ? pairs.some((p) => !sheet.isEmpty(row, p.targetCol) || !sheet.isEmpty(row, p.actualCol))
      : (columns.target !== undefined && !sheet.isEmpty(row, columns.target)) || (columns.actual !== undefined && !sheet.isEmpty(row, columns.actual));
  const indicators = simpleIndicators(sheet, body.dataRows, pathCol, undefined, undefined, measured).map((ind) => {
    if (levels.length > 1) ind.path = levels.map((c) => sheet.text(ind.row, c).replace(/\s+/g, ' ').trim()).filter((t) => t !== '');
    return ind;
  });
  return { ...base, kind: 'completion', indicators, ...(pairs.length > 0 ? { pairs } : {}) };
};
