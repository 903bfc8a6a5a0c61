import { CHECK, COMPLETION, GRADE, LINEAR, PerfFunctionError, RATE, RULESCORE, SATISFACTION, WEIGHTED } from '../../src/functions/functions';
import { SEED_RULES } from './rules.seed-data';

const ruleOf = (name: string) => SEED_RULES.find((r) => r.name.startsWith(name))!;

function errorOf(f: () => unknown): PerfFunctionError {
  try {
    f();
  } catch (e) {
    if (e instanceof PerfFunctionError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('PERF.COMPLETION', () => {
  test('numbers and texts', () => {
    expect(COMPLETION(90, 100)).toBeCloseTo(0.9, 12);
    expect(COMPLETION('192.35亿元', '200亿元')).toBeCloseTo(0.96175, 9);
    expect(COMPLETION('5个', '≥3个')).toBeCloseTo(5 / 3, 9);
    expect(COMPLETION('第8名', '前4名')).toBeCloseTo(0.5, 9);
    expect(COMPLETION('100万元', '≤90万元')).toBeCloseTo(0.9, 9);
    expect(COMPLETION(80, 100, '越低越好')).toBeCloseTo(1.25, 9);
    expect(COMPLETION(80, 100, 'higher')).toBeCloseTo(0.8, 9);
    expect(COMPLETION('95.25%', '90%')).toBeCloseTo(0.9525 / 0.9, 9);
  });
  test('errors', () => {
    expect(errorOf(() => COMPLETION('很好', '≥3个')).code).toBe('invalidValue');
    expect(errorOf(() => COMPLETION(null, 3)).code).toBe('notAvailable');
    expect(errorOf(() => COMPLETION(1, 3, 'sideways')).message).toMatch(/方向/);
  });
});

describe('PERF.LINEAR', () => {
  test('defaults 60% and 100%', () => {
    expect(LINEAR(0.8787, 2)).toBeCloseTo(1.3935, 9);
    expect(LINEAR('87.87%', 2)).toBeCloseTo(1.3935, 9);
    expect(LINEAR(1.2, 2)).toBe(2);
    expect(LINEAR(0.59, 2)).toBe(0);
  });
  test('given bounds, as fractions or whole percents', () => {
    expect(LINEAR(0.896, 2, 0.6, 0.9)).toBeCloseTo(1.97333, 4);
    expect(LINEAR(0.896, 2, 60, 90)).toBeCloseTo(1.97333, 4);
    expect(errorOf(() => LINEAR(0.9, 2, 0.9, 0.6)).code).toBe('invalidValue');
  });
});

describe('PERF.SATISFACTION', () => {
  test('counts with the default weights', () => {
    expect(SATISFACTION([[32, 21, 6, 0]])).toBeCloseTo(0.888135593, 8);
    expect(SATISFACTION([[32], [21], [6], [0]])).toBeCloseTo(0.888135593, 8);
    expect(SATISFACTION([[1, 1, 1, 1, 1]])).toBeCloseTo(0.5, 12);
  });
  test('given weights', () => {
    expect(SATISFACTION([[1, 1]], [[100, 50]])).toBeCloseTo(0.75, 12);
    expect(SATISFACTION([[1, 1]], [[1, 0.5]])).toBeCloseTo(0.75, 12);
    expect(errorOf(() => SATISFACTION([[1, 1, 1]])).message).toMatch(/权重/);
    expect(errorOf(() => SATISFACTION([[0, 0, 0, 0]])).code).toBe('invalidValue');
  });
});

describe('PERF.RULESCORE', () => {
  test('single values and ranges', () => {
    const pay = ruleOf('资金支出率');
    expect(RULESCORE(pay.rule, 6, [[0.9174]])).toBeCloseTo(5.5044, 9);
    expect(RULESCORE(pay.rule, 6, [['91.74%']])).toBeCloseTo(5.5044, 9);
    const invest = ruleOf('工业投资完成额度');
    expect(RULESCORE(invest.rule, 5, [[0.78, 0.8787, 0.99]])).toBeCloseTo(1 * 0.45 + 1.3935 + 2 * 0.975, 9);
    expect(errorOf(() => RULESCORE(invest.rule, 5, [[1, 1]])).message).toMatch(/3 项/);
    expect(errorOf(() => RULESCORE('详见附件三', 5, [[1]])).message).toMatch(/未能识别/);
    expect(errorOf(() => RULESCORE(ruleOf('论证充分性').rule, 4, [[1]])).message).toMatch(/没有可按实际值计算/);
  });
});

describe('PERF.CHECK', () => {
  const sat = ruleOf('企业满意率');
  test('consistent', () => {
    expect(CHECK(sat.rule, 2, 1.97, '项目整体满意率为89.6%')).toBe('');
    expect(CHECK(ruleOf('计划安排合理性').rule, 1, 0.5)).toBe('');
  });
  test('problems', () => {
    expect(CHECK(sat.rule, 2, 2.5)).toMatch(/超过分值/);
    expect(CHECK('详见附件三', 2, 1)).toMatch(/^评分标准未能识别：.*详见附件/);
    expect(CHECK(ruleOf('计划安排合理性').rule, 1, 0.75)).toMatch(/只能得 \{0, 0\.5, 1\}/);
    expect(CHECK(ruleOf('先进制造业产值占规模以上工业产值比重').rule, 4, 2, '扣1分')).toMatch(/扣1分/);
    expect(CHECK(sat.rule, 2, 1.5, '项目整体满意率为89.6%')).toMatch(/应得 1\.9733 分/);
    expect(CHECK(ruleOf('拉动技术服务').rule, 2, 1, '酌情扣1分')).toMatch(/只能得/);
  });
});

describe('PERF.GRADE, PERF.RATE, PERF.WEIGHTED', () => {
  test('grades', () => {
    expect([95, 90, 89.999, 89.99, 80, 79, 70, 60, 59.9].map((t) => GRADE(t))).toEqual(['优', '优', '优', '良', '良', '中', '中', '中', '差']);
    expect([95, 85, 75, 65, 50].map((t) => GRADE(t, '五级'))).toEqual(['优', '良', '中', '低', '差']);
    expect(GRADE(65, 'five')).toBe('低');
    expect(errorOf(() => GRADE(65, '七级')).code).toBe('invalidValue');
  });
  test('rate', () => {
    expect(RATE(2, 11.5)).toBeCloseTo(0.1739, 4);
    expect(errorOf(() => RATE(2, 0)).code).toBe('invalidValue');
  });
  test('weighted', () => {
    expect(WEIGHTED([[42.91, 46.5, 49.5]], [[56.86, 35.03, 8.11]])).toBeCloseTo(42.91 * 0.5686 + 46.5 * 0.3503 + 49.5 * 0.0811, 9);
    expect(WEIGHTED([[42.91, 46.5, 49.5]], [[0.5686, 0.3503, 0.0811]])).toBeCloseTo(44.702, 3);
    expect(WEIGHTED([[10, 20]], [['50%', '50%']])).toBe(15);
    expect(errorOf(() => WEIGHTED([[10, 20]], [[50, 40]])).message).toMatch(/占比合计为 90%/);
  });
});
