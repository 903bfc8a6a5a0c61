/**
 * The PERF functions in WPS: the Excel wrappers registered with wps.AddCustomFunction under the
 * same namespace and ASCII names; what WPS passes (an omitted argument as DISP_E_PARAMNOTFOUND, a
 * Range object for an "object" parameter) reaches them as Excel's would; functions.json and
 * manifest.xml come from the same function table.
 */
import { perfFormula } from '../../../src/functions/formula';
import { PERF_IMPLEMENTATIONS, PerfFunctionError } from '../../../src/functions/functions';
import { PERF_FUNCTIONS, PERF_IDS, PERF_NAMESPACE } from '../../../src/functions/metadata';
import { FUNCTIONS_JSON_URI, wpsFunctionsJson, wpsManifestXml } from '../../../src/wps/functions-json';
import { customFunctionsSupported, registerPerfFunctions, WPS_MISSING_ARGUMENT, wpsFunction } from '../../../src/wps/functions';
import { fakeWps } from './fake-wps';

const RULE = '完成得2分，未完成不计分。';

test('every PERF function is registered under PERF.<ID>, as the formulas the add-in writes name them', () => {
  const { wps } = fakeWps(null);
  expect(registerPerfFunctions(wps)).toBe(true);
  expect([...wps.functions.keys()].sort()).toEqual(PERF_IDS.map((id) => `${PERF_NAMESPACE}.${id}`).sort());
  for (const f of PERF_FUNCTIONS) {
    const name = /^=([A-Z]+\.[A-Z]+)\(/.exec(perfFormula(f.id, f.example))![1];
    expect(wps.functions.has(name)).toBe(true);
  }
});

test('an older WPS without AddCustomFunction registers nothing and says so', () => {
  const { wps } = fakeWps(null);
  delete wps.AddCustomFunction;
  expect(registerPerfFunctions(wps)).toBe(false);
  expect(customFunctionsSupported(wps)).toBe(false);
  expect(wps.functions.size).toBe(0);
});

test('called as WPS calls them, the functions give what the Excel wrappers give', () => {
  expect(wpsFunction('CHECK')(RULE, 2, 1, '')).toBe(PERF_IMPLEMENTATIONS.CHECK(RULE, 2, 1, ''));
  expect(wpsFunction('CHECK')(RULE, 2, 1, '')).toContain('只能得');
  const linear = '完成率达到100%得10分；完成率低于60%不得分；其间按比例计分。';
  expect(wpsFunction('RULESCORE')(linear, 10, [[0.8]])).toBe(PERF_IMPLEMENTATIONS.RULESCORE(linear, 10, [[0.8]]));
  expect(wpsFunction('LINEAR')(0.8, 10)).toBeCloseTo(5, 10);
  expect(wpsFunction('GRADE')(85)).toBe('良');
});

test('an omitted optional argument (DISP_E_PARAMNOTFOUND) counts as omitted, a Range object as its value', () => {
  expect(wpsFunction('LINEAR')(0.8, 10, WPS_MISSING_ARGUMENT, WPS_MISSING_ARGUMENT)).toBe(PERF_IMPLEMENTATIONS.LINEAR(0.8, 10));
  expect(wpsFunction('GRADE')(85, WPS_MISSING_ARGUMENT)).toBe('良');
  expect(wpsFunction('CHECK')({ Value2: RULE }, { Value2: 2 }, { Value2: 2 }, WPS_MISSING_ARGUMENT)).toBe('');
  expect(wpsFunction('SATISFACTION')({ Value2: [[10, 5, 3, 2]] })).toBe(PERF_IMPLEMENTATIONS.SATISFACTION([[10, 5, 3, 2]]));
});

test('a failure is the wrappers’ error, with its Chinese message', () => {
  expect(() => wpsFunction('RATE')(1, 0)).toThrow(PerfFunctionError);
});

test('functions.json: every function of the table, ASCII names, "any" / "any[][]" types, "?" for optional parameters', () => {
  const json = wpsFunctionsJson();
  expect(json.functions.map((f) => f.name)).toEqual([...PERF_IDS]);
  for (const [i, f] of json.functions.entries()) {
    const source = PERF_FUNCTIONS[i];
    expect(f.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    expect(f.description).toBe(source.description.zh);
    expect(f.result.type).toBe(source.result.type);
    expect(f.parameters.map((p) => p.type)).toEqual(source.parameters.map((p) => `${p.range ? 'any[][]' : 'any'}${p.optional ? '?' : ''}`));
    // Optional parameters come last, as WPS's tool expects of JavaScript functions.
    const optional = f.parameters.map((p) => p.type.endsWith('?'));
    expect(optional).toEqual([...optional].sort((a, b) => Number(a) - Number(b)));
  }
});

test('manifest.xml names functions.json and the namespace', () => {
  const xml = wpsManifestXml('score-audit', '评分审核 & <说明>');
  expect(xml).toContain(`<Uri>${FUNCTIONS_JSON_URI}</Uri>`);
  expect(xml).toContain(`<Namespace>${PERF_NAMESPACE}</Namespace>`);
  expect(xml).toContain('<Description>评分审核 &amp; &lt;说明&gt;</Description>');
});
