/**
 * Webpack build of the Excel add-in (the CLI is bundled by esbuild, see esbuild.cli.mjs).
 *
 *   npm run build:addin   → webpack --mode production: dist/ with taskpane.html, taskpane.js,
 *                            the reader/writer's jszip in a chunk loaded on demand, functions.js,
 *                            functions.json (Chinese) and functions-en.json (en-US override), both
 *                            written from src/functions/metadata.ts, manifest.xml, assets/ (icons,
 *                            support.html with the function help from the same table)
 *   npm start             → webpack serve --mode development on https://localhost:3000/
 *
 * Shared runtime: ONE page (taskpane.html) loads office.js and both bundles (functions first, so the
 * PERF functions are associated early); manifest.xml points the Runtime, the CustomFunctions Page and
 * the FunctionFile at it. The two bundles have separate webpack runtimes, so a module imported by both
 * is instantiated twice: share state between pane and functions through `window`, not module globals.
 *
 * Environment:
 *   ADDIN_PROD_URL  base URL the production manifest points at (default https://score-audit.example.com/).
 *                   Every https://localhost:3000/ in the copied manifest.xml is replaced by it (and the bare
 *                   origin https://localhost:3000, e.g. in AppDomain, by its origin); the build fails if any
 *                   localhost URL remains. Must be https.
 *   OFFICE_ADDIN_DEV_CERTS_DIR  folder of localhost.key/localhost.crt/ca.crt for `npm start`
 *                   (default ~/.office-addin-dev-certs). Only the dev server reads it.
 */
'use strict';
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { WebpackError } = require('webpack');
// The function table is TypeScript; tsx (a dev dependency) loads it without a separate build step.
const { require: requireTs } = require('tsx/cjs/api');

const DEV_URL = 'https://localhost:3000/';
const DEV_ORIGIN = 'https://localhost:3000';
const DEFAULT_PROD_URL = 'https://score-audit.example.com/';
const DEV_PORT = 3000;

/** The production base URL from ADDIN_PROD_URL, checked (https, no localhost) and ending with "/". */
function productionUrl() {
  const raw = (process.env.ADDIN_PROD_URL || DEFAULT_PROD_URL).trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_PROD_URL 不是有效的网址 (is not a valid URL): ${raw}`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_PROD_URL 必须使用 https (must be https): ${raw}`);
  if (/^(localhost|127\.|\[::1\])/i.test(url.host)) {
    throw new Error(`ADDIN_PROD_URL 不能指向 localhost (must not point at localhost): ${raw}`);
  }
  if (url.search || url.hash) throw new Error(`ADDIN_PROD_URL 不能带查询或片段 (must have no query or fragment): ${raw}`);
  const href = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return { href, origin: url.origin };
}

