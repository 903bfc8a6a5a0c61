/**
 * The PERF.* functions as a HyperFormula plugin, so sheets with PERF formulas can be computed
 * outside Excel. Functions are registered as Excel registers them: by the `name` of a functions.json
 * (the built dist/functions.json in the in-sheet tests), each calling the implementation Excel
 * associates with its `id` (src/functions/functions.ts). A formula that names a function Excel does
 * not know, or leaves out a required argument, fails here as it fails in Excel. Only the argument
 * conversion (HyperFormula values → Excel-like values) and the error conversion
 * (PerfFunctionError → CellError) live here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue, type FunctionPluginDefinition } from 'hyperformula';
import { PerfFunctionError, PERF_IMPLEMENTATIONS } from '../../src/functions/functions';
import { functionsJson, PERF_NAMESPACE, type FunctionsJsonEntry, type PerfId } from '../../src/functions/metadata';

type ExcelValue = number | string | boolean | null;

export const BUILT_METADATA = path.resolve(__dirname, '../../dist/functions.json');

/** dist/functions.json as the build wrote it, or undefined before a build. */
export function builtMetadata(): { functions: FunctionsJsonEntry[] } | undefined {
  return existsSync(BUILT_METADATA) ? JSON.parse(readFileSync(BUILT_METADATA, 'utf8')) : undefined;
}

/** HyperFormula wraps formatted numbers (percent, currency, dates) in objects with a `val`. */
function toExcel(v: unknown): ExcelValue {
  if (v === null || v === undefined || typeof v === 'symbol') return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof CellError) throw v;
  if (typeof v === 'object' && 'val' in (v as object) && typeof (v as { val: unknown }).val === 'number') return (v as { val: number }).val;
  return null;
}

/** Excel hands a matrix parameter a 2-D array, also for a single cell. */
function toMatrix(v: unknown): ExcelValue[][] | undefined {
  if (v === undefined) return undefined;
  if (v instanceof SimpleRangeValue) return v.rawData().map((row) => row.map(toExcel));
  return [[toExcel(v)]];
}

function call(f: () => number | string): number | string | CellError {
  try {
    return f();
  } catch (e) {
    if (e instanceof CellError) return e;
    if (e instanceof PerfFunctionError) return new CellError(e.code === 'notAvailable' ? ErrorType.NA : ErrorType.VALUE, e.message);
    return new CellError(ErrorType.VALUE, e instanceof Error ? e.message : String(e));
  }
}

/** A FunctionPlugin with one method per function of the metadata, registered under PERF.<name>. */
function pluginFor(metadata: { functions: FunctionsJsonEntry[] }): FunctionPluginDefinition {
  class PerfPlugin extends FunctionPlugin {}
  const implemented: Record<string, { method: string; parameters: Array<{ argumentType: FunctionArgumentType; optionalArg?: boolean }> }> = {};
  for (const f of metadata.functions) {
    const impl = PERF_IMPLEMENTATIONS[f.id as PerfId];
    if (!impl) throw new Error(`functions.json names id ${f.id}, which functions.ts does not associate`);
    const fullName = `${PERF_NAMESPACE}.${f.name}`;
    const method = `perf_${f.id}`;
    const matrix = f.parameters.map((p) => p.dimensionality === 'matrix');
    implemented[fullName] = {
      method,
      // ANY: a matrix parameter takes a range or a single cell, as in Excel.
      parameters: f.parameters.map((p) => ({ argumentType: p.dimensionality === 'matrix' ? FunctionArgumentType.ANY : FunctionArgumentType.SCALAR, ...(p.optional ? { optionalArg: true } : {}) })),
    };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (PerfPlugin.prototype as any)[method] = function (this: FunctionPlugin, ast: any, state: any) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (this as any).runFunction(ast.args, state, (this as any).metadata(fullName), (...xs: unknown[]) =>
        call(() => impl(...xs.map((x, i) => (matrix[i] ? toMatrix(x) : toExcel(x))))),
      );
    };
  }
  (PerfPlugin as unknown as { implementedFunctions: typeof implemented }).implementedFunctions = implemented;
  return PerfPlugin as unknown as FunctionPluginDefinition;
}

let registered: string[] | undefined;

/**
 * Register the functions of `metadata` once per process (HyperFormula's plugin registry is global):
 * by default the built dist/functions.json, before a build the function table itself (the bench).
 * Returns the registered names.
 */
export function registerPerfPlugin(metadata = builtMetadata() ?? functionsJson('zh')): string[] {
  if (registered) return registered;
  const plugin = pluginFor(metadata);
  const names = Object.keys((plugin as unknown as { implementedFunctions: object }).implementedFunctions);
  // Function names per language; without them HyperFormula answers #NAME?.
  HyperFormula.registerFunctionPlugin(plugin, { enGB: Object.fromEntries(names.map((n) => [n, n])) });
  registered = names;
  return names;
}

/** A HyperFormula instance over `sheet` with the PERF functions. */
export function perfSheet(sheet: (string | number | boolean | null)[][]): HyperFormula {
  registerPerfPlugin();
  return HyperFormula.buildFromArray(sheet, { licenseKey: 'gpl-v3' });
}
