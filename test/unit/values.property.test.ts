import fc from 'fast-check';
import { isMissingText, parseNumber, parseNumberStrict } from '../../src/core/values/number';
import { completionRate, parseQuantity } from '../../src/core/values/target';

/** Texts as they stand in the number, target and actual cells of the seed reports. */
const CELL_TEXTS = [
  '88.81%', '１.５分', '-7.37%', '1,234.5', '192.35亿元（-23.1%）', '275亿元，增长10%', '≥3个', '≤5%', '前4名', '第8名',
  '1：3', '不低于95%', '85家', '5000万元', '—', '无数据', '/', 'N/A', '0.5‰', '100%', '3.50', '企业主营业务收入5000万以上为50家',
];

const toFullWidth = (s: string): string => s.replace(/[0-9.%]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/** A seed text with random edits: characters inserted, removed or doubled, digits made full-width. */
const mutatedText = fc
  .tuple(fc.constantFrom(...CELL_TEXTS), fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'remove', 'double', 'fullwidth'), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 4 }))
  .map(([text, edits]) =>
    edits.reduce((s, [at, op, piece]) => {
      const i = s.length === 0 ? 0 : at % s.length;
      if (op === 'insert') return s.slice(0, i) + piece + s.slice(i);
      if (op === 'remove') return s.slice(0, i) + s.slice(i + 1);
      if (op === 'double') return s.slice(0, i + 1) + s.slice(i);
      return toFullWidth(s);
    }, text),
  );

const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), mutatedText);

describe('number parser', () => {
  test('never throws; a reading is a finite number', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        for (const read of [parseNumber, parseNumberStrict]) {
          const r = read(s);
          if (r !== null) {
            expect(Number.isFinite(r.value)).toBe(true);
            expect(r.decimals).toBeGreaterThanOrEqual(0);
          }
        }
        expect(typeof isMissingText(s)).toBe('boolean');
      }),
      { numRuns: 10000 },
    );
  });

  test('reads back a number written with d decimals, in half- or full-width digits, with 分 or %', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), fc.constantFrom('', '分', '%'), fc.boolean(), (x, d, suffix, full) => {
        const written = x.toFixed(d);
        const text = (full ? toFullWidth(written) : written) + suffix;
        const r = parseNumberStrict(text);
        expect(r).not.toBeNull();
        const expected = Number(written) / (suffix === '%' ? 100 : 1);
        expect(r!.value).toBeCloseTo(expected, 12);
        expect(r!.decimals).toBe(d);
        expect(r!.percent).toBe(suffix === '%');
      }),
      { numRuns: 5000 },
    );
  });

  test('a strict reading is also the loose reading', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const strict = parseNumberStrict(s);
        if (strict !== null) expect(parseNumber(s)).toEqual(strict);
      }),
      { numRuns: 5000 },
    );
  });

  test('dashes and slashes alone are missing, never a number', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('-', '—', '–', '/', '\\', '、', ' '), { minLength: 1, maxLength: 6 }), (chars) => {
        const s = chars.join('');
        expect(isMissingText(s)).toBe(true);
        expect(parseNumberStrict(s)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
});

describe('target and actual parser', () => {
  test('never throws on any text; a quantity has a finite value', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const q = parseQuantity(s);
        if (q !== null) {
          expect(Number.isFinite(q.main.value)).toBe(true);
          for (const x of q.secondary) expect(Number.isFinite(x.value)).toBe(true);
        }
      }),
      { numRuns: 10000 },
    );
  });

  test('a completion rate is finite or a stated reason, for any pair of texts or numbers', () => {
    const side = fc.oneof(anyText, fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(side, side, (actual, target) => {
        const r = completionRate(actual, target);
        if (r.ok) expect(Number.isFinite(r.rate)).toBe(true);
        else expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 10000 },
    );
  });

  test('higher is better: rate = actual / target, across 亿元 and 万元', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 0, max: 200000 }), (target, actual) => {
        const plain = completionRate(`${actual}个`, `${target}个`);
        expect(plain.ok && plain.rate).toBeCloseTo(actual / target, 9);
        // 1亿元 = 10000万元: the same amounts written in different units give the same rate
        const scaled = completionRate(`${actual}万元`, `${target / 10000}亿元`);
        expect(scaled.ok && scaled.rate).toBeCloseTo(actual / target, 9);
      }),
      { numRuns: 3000 },
    );
  });

  test('lower is better (≤, ranks): rate = target / actual, and 1 when the actual is 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (target, actual) => {
        const r = completionRate(`${actual}%`, `≤${target}%`);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.rate).toBeCloseTo(actual === 0 ? 1 : target / actual, 9);
        const rank = completionRate(`第${actual === 0 ? 1 : actual}名`, `前${target}名`);
        expect(rank.ok && rank.rate).toBeCloseTo(target / (actual === 0 ? 1 : actual), 9);
      }),
      { numRuns: 3000 },
    );
  });
});
