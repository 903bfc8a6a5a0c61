import fc from 'fast-check';
import { isScoreAllowed, parseRuleUncached, ParsedRule } from '../../src/core/rules';
import { normalizeRule } from '../../src/core/rules/normalize';
import { parseTree } from '../../src/core/rules/parser';
import { CONSTRUCT_CASES } from './rules.constructs.data';
import { loadCases } from './rules.judge';
import { SEED_RULES } from './rules.seed-data';

/**
 * Properties of the rule language over every real and constructed text we hold: they can fail,
 * and a failure names the text.
 */
const TEXTS: Array<{ text: string; points: number }> = [
  ...SEED_RULES.map((r) => ({ text: r.rule, points: r.weight })),
  ...loadCases('corpus.json').map((c) => ({ text: c.text, points: c.points })),
  ...loadCases('collected.json').map((c) => ({ text: c.text, points: c.points })),
  ...CONSTRUCT_CASES.filter((c) => !c.notRule).map((c) => ({ text: c.text, points: c.points })),
].filter((x, i, all) => all.findIndex((y) => y.text === x.text && y.points === x.points) === i);

const READ = TEXTS.map((t) => ({ ...t, rule: parseRuleUncached(t.text, t.points) })).filter((x): x is typeof x & { rule: ParsedRule } => x.rule.parsed);
const SCORED = READ.filter((x) => x.rule.inputs === 1 && x.rule.quantity);

test('the texts cover the families', () => {
  expect(READ.length).toBeGreaterThan(250);
  expect(SCORED.length).toBeGreaterThan(100);
});

/** Values around every figure the text names, and a spread of others. */
function probes(rule: ParsedRule): number[] {
  const figures = [...rule.text.matchAll(/(\d+(?:\.\d+)?)\s*(%|个百分点)?/g)].map((m) => (m[2] ? Number(m[1]) / 100 : Number(m[1])));
  const out = new Set<number>([0, 0.25, 0.5, 0.75, 1, 1.5, 2, 5, 10, 30]);
  for (const f of figures) for (const d of [-0.011, -0.001, 0, 0.001, 0.011, -1, 1]) if (f + d >= 0) out.add(Number((f + d).toFixed(6)));
  return [...out].sort((a, b) => a - b);
}

describe('score functions', () => {
  test('never fall as a higher-is-better value rises, never rise as a lower-is-better value rises (shortfalls, counts, places)', () => {
    for (const { rule } of SCORED.filter((x) => !x.rule.quantity!.twoSided)) {
      const q = rule.quantity!;
      const better = q.direction === 'higher' ? 1 : -1;
      let last: { x: number; s: number } | undefined;
      for (const x of probes(rule)) {
        const s = rule.score(x);
        if (s === null) continue;
        if (last) {
          const rising = better * (s - last.s) >= -1e-9;
          if (!rising) throw new Error(`${rule.text}\n  ${q.name}: ${last.x} → ${last.s}, ${x} → ${s}`);
        }
        last = { x, s };
      }
    }
  });

  test('every score a piece gives lies in the allowed set', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCORED), fc.double({ min: -0.5, max: 40, noNaN: true }), ({ rule }, x) => {
        const s = rule.score(x);
        if (s === null) return;
        if (!isScoreAllowed(rule, s, 1e-6)) throw new Error(`${rule.text}: score(${x}) = ${s} not in ${JSON.stringify(rule.allowed)}`);
      }),
      { numRuns: 5000 },
    );
    for (const { rule } of SCORED) {
      for (const x of probes(rule)) {
        const s = rule.score(x);
        if (s !== null && !isScoreAllowed(rule, s, 1e-6)) throw new Error(`${rule.text}: score(${x}) = ${s} not in ${JSON.stringify(rule.allowed)}`);
      }
    }
  });
});

/** Clauses in scoring words the language does not know (no construct of rule-language.md). */
const UNKNOWN_CLAUSES = [
  '另按综合系数折算后得分',
  '按加权系数0.8折算分值',
  '得分须经复核后乘以调节系数',
  '按得分排序后取前三计入',
  '分值按季度平均后再计',
  '每季度考核结果按权重折算计分',
  '以上得分按区间系数调整',
  '按考核等级系数折合得分',
];

describe('whole-text accountability', () => {
  test('a clause the reader does not know makes the rule not understood, never a different rule', () => {
    fc.assert(
      fc.property(fc.constantFrom(...READ), fc.constantFrom(...UNKNOWN_CLAUSES), fc.constantFrom('；', '。', '，'), ({ text, points }, extra, sep) => {
        const r = parseRuleUncached(`${text.replace(/[。；;，,\s]+$/, '')}${sep}${extra}。`, points);
        if (r.parsed) throw new Error(`read as a rule: ${text}${sep}${extra}\n  → ${r.explanation}`);
        expect(r.reason).toMatch(/[\u4e00-\u9fa5]/);
      }),
      { numRuns: 1500 },
    );
  });

  test('re-reading the normalised text gives the same tree', () => {
    const shape = (tree: unknown): string => JSON.stringify(tree, (k, v) => (k === 's' || k === 'e' ? undefined : v));
    for (const { text } of READ) {
      const n = normalizeRule(text);
      const again = normalizeRule(n.text);
      expect(again.text).toBe(n.text);
      // Line starts are layout the normalised text no longer has; items follow separators there too.
      const a = parseTree(n).tree;
      const b = parseTree(again).tree;
      if (n.lineStarts.size <= 1) expect(shape(b)).toBe(shape(a));
    }
  });
});
