/**
 * functions.json and manifest.xml of the WPS add-in, from the function table (metadata.ts), as
 * WPS's documentation describes them ("WPS 加载项自定义函数"; wpsjs 2.2's functionsScanner writes
 * the same shape): manifest.xml names functions.json and the namespace; each function has a
 * name, a description, parameters { name, description, type } and a result { type }. Types are
 * "any" for a cell and "any[][]" for a range, "?" marking an optional parameter. Chinese text:
 * WPS's function dialog has no language override like Excel's functions-en.json.
 *
 * webpack.wps.config.js loads this file at build time (through tsx).
 */
import { PERF_FUNCTIONS, PERF_NAMESPACE } from '../functions/metadata';

export const FUNCTIONS_JSON_URI = '/functions.json';

export interface WpsFunctionsJsonEntry {
  name: string;
  description: string;
  parameters: Array<{ name: string; description: string; type: string }>;
  result: { type: 'number' | 'string' };
}

export function wpsFunctionsJson(): { functions: WpsFunctionsJsonEntry[] } {
  return {
    functions: PERF_FUNCTIONS.map((f) => ({
      name: f.id,
      description: f.description.zh,
      parameters: f.parameters.map((p) => ({
        name: p.name.zh,
        description: p.description.zh,
        type: `${p.range ? 'any[][]' : 'any'}${p.optional ? '?' : ''}`,
      })),
      result: { type: f.result.type },
    })),
  };
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The add-in's manifest.xml (JsPlugin): its name, and where WPS finds the functions' metadata. */
export function wpsManifestXml(name: string, description: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<JsPlugin>',
    '  <ApiVersion>1.0.0</ApiVersion>',
    `  <Name>${escapeXml(name)}</Name>`,
    `  <Description>${escapeXml(description)}</Description>`,
    '  <Functions>',
    `    <Uri>${FUNCTIONS_JSON_URI}</Uri>`,
    `    <Namespace>${PERF_NAMESPACE}</Namespace>`,
    '  </Functions>',
    '</JsPlugin>',
    '',
  ].join('\n');
}
