import { DetectedTable } from '../../layout/types';
import { SheetModel } from '../../sheet/model';
import { completionRate } from '../../values/target';
import { figureAt } from '../cells';
import { TableCheck } from '../context';
import { findingIn } from '../finding';
import { fmt, rounded } from '../format';
import { ABOVE_WEIGHT_SLACK, close, FLOAT_NOISE, RATE_TOLERANCE, SCORE_TOLERANCE } from '../tolerance';
import { Finding } from '../types';
import { budgetPointsAt, overspentScoredRow, targetTextAt } from './selfeval-form';

function labelOf(sheet: SheetModel, t: DetectedTable, row: number): string {
  return t.columns.name !== undefined ? sheet.norm(row, t.columns.name) : '';
}

/** Budget block of the 项目支出绩效自评表: 年度资金总额 vs its parts, 执行率, overspending, the 10-point score. */
const budgetBlock: TableCheck = (ctx, table) => {
  if (table.kind !== 'selfeval-budget') return [];
  const sheet = ctx.sheetOf(table);
  const c = table.columns;
  const out: Finding[] = [];
  const rows = table.dataRows;
  const totalRow = rows.find((r) => /年度资金总额|资金总额|合计/.test(labelOf(sheet, table, r)));
  const parts = rows.filter((r) => r !== totalRow && /财政拨款|结转|其他资金|其他/.test(labelOf(sheet, table, r)));
  if (totalRow !== undefined && parts.length > 0) {
    for (const col of [c.initialBudget, c.budget, c.executed]) {
      if (col === undefined) continue;
      const values = parts.map((r) => figureAt(sheet, r, col)?.value).filter((v): v is number => v !== undefined);
      if (values.length === 0) continue;
      const sum = values.reduce((a, b) => a + b, 0);
      const total = figureAt(sheet, totalRow, col);
      const actual = total?.value ?? 0;
      if (!close(actual, sum, total?.tol ?? SCORE_TOLERANCE)) {
        out.push(
          findingIn(table, {
            row: totalRow,
            col,
            code: 'selfeval.budget-total',
            params: { column: sheet.text(table.headerRow, col).trim(), sum, value: total ? actual : null },
            expected: rounded(sum),
            actual: total ? actual : null,
            rule: '年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金',
            also: parts.map((r) => [r, col] as [number, number]),
          }),
        );
      }
    }
  }
  // Spending above the budget of a scored block is an error (selfeval-form.ts); its parts are the same money.
  const overspendIsError = overspentScoredRow(sheet, table) !== undefined;
  for (const row of rows) {
    const budget = figureAt(sheet, row, c.budget);
    const executed = figureAt(sheet, row, c.executed);
    if (!budget || !executed || c.budget === undefined || c.executed === undefined) continue;
    if (!overspendIsError && budget.value > 0 && executed.value > budget.value + ABOVE_WEIGHT_SLACK) {
      out.push(
        findingIn(table, {
          row,
          col: c.executed,
          code: 'selfeval.over-budget',
          params: { executed: executed.value, budget: budget.value },
          expected: `≤ ${fmt(budget.value)}`,
          actual: executed.value,
          rule: '全年执行数 ≤ 全年预算数',
          also: [[row, c.budget]],
        }),
      );
    }
    const rate = figureAt(sheet, row, c.rate);
    const expectedRate = budget.value > 0 ? executed.value / budget.value : undefined;
    if (rate && expectedRate !== undefined && c.rate !== undefined && !close(rate.value, expectedRate, Math.max(rate.tol, RATE_TOLERANCE))) {
      out.push(
        findingIn(table, {
          row,
          col: c.rate,
          code: 'selfeval.execution-rate',
          params: { executed: executed.value, budget: budget.value, expected: expectedRate, value: rate.value },
          expected: rounded(expectedRate, 6),
          actual: rate.value,
          display: 'percent',
          rule: '执行率 = 全年执行数 / 全年预算数',
          also: [
            [row, c.executed],
            [row, c.budget],
          ],
        }),
      );
    }
    const weight = budgetPointsAt(sheet, table, row);
    const score = figureAt(sheet, row, c.score);
    // A score above the block's points is one error (selfeval.budget-above-weight, which gives the score by the rate too).
    if (weight && score && expectedRate !== undefined && c.score !== undefined && score.value <= weight.value + score.tol) {
      const expected = weight.value * Math.min(1, expectedRate);
      if (!close(score.value, expected, Math.max(SCORE_TOLERANCE, score.tol))) {
        out.push(
          findingIn(table, {
            row,
            col: c.score,
            code: 'selfeval.budget-score',
            params: { weight: weight.value, rate: Math.min(1, expectedRate), expected, value: score.value },
            expected: rounded(expected),
            actual: score.value,
            rule: c.weight === undefined && table.blockPoints ? table.blockPoints.stated : `得分 = ${fmt(weight.value)}分 × 执行率`,
          }),
        );
      }
    }
  }
  return out;
};

/** Indicator block: 财预〔2020〕10号 第十六条 — target met → full points, else 分值 × 完成值/指标值. */
const indicatorBlock: TableCheck = (ctx, table) => {
  if (table.kind !== 'selfeval-indicators') return [];
  const sheet = ctx.sheetOf(table);
  const c = table.columns;
  if (c.target === undefined || c.actual === undefined || c.score === undefined) return [];
  const out: Finding[] = [];
  for (const ind of table.indicators) {
    if (ind.weight === undefined || ind.score === undefined) continue;
    const target = targetTextAt(sheet, table, ind.row);
    const actual = sheet.text(ind.row, c.actual).trim();
    if (!target || !actual) continue;
    const r = completionRate(actual, target);
    const name = ind.path[ind.path.length - 1] ?? '';
    if (!r.ok) {
      if (/照抄/.test(r.reason)) {
        out.push(
          findingIn(table, {
            row: ind.row,
            col: c.actual,
            code: 'selfeval.actual-copies-target',
            params: { name, actual },
            expected: '实际数值',
            actual,
            rule: '实际完成值应为实际数值',
            also: [[ind.row, c.target]],
          }),
        );
      }
      continue;
    }
    const expected = r.rate >= 1 - FLOAT_NOISE ? ind.weight : ind.weight * Math.max(0, r.rate);
    if (!close(ind.score, expected)) {
      out.push(
        findingIn(table, {
          row: ind.row,
          col: c.score,
          code: 'selfeval.indicator-score',
          params: { name, rate: r.rate, expected, score: ind.score },
          expected: rounded(expected),
          actual: ind.score,
          rule: '财预〔2020〕10号第十六条：达到指标值得满分，未达到按 完成值/指标值 × 分值 计分',
          also: [
            [ind.row, c.actual],
            [ind.row, c.target],
          ],
        }),
      );
    }
  }
  return out;
};

export const selfEvalChecks: TableCheck[] = [budgetBlock, indicatorBlock];
