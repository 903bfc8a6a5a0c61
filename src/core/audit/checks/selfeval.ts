import { DetectedTable } from '../../layout/types';
import { SheetModel } from '../../sheet/model';
import { completionRate } from '../../values/target';
import { figureAt } from '../cells';
import { TableCheck } from '../context';
import { close, findingIn, fmt, fmtPct } from '../finding';
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
      if (!close(actual, sum, total?.tol ?? 0.01)) {
        out.push(
          findingIn(table, {
            row: totalRow,
            col,
            code: 'selfeval.budget-total',
            message: `年度资金总额“${sheet.text(table.headerRow, col).trim()}”应为当年财政拨款、上年结转和其他资金之和 ${fmt(sum)}，表中为 ${total ? fmt(actual) : '空'}`,
            expected: Number(sum.toFixed(4)),
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
    if (!overspendIsError && budget.value > 0 && executed.value > budget.value + 0.005) {
      out.push(
        findingIn(table, {
          row,
          col: c.executed,
          code: 'selfeval.over-budget',
          message: `全年执行数 ${fmt(executed.value)} 超过全年预算数 ${fmt(budget.value)}（执行率 ${fmtPct(executed.value / budget.value)}）`,
          expected: `≤ ${fmt(budget.value)}`,
          actual: executed.value,
          rule: '全年执行数 ≤ 全年预算数',
          also: [[row, c.budget]],
        }),
      );
    }
    const rate = figureAt(sheet, row, c.rate);
    const expectedRate = budget.value > 0 ? executed.value / budget.value : undefined;
    if (rate && expectedRate !== undefined && c.rate !== undefined && !close(rate.value, expectedRate, Math.max(rate.tol, 0.0001))) {
      out.push(
        findingIn(table, {
          row,
          col: c.rate,
          code: 'selfeval.execution-rate',
          message: `执行率应为 全年执行数 ${fmt(executed.value)} ÷ 全年预算数 ${fmt(budget.value)} = ${fmtPct(expectedRate)}，表中为 ${fmtPct(rate.value)}`,
          expected: Number(expectedRate.toFixed(6)),
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
      if (!close(score.value, expected, Math.max(0.01, score.tol))) {
        out.push(
          findingIn(table, {
            row,
            col: c.score,
            code: 'selfeval.budget-score',
            message: `预算执行得分应为 分值 ${fmt(weight.value)} × 执行率 ${fmtPct(Math.min(1, expectedRate))} = ${fmt(expected)}，表中为 ${fmt(score.value)}`,
            expected: Number(expected.toFixed(4)),
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
            message: `“${name}”实际完成值“${actual}”照抄了指标值的写法，无法判断是否达标`,
            expected: '实际数值',
            actual,
            rule: '实际完成值应为实际数值',
            also: [[ind.row, c.target]],
          }),
        );
      }
      continue;
    }
    const expected = r.rate >= 1 - 1e-9 ? ind.weight : ind.weight * Math.max(0, r.rate);
    if (!close(ind.score, expected)) {
      out.push(
        findingIn(table, {
          row: ind.row,
          col: c.score,
          code: 'selfeval.indicator-score',
          message: `“${name}”${r.rate >= 1 ? '已达到指标值，应得满分' : `完成率 ${fmtPct(r.rate)}，应得 分值 × 完成值/指标值 =`} ${fmt(expected)} 分，表中为 ${fmt(ind.score)}`,
          expected: Number(expected.toFixed(4)),
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
