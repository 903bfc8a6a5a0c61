import { numberAt } from '../../values/cell';
import { isTrailerLabel } from '../vocabulary';
import { Assembler, HeaderFacts, simpleIndicators } from './shared';

/** Money tables with a 合计 column (资金来源 × 年度): the columns it sums and the 占比 rows. */
export function isTotals(f: HeaderFacts): boolean {
  return f.hasTotalColumn && f.valueColumnCount >= 1;
}

export const assembleTotals: Assembler<'totals'> = ({ sheet, header, body, base }) => {
  const columns = { ...base.columns };
  columns.label ??= header.left;
  const label = columns.label;
  const valueColumns = header.plainColumns.filter((c) => c !== label && c !== columns.total);
  const shareRows = body.trailerRows.filter((r) => isTrailerLabel(sheet.norm(r, label)));
  const indicators = simpleIndicators(sheet, body.dataRows, label, undefined, undefined, (row) => valueColumns.some((c) => numberAt(sheet, row, c) !== undefined));
  return { ...base, kind: 'totals', columns, valueColumns, shareRows, indicators };
};
