/*
 * Checks the production add-in build in dist/ (`npm test` runs `npm run build` before Jest).
 * Outside CI a missing dist/ skips these tests with a message; in CI (process.env.CI set) it fails.
 * ADDIN_DIST_DIR points the test at another output folder; ADDIN_PROD_URL must match the build's.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { functionsJson, PERF_IDS } from '../../src/functions/metadata';

const REPO = path.resolve(__dirname, '../..');
const DIST = process.env.ADDIN_DIST_DIR ? path.resolve(process.env.ADDIN_DIST_DIR) : path.join(REPO, 'dist');
const DEV_URL = 'https://localhost:3000/';
const DEV_ORIGIN = 'https://localhost:3000';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The production base URL as webpack.config.js computes it (default https://score-audit.example.com/). */
function prodUrl(): { href: string; origin: string } {
  const url = new URL((process.env.ADDIN_PROD_URL || 'https://score-audit.example.com/').trim());
  const href = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return { href, origin: url.origin };
}

function read(rel: string): string {
  const file = path.join(DIST, rel);
  if (!existsSync(file)) throw new Error(`${path.relative(REPO, file)} is missing from the build`);
  return readFileSync(file, 'utf8');
}

function pngSize(rel: string): { width: number; height: number } {
  const bytes = readFileSync(path.join(DIST, rel));
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const distPresent = existsSync(DIST);
if (!distPresent && process.env.CI) {
  // In CI the build must have run: fail loudly instead of skipping.
  describe('add-in build (dist/)', () => {
    it('exists', () => {
      throw new Error(`${DIST} does not exist: run \`npm run build\` before Jest (\`npm test\` does).`);
    });
  });
} else if (!distPresent) {
  describe.skip(`add-in build (dist/): skipped, ${DIST} does not exist — run \`npm run build\` first (CI fails instead)`, () => {
    it('is checked after npm run build', () => undefined);
  });
} else {
  describe('add-in build (dist/)', () => {
    it('copies manifest.xml with every development URL rebased on ADDIN_PROD_URL and no localhost left', () => {
      const manifest = read('manifest.xml');
      expect(manifest).not.toMatch(/https?:\/\/(localhost|127\.0\.0\.1|\[::1\])/i);
      const source = readFileSync(path.join(REPO, 'manifest.xml'), 'utf8');
      const { href, origin } = prodUrl();
      expect(manifest).toBe(source.split(DEV_URL).join(href).split(DEV_ORIGIN).join(origin));
      const urls = manifest.replace(/\sxmlns(:\w+)?="[^"]*"/g, '').match(/\bhttps?:\/\/[^\s"'<]+/g) ?? [];
      expect(urls.length).toBeGreaterThan(0);
      expect([...new Set(urls.map((u) => new URL(u).origin))]).toEqual([origin]);
    });

    it('writes functions.json (Chinese) and functions-en.json (English) from the function table, with the same ASCII names', () => {
      const zh = JSON.parse(read('functions.json'));
      const en = JSON.parse(read('functions-en.json'));
      const help = `${prodUrl().href}assets/support.html`;
      expect(zh).toEqual(functionsJson('zh', help));
      expect(en).toEqual(functionsJson('en', help));
      expect(zh.functions.map((f: { name: string }) => f.name)).toEqual([...PERF_IDS]);
      expect(en.functions.map((f: { name: string }) => f.name)).toEqual([...PERF_IDS]);
      // Data types would reach the functions as objects (CustomFunctionsRuntime 1.4): not asked for.
      expect(zh).not.toHaveProperty('allowCustomDataForDataTypeAny');
    });

    it('points the manifest at functions-en.json for en-US', () => {
      const manifest = read('manifest.xml');
      const { href } = prodUrl();
      expect(manifest).toContain(`<bt:Url id="Functions.Metadata.Url" DefaultValue="${href}functions.json">`);
      expect(manifest).toContain(`<bt:Override Locale="en-US" Value="${href}functions-en.json"/>`);
    });

    it('associates every function of functions.json, once, when functions.js runs in Excel', () => {
      const associated: string[] = [];
      const sandbox = {
        CustomFunctions: { associate: (id: string, fn: unknown) => typeof fn === 'function' && associated.push(id), Error: class {}, ErrorCode: {} },
      };
      vm.runInNewContext(read('functions.js'), { ...sandbox, window: sandbox, self: sandbox, globalThis: sandbox });
      expect(associated).toEqual([...PERF_IDS]);
      // The help texts live in the metadata files, not in the functions bundle.
      expect(read('functions.js')).not.toContain('Threshold-linear score');
    });

    it('writes the help page with every function of the table, and names no function Excel does not know', () => {
      const html = read('assets/support.html');
      for (const id of PERF_IDS) expect(html).toMatch(new RegExp(`<section id="?${id}"?>`));
      const named = [...html.matchAll(/PERF\.([A-Za-z0-9_.\u4e00-\u9fa5]+)\(/g)].map((m) => m[1]);
      expect(named.length).toBeGreaterThanOrEqual(2 * PERF_IDS.length);
      expect(named.filter((n) => !(PERF_IDS as readonly string[]).includes(n))).toEqual([]);
      expect(html).not.toContain('<!-- PERF_FUNCTIONS -->');
    });

    it('writes taskpane.html loading office.js from the CDN, then functions.js, then taskpane.js', () => {
      const html = read('taskpane.html');
      const officeJs = html.indexOf(OFFICE_JS);
      const functions = html.search(/<script[^>]+src="?functions\.js/);
      const taskpane = html.search(/<script[^>]+src="?taskpane\.js/);
      expect(officeJs).toBeGreaterThan(-1);
      expect(functions).toBeGreaterThan(officeJs);
      expect(taskpane).toBeGreaterThan(functions);
      expect(html).toMatch(/<div id="?root"?>/);
      expect(html).toMatch(/<noscript>[\s\S]*[\u4e00-\u9fff][\s\S]*<\/noscript>/);
      expect(read('taskpane.js').length).toBeGreaterThan(0);
    });

    it('never bundles HyperFormula (GPL, dev-only)', () => {
      for (const bundle of ['taskpane.js', 'functions.js']) expect(read(bundle)).not.toMatch(/hyperformula/i);
    });

    it('copies the icons (16, 32, 64, 80 px PNG)', () => {
      for (const size of [16, 32, 64, 80]) {
        expect(pngSize(`assets/icon-${size}.png`)).toEqual({ width: size, height: size });
      }
    });
  });
}
