/*
 * What Excel on Mac can parse (review R7). Mac add-ins run in WKWebView, the installed Safari's
 * WebKit. README states the minimum: Safari 16.4 (macOS 13.3, or macOS 12 with Safari 16.4), the
 * first WebKit with regex look-behind and class static blocks, i.e. all of ES2022. The bundles
 * must parse as ES2022; look-behind may appear only in the two core regexes the rule rewrite
 * replaces (listed below: when they are gone, empty the list and README can lower the minimum).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';

const REPO = path.resolve(__dirname, '../..');
const SRC = path.join(REPO, 'src');
const DIST = process.env.ADDIN_DIST_DIR ? path.resolve(process.env.ADDIN_DIST_DIR) : path.join(REPO, 'dist');

/** Regexes with look-behind still in the core (the lead's rule rewrite removes them). */
const KNOWN_LOOKBEHIND: string[] = [];

const LOOKBEHIND = /\(\?<[=!]/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

test('no regex look-behind in the add-in’s own code, and in the core only where it is known', () => {
  const offenders = sources(SRC)
    .filter((f) => LOOKBEHIND.test(readFileSync(f, 'utf8')))
    .map((f) => path.relative(SRC, f).split(path.sep).join('/'));
  expect(offenders.filter((f) => !KNOWN_LOOKBEHIND.includes(f))).toEqual([]);
});

// Every script of the add-in build (`npm test` builds before it runs jest): the two entries and any chunk.
const bundles = existsSync(DIST) ? readdirSync(DIST).filter((f) => f.endsWith('.js')) : [];

test('the bundles parse as ES2022, what WebKit 16.4 parses', () => {
  expect(bundles).toEqual(expect.arrayContaining(['functions.js', 'taskpane.js']));
  for (const b of bundles) {
    const code = readFileSync(path.join(DIST, b), 'utf8');
    expect(() => parse(code, { ecmaVersion: 2022, sourceType: 'script' })).not.toThrow();
  }
});
