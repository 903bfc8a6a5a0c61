/**
 * HTTPS options for `webpack serve` (npm start), read directly from the Office development
 * certificates in ~/.office-addin-dev-certs/ (localhost.key, localhost.crt, ca.crt).
 *
 * office-addin-dev-certs' getHttpsServerOptions() is deliberately not used: when the CA cannot be
 * installed into the system store (no sudo) it ends the dev server. The production build
 * (`npm run build`) never calls this.
 *
 * OFFICE_ADDIN_DEV_CERTS_DIR overrides the folder (useful for tests and unusual setups).
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const FILES = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };

function devCertsDir() {
  return process.env.OFFICE_ADDIN_DEV_CERTS_DIR || path.join(os.homedir(), '.office-addin-dev-certs');
}

/** Returns { key, cert, ca } for webpack-dev-server's `server.options`; throws a bilingual message when a file is missing. */
function readDevCerts(dir = devCertsDir()) {
  const missing = Object.values(FILES).filter((name) => !fs.existsSync(path.join(dir, name)));
  if (missing.length > 0) {
    throw new Error(
      [
        `缺少 Office 开发证书：${missing.join('、')}（目录 ${dir}）。`,
        '请先运行一次 `npx office-addin-dev-certs install` 生成证书；没有管理员权限时它无法把 CA 装入系统，',
        `但证书文件仍会写入该目录——再在浏览器或系统中手动信任 ${path.join(dir, FILES.ca)} 即可。`,
        '',
        `Missing Office development certificates: ${missing.join(', ')} (folder ${dir}).`,
        'Create them once with `npx office-addin-dev-certs install`; without admin rights it cannot install',
        `the CA, but it still writes the files there — then trust ${path.join(dir, FILES.ca)} in your browser/OS by hand.`,
        'The production build (`npm run build`) does not need them. Set OFFICE_ADDIN_DEV_CERTS_DIR to use another folder.',
      ].join('\n'),
    );
  }
  return {
    key: fs.readFileSync(path.join(dir, FILES.key)),
    cert: fs.readFileSync(path.join(dir, FILES.cert)),
    ca: fs.readFileSync(path.join(dir, FILES.ca)),
  };
}

module.exports = { readDevCerts, devCertsDir };
