import { figureAt } from '../cells';
import { TableCheck } from '../context';
import { findingIn } from '../finding';
import { rounded } from '../format';
import { close, RATE_TOLERANCE } from '../tolerance';
import { Finding } from '../types';

/** Money tables: each row's 合计 column, each 合计 row, and 占比 rows against the grand total. */
export const moneyChecks: TableCheck = (ctx, table) => {
  if (table.kind !== 'totals' || !table.valueColumns || table.valueColumns.length === 0) return [];
  const sheet = ctx.sheetOf(table);
  const out: Finding[] = [];
  const valueCols = table.valueColumns;
  const totalCol = table.columns.total;
  const label = (row: number) => sheet.text(row, table.columns.label ?? table.range.left).replace(/\s+/g, '');
  const dataRows = table.indicators.map((i) => i.row);

  const rowSum = (row: number): { sum: number; cells: number } => {
    let sum = 0;
    let cells = 0;
    for (const c of valueCols) {
      const f = figureAt(sheet, row, c);
      if (f) {
        sum += f.value;
        cells++;
      }
    }
    return { sum, cells };
  };

  if (totalCol !== undefined) {
    for (const row of [...dataRows, ...table.totals.map((t) => t.row)]) {
      const fig = figureAt(sheet, row, totalCol);
      const { sum, cells } = rowSum(row);
      if (!fig || cells < 2) continue;
      if (!close(fig.value, sum, fig.tol)) {
        out.push(
          findingIn(table, {
            row,
            col: totalCol,
            code: 'money.row-total',
            params: { label: label(row), sum, value: fig.value },
            expected: rounded(sum),
            actual: fig.value,
            rule: '行合计 = Σ 各列',
            also: valueCols.map((c) => [row, c] as [number, number]),
          }),
        );
      }
    }
  }

  const columns = totalCol !== undefined ? [...valueCols, totalCol] : valueCols;
  for (const total of table.totals) {
    // A 合计 value merged across the value columns is the grand total of the table.
    const first = figureAt(sheet, total.row, valueCols[0]);
    const merge = sheet.mergeAt(total.row, valueCols[0]);
    if (first && merge && merge.right >= (totalCol ?? valueCols[valueCols.length - 1])) {
      const grand = dataRows.reduce((acc, r) => acc + (totalCol !== undefined ? (figureAt(sheet, r, totalCol)?.value ?? rowSum(r).sum) : rowSum(r).sum), 0);
      if (!close(first.value, grand, first.tol)) {
        out.push(
          findingIn(table, {
            row: total.row,
            col: valueCols[0],
            code: 'money.column-total',
            params: { label: total.label, sum: grand, value: first.value },
            expected: rounded(grand),
            actual: first.value,
            rule: '合计 = Σ 各行',
          }),
        );
      }
      continue;
    }
    for (const col of columns) {
      const fig = figureAt(sheet, total.row, col);
      if (!fig) continue;
      const parts = dataRows.map((r) => figureAt(sheet, r, col)?.value).filter((v): v is number => v !== undefined);
      if (parts.length < 2) continue;
      const sum = parts.reduce((a, b) => a + b, 0);
      if (!close(fig.value, sum, fig.tol)) {
        out.push(
          findingIn(table, {
            row: total.row,
            col,
            code: 'money.column-total',
            params: { label: total.label, column: sheet.text(table.headerRow, col).trim(), sum, value: fig.value },
            expected: rounded(sum),
            actual: fig.value,
            rule: '列合计 = Σ 各行',
          }),
        );
      }
    }
  }

  const grandRow = table.totals.find((t) => t.scope === 'total')?.row;
  const grand = grandRow !== undefined && totalCol !== undefined ? figureAt(sheet, grandRow, totalCol) : undefined;
  if (grand && grandRow !== undefined && grand.value !== 0) {
    for (const shareRow of table.shareRows ?? []) {
      for (const col of columns) {
        const share = figureAt(sheet, shareRow, col);
        const part = figureAt(sheet, grandRow, col);
        if (!share || !part) continue;
        const expected = part.value / grand.value;
        const value = share.percent || share.value <= 1.0001 ? share.value : share.value / 100;
        if (!close(value, expected, Math.max(share.percent ? share.tol : share.tol / 100, RATE_TOLERANCE))) {
          out.push(
            findingIn(table, {
              row: shareRow,
              col,
              code: 'money.share',
              params: { part: part.value, grand: grand.value, expected, value },
              expected: rounded(expected, 6),
              actual: value,
              display: 'percent',
              rule: '占比 = 本列合计 / 总合计',
            }),
          );
        }
      }
    }
  }
  return out;
};
