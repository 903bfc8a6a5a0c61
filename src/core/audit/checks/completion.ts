import { DetectedTable } from '../../layout/types';
import { SheetModel } from '../../sheet/model';
import { readNumber, toleranceFor } from '../../values/cell';
import { isMissingText } from '../../values/number';
import { completionRate, parseQuantity } from '../../values/target';
import { TableCheck } from '../context';
import { findingIn } from '../finding';
import { fmtPct, rounded } from '../format';
import { close, FLOAT_NOISE, RATE_TOLERANCE } from '../tolerance';
import { Finding } from '../types';

const HIGH_RATE = 1.5;

function doneWord(text: string): boolean | undefined {
  const s = text.replace(/\s+/g, '');
  if (/^(否|未完成|未达到|未达标|没有完成|未实现|×|x|X)$/.test(s)) return false;
  if (/^(是|完成|已完成|达到|达标|已达到|实现|√)$/.test(s)) return true;
  return undefined;
}

interface Measure {
  row: number;
  label: string;
  targetCol: number;
  actualCol: number;
  rateCol?: number;
  doneCol?: number;
}

function measuresOf(table: DetectedTable): Measure[] {
  const c = table.columns;
  if (table.kind === 'completion' && table.pairs) {
    return table.dataRows.flatMap((row) =>
      table.pairs!.map((p) => ({ row, label: p.name, targetCol: p.targetCol, actualCol: p.actualCol })),
    );
  }
  if (c.target === undefined || c.actual === undefined) return [];
  return table.indicators.map((i) => ({ row: i.row, label: i.path[i.path.length - 1] ?? '', targetCol: c.target!, actualCol: c.actual!, rateCol: c.rate, doneCol: c.done }));
}

/** The completion rate of every measured row, for other checks (scores against completion). */
export function completionRates(sheet: SheetModel, table: DetectedTable): Array<{ row: number; label: string; rate: number | null }> {
  return measuresOf(table).map((m) => {
    const r = completionRate(sheet.text(m.row, m.actualCol), sheet.text(m.row, m.targetCol));
    return { row: m.row, label: m.label, rate: r.ok ? r.rate : null };
  });
}

/** 完成率 against actual/target, 是否完成 against the rate, copied targets, missing data, rates above 150%. */
export const completionChecks: TableCheck = (ctx, table) => {
  if (table.kind !== 'completion') return [];
  const sheet = ctx.sheetOf(table);
  const out: Finding[] = [];
  for (const m of measuresOf(table)) {
    const targetText = sheet.text(m.row, m.targetCol).trim();
    const actualText = sheet.text(m.row, m.actualCol).trim();
    if (targetText === '' && actualText === '') continue;
    if (actualText === '' || isMissingText(actualText)) {
      if (targetText !== '' && parseQuantity(targetText)) {
        out.push(
          findingIn(table, {
            row: m.row,
            col: m.actualCol,
            code: 'completion.no-data',
            params: { label: m.label, row: m.row, target: targetText, actual: actualText },
            expected: '实际完成值',
            actual: actualText || null,
            rule: '完成率 = 实际完成值 / 目标值',
          }),
        );
      }
      continue;
    }
    const result = completionRate(actualText, targetText);
    if (!result.ok) {
      if (/照抄/.test(result.reason) || (actualText === targetText && parseQuantity(targetText))) {
        out.push(
          findingIn(table, {
            row: m.row,
            col: m.actualCol,
            code: 'completion.actual-copies-target',
            params: { label: m.label, row: m.row, actual: actualText },
            expected: '实际数值',
            actual: actualText,
            rule: '实际完成值应为实际数值',
            also: [[m.row, m.targetCol]],
          }),
        );
      }
      continue;
    }
    const rate = result.rate;
    if (m.rateCol !== undefined) {
      const reading = readNumber(sheet, m.row, m.rateCol);
      if (reading.kind === 'number') {
        const tol = Math.max(toleranceFor(reading), RATE_TOLERANCE);
        const actualReading = readNumber(sheet, m.row, m.actualCol);
        if (!close(reading.value, rate, tol)) {
          const repeats = actualReading.kind === 'number' && close(actualReading.value, reading.value, FLOAT_NOISE);
          const where = { label: m.label, row: m.row, explanation: result.explanation, value: reading.value };
          out.push(
            findingIn(table, {
              row: m.row,
              col: m.rateCol,
              ...(repeats ? { code: 'completion.rate-repeats-actual' as const, params: where } : { code: 'completion.rate' as const, params: { ...where, expected: rate } }),
              expected: rounded(rate, 6),
              actual: reading.value,
              display: 'percent',
              rule: result.direction === 'higher' ? '完成率 = 实际完成值 / 目标值' : '完成率 = 目标值 / 实际完成值（越低越好）',
              also: [
                [m.row, m.actualCol],
                [m.row, m.targetCol],
              ],
            }),
          );
        }
      }
    }
    if (m.doneCol !== undefined) {
      const stated = doneWord(sheet.text(m.row, m.doneCol));
      const met = rate >= 1 - FLOAT_NOISE;
      if (stated !== undefined && stated !== met) {
        out.push(
          findingIn(table, {
            row: m.row,
            col: m.doneCol,
            code: 'completion.done-contradiction',
            params: { label: m.label, row: m.row, stated: sheet.text(m.row, m.doneCol).trim(), rate },
            expected: met ? '是' : '否',
            actual: sheet.text(m.row, m.doneCol).trim(),
            rule: '完成率 ≥ 100% 为完成',
          }),
        );
      }
    }
    if (rate > HIGH_RATE) {
      out.push(
        findingIn(table, {
          row: m.row,
          col: m.rateCol ?? m.actualCol,
          code: 'completion.rate-over-150',
          params: { label: m.label, row: m.row, rate },
          expected: `≤ ${fmtPct(HIGH_RATE, 0)}`,
          actual: rounded(rate, 6),
          display: 'percent',
          rule: '完成率超过 150% 提示目标设置偏低',
        }),
      );
    }
  }
  return out;
};
