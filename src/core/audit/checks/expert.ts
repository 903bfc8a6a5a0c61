/**
 * Expert-scoring tables (issue 12 item 6): the average of the experts' scores on each row — the
 * trimmed average where the table says 去掉最高分和最低分 — and each expert's score within the row's weight.
 */
import { ExpertTable } from '../../layout/types';
import { figureAt } from '../cells';
import { TableCheck } from '../context';
import { close, findingIn, fmt } from '../finding';
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
        if (f!.value > ind.weight + f!.tol) {
          out.push(
            findingIn(t, {
              row: ind.row,
              col: e.col,
              code: 'expert.above-weight',
              message: `“${name}”${e.label}评分 ${fmt(f!.value)} 超过该项分值 ${fmt(ind.weight)}`,
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
    const plain = mean(values);
    const how = canTrim ? `去掉最高分 ${fmt(Math.max(...values))} 和最低分 ${fmt(Math.min(...values))} 后 ${values.length - 2} 位专家的平均分` : `${values.length} 位专家评分的平均分`;
    const note = canTrim && close(avg.value, plain, avg.tol) ? `；表中 ${fmt(avg.value)} 是未去掉最高分和最低分的平均分，而本表注明“${t.averaging.stated}”` : '';
    out.push(
      findingIn(t, {
        row: ind.row,
        col: avgCol,
        code: 'expert.average',
        message: `“${name}”${how}应为 ${fmt(expected)}（${scores.map((s) => `${s.e.label} ${fmt(s.f!.value)}`).join('，')}），表中为 ${fmt(avg.value)}${note}`,
        expected: Number(expected.toFixed(4)),
        actual: avg.value,
        rule: canTrim ? `${t.averaging.stated}：(Σ专家评分 − 最高分 − 最低分) ÷ (专家人数 − 2)` : 'Σ专家评分 ÷ 专家人数',
        also: scores.map((s) => [ind.row, s.e.col] as [number, number]),
      }),
    );
  }
  return out;
};
