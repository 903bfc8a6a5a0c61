/**
 * The CLI as one bundled file (npm run build:cli → lib/score-audit.js), so that starting it reads
 * one file instead of resolving hundreds of modules. The add-in is built by webpack.config.js.
 * lib/score-audit.meta.json lists what went in (test/unit/cli.bundle.test.ts checks it).
 */
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';

const result = await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'lib/score-audit.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
writeFileSync('lib/score-audit.meta.json', JSON.stringify(result.metafile));
