/**
 * The PERF functions in WPS 表格: the Excel wrappers (src/functions/functions.ts) registered with
 * wps.AddCustomFunction (WPS 12.1.0.20540 and later; synchronous functions only), under the same
 * namespace and the same ASCII names, so `=PERF.RULESCORE(…)` and every formula the review columns
 * write work in both. Their descriptions reach WPS's 插入函数 dialog through functions.json,
 * written by the build from the same function table (wpsFunctionsJson) and named in manifest.xml.
 *
 * WPS's own tool registers functions as AddCustomFunction(namespace, name, fn) (wpsjs 2.2, its
 * vite plugin). An omitted optional argument has been seen to arrive as DISP_E_PARAMNOTFOUND
 * (-2147352572) in published WPS add-in code; it is taken as omitted here. Errors the wrappers
 * throw (PerfFunctionError, with the Chinese message) are left to WPS to show.
 */
import { PERF_IMPLEMENTATIONS } from '../functions/functions';
import { PERF_IDS } from '../functions/ids';
import { PERF_NAMESPACE } from '../functions/metadata';
import type { WpsGlobal } from './facade';

/** DISP_E_PARAMNOTFOUND as a signed 32-bit number: COM's "argument not given". */
export const WPS_MISSING_ARGUMENT = -2147352572;

/** A Range object (an argument declared "object"), or anything else as it came. */
function argument(v: unknown): unknown {
  if (v === WPS_MISSING_ARGUMENT) return undefined;
  if (v && typeof v === 'object' && !Array.isArray(v) && 'Value2' in v) return (v as { Value2: unknown }).Value2;
  return v;
}

/** The wrapper of one PERF function as WPS calls it. */
export function wpsFunction(id: (typeof PERF_IDS)[number]): (...args: unknown[]) => number | string {
  const impl = PERF_IMPLEMENTATIONS[id];
  return (...args: unknown[]) => impl(...args.map(argument));
}

/** Register every PERF function; false when this WPS has no AddCustomFunction (before 12.1.0.20540). */
export function registerPerfFunctions(wps: Pick<WpsGlobal, 'AddCustomFunction'>): boolean {
  if (typeof wps.AddCustomFunction !== 'function') return false;
  for (const id of PERF_IDS) wps.AddCustomFunction(PERF_NAMESPACE, id, wpsFunction(id));
  return true;
}

export function customFunctionsSupported(wps: Pick<WpsGlobal, 'AddCustomFunction'> | undefined): boolean {
  return typeof wps?.AddCustomFunction === 'function';
}
