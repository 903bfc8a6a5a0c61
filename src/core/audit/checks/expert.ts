/**
 * Expert-scoring tables (issue 12 item 6): the average of the experts' scores on each row — the
 * trimmed average where the table says 去掉最高分和最低分 — each expert's score within the row's weight,
 * and each expert's column total on a 合计/小计 row.
 */
import { ExpertTable } from '../../layout/types';
import { SheetModel } from '../../sheet/model';
import { figureAt } from '../cells';
import { TableCheck } from '../context';
import { findingIn } from '../finding';
import { fmt, rounded } from '../format';
import { ABOVE_WEIGHT_SLACK, close } from '../tolerance';
import { Finding } from '../types';

/** Experts a trimmed average needs: dropping two of two leaves nothing. */
const MIN_TRIMMED = 3;

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function trimmedMean(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return mean(sorted.slice(1, -1));
}

/** Each expert's figure on a 合计/小计 row against the sum of that expert's scores it closes. */
function columnTotals(t: ExpertTable, sheet: SheetModel): Finding[] {
  const out: Finding[] = [];
  let start = 0;
  for (const total of t.totals) {
    let end = start;
    while (end < t.indicators.length && t.indicators[end].row < total.row) end++;
    const rows = total.scope === 'total' ? t.indicators : t.indicators.slice(start, end);
    start = end;
    for (const e of t.experts) {
      const fig = figureAt(sheet, total.row, e.col);
      const scores = rows.map((ind) => figureAt(sheet, ind.row, e.col)).filter((f): f is NonNullable<typeof f> => f !== undefined);
      if (!fig || scores.length === 0) continue;
      const sum = scores.reduce((a, f) => a + f.value, 0);
      if (close(fig.value, sum, Math.max(fig.tol, ...scores.map((f) => f.tol)))) continue;
      out.push(
        findingIn(t, {
          row: total.row,
          col: e.col,
          code: 'expert.column-total',
          params: { label: total.label, expert: e.label, count: scores.length, sum, value: fig.value },
          expected: rounded(sum),
          actual: fig.value,
          rule: `${total.label} = Σ ${e.label}的各项评分`,
        }),
      );
    }
  }
  return out;
}

export const expertChecks: TableCheck = (ctx, table) => {
  if (table.kind !== 'expert') return [];
  const t: ExpertTable = table;
  const sheet = ctx.sheetOf(t);
  const out: Finding[] = [];
  const trimmed = t.averaging.method === 'trimmed';
  for (const ind of t.indicators) {
    const name = ind.path[ind.path.length - 1] || `第 ${ind.row} 行`;
    const scores = t.experts.map((e) => ({ e, f: figureAt(sheet, ind.row, e.col) })).filter((x) => x.f !== undefined);
    if (ind.weight !== undefined) {
      for (const { e, f } of scores) {
        if (f!.value > ind.weight + Math.max(ABOVE_WEIGHT_SLACK, f!.tol)) {
          out.push(
            findingIn(t, {
              row: ind.row,
              col: e.col,
              code: 'expert.above-weight',
              params: { name, expert: e.label, score: f!.value, weight: ind.weight },
              expected: `≤ ${fmt(ind.weight)}`,
              actual: f!.value,
              rule: `每位专家的评分不超过分值 ${fmt(ind.weight)}`,
              ...(t.columns.weight !== undefined ? { also: [[ind.row, t.columns.weight]] as Array<[number, number]> } : {}),
            }),
          );
        }
      }
    }
    const avgCol = t.columns.score;
    const avg = figureAt(sheet, ind.row, avgCol);
    if (!avg || avgCol === undefined || scores.length === 0) continue;
    const values = scores.map((s) => s.f!.value);
    const canTrim = trimmed && values.length >= MIN_TRIMMED;
    const expected = canTrim ? trimmedMean(values) : mean(values);
    if (close(avg.value, expected, avg.tol)) continue;
    const trimming = canTrim ? { highest: Math.max(...values), lowest: Math.min(...values), stated: t.averaging.stated, writtenIsPlainMean: close(avg.value, mean(values), avg.tol) } : undefined;
    out.push(
      findingIn(t, {
        row: ind.row,
        col: avgCol,
        code: 'expert.average',
        params: { name, experts: scores.map((s) => ({ label: s.e.label, score: s.f!.value })), ...(trimming ? { trimmed: trimming } : {}), expected, value: avg.value },
        expected: rounded(expected),
        actual: avg.value,
        rule: canTrim ? `${t.averaging.stated}：(Σ专家评分 − 最高分 − 最低分) ÷ (专家人数 − 2)` : 'Σ专家评分 ÷ 专家人数',
        also: scores.map((s) => [ind.row, s.e.col] as [number, number]),
      }),
    );
  }
  out.push(...columnTotals(t, sheet));
  return out;
};
