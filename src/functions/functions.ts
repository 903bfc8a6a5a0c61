/**
 * PERF.* worksheet functions (namespace PERF is set in the manifest). Their names, parameters and
 * help live in metadata.ts, from which the build writes functions.json; here each id is bound to
 * its implementation. The work is done by the pure cores in src/core/rules/sheet-functions.ts;
 * this file only converts their failures into Excel errors. No function here writes cells or
 * formats anything.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the metadata generator maps `any` to Excel's "any" type: cells may hold numbers or text */
import {
  CellInput,
  checkOf,
  completionOf,
  flatten,
  gradeFor,
  linearOf,
  Outcome,
  rateOf,
  ruleScoreOf,
  satisfactionOf,
  weightedOf,
} from '../core/rules/sheet-functions';
import { PERF_IDS, type PerfId } from './ids';

/** The error thrown outside Excel (Node, Jest, HyperFormula), carrying the same code and message. */
export class PerfFunctionError extends Error {
  constructor(
    readonly code: 'invalidValue' | 'notAvailable',
    message: string,
  ) {
    super(message);
    this.name = 'PerfFunctionError';
  }
}

// `CustomFunctions` exists only inside Excel's runtime.
function fail(code: 'invalidValue' | 'notAvailable', message: string): never {
  if (typeof CustomFunctions !== 'undefined') {
    throw new CustomFunctions.Error(code === 'notAvailable' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue, message);
  }
  throw new PerfFunctionError(code, message);
}

function unwrap<T>(r: Outcome<T>): T {
  if (r.ok) return r.value;
  return fail(r.code === 'missing' ? 'notAvailable' : 'invalidValue', r.message);
}

/** Excel passes a cell's error as an Error-like object; an omitted optional argument as null/undefined. */
function cell(v: unknown): CellInput {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return cell(v[0]?.[0]);
  return fail('notAvailable', '输入含错误值');
}

function cells(v: unknown): CellInput[] {
  if (Array.isArray(v)) return flatten((v as unknown[][]).map((row) => (Array.isArray(row) ? row.map(cell) : [cell(row)])));
  return flatten(cell(v));
}

function COMPLETION(actual: any, target: any, direction?: any): number {
  return unwrap(completionOf(cell(actual), cell(target), cell(direction)));
}

function LINEAR(rate: any, points: any, floor?: any, full?: any): number {
  return unwrap(linearOf(cell(rate), cell(points), cell(floor), cell(full)));
}

function SATISFACTION(answers: any[][], weights?: any[][]): number {
  return unwrap(satisfactionOf(cells(answers), weights === null || weights === undefined ? undefined : cells(weights)));
}

function RULESCORE(ruleText: any, points: any, value: any[][]): number {
  return unwrap(ruleScoreOf(cell(ruleText), cell(points), cells(value)));
}

function CHECK(ruleText: any, points: any, score: any, reason?: any): string {
  return unwrap(checkOf(cell(ruleText), cell(points), cell(score), cell(reason)));
}

function GRADE(total: any, scheme?: any): string {
  return unwrap(gradeFor(cell(total), cell(scheme)));
}

function RATE(score: any, points: any): number {
  return unwrap(rateOf(cell(score), cell(points)));
}

function WEIGHTED(scores: any[][], shares: any[][]): number {
  return unwrap(weightedOf(cells(scores), cells(shares)));
}

export { COMPLETION, LINEAR, SATISFACTION, RULESCORE, CHECK, GRADE, RATE, WEIGHTED };

/** Every id of the function table with its implementation (a missing one does not compile). */
export const PERF_IMPLEMENTATIONS: Record<PerfId, (...args: any[]) => number | string> = { COMPLETION, LINEAR, SATISFACTION, RULESCORE, CHECK, GRADE, RATE, WEIGHTED };

// `CustomFunctions` exists where office.js is loaded (in Excel, and in a browser that reached the CDN).
if (typeof CustomFunctions !== 'undefined') {
  for (const id of PERF_IDS) CustomFunctions.associate(id, PERF_IMPLEMENTATIONS[id]);
}
