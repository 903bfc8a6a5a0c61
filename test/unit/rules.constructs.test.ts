import { isScoreAllowed, parseRuleUncached, ParsedRule } from '../../src/core/rules';
import { CONSTRUCT_CASES } from './rules.constructs.data';

/** Our own phrasings of every construct of rule-language.md, with their boundaries. */
describe.each(CONSTRUCT_CASES.map((c) => [`${c.construct}: ${c.text.replace(/\n/g, '⏎')}`, c] as const))('%s', (_name, c) => {
  const rule = parseRuleUncached(c.text, c.points);
  if (c.notRule) {
    test('is not understood, with a reason', () => {
      expect(rule.parsed).toBe(false);
      if (!rule.parsed) expect(rule.reason).toMatch(/[\u4e00-\u9fa5]/);
    });
    return;
  }
  test('is read', () => {
    expect(rule.parsed ? '' : (rule as { reason: string }).reason).toBe('');
  });
  const r = rule as ParsedRule;
  if (c.allowed) test('allows exactly the stated scores', () => expect(rule.parsed && r.allowed).toEqual(c.allowed!.map((v) => [v, v])));
  if (c.intervals) test('allows exactly the stated ranges', () => expect(rule.parsed && r.allowed.map(([a, b]) => [Number(a.toFixed(4)), Number(b.toFixed(4))])).toEqual(c.intervals));
  for (const [v, s] of c.values ?? []) {
    test(`scores ${v} → ${s}`, () => {
      expect(rule.parsed).toBe(true);
      const got = r.score(v);
      expect(got).not.toBeNull();
      expect(got!).toBeCloseTo(s, 6);
      expect(isScoreAllowed(r, got!)).toBe(true);
    });
  }
});

test('there are at least 300 construct checks', () => {
  const checks = CONSTRUCT_CASES.reduce((n, c) => n + 1 + (c.allowed || c.intervals ? 1 : 0) + (c.values?.length ?? 0), 0);
  expect(checks).toBeGreaterThanOrEqual(300);
});
