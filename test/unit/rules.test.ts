import { clearRuleCache, formatAllowed, isScoreAllowed, parseRule, ParsedRule, Rule, ruleCacheSize, ruleToJSON } from '../../src/core/rules';
import { SEED_RULES } from './rules.seed-data';

function parsed(rule: Rule): ParsedRule {
  if (!rule.parsed) throw new Error(`not parsed: ${rule.reason}`);
  return rule;
}

function seed(name: string, table?: number): ParsedRule {
  const r = SEED_RULES.find((x) => x.name.startsWith(name) && (table === undefined || x.table === table));
  if (!r) throw new Error(`no seed rule ${name}`);
  return parsed(parseRule(r.rule, r.weight));
}

describe('every 评分标准 of the seed tables', () => {
  test('there are 66 rules in the four tables', () => {
    expect(SEED_RULES).toHaveLength(66);
    expect(new Set(SEED_RULES.map((r) => r.table))).toEqual(new Set([1, 2, 3, 4]));
  });
  test.each(SEED_RULES.map((r) => [`表${r.table} ${r.name}`, r] as const))('%s', (_name, r) => {
    const rule = parsed(parseRule(r.rule, r.weight));
    expect(rule.kind).toBe(r.kind);
    expect(rule.allowed).toEqual(r.allowed);
    expect(rule.kinds[0]).toBe(rule.kind);
    expect(rule.explanation.length).toBeGreaterThan(4);
    for (const [a, b] of rule.allowed) {
      expect(a).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThanOrEqual(r.weight);
    }
  });
});

