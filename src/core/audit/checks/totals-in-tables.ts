import { DetectedTable, GroupNode, IndicatorRow, transposedOf } from '../../layout/types';
import { figureAt } from '../cells';
import { AuditContext, TableCheck } from '../context';
import { close, findingIn, fmt } from '../finding';
import { Finding } from '../types';

type Field = 'weight' | 'score';

/** Tables whose rows carry a weight and a score: their totals and bounds are checked alike (an expert table's score is the experts' average). */
const SCORED_KINDS: ReadonlyArray<DetectedTable['kind']> = ['scoring', 'selfeval-indicators', 'summary', 'review', 'expert'];
const FIELD_ZH: Record<Field, string> = { weight: '权重/分值', score: '得分' };

/** Weight and score carried by a self-evaluation budget block on the same sheet (it counts toward 总分). */
function budgetBlockFor(ctx: AuditContext, table: DetectedTable): IndicatorRow | undefined {
  if (table.kind !== 'selfeval-indicators') return undefined;
  const budget = ctx.tables.find((t) => t.sheet === table.sheet && t.kind === 'selfeval-budget' && t.range.bottom < table.range.top);
  return budget?.indicators.find((i) => i.weight !== undefined);
}

function sumOf(rows: IndicatorRow[], field: Field): { sum: number; count: number } {
  let sum = 0;
  let count = 0;
  for (const r of rows) {
    const v = r[field];
    if (v !== undefined) {
      sum += v;
      count++;
    }
  }
  return { sum, count };
}

/**
 * 小计/合计/总分 rows against the rows they close: a 小计 sums the leaves since the previous
 * total; a closing total sums every leaf of the table.
 */
const totalRows: TableCheck = (ctx, table) => {
  if (!SCORED_KINDS.includes(table.kind) || transposedOf(table)) return [];
  const sheet = ctx.sheetOf(table);
  const out: Finding[] = [];
  const extra = budgetBlockFor(ctx, table);
  // Indicators and totals are both in row order: walk them together (tables can have thousands of 小计).
  let next = 0;
  for (const total of table.totals) {
    const start = next;
    while (next < table.indicators.length && table.indicators[next].row < total.row) next++;
    const scope = total.scope === 'total' ? table.indicators : table.indicators.slice(start, next);
    const children = total.scope === 'total' && extra ? [extra, ...scope] : scope;
    for (const field of ['weight', 'score'] as Field[]) {
      const col = table.columns[field];
      const fig = figureAt(sheet, total.row, col);
      if (!fig || col === undefined) continue;
      const { sum, count } = sumOf(children, field);
      if (count === 0) continue;
      if (!close(fig.value, sum, Math.max(0.01, fig.tol))) {
        out.push(
          findingIn(table, {
            row: total.row,
            col,
            code: 'total.sum-mismatch',
            message: `${total.label}行的${FIELD_ZH[field]}应等于其下 ${count} 个指标之和 ${fmt(sum)}，实际为 ${fmt(fig.value)}（相差 ${fmt(fig.value - sum)}）`,
            expected: Number(sum.toFixed(4)),
            actual: fig.value,
            rule: `${total.label} = Σ 各指标${FIELD_ZH[field]}`,
          }),
        );
      }
    }
  }
  // A closing 合计/总分 of a whole scoring table is 100 unless the table says otherwise (review and expert forms are often printed in parts).
  const closing = table.totals.find((t) => t.scope === 'total');
  const weightCol = table.columns.weight;
  if (closing && weightCol !== undefined && (table.kind === 'scoring' || table.kind === 'selfeval-indicators')) {
    const fig = figureAt(sheet, closing.row, weightCol);
    if (fig && /总分|合计/.test(closing.label) && !close(fig.value, 100) && !table.totals.some((t) => t.scope === 'subtotal')) {
      out.push(
        findingIn(table, {
          row: closing.row,
          col: weightCol,
          code: 'total.weight-not-100',
          message: `${closing.label}的权重合计为 ${fmt(fig.value)}，评分表总分通常为 100 分`,
          expected: 100,
          actual: fig.value,
          rule: '总分 = 100',
        }),
      );
    }
  }
  return out;
};

