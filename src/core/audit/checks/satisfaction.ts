import { readNumber, toleranceFor } from '../../values/cell';
import { TableCheck } from '../context';
import { findingIn } from '../finding';
import { rounded } from '../format';
import { close, RATE_TOLERANCE } from '../tolerance';
import { Finding } from '../types';

/** 满意率 = Σ 人数 × 权重 / (总人数 × 100), with the table's answers and weights. */
export const satisfactionChecks: TableCheck = (ctx, table) => {
  if (table.kind !== 'satisfaction' || !table.answers || table.columns.rate === undefined) return [];
  const sheet = ctx.sheetOf(table);
  const out: Finding[] = [];
  const answers = table.answers;
  const formula = answers.map((a) => `${a.label}×${a.weight}`).join(' + ');
  for (const ind of table.indicators) {
    const counts = answers.map((a) => readNumber(sheet, ind.row, a.col));
    const values = counts.map((c) => (c.kind === 'number' ? c.value : c.kind === 'empty' || c.kind === 'missing' ? 0 : NaN));
    if (values.some((v) => Number.isNaN(v))) continue;
    const n = values.reduce((a, b) => a + b, 0);
    if (n <= 0) continue;
    const expected = values.reduce((acc, v, i) => acc + v * answers[i].weight, 0) / (n * 100);
    const reading = readNumber(sheet, ind.row, table.columns.rate);
    if (reading.kind !== 'number') continue;
    if (!close(reading.value, expected, Math.max(toleranceFor(reading), RATE_TOLERANCE))) {
      out.push(
        findingIn(table, {
          row: ind.row,
          col: table.columns.rate,
          code: 'satisfaction.rate',
          params: { name: ind.path[0] ?? '', counts: values, weights: answers.map((a) => a.weight), n, expected, value: reading.value },
          expected: rounded(expected, 6),
          actual: reading.value,
          display: 'percent',
          rule: `满意率 = (${formula}) / (样本数×100)`,
          also: answers.map((a) => [ind.row, a.col] as [number, number]),
        }),
      );
    }
  }
  return out;
};