describe('expected readings of the seed', () => {
  test('qualitative tiers', () => {
    expect(seed('论证充分性').allowed).toEqual([[0, 0], [1, 2], [3, 3], [4, 4]]);
    expect(formatAllowed(seed('论证充分性').allowed)).toBe('{0, 1–2, 3, 4}');
    for (const n of ['完整性', '合理性', '可衡量性']) expect(seed(n).allowed).toEqual([[0, 0], [1, 1], [2, 2]]);
    const plan = seed('计划安排合理性');
    expect(plan.allowed).toEqual([[0, 0], [0.5, 0.5], [1, 1]]);
    expect(isScoreAllowed(plan, 0.75)).toBe(false);
    expect(isScoreAllowed(plan, 0.5)).toBe(true);
    const high = seed('产业园内高新企业数量占比');
    expect(isScoreAllowed(high, 1.5)).toBe(false);
    expect(seed('工业企业万元增加值能耗降低率').allowed).toEqual([[0, 0], [1, 1], [2, 2]]);
  });

  test('additive parts keep the points as written', () => {
    const sys = seed('制度完整性');
    expect(sys.kind).toBe('additive-parts');
    expect(sys.parts!.map((p) => p.points)).toEqual([1, 0.5, 0.5]);
    expect(sys.maxPoints).toBe(2);
    expect(sys.discretionary).toBe(true);
    expect(sys.allowed).toEqual([[0, 1]]);
    const spend = seed('支出规范性');
    expect(spend.parts!.map((p) => p.points)).toEqual([2, 2, 2]);
    expect(spend.parts![0].label).toBe('预算执行规范性');
    expect(spend.discretionary).toBe(true);
    const proc = seed('程序规范性');
    expect(proc.parts!.map((p) => p.points)).toEqual([2, 2]);
    expect(proc.kinds).toContain('discretionary');
    expect(proc.allowed).toEqual([[0, 4]]);
  });

  test('proportional', () => {
    const pay = seed('资金支出率');
    expect(pay.kind).toBe('proportional');
    expect(pay.score(0.9174)).toBeCloseTo(5.5044, 9);
    expect(pay.score(1.2)).toBe(6);
    const arrive = seed('资金到位率');
    expect(arrive.kind).toBe('proportional');
    expect(arrive.score(1)).toBe(3);
    expect(arrive.score(0.5)).toBe(1.5);
    expect(seed('产业园承接').kind).toBe('proportional');
  });

  test('multi-item threshold-linear', () => {
    const count = seed('工业企业技改完成数量');
    expect(count.kind).toBe('multi-item');
    expect(count.kinds).toContain('threshold-linear');
    expect(count.parts!.map((p) => p.points)).toEqual([1, 1, 1, 1, 1]);
    expect(count.inputs).toBe(5);
    expect(count.score([1, 1, 1, 1, 0])).toBe(4);
    expect(count.score([1, 1, 1, 1, 0.8])).toBeCloseTo(4.5, 9);
    const invest = seed('工业投资完成额度');
    expect(invest.parts!.map((p) => p.points)).toEqual([1, 2, 2]);
    expect(invest.scoreItem!(1, 0.8787)).toBeCloseTo(1.3935, 9);
    expect(invest.scoreItem!(0, 0.59)).toBe(0);
    expect(invest.scoreItem!(2, 1.01)).toBe(2);
    expect(seed('工业技术改造投资完成额度').parts!.map((p) => p.points)).toEqual([1, 1, 1, 2]);
    expect(seed('工业增加值增长率').parts!.map((p) => p.points)).toEqual([1, 1, 1, 1]);
  });

  test('multi-item proportional and binary', () => {
    const big = seed('大型企业培育数量');
    expect(big.kinds).toEqual(['multi-item', 'proportional']);
    expect(big.score([0, 2 / 6])).toBeCloseTo(1 / 3, 9);
    expect(seed('超百亿企业培育数量').allowed).toEqual([[0, 0], [2, 2]]);
    expect(seed('装备制造业产值超10亿').allowed).toEqual([[0, 0], [1, 1], [2, 2], [3, 3]]);
    expect(seed('全市装备制造业规上工业增加值增长率排名').allowed).toEqual([[0, 0], [1, 1], [2, 2], [3, 3]]);
    expect(seed('中小微企业信贷风险补偿').allowed).toEqual([[0, 0], [1, 1], [2, 2]]);
    expect(seed('中小微企业服务卷服务数量').parts).toHaveLength(5);
    expect(seed('民营企业新三板').allowed).toEqual([[0, 0], [2, 2]]);
    const gear = seed('拉动技术服务');
    expect(isScoreAllowed(gear, 1)).toBe(false);
    expect(seed('推动民营及中小企业的增长').allowed).toEqual([0, 2, 4, 6, 8, 10].map((v) => [v, v]));
    expect(seed('清洁生产企业数量占比', 2).kind).toBe('binary');
  });

  test('step deductions, both sides of every step', () => {
    const adv = seed('先进制造业产值占规模以上工业产值比重');
    expect(adv.kind).toBe('step-deduction');
    expect(adv.step).toEqual({ per: 1, unit: '个百分点', deduct: 1 });
    expect(adv.score(0.36)).toBe(4);
    expect(adv.score(0.34)).toBe(4);
    expect(adv.score(0.3351)).toBe(4);
    expect(adv.score(0.33)).toBe(3);
    expect(adv.score(0.3299)).toBe(3);
    expect(adv.score(0.3)).toBe(0);
    const tech = seed('高技术制造业产值占规模以上工业产值比重');
    expect(tech.step!.deduct).toBe(0.5);
    expect(tech.score(0.05)).toBe(3);
    expect(tech.score(0.04)).toBe(2.5);
    expect(tech.score(0.039)).toBe(2.5);
    expect(tech.score(0)).toBe(0.5);
    const late = seed('获扶持企业技改项目按期完成率');
    expect(late.discretionary).toBe(true);
    expect(late.inputLabel).toBe('延期月数');
    expect([0, 2.9, 3, 5.9, 6, 12].map((m) => late.score(m))).toEqual([2, 2, 1, 1, 0, 0]);
    expect(late.allowed).toEqual([[0, 2]]);
    const sales = seed('获扶持的技改企业新增销售收入');
    expect(sales.score(1)).toBe(6);
    expect(sales.score(0.995)).toBe(6);
    expect(sales.score(0.99)).toBe(5);
    expect(sales.score(0.9)).toBe(0);
  });

  test('discretionary readings', () => {
    const energy = seed('工业增加值能耗同比下降率');
    expect(energy.discretionary).toBe(true);
    expect(energy.allowed).toEqual([[0, 2]]);
    expect(energy.kinds).toContain('binary');
    const park = seed('园区规模以上先进制造业');
    expect(park.allowed).toEqual([[0, 3], [4, 4]]);
    expect(isScoreAllowed(park, 3.5)).toBe(false);
  });

  test('satisfaction-linear', () => {
    const sat = seed('企业满意率', 2);
    expect(sat.kind).toBe('satisfaction-linear');
    expect(sat.score(0.896)).toBeCloseTo(1.9733, 4);
    expect(sat.score(0.9)).toBe(2);
    expect(sat.score(0.95)).toBe(2);
    expect(sat.score(0.6)).toBe(0);
    expect(sat.score(0.59)).toBe(0);
    expect(sat.score(0.75)).toBeCloseTo(1, 9);
  });

  test('tiered bands, both sides of every bound', () => {
    const start = seed('获得产业共建扶持资金项目动工率');
    expect(start.kind).toBe('tiered');
    expect(start.allowed).toEqual([[0, 0], [1, 1], [2, 2], [3, 3]]);
    expect([1, 1.1, 0.99, 0.95, 0.9, 0.89, 0.8, 0.71, 0.7, 0.5].map((v) => start.score(v))).toEqual([3, 3, 2, 2, 2, 1, 1, 1, 0, 0]);
  });

  test('proportional with a rank step as alternative', () => {
    for (const [name, step] of [['全市产业园完成规模以上工业增加值', 1], ['信息传输业增加值增长率', 0.5]] as const) {
      const r = seed(name);
      expect(r.kind).toBe('proportional');
      expect(r.kinds).toEqual(['proportional', 'step-deduction']);
      expect(r.step).toBeUndefined();
      expect(r.clauses.find((c) => c.kind === 'step-deduction')!.points).toBe(step);
    }
  });
});

