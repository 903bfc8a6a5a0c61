/**
 * The shipped CLI: one bundled file (lib/score-audit.js, `npm run build:cli`), loading nothing but
 * itself and Node's own modules, with no exceljs in it. Outside CI a missing build skips these
 * tests with a message; in CI it fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');
const BUNDLE = join(REPO, 'lib', 'score-audit.js');
const META = join(REPO, 'lib', 'score-audit.meta.json');
const built = existsSync(BUNDLE) && existsSync(META);

/** Every module the process requires by path or package name, other than Node's own. */
function requiredModules(args: string[]): { status: number | null; modules: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'score-audit-bundle-'));
  const hook = join(dir, 'hook.js');
  const log = join(dir, 'required.json');
  writeFileSync(
    hook,
    `const Module = require('module'); const fs = require('fs'); const seen = [];
     const load = Module._load;
     Module._load = function (request) {
       if (!Module.isBuiltin(request)) seen.push(request);
       return load.apply(this, arguments);
     };
     process.on('exit', () => fs.writeFileSync(${JSON.stringify(log)}, JSON.stringify(seen)));`,
  );
  const r = spawnSync(process.execPath, ['-r', hook, join(REPO, 'bin', 'score-audit.js'), ...args], { encoding: 'utf8' });
  return { status: r.status, modules: JSON.parse(readFileSync(log, 'utf8')) as string[] };
}

const suite = built ? describe : process.env.CI ? describe : describe.skip;

suite('the bundled CLI (lib/score-audit.js)', () => {
  if (!built) {
    it('is built', () => {
      throw new Error('lib/score-audit.js is missing: run `npm run build` before Jest (`npm test` does).');
    });
    return;
  }

  it('contains no exceljs: the reader and the writer work on the package directly', () => {
    const inputs = Object.keys((JSON.parse(readFileSync(META, 'utf8')) as { inputs: Record<string, unknown> }).inputs);
    expect(inputs.some((i) => i.includes('src/cli/main.ts'))).toBe(true);
    expect(inputs.filter((i) => i.includes('node_modules/exceljs'))).toEqual([]);
  });

  it.each([
    ['rule', ['rule', '完成得2分，未完成不计分。', '--points', '2']],
    ['audit', ['audit', join(REPO, 'samples', '韶关绩效评价评分表.xlsx'), '--json']],
  ])('`%s` loads the one bundled file and Node’s own modules only', (_name, args) => {
    const { status, modules } = requiredModules(args);
    expect(status).toBe(0);
    expect(modules).toEqual([join(REPO, 'bin', 'score-audit.js'), '../lib/score-audit.js']);
  });
});
