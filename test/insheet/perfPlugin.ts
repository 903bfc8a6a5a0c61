/**
 * The PERF.* functions as a HyperFormula plugin, so sheets with PERF formulas can be computed
 * outside Excel. Every method calls the very wrapper Excel calls (src/functions/functions.ts);
 * only the argument conversion (HyperFormula values → Excel-like values) and the error
 * conversion (PerfFunctionError → CellError) live here.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import * as perf from '../../src/functions/functions';

type ExcelValue = number | string | boolean | null;

/** HyperFormula wraps formatted numbers (percent, currency, dates) in objects with a `val`. */
function toExcel(v: unknown): ExcelValue {
  if (v === null || v === undefined || typeof v === 'symbol') return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof CellError) throw v;
  if (typeof v === 'object' && 'val' in (v as object) && typeof (v as { val: unknown }).val === 'number') return (v as { val: number }).val;
  return null;
}

function toMatrix(v: unknown): ExcelValue[][] {
  if (v instanceof SimpleRangeValue) return v.rawData().map((row) => row.map(toExcel));
  return [[toExcel(v)]];
}

function call(f: () => number | string): number | string | CellError {
  try {
    return f();
  } catch (e) {
    if (e instanceof CellError) return e;
    if (e instanceof perf.PerfFunctionError) return new CellError(e.code === 'notAvailable' ? ErrorType.NA : ErrorType.VALUE, e.message);
    return new CellError(ErrorType.VALUE, e instanceof Error ? e.message : String(e));
  }
}

const scalar = { argumentType: FunctionArgumentType.SCALAR };
const optional = { argumentType: FunctionArgumentType.SCALAR, optionalArg: true };
const range = { argumentType: FunctionArgumentType.RANGE };
const optionalRange = { argumentType: FunctionArgumentType.RANGE, optionalArg: true };
/** A value that may be one cell or a range (RULESCORE's measured values). */
const anyValue = { argumentType: FunctionArgumentType.ANY };

export class PerfPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    'PERF.COMPLETION': { method: 'completion', parameters: [scalar, scalar, optional] },
    'PERF.LINEAR': { method: 'linear', parameters: [scalar, scalar, optional, optional] },
    'PERF.SATISFACTION': { method: 'satisfaction', parameters: [range, optionalRange] },
    'PERF.RULESCORE': { method: 'ruleScore', parameters: [scalar, scalar, anyValue] },
    'PERF.CHECK': { method: 'check', parameters: [scalar, scalar, scalar, optional] },
    'PERF.GRADE': { method: 'grade', parameters: [scalar, optional] },
    'PERF.RATE': { method: 'rate', parameters: [scalar, scalar] },
    'PERF.WEIGHTED': { method: 'weighted', parameters: [range, range] },
  };

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private runPerf(name: string, args: any, state: any, body: (...xs: unknown[]) => number | string) {
    return this.runFunction(args.args, state, this.metadata(name), (...xs: unknown[]) => call(() => body(...xs)));
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  completion(ast: any, state: any) {
    return this.runPerf('PERF.COMPLETION', ast, state, (a, t, d) => perf.COMPLETION(toExcel(a), toExcel(t), toExcel(d)));
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  linear(ast: any, state: any) {
    return this.runPerf('PERF.LINEAR', ast, state, (r, p, lo, hi) => perf.LINEAR(toExcel(r), toExcel(p), toExcel(lo), toExcel(hi)));
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  satisfaction(ast: any, state: any) {
    return this.runPerf('PERF.SATISFACTION', ast, state, (a, w) => perf.SATISFACTION(toMatrix(a), w === undefined ? undefined : toMatrix(w)));
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ruleScore(ast: any, state: any) {
    return this.runPerf('PERF.RULESCORE', ast, state, (t, p, v) => perf.RULESCORE(toExcel(t), toExcel(p), toMatrix(v)));
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  check(ast: any, state: any) {
    return this.runPerf('PERF.CHECK', ast, state, (t, p, s, r) => perf.CHECK(toExcel(t), toExcel(p), toExcel(s), toExcel(r)));
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  grade(ast: any, state: any) {
    return this.runPerf('PERF.GRADE', ast, state, (t, s) => perf.GRADE(toExcel(t), toExcel(s)));
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  rate(ast: any, state: any) {
    return this.runPerf('PERF.RATE', ast, state, (s, p) => perf.RATE(toExcel(s), toExcel(p)));
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  weighted(ast: any, state: any) {
    return this.runPerf('PERF.WEIGHTED', ast, state, (s, sh) => perf.WEIGHTED(toMatrix(s), toMatrix(sh)));
  }
}

export const PERF_FUNCTION_IDS = Object.keys(PerfPlugin.implementedFunctions);

/** Function names per language; without them HyperFormula answers #NAME?. */
export const PERF_TRANSLATIONS = { enGB: Object.fromEntries(PERF_FUNCTION_IDS.map((id) => [id, id])) };

let registered = false;

/** Register once per process (HyperFormula's plugin registry is global). */
export function registerPerfPlugin(): void {
  if (registered || HyperFormula.getRegisteredFunctionNames('enGB').includes('PERF.LINEAR')) {
    registered = true;
    return;
  }
  HyperFormula.registerFunctionPlugin(PerfPlugin, PERF_TRANSLATIONS);
  registered = true;
}

/** A HyperFormula instance over `sheet` with the PERF functions. */
export function perfSheet(sheet: (string | number | boolean | null)[][]): HyperFormula {
  registerPerfPlugin();
  return HyperFormula.buildFromArray(sheet, { licenseKey: 'gpl-v3' });
}