describe('rule families in other wordings', () => {
  test('threshold-linear with any bounds and number forms', () => {
    const a = parsed(parseRule('达到或超过指标值得满分；否则指标得分=（完成率-60%）/(100%-60%)×指标分值；指标值低于60%，不得分', 5));
    expect(a.kind).toBe('threshold-linear');
    expect([1.2, 1, 0.9999, 0.8, 0.6, 0.5999].map((r) => a.score(r))).toEqual([5, 5, expect.closeTo(4.99875, 6), expect.closeTo(2.5, 9), 0, 0]);
    const b = parsed(parseRule('达到或超过指标值得满分；否则指标得分=(完成率-0.5)/(1-0.5)×指标分值', 4));
    expect(b.score(0.75)).toBeCloseTo(2, 9);
    const c = parsed(parseRule('达到得满分；否则得分＝（完成率－７０％）／（１００％－７０％）×３分', 3));
    expect(c.score(0.85)).toBeCloseTo(1.5, 9);
  });

  test('binary wordings', () => {
    for (const t of ['完成得2分，未完成不计分', '达到得2分，没达到0分', '达到得两分，没达到0分']) {
      const r = parsed(parseRule(t, 2));
      expect(r.kind).toBe('binary');
      expect(r.allowed).toEqual([[0, 0], [2, 2]]);
      expect(r.score(1)).toBe(2);
      expect(r.score(0.99)).toBe(0);
    }
    expect(parsed(parseRule('不下降，得1分，否则，得0分', 1)).allowed).toEqual([[0, 0], [1, 1]]);
  });

  test('equal shares', () => {
    const r = parsed(parseRule('要点①②③④各占指标分值的1/4，符合相关要点得相应权重分值，否则扣除相应权重分值', 4));
    expect(r.kind).toBe('equal-shares');
    expect(r.allowed).toEqual([0, 1, 2, 3, 4].map((v) => [v, v]));
    expect(parsed(parseRule('要点①②③各占指标分值的1/3，符合得相应分值', 3)).allowed).toEqual([0, 1, 2, 3].map((v) => [v, v]));
  });

  test('the quantity is named without what it ought to do (应/要/须达到)', () => {
    expect(parsed(parseRule('预算执行率应达到95%，每低1个百分点扣0.5分，扣完为止。', 5)).quantity).toMatchObject({ name: '预算执行率', target: 0.95 });
    expect(parsed(parseRule('开工率要达到90%以上得5分，否则不得分。', 5)).quantity).toMatchObject({ name: '开工率' });
  });

  test('percent step', () => {
    // No figure for full points is stated: the value is the decrease itself (0.03 = 3 个百分点).
    const r = parsed(parseRule('每降低1%，扣5%权重分值，直至0分', 10));
    expect(r.kind).toBe('percent-step');
    expect(r.step!.deduct).toBeCloseTo(0.5, 9);
    expect(r.quantity).toMatchObject({ kind: 'gap' });
    expect(r.score(0)).toBe(10);
    expect(r.score(0.03)).toBeCloseTo(8.5, 9);
    expect(r.score(0.5)).toBe(0);
  });

  test('tiered bands with 大于等于', () => {
    const r = parsed(parseRule('大于等于80%的得7分；60%-80%的得4分；低于60%的不得分', 7));
    expect(r.kind).toBe('tiered');
    expect([0.9, 0.8, 0.79, 0.6, 0.59].map((v) => r.score(v))).toEqual([7, 7, 4, 4, 0]);
  });

  test('self-evaluation rule of 财预〔2020〕10号', () => {
    const r = parsed(parseRule('达到指标值得满分；未达到按完成值/指标值×分值', 5));
    expect(r.kind).toBe('selfeval');
    expect(r.score(0.8)).toBeCloseTo(4, 9);
    expect(r.score(1.3)).toBe(5);
  });

  test('Chinese numerals and per-occurrence steps', () => {
    const r = parsed(parseRule('符合要求得满分，每发现一处问题扣一分，扣完为止', 3));
    expect(r.kind).toBe('step-deduction');
    expect(r.score(2)).toBe(1);
  });

  test('rank step', () => {
    const r = parsed(parseRule('排名每下降1位，扣0.5分', 3));
    expect(r.inputLabel).toBe('排名下降位数');
    expect([0, 1, 2, 10].map((x) => r.score(x))).toEqual([3, 2.5, 2, 0]);
  });
});

