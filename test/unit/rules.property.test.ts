import fc from 'fast-check';
import { parseRule, parseRuleUncached, ParsedRule } from '../../src/core/rules';
import { SEED_RULES } from './rules.seed-data';

const RATE_KINDS = new Set(['threshold-linear', 'satisfaction-linear', 'proportional', 'tiered', 'selfeval']);

describe('score functions', () => {
  const rateRules = SEED_RULES.map((r) => ({ r, rule: parseRule(r.rule, r.weight) })).filter(
    (x): x is { r: (typeof SEED_RULES)[number]; rule: ParsedRule } => x.rule.parsed && x.rule.inputs === 1 && RATE_KINDS.has(x.rule.kind),
  );

  test('there are rate rules to test', () => expect(rateRules.length).toBeGreaterThan(15));

  test('scores stay in [0, points] and never fall as the rate rises', () => {
    fc.assert(
      fc.property(fc.constantFrom(...rateRules), fc.double({ min: -1, max: 3, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), ({ r, rule }, a, d) => {
        const lo = rule.score(a);
        const hi = rule.score(a + d);
        if (lo === null || hi === null) return;
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(r.weight + 1e-9);
        expect(hi).toBeGreaterThanOrEqual(lo - 1e-9);
      }),
      { numRuns: 3000 },
    );
  });

  test('every rule with a score function stays in [0, points] for any input', () => {
    const all = SEED_RULES.map((r) => ({ r, rule: parseRule(r.rule, r.weight) })).filter((x) => x.rule.parsed && x.rule.inputs > 0);
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 6 }), ({ r, rule }, values) => {
        if (!rule.parsed) return;
        const s = rule.score(values.length === 1 ? values[0] : values);
        if (s === null) return;
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(r.weight + 1e-9);
      }),
      { numRuns: 2000 },
    );
  });
});

const FULL_WIDTH: Record<string, string> = { '0': '０', '1': '１', '2': '２', '3': '３', '5': '５', '6': '６', '9': '９', '%': '％', '(': '（', ')': '）' };
const NOISE = ['，', '。', '；', '、', '\n', '（', '）', '%', '-', '/', '×', '*', '分', '得', '扣', '每', '各', '①', '1.', '2、', '?', ' ', '\t', '≥', '≤'];

/** One random edit of a rule text: delete, duplicate, insert noise or punctuation, full-width a digit. */
const mutation = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.nat(), fc.nat({ max: 6 }), fc.constantFrom(...NOISE));

function mutate(text: string, edits: Array<[number, number, number, string]>): string {
  let s = text;
  for (const [op, at, len, noise] of edits) {
    const i = s.length === 0 ? 0 : at % (s.length + 1);
    if (op === 0) s = s.slice(0, i) + s.slice(i + len + 1);
    else if (op === 1) s = s.slice(0, i) + s.slice(i, i + len + 1) + s.slice(i);
    else if (op === 2) s = s.slice(0, i) + noise + s.slice(i);
    else if (op === 3) s = s.slice(0, i) + (FULL_WIDTH[s[i]] ?? s[i] ?? '') + s.slice(i + 1);
    else s = s.slice(0, i) + '\n' + s.slice(i);
  }
  return s;
}

function checkAllowed(text: string, points: number): void {
  const rule = parseRuleUncached(text, points);
  expect(rule.allowed.length).toBeGreaterThan(0);
  let last = -Infinity;
  for (const [a, b] of rule.allowed) {
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeLessThanOrEqual(points + 1e-9);
    expect(a).toBeLessThanOrEqual(b);
    expect(a).toBeGreaterThan(last);
    last = b;
  }
  if (rule.parsed) {
    const s = rule.score(0.77);
    if (s !== null) expect(s >= 0 && s <= points + 1e-9).toBe(true);
  }
}

describe('random and mutated rule texts', () => {
  test('10,000 texts never throw and allowed ⊆ [0, points]', () => {
    const seedTexts = SEED_RULES.map((r) => r.rule);
    const mutated = fc.tuple(fc.constantFrom(...seedTexts), fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.constantFrom(1, 2, 3, 4, 5, 6, 10)).map(([t, edits, w]) => [mutate(t, edits), w] as const);
    const random = fc.tuple(fc.string({ unit: fc.constantFrom(...NOISE, '达到', '完成率', '60%', '100%', '0.5', '满意率', '酌情扣分', '个百分点', '两', '1/4', '要点') , maxLength: 40 }), fc.constantFrom(1, 2, 3, 5)).map(([t, w]) => [t, w] as const);
    const any = fc.string({ maxLength: 60 }).map((t) => [t, 2] as const);
    fc.assert(
      fc.property(fc.oneof({ arbitrary: mutated, weight: 6 }, { arbitrary: random, weight: 3 }, { arbitrary: any, weight: 1 }), ([text, w]) => checkAllowed(text, w)),
      { numRuns: 10000 },
    );
  });
});
