/**
 * What the WPS add-in package is called and how WPS is told where it is, as the build writes it
 * (webpack.wps.config.js loads this file through tsx):
 *  - the add-in folder NAME_VERSION, the name WPS's installer gives the folder in jsaddons/;
 *  - publish.xml, the entry for a personal install (publish mode): the folder beside it;
 *  - jsplugins.xml, the entry for central deployment (jsplugins.xml mode, named by oem.ini's
 *    JSPluginsServer): the folder's web address (online mode).
 * The entries' attributes are those WPS's own tool writes (wpsjs 2.2: its self-extracting
 * installer for publish.xml, `wpsjs debug` for jspluginonline).
 */
export const ADDIN_NAME = 'score-audit';
export const ADDIN_DESCRIPTION = '评分审核：检查绩效评价评分表中与评分标准或算术不一致的得分、扣分、合计与比率';
export const DEFAULT_ONLINE_URL = 'https://score-audit.example.com/wps/';

export function addinFolder(version: string): string {
  return `${ADDIN_NAME}_${version}`;
}

/** WPS_ADDIN_URL checked: http(s), no query or fragment, ending with "/". Throws a bilingual sentence. */
export function onlineUrl(raw: string | undefined): string {
  const text = (raw || DEFAULT_ONLINE_URL).trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`WPS_ADDIN_URL 不是有效的网址 (is not a valid URL): ${text}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`WPS_ADDIN_URL 必须是 http 或 https 网址 (must be http or https): ${text}`);
  if (url.search || url.hash) throw new Error(`WPS_ADDIN_URL 不能带查询或片段 (must have no query or fragment): ${text}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function publishXml(version: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<jsplugins>',
    `  <jsplugin name="${ADDIN_NAME}" type="et" url="${escapeXml(addinFolder(version))}" version="${escapeXml(version)}" enable="enable_dev" install="null" customDomain=""/>`,
    '</jsplugins>',
    '',
  ].join('\n');
}

export function jspluginsXml(url: string): string {
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<jsplugins>', `  <jspluginonline name="${ADDIN_NAME}" type="et" url="${escapeXml(url)}"/>`, '</jsplugins>', ''].join('\n');
}