/** First index of `rows` (sorted by row) at or after `row`. */
function lowerBound(rows: IndicatorRow[], row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The leaves of a group; indicators are in row order, so a slice (thousands of groups stay linear). */
function leavesIn(table: DetectedTable, g: GroupNode): IndicatorRow[] {
  return table.indicators.slice(lowerBound(table.indicators, g.firstRow), lowerBound(table.indicators, g.lastRow + 1));
}

/** Group weights written into names ("A决策15分") and group rows against their children. */
const groupWeights: TableCheck = (ctx, table) => {
  if (table.groups.length === 0) return [];
  const sheet = ctx.sheetOf(table);
  const out: Finding[] = [];
  const visit = (g: GroupNode): void => {
    const leaves = leavesIn(table, g);
    const weights = sumOf(leaves, 'weight');
    if (g.declaredWeight !== undefined && weights.count > 0 && !close(g.declaredWeight, weights.sum)) {
      out.push(
        findingIn(table, {
          row: g.row,
          col: g.col,
          code: 'group.declared-weight',
          message: `“${sheet.text(g.row, g.col).trim()}”标明 ${fmt(g.declaredWeight)} 分，但其下各指标权重之和为 ${fmt(weights.sum)}`,
          expected: Number(weights.sum.toFixed(4)),
          actual: g.declaredWeight,
          rule: `${g.name}的分值 = Σ 下级指标权重`,
        }),
      );
    }
    for (const field of ['weight', 'score'] as Field[]) {
      const own = g[field];
      const col = table.columns[field];
      const { sum, count } = sumOf(leaves, field);
      if (own === undefined || col === undefined || count === 0) continue;
      if (!close(own, sum)) {
        out.push(
          findingIn(table, {
            row: g.firstRow,
            col,
            code: 'group.sum-mismatch',
            message: `“${g.name}”行的${FIELD_ZH[field]} ${fmt(own)} 与其下各指标之和 ${fmt(sum)} 不符`,
            expected: Number(sum.toFixed(4)),
            actual: own,
            rule: `${g.name} = Σ 下级指标${FIELD_ZH[field]}`,
          }),
        );
      }
    }
    g.children.forEach(visit);
  };
  table.groups.forEach(visit);
  return out;
};

/** A score above its weight or below zero, whatever the rule. */
const scoreBounds: TableCheck = (_ctx, table) => {
  if (!SCORED_KINDS.includes(table.kind)) return [];
  const out: Finding[] = [];
  for (const ind of table.indicators) {
    if (ind.score === undefined || ind.weight === undefined) continue;
    const transposed = transposedOf(table);
    const col = transposed ? undefined : table.columns.score;
    const row = ind.row;
    const anchor = col ?? table.range.left;
    if (ind.score > ind.weight + 0.005) {
      out.push(
        findingIn(table, {
          row: transposed ? transposed.rows.score! : row,
          col: transposed ? transposed.itemColumns[table.indicators.indexOf(ind)] : anchor,
          code: 'score.above-weight',
          message: `“${ind.path[ind.path.length - 1] ?? ''}”得分 ${fmt(ind.score)} 超过其分值 ${fmt(ind.weight)}`,
          expected: `≤ ${fmt(ind.weight)}`,
          actual: ind.score,
          rule: '0 ≤ 得分 ≤ 分值',
        }),
      );
    } else if (ind.score < 0) {
      out.push(
        findingIn(table, {
          row,
          col: anchor,
          code: 'score.negative',
          message: `“${ind.path[ind.path.length - 1] ?? ''}”得分为负数 ${fmt(ind.score)}`,
          expected: `≥ 0`,
          actual: ind.score,
          rule: '0 ≤ 得分 ≤ 分值',
        }),
      );
    }
  }
  return out;
};

export const tableTotalChecks: TableCheck[] = [totalRows, groupWeights, scoreBounds];