/** manifest.xml for production: every development URL replaced; throws if any localhost URL is left. */
function productionManifest(content, prod) {
  const text = content
    .toString('utf8')
    .split(DEV_URL)
    .join(prod.href)
    .split(DEV_ORIGIN)
    .join(prod.origin);
  const left = text.match(/https?:\/\/(localhost|127\.0\.0\.1|\[::1\])[^\s"'<]*/gi);
  if (left) {
    throw new Error(`manifest.xml 中仍有本地网址 (localhost URLs left in the production manifest): ${[...new Set(left)].join(', ')}`);
  }
  return Buffer.from(text, 'utf8');
}

const FUNCTIONS_METADATA = path.resolve(__dirname, 'src/functions/metadata.ts');
const FUNCTIONS_HELP = path.resolve(__dirname, 'src/functions/help.ts');
/** The custom-functions metadata files: Chinese by default, English as manifest.xml's en-US override. */
const METADATA_FILES = { zh: 'functions.json', en: 'functions-en.json' };

/**
 * Writes functions.json and functions-en.json from the function table. The metadata is written by
 * hand (not generated from JSDoc) because Microsoft's localization needs one file per language; the
 * ids and names are the same in both, only descriptions and parameter names differ.
 */
class FunctionsMetadataPlugin {
  constructor(helpUrl) {
    this.helpUrl = helpUrl;
  }
  apply(compiler) {
    const { Compilation } = compiler.webpack;
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('FunctionsMetadataPlugin', (compilation) => {
      compilation.fileDependencies.add(FUNCTIONS_METADATA);
      compilation.hooks.processAssets.tap({ name: 'FunctionsMetadataPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const { functionsJson } = requireTs(FUNCTIONS_METADATA, __filename);
        for (const [lang, file] of Object.entries(METADATA_FILES)) {
          compilation.emitAsset(file, new RawSource(`${JSON.stringify(functionsJson(lang, this.helpUrl), null, 2)}\n`));
        }
      });
    });
  }
}

/** assets/support.html with its functions section written from the function table. */
function supportPage(content) {
  const { FUNCTIONS_HELP_MARKER, functionsHelpHtml } = requireTs(FUNCTIONS_HELP, __filename);
  const html = content.toString('utf8');
  if (!html.includes(FUNCTIONS_HELP_MARKER)) throw new Error(`assets/support.html 缺少 ${FUNCTIONS_HELP_MARKER} (marker missing)`);
  return Buffer.from(html.replace(FUNCTIONS_HELP_MARKER, functionsHelpHtml()), 'utf8');
}

/** Fails the build if HyperFormula (GPL, dev-only engine for in-sheet tests) ends up in a bundle. */
class ForbidModulesPlugin {
  constructor(patterns) {
    this.patterns = patterns;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap('ForbidModulesPlugin', (compilation) => {
      compilation.hooks.finishModules.tap('ForbidModulesPlugin', (modules) => {
        const hits = [...modules].map((m) => m.resource || '').filter((r) => this.patterns.some((p) => p.test(r)));
        if (hits.length > 0) {
          compilation.errors.push(
            new WebpackError(
              `${hits[0]} (+${hits.length - 1}) 不得打包进加载项 (must never be bundled into the add-in; HyperFormula is GPL and dev-only)`,
            ),
          );
        }
      });
    });
  }
}

/** HTTPS files for `webpack serve`; ends the process with the bilingual how-to when they are missing. */
function devServerCerts() {
  try {
    return require('./scripts/dev-certs').readDevCerts();
  } catch (error) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const prod = dev ? null : productionUrl();

  return {
    mode: dev ? 'development' : 'production',
    target: 'web',
    devtool: dev ? 'source-map' : false,
    entry: {
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      // Fixed names: manifest.xml refers to functions.js by URL.
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true } }, // `npm run typecheck` checks types
        },
      ],
    },
    plugins: [
      new FunctionsMetadataPlugin(`${dev ? DEV_URL : prod.href}assets/support.html`),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'assets/support.html', to: 'assets/[name][ext]', transform: supportPage },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: dev ? undefined : (content) => productionManifest(content, prod),
          },
        ],
      }),
      // HyperFormula is for tests only (GPL); exceljs is for tests only (the product reads and writes packages itself).
      new ForbidModulesPlugin([/[\\/]node_modules[\\/]hyperformula[\\/]/, /[\\/]node_modules[\\/]exceljs[\\/]/]),
    ],
    performance: {
      // Fluent UI makes the pane a few MB unminified; warn only when a bundle grows well beyond that.
      hints: dev ? false : 'warning',
      maxAssetSize: 4 * 1024 * 1024,
      maxEntrypointSize: 4 * 1024 * 1024,
    },
    devServer: serving
      ? {
          port: DEV_PORT,
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: devServerCerts() },
        }
      : undefined,
  };
};

module.exports.productionManifest = productionManifest;
module.exports.productionUrl = productionUrl;
module.exports.METADATA_FILES = METADATA_FILES;
module.exports.ForbidModulesPlugin = ForbidModulesPlugin;
