/**
 * Webpack build of the WPS 表格 add-in: `npm run build:wps` → dist-wps/
 *
 *   dist-wps/score-audit_<version>/   the add-in folder (what goes into jsaddons/, or onto a web server)
 *     index.html + main.js            the main page WPS opens: ribbon callbacks, PERF functions
 *     ribbon.xml                      the 评分审核 tab
 *     taskpane.html + taskpane.js     the pane (src/wps/pane.tsx: the same App, on the WPS host)
 *     manifest.xml, functions.json    the functions' namespace and metadata, from src/functions/metadata.ts
 *     images/                         the ribbon icons
 *   dist-wps/publish.xml              the entry for a personal install (publish mode, the folder beside it)
 *   dist-wps/jsplugins.xml            the entry for central deployment (jsplugins.xml mode, online)
 *
 * WPS runs add-in pages in its own embedded Chromium, which can be old (Chrome 87 was reported in
 * WPS for Linux 11.1; README): everything, node_modules included, is compiled to ES2020 by swc.
 *
 * Environment:
 *   WPS_ADDIN_URL  the web address the add-in folder is served from, for jsplugins.xml (online mode;
 *                  default https://score-audit.example.com/wps/); http or https, ends with "/".
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { require: requireTs } = require('tsx/cjs/api');
const { ForbidModulesPlugin } = require('./webpack.config.js');
const pkg = require('./package.json');

const PACKAGE = path.resolve(__dirname, 'src/wps/package.ts');
const { ADDIN_DESCRIPTION, ADDIN_NAME, addinFolder, jspluginsXml, onlineUrl, publishXml } = requireTs(PACKAGE, __filename);
const ADDIN_FOLDER = addinFolder(pkg.version);
const DIST_WPS = path.resolve(__dirname, 'dist-wps');
const FUNCTIONS_JSON = path.resolve(__dirname, 'src/wps/functions-json.ts');
const FUNCTIONS_METADATA = path.resolve(__dirname, 'src/functions/metadata.ts');
/** What the embedded Chromium must parse (Chrome 87 parses ES2020, not class static blocks). */
const ES_TARGET = 'es2020';

/**
 * The files that are not bundles: functions.json and manifest.xml from the function table into the
 * add-in folder; the two registration entries beside it in dist-wps/ (written after the emit, as
 * they lie outside webpack's output folder, which is the add-in folder so that its pages refer to
 * main.js and taskpane.js by their bare names). dist-wps/ is emptied first: no older version stays.
 */
class WpsAddinFilesPlugin {
  constructor(url) {
    this.url = url;
  }
  apply(compiler) {
    const { Compilation } = compiler.webpack;
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.beforeRun.tap('WpsAddinFilesPlugin', () => fs.rmSync(DIST_WPS, { recursive: true, force: true }));
    compiler.hooks.thisCompilation.tap('WpsAddinFilesPlugin', (compilation) => {
      compilation.fileDependencies.add(FUNCTIONS_JSON);
      compilation.fileDependencies.add(FUNCTIONS_METADATA);
      compilation.fileDependencies.add(PACKAGE);
      compilation.hooks.processAssets.tap({ name: 'WpsAddinFilesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const { wpsFunctionsJson, wpsManifestXml } = requireTs(FUNCTIONS_JSON, __filename);
        compilation.emitAsset('functions.json', new RawSource(`${JSON.stringify(wpsFunctionsJson(), null, 2)}\n`));
        compilation.emitAsset('manifest.xml', new RawSource(wpsManifestXml(ADDIN_NAME, ADDIN_DESCRIPTION)));
      });
    });
    compiler.hooks.afterEmit.tap('WpsAddinFilesPlugin', () => {
      fs.writeFileSync(path.join(DIST_WPS, 'publish.xml'), publishXml(pkg.version));
      fs.writeFileSync(path.join(DIST_WPS, 'jsplugins.xml'), jspluginsXml(this.url));
    });
  }
}

const swc = (syntax) => ({
  loader: 'swc-loader',
  options: {
    isModule: 'unknown',
    jsc: {
      target: ES_TARGET,
      parser: syntax === 'typescript' ? { syntax: 'typescript', tsx: true } : { syntax: 'ecmascript', jsx: false },
      transform: { react: { runtime: 'automatic' } },
    },
  },
});

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  return {
    mode: dev ? 'development' : 'production',
    target: ['web', ES_TARGET],
    devtool: dev ? 'source-map' : false,
    entry: {
      main: './src/wps/main.ts',
      taskpane: './src/wps/pane.tsx',
    },
    output: {
      path: path.join(DIST_WPS, ADDIN_FOLDER),
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: swc('typescript') },
        // Dependencies too: Fluent's tabster ships class static blocks (ES2022).
        { test: /\.(c|m)?js$/, include: /node_modules/, use: swc('ecmascript') },
      ],
    },
    plugins: [
      new WpsAddinFilesPlugin(onlineUrl(process.env.WPS_ADDIN_URL)),
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/wps/index.html', chunks: ['main'], scriptLoading: 'blocking', inject: 'head' }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/wps/taskpane.html', chunks: ['taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/wps/ribbon.xml', to: 'ribbon.xml' },
          { from: 'src/wps/images/*.svg', to: 'images/[name][ext]' },
        ],
      }),
      new ForbidModulesPlugin([/[\\/]node_modules[\\/]hyperformula[\\/]/, /[\\/]node_modules[\\/]exceljs[\\/]/]),
    ],
    performance: { hints: dev ? false : 'warning', maxAssetSize: 5 * 1024 * 1024, maxEntrypointSize: 5 * 1024 * 1024 },
  };
};

