/**
 * The PERF function table (src/functions/metadata.ts): names as Excel users type them, help in
 * both languages, parameters that match the implementations, and the formula builder every
 * written formula goes through.
 */
import { PERF_IMPLEMENTATIONS } from '../../src/functions/functions';
import { perfExample, perfFormula, perfSignature } from '../../src/functions/formula';
import { functionsJson, PERF_FUNCTIONS, PERF_IDS } from '../../src/functions/metadata';

const HAN = /[\u4e00-\u9fa5]/;

/** A1 … XFD1048576 and R1C1-style names are cell references, not function names (naming guide). */
function looksLikeCell(name: string): boolean {
  return /^[A-Z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/.test(name);
}

describe('PERF function table', () => {
  it('names every function by an ASCII upper-case id, typed the same in every language', () => {
    expect(PERF_FUNCTIONS.map((f) => f.id)).toEqual([...PERF_IDS]);
    for (const f of PERF_FUNCTIONS) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
      expect(looksLikeCell(f.id)).toBe(false);
      expect(['RUN', 'ECHO']).not.toContain(f.id);
    }
    for (const lang of ['zh', 'en'] as const) {
      for (const entry of functionsJson(lang).functions) expect(entry.name).toBe(entry.id);
    }
  });

  it.each(PERF_FUNCTIONS.map((f) => [f.id, f] as const))('%s: Chinese and English help, parameters matching the implementation', (_id, f) => {
    expect(f.description.zh).toMatch(HAN);
    expect(f.description.en).toMatch(/^[A-Z]/);
    expect(f.result.description.zh).toMatch(HAN);
    for (const p of f.parameters) {
      expect(p.name.zh).toMatch(HAN);
      expect(p.name.en).toMatch(/^[a-z][A-Za-z]+$/);
      expect(p.description.zh).toMatch(HAN);
      expect(p.description.en).toMatch(/[a-z]{3}/);
    }
    // Required parameters first: an optional one is never followed by a required one.
    const optional = f.parameters.map((p) => !!p.optional);
    expect(optional).toEqual([...optional].sort((a, b) => Number(a) - Number(b)));
    // The implementation Excel calls takes exactly the declared parameters.
    expect(PERF_IMPLEMENTATIONS[f.id].length).toBe(f.parameters.length);
  });

  it('writes the same functions into both metadata files; only the help text differs', () => {
    const zh = functionsJson('zh', 'https://example.org/help.html').functions;
    const en = functionsJson('en', 'https://example.org/help.html').functions;
    const shape = (fs: typeof zh) => fs.map((f) => ({ id: f.id, name: f.name, helpUrl: f.helpUrl, result: f.result, params: f.parameters.map((p) => [p.type, p.dimensionality, !!p.optional]) }));
    expect(shape(en)).toEqual(shape(zh));
    expect(zh.find((f) => f.id === 'RULESCORE')!.helpUrl).toBe('https://example.org/help.html#RULESCORE');
    expect(zh.find((f) => f.id === 'RULESCORE')!.parameters.map((p) => p.name)).toEqual(['评分标准', '分值', '实际值']);
    expect(en.find((f) => f.id === 'RULESCORE')!.parameters.map((p) => p.name)).toEqual(['ruleText', 'points', 'value']);
    // RULESCORE's measured value is required (B2 of the add-in review): it must always be passed.
    expect(zh.find((f) => f.id === 'RULESCORE')!.parameters[2].optional).toBeUndefined();
    // Ranges arrive as matrices.
    const dims = (id: string) => zh.find((x) => x.id === id)!.parameters.map((p) => p.dimensionality);
    expect(dims('SATISFACTION')).toEqual(['matrix', 'matrix']);
    expect(dims('WEIGHTED')).toEqual(['matrix', 'matrix']);
    expect(dims('RULESCORE')).toEqual(['scalar', 'scalar', 'matrix']);
  });
});

describe('perfFormula', () => {
  it('builds a formula by the name Excel knows, dropping omitted trailing optional arguments', () => {
    expect(perfFormula('RULESCORE', ['E5', 'D5', 'H5'])).toBe('=PERF.RULESCORE(E5,D5,H5)');
    expect(perfFormula('CHECK', ['E5', 'D5', 'F5', 'G5'])).toBe('=PERF.CHECK(E5,D5,F5,G5)');
    expect(perfFormula('CHECK', ['E5', 'D5', 'F5', undefined])).toBe('=PERF.CHECK(E5,D5,F5)');
  });

  it('refuses a missing required argument, a gap before a given one, and one too many', () => {
    expect(() => perfFormula('RULESCORE', ['E5', 'D5'])).toThrow(/argument 3 \(value\) is missing/);
    expect(() => perfFormula('RULESCORE', ['E5', 'D5', undefined])).toThrow(/missing/);
    expect(() => perfFormula('LINEAR', ['G5', 'D5', undefined, '1'])).toThrow(/argument 3 \(floor\) is missing/);
    expect(() => perfFormula('RATE', ['C3', 'B3', 'A1'])).toThrow(/at most 2/);
  });

  it('shows signatures with optional parameters in brackets, and examples that are valid formulas', () => {
    expect(perfSignature('CHECK', 'zh')).toBe('PERF.CHECK(评分标准, 分值, 得分, [评分理由])');
    expect(perfSignature('CHECK', 'en')).toBe('PERF.CHECK(ruleText, points, score, [reason])');
    for (const id of PERF_IDS) expect(perfExample(id)).toMatch(new RegExp(`^=PERF\\.${id}\\(`));
  });
});
