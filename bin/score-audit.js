#!/usr/bin/env node
'use strict';
// The CLI is bundled by `npm run build:cli` into lib/score-audit.js; this shim only locates it.
let main;
try {
  main = require('../lib/score-audit.js').main;
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('score-audit: 尚未构建 CLI，请先运行 npm run build (CLI not built yet: run `npm run build`).\n');
    process.exit(2);
  }
  throw err;
}
main(process.argv.slice(2)).then((code) => process.exit(code));
