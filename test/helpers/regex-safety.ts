/**
 * Regular expressions of the source tree and two checks on each: a structural one (a quantified
 * group that holds a quantifier — "nested quantifiers", the shape of catastrophic backtracking)
 * and a dynamic one (the pattern run against strings pumped from its own characters, timed).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  source: string;
  flags: string;
  /** "src/io/xml.ts:42". */
  where: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(f) && !/\.d\.ts$/.test(f) ? [p] : [];
  });
}

/** Every regex literal of the .ts/.tsx files under `dir`, and every `new RegExp(…)` whose pattern is not a literal (to be captured at run time). */
export function regexLiterals(root: string, dir: string): { literals: FoundRegex[]; dynamic: string[] } {
  const literals: FoundRegex[] = [];
  const dynamic: string[] = [];
  for (const file of walk(join(root, dir))) {
    const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${relative(root, file)}:${src.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const slash = text.lastIndexOf('/');
        literals.push({ source: text.slice(1, slash), flags: text.slice(slash + 1), where: where(node) });
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const arg = node.arguments?.[0];
        if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) {
          const flags = node.arguments?.[1];
          literals.push({ source: arg.text, flags: flags && ts.isStringLiteral(flags) ? flags.text : '', where: where(node) });
        } else dynamic.push(where(node));
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  return { literals, dynamic };
}

/**
 * Quantified groups that contain a quantifier: (a+)+, (\s*x)*, (?:[^,]+,){2,}. A bounded inner
 * quantifier ({0,4}) counts too; a bounded outer one ({2} or ?) does not: it cannot repeat without end.
 */
export function nestedQuantifiers(source: string): string[] {
  const found: string[] = [];
  const stack: Array<{ start: number; quantified: boolean }> = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      continue;
    }
    if (ch === '(') {
      stack.push({ start: i, quantified: false });
      continue;
    }
    const quantifier = quantifierAt(source, i);
    if (ch === ')') {
      const group = stack.pop();
      const outer = quantifierAt(source, i + 1);
      if (group && group.quantified && outer && outer.unbounded) found.push(source.slice(group.start, i + 1 + outer.length));
      // The group itself, quantified or holding a quantifier, makes its parent hold one.
      if (group && stack.length > 0 && (group.quantified || outer)) stack[stack.length - 1].quantified = true;
      if (outer) i += outer.length;
      continue;
    }
    if (quantifier && stack.length > 0) {
      stack[stack.length - 1].quantified = true;
      i += quantifier.length - 1;
    }
  }
  return found;
}

function quantifierAt(source: string, i: number): { length: number; unbounded: boolean } | undefined {
  const ch = source[i];
  const lazy = (n: number) => (source[i + n] === '?' || source[i + n] === '+' ? 1 : 0);
  if (ch === '*' || ch === '+') return { length: 1 + lazy(1), unbounded: true };
  if (ch === '?') return { length: 1 + lazy(1), unbounded: false };
  if (ch === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 16));
    if (!m) return undefined;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    return { length: m[0].length + lazy(m[0].length), unbounded: max > 1 };
  }
  return undefined;
}

const ALPHABET = [' ', '\t', '\n', 'a', 'A', 'z', '0', '1', '9', '.', ',', '，', '、', '；', '%', '-', '/', '(', ')', '（', '）', '<', '>', '"', "'", '=', '_', ':', '!', '$', '#', '年', '分', '得', '扣', '率', '指', '标', '\u00a0', '\u3000'];

/** Strings that pump the pattern's characters: each one that it can match, repeated, with a tail that fails. */
export function adversarialInputs(re: RegExp, length: number): string[] {
  const flags = re.flags.replace(/[gy]/g, '');
  const matches = ALPHABET.filter((ch) => new RegExp(`(?:${re.source})`, flags).test(ch) || literalChars(re.source).includes(ch));
  const chars = [...new Set([...matches, ...literalChars(re.source)])].slice(0, 24);
  const out: string[] = [];
  const runs = literalRuns(re.source);
  for (const a of chars) {
    out.push(a.repeat(length) + '\u0001');
    for (const run of runs) {
      out.push(run + a.repeat(length) + '\u0001');
      out.push((run + a).repeat(Math.ceil(length / (run.length + 1))) + '\u0001');
    }
    for (const b of chars.slice(0, 8)) if (a !== b) out.push((a + b).repeat(length / 2) + '\u0001');
  }
  return out;
}

