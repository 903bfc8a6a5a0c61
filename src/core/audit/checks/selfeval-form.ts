/**
 * Self-evaluation forms (issue 12 item 5): an indicator that lost points with its 偏差原因分析及改进措施
 * left empty, and a budget block scored above its points or from spending above the budget.
 */
import { SelfEvalBudgetTable, SelfEvalIndicatorsTable } from '../../layout/types';
import { SheetModel } from '../../sheet/model';
import { Figure, figureAt } from '../cells';
import { TableCheck } from '../context';
import { findingIn } from '../finding';
import { fmt, rounded } from '../format';
import { ABOVE_WEIGHT_SLACK, SCORE_TOLERANCE } from '../tolerance';
import { Finding } from '../types';

/** What people write into a reason cell that says nothing: 无, /, —. */
const NO_REASON = /^(无|\/|—+|-+|\\)?$/;

/** The points of the budget block on a row: its 分值 cell, else the points the block states (得分(20分*执行率)). */
export function budgetPointsAt(sheet: SheetModel, t: SelfEvalBudgetTable, row: number): Figure | undefined {
  const cell = figureAt(sheet, row, t.columns.weight);
  if (cell) return cell;
  return t.blockPoints && figureAt(sheet, row, t.columns.score) ? { value: t.blockPoints.points, tol: 0, percent: false } : undefined;
}

/** A row's target as one text: the comparator, the value and the unit of a split 指标性质 | 指标值 | 度量单位 ("≥" "100" "%" → "≥100%"). */
export function targetTextAt(sheet: SheetModel, t: SelfEvalIndicatorsTable, row: number): string {
  const value = t.columns.target !== undefined ? sheet.text(row, t.columns.target).trim() : '';
  if (value === '' || !t.targetParts) return value;
  const part = (c: number | undefined): string => (c !== undefined ? sheet.text(row, c).trim() : '');
  const unit = part(t.targetParts.unit);
  const comparator = part(t.targetParts.comparator).replace(/═/g, '=');
  return `${/^[<>=≤≥≦≧]/.test(value) ? '' : comparator}${value}${unit !== '' && !value.endsWith(unit) ? unit : ''}`;
}

/** The scored row of a budget block (年度资金总额 with 分值/得分) when its spending exceeds its budget. */
export function overspentScoredRow(sheet: SheetModel, t: SelfEvalBudgetTable): { row: number; budget: number; executed: number } | undefined {
  for (const ind of t.indicators) {
    const budget = figureAt(sheet, ind.row, t.columns.budget);
    const executed = figureAt(sheet, ind.row, t.columns.executed);
    if (budget && executed && budget.value > 0 && executed.value > budget.value + ABOVE_WEIGHT_SLACK) return { row: ind.row, budget: budget.value, executed: executed.value };
  }
  return undefined;
}

const deviationMissing: TableCheck = (ctx, table) => {
  if (table.kind !== 'selfeval-indicators' || table.columns.deviation === undefined || table.columns.score === undefined) return [];
  const sheet = ctx.sheetOf(table);
  const dev = table.columns.deviation;
  const out: Finding[] = [];
  for (const ind of table.indicators) {
    if (ind.weight === undefined || ind.score === undefined || ind.weight - ind.score < SCORE_TOLERANCE) continue;
    if (!NO_REASON.test(sheet.text(ind.row, dev).replace(/\s+/g, ''))) continue;
    const name = ind.path[ind.path.length - 1] ?? '';
    out.push(
      findingIn(table, {
        row: ind.row,
        col: dev,
        code: 'selfeval.deviation-missing',
        params: { name, weight: ind.weight, score: ind.score },
        expected: '扣分原因及改进措施',
        actual: sheet.text(ind.row, dev).trim() || null,
        rule: '未达到指标值的，应说明偏差原因及改进措施（财预〔2020〕10号附1）',
        also: [[ind.row, table.columns.score]],
      }),
    );
  }
  return out;
};

const budgetScore: TableCheck = (ctx, table) => {
  if (table.kind !== 'selfeval-budget') return [];
  const sheet = ctx.sheetOf(table);
  const c = table.columns;
  const out: Finding[] = [];
  for (const ind of table.indicators) {
    const points = budgetPointsAt(sheet, table, ind.row);
    const score = figureAt(sheet, ind.row, c.score);
    if (points && score && c.score !== undefined && score.value > points.value + score.tol) {
      const budget = figureAt(sheet, ind.row, c.budget);
      const executed = figureAt(sheet, ind.row, c.executed);
      const rate = budget && executed && budget.value > 0 ? Math.min(1, executed.value / budget.value) : undefined;
      const stated = c.weight === undefined ? table.blockPoints?.stated : undefined;
      out.push(
        findingIn(table, {
          row: ind.row,
          col: c.score,
          code: 'selfeval.budget-above-weight',
          params: { score: score.value, points: points.value, ...(stated ? { stated } : {}), ...(rate !== undefined ? { rate } : {}) },
          expected: `≤ ${fmt(points.value)}`,
          actual: score.value,
          rule: '预算执行率得分不超过其分值',
          ...(c.weight !== undefined ? { also: [[ind.row, c.weight]] as Array<[number, number]> } : {}),
        }),
      );
    }
  }
  const over = overspentScoredRow(sheet, table);
  if (over) {
    const col = c.rate ?? c.executed!;
    const written = figureAt(sheet, over.row, c.rate);
    out.push(
      findingIn(table, {
        row: over.row,
        col,
        code: 'selfeval.budget-over-100',
        params: { executed: over.executed, budget: over.budget, rate: written?.value ?? over.executed / over.budget },
        expected: '≤ 100%',
        actual: rounded(over.executed / over.budget, 6),
        display: 'percent',
        rule: '全年执行数 ≤ 全年预算数；预算执行率 = 执行数 ÷ 预算数，不超过100%',
        also: [
          [over.row, c.executed!],
          [over.row, c.budget!],
        ],
      }),
    );
  }
  return out;
};

export const selfEvalFormChecks: TableCheck[] = [deviationMissing, budgetScore];
