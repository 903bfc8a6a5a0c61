import { DetailedCellError } from 'hyperformula';
import { parseRule } from '../../src/core/rules';
import { linearOf, satisfactionOf } from '../../src/core/rules/sheet-functions';
import { SEED_RULES } from '../unit/rules.seed-data';
import { perfSheet } from './perfPlugin';

const rule = (name: string) => SEED_RULES.find((r) => r.name.startsWith(name))!;
const at = (row: number, col: number) => ({ sheet: 0, row, col });

function value<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error('core failed');
  return r.value;
}

describe('PERF.* in a HyperFormula sheet', () => {
  test('SATISFACTION over a row of counts (seed 表3-14: 32, 21, 6, 0)', () => {
    const hf = perfSheet([[32, 21, 6, 0, '=PERF.SATISFACTION(A1:D1)', '=ROUND(E1*100,2)']]);
    const v = hf.getCellValue(at(0, 4)) as number;
    expect(v).toBeCloseTo(value(satisfactionOf([32, 21, 6, 0])), 9);
    expect(hf.getCellValue(at(0, 5))).toBe(88.81);
    hf.destroy();
  });

  test('SATISFACTION over a column with weights', () => {
    const hf = perfSheet([
      [10, 100],
      [10, 50],
      ['=PERF.SATISFACTION(A1:A2, B1:B2)', null],
    ]);
    expect(hf.getCellValue(at(2, 0))).toBeCloseTo(0.75, 9);
    hf.destroy();
  });

  test('LINEAR and RULESCORE recalculate when an input changes', () => {
    const sat = rule('企业满意率');
    const hf = perfSheet([
      [0.896, 2, sat.rule, '=PERF.RULESCORE(C1, B1, A1)', '=PERF.LINEAR(A1, B1, 0.6, 0.9)', '=PERF.CHECK(C1, B1, D1)'],
    ]);
    const core = parseRule(sat.rule, 2);
    expect(hf.getCellValue(at(0, 3))).toBeCloseTo(core.parsed ? core.score(0.896)! : NaN, 9);
    expect(hf.getCellValue(at(0, 4))).toBeCloseTo(value(linearOf(0.896, 2, 0.6, 0.9)), 9);
    expect(hf.getCellValue(at(0, 5))).toBe('');
    hf.setCellContents(at(0, 0), 0.75);
    expect(hf.getCellValue(at(0, 3))).toBeCloseTo(1, 9);
    expect(hf.getCellValue(at(0, 4))).toBeCloseTo(1, 9);
    hf.destroy();
  });

  test('RULESCORE with a range for a multi-item rule', () => {
    const invest = rule('工业投资完成额度');
    const hf = perfSheet([[invest.rule, 5, 0.78, 0.8787, 0.99, '=PERF.RULESCORE(A1, B1, C1:E1)']]);
    const core = parseRule(invest.rule, 5);
    expect(hf.getCellValue(at(0, 5))).toBeCloseTo(core.parsed ? core.score([0.78, 0.8787, 0.99])! : NaN, 9);
    hf.destroy();
  });

  test('COMPLETION, RATE, GRADE and WEIGHTED', () => {
    const hf = perfSheet([
      ['192.35亿元', '200亿元', '=PERF.COMPLETION(A1, B1)', '=PERF.RATE(2, 11.5)', '=PERF.GRADE(85)', '=PERF.GRADE(65, "五级")'],
      [42.91, 46.5, 49.5, null, null, null],
      [56.86, 35.03, 8.11, '=PERF.WEIGHTED(A2:C2, A3:C3)', '=PERF.COMPLETION(80, 100, "越低越好")', null],
    ]);
    expect(hf.getCellValue(at(0, 2))).toBeCloseTo(192.35 / 200, 9);
    expect(hf.getCellValue(at(0, 3))).toBeCloseTo(2 / 11.5, 9);
    expect(hf.getCellValue(at(0, 4))).toBe('良');
    expect(hf.getCellValue(at(0, 5))).toBe('低');
    expect(hf.getCellValue(at(2, 3))).toBeCloseTo(42.91 * 0.5686 + 46.5 * 0.3503 + 49.5 * 0.0811, 9);
    expect(hf.getCellValue(at(2, 4))).toBeCloseTo(1.25, 9);
    hf.destroy();
  });

  test('CHECK reports in Chinese', () => {
    const plan = rule('计划安排合理性');
    const hf = perfSheet([[plan.rule, 1, 0.75, '=PERF.CHECK(A1, B1, C1)', '=PERF.CHECK("详见附件三", 1, 0.5)']]);
    expect(hf.getCellValue(at(0, 3))).toMatch(/只能得/);
    expect(hf.getCellValue(at(0, 4))).toMatch(/^评分标准未能识别：.*详见附件/);
    hf.setCellContents(at(0, 2), 0.5);
    expect(hf.getCellValue(at(0, 3))).toBe('');
    hf.destroy();
  });

  test('errors: #VALUE! for unreadable input, #N/A for missing input, errors propagate', () => {
    const hf = perfSheet([
      ['很好', '≥3个', '=PERF.COMPLETION(A1, B1)', '=PERF.WEIGHTED(A2:B2, A3:B3)', '=PERF.LINEAR(1/0, 2)', '=C1+1'],
      [10, 20, null, null, null, null],
      [50, 40, null, '=PERF.COMPLETION(C2, B1)', null, null],
    ]);
    const e = hf.getCellValue(at(0, 2)) as DetailedCellError;
    expect(e).toBeInstanceOf(DetailedCellError);
    expect(e.value).toBe('#VALUE!');
    expect(e.message).toMatch(/不含可计算的数值/);
    expect((hf.getCellValue(at(0, 3)) as DetailedCellError).message).toMatch(/占比合计为 90%/);
    expect((hf.getCellValue(at(0, 4)) as DetailedCellError).value).toBe('#DIV/0!');
    expect((hf.getCellValue(at(0, 5)) as DetailedCellError).value).toBe('#VALUE!');
    expect((hf.getCellValue(at(2, 3)) as DetailedCellError).value).toBe('#N/A');
    hf.destroy();
  });
});
