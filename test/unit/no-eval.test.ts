/*
 * Sheet text is data, never code: no module of ours evaluates a string (eval, new Function,
 * setTimeout with a string), and the pane page loads no remote script but Microsoft's office.js.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../../src');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : /\.(ts|tsx|js|html)$/.test(name) ? [file] : [];
  });
}

test('no source file evaluates a string as code', () => {
  const files = sources(SRC);
  expect(files.length).toBeGreaterThan(50);
  const evaluating = /\beval\s*\(|\bnew\s+Function\s*\(|(?<![\w.])Function\s*\(\s*['"`]|\bset(?:Timeout|Interval)\s*\(\s*['"`]/;
  const offenders = files.filter((f) => evaluating.test(readFileSync(f, 'utf8'))).map((f) => path.relative(SRC, f));
  expect(offenders).toEqual([]);
});

test('the pane page loads no remote script or style but office.js', () => {
  const html = readFileSync(path.join(SRC, 'taskpane', 'taskpane.html'), 'utf8');
  const remote = [...html.matchAll(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(https?:[^"]+)"/g)].map((m) => m[1]);
  expect(remote).toEqual([OFFICE_JS]);
  // and nothing in our code adds a script element or fetches code at run time
  const injecting = /createElement\(\s*['"]script['"]|import\(\s*['"`]https?:|importScripts\(/;
  expect(sources(SRC).filter((f) => injecting.test(readFileSync(f, 'utf8'))).map((f) => path.relative(SRC, f))).toEqual([]);
});