/** Characters the pattern names outside classes (the literal parts an attacker would pump). */
function literalChars(source: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1];
      if (next && !/[dDsSwWbBnrtuxpPk0-9]/.test(next)) out.add(next);
      i++;
    } else if (!'()[]{}|*+?^$.'.includes(ch)) out.add(ch);
  }
  return [...out];
}

/** The longest runs of literal text in the pattern ("<mergeCell"): pumped with a character after each, they make every start of a match run on. */
function literalRuns(source: string): string[] {
  const runs: string[] = [];
  let run = '';
  const flush = () => {
    if (run.length >= 2) runs.push(run);
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    const quantified = '*+?{'.includes(source[ch === '\\' ? i + 2 : i + 1] ?? '');
    if (ch === '\\' && source[i + 1] && !/[dDsSwWbBnrtuxpPk0-9]/.test(source[i + 1])) {
      if (quantified) flush();
      else run += source[i + 1];
      i++;
    } else if ('()[]{}|*+?^$.\\'.includes(ch) || quantified) {
      flush();
      if (ch === '[') while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      if (ch === '\\') i++;
    } else run += ch;
  }
  flush();
  return runs.sort((a, b) => b.length - a.length).slice(0, 3);
}

/** The work of the timing worker: each input run as the code would (exec over all matches for /g), the slowest reported. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ source, flags, inputs }) => {
  let worst = { ms: 0, index: -1 };
  inputs.forEach((input, index) => {
    const re = new RegExp(source, flags);
    const t0 = performance.now();
    if (re.global || re.sticky) {
      let guard = 0;
      while (re.exec(input) && guard++ < input.length * 2) if (re.lastIndex === 0) break;
    } else re.test(input);
    const ms = performance.now() - t0;
    if (ms > worst.ms) worst = { ms, index };
  });
  parentPort.postMessage(worst);
});`;

export interface TimedRun {
  /** The slowest input's time; Infinity when the run was stopped at the deadline. */
  ms: number;
  /** That input, shortened for a message. */
  input: string;
}

const describeInput = (input: string) => (input.length > 40 ? `${JSON.stringify(input.slice(0, 20))}… (${input.length} chars)` : JSON.stringify(input));

/**
 * Each pattern against its adversarial inputs in a worker thread, so that one that backtracks
 * for minutes is stopped at `deadlineMs` (a synchronous regex cannot be interrupted otherwise).
 */
export async function timeEach(patterns: RegExp[], length: number, deadlineMs: number): Promise<TimedRun[]> {
  const { Worker } = await import('node:worker_threads');
  let worker = new Worker(WORKER_SOURCE, { eval: true });
  const out: TimedRun[] = [];
  try {
    for (const re of patterns) {
      const inputs = adversarialInputs(re, length);
      const result = await new Promise<{ ms: number; index: number } | undefined>((resolve) => {
        const timer = setTimeout(() => resolve(undefined), deadlineMs);
        worker.once('message', (m: { ms: number; index: number }) => {
          clearTimeout(timer);
          resolve(m);
        });
        worker.postMessage({ source: re.source, flags: re.flags, inputs });
      });
      if (result) out.push({ ms: result.ms, input: result.index >= 0 ? describeInput(inputs[result.index]) : '' });
      else {
        await worker.terminate();
        worker = new Worker(WORKER_SOURCE, { eval: true });
        out.push({ ms: Infinity, input: `stopped after ${deadlineMs} ms` });
      }
    }
  } finally {
    await worker.terminate();
  }
  return out;
}