describe('texts that are not rules', () => {
  test.each([['详见附件三'], [''], ['   '], ['项目实施情况良好，群众反映积极。']])('%j', (t) => {
    const r = parseRule(t, 3);
    expect(r.parsed).toBe(false);
    if (!r.parsed) expect(r.reason).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.allowed).toEqual([[0, 3]]);
  });
});

describe('helpers', () => {
  test('cache returns the same object and stays bounded', () => {
    clearRuleCache();
    const a = parseRule('完成得2分，未完成不计分', 2);
    expect(parseRule('完成得2分，未完成不计分', 2)).toBe(a);
    expect(parseRule('完成得2分，未完成不计分', 3)).not.toBe(a);
    for (let i = 0; i < 2500; i++) parseRule(`完成得${i}分，未完成不计分`, 5);
    expect(ruleCacheSize()).toBeLessThanOrEqual(2000);
  });

  test('scores never leave [0, points]', () => {
    const r = parsed(parseRule('评分等于支出率*6分', 4));
    expect(r.score(1)).toBe(4);
    expect(r.maxPoints).toBe(6);
  });

  test('ruleToJSON', () => {
    const j = ruleToJSON(parseRule('达到或超过指标值得满分；否则指标得分=（完成率-60%）/(100%-60%)×指标分值；指标值低于60%，不得分', 2));
    expect(j).toMatchObject({ parsed: true, kind: 'threshold-linear', kinds: ['threshold-linear'], allowed: [[0, 2]], discretionary: false, maxPoints: 2, parts: [] });
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
    expect(ruleToJSON(parseRule('详见附件三', 2))).toMatchObject({ parsed: false, allowed: [[0, 2]] });
  });

  test('"得5分，否则扣2分": the other outcome is 3, not 0', () => {
    const r = parseRule('预算编制科学得5分，否则扣2分。', 5);
    expect(ruleToJSON(r)).toMatchObject({ parsed: true, kind: 'binary', allowed: [[3, 3], [5, 5]] });
    expect(isScoreAllowed(r, 3)).toBe(true);
    expect(isScoreAllowed(r, 0)).toBe(false);
    // "预算编制科学" names no measured value: the rule has allowed scores but no score function.
    expect(r.parsed && r.inputs).toBe(0);
    // a deduction of everything, or no stated deduction, stays all-or-nothing
    expect(parseRule('完成得5分，未完成扣5分。', 5).allowed).toEqual([[0, 0], [5, 5]]);
    expect(parseRule('完成得2分，未完成不计分。', 2).allowed).toEqual([[0, 0], [2, 2]]);
  });

  test('formatAllowed and isScoreAllowed', () => {
    expect(formatAllowed([[0, 2]])).toBe('0–2 之间任意分值');
    expect(formatAllowed([[0, 0], [2, 2]])).toBe('{0, 2}');
    const r = parseRule('完成得2分，未完成不计分', 2);
    expect(isScoreAllowed(r, 2.005)).toBe(true);
    expect(isScoreAllowed(r, 1)).toBe(false);
    expect(isScoreAllowed(r, NaN)).toBe(false);
  });
});
