/**
 * The functions section of the help page (assets/support.html), written by the build from the
 * function table: signature, description, parameters and an example per function, Chinese then
 * English. The page links each function by its id (functions.json's helpUrl ends in #ID).
 */
import { perfExample, perfSignature } from './formula';
import { MetadataLanguage, PERF_FUNCTIONS, type PerfFunction } from './metadata';

/** Marker in assets/support.html replaced by functionsHelpHtml(). */
export const FUNCTIONS_HELP_MARKER = '<!-- PERF_FUNCTIONS -->';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const LABELS: Record<MetadataLanguage, { example: string; returns: string; optional: string; colon: string; stop: string }> = {
  zh: { example: '示例', returns: '返回', optional: '（可选）', colon: '：', stop: '。' },
  en: { example: 'Example', returns: 'Returns', optional: ' (optional)', colon: ': ', stop: '. ' },
};

function functionHelp(f: PerfFunction, lang: MetadataLanguage): string {
  const l = LABELS[lang];
  const params = f.parameters.map((x) => `<li><code>${escapeHtml(x.name[lang])}</code>${x.optional ? l.optional : ''}${l.colon}${escapeHtml(x.description[lang])}</li>`).join('');
  return [
    `<div lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    `<p><code>${escapeHtml(perfSignature(f.id, lang))}</code></p>`,
    `<p>${escapeHtml(f.description[lang])}</p>`,
    `<ul>${params}</ul>`,
    `<p>${l.returns}${l.colon}${escapeHtml(f.result.description[lang])}${l.stop}${l.example}${l.colon}<code>${escapeHtml(perfExample(f.id))}</code></p>`,
    '</div>',
  ].join('\n');
}

export function functionsHelpHtml(): string {
  return PERF_FUNCTIONS.map((f) => `<section id="${f.id}">\n<h3>PERF.${f.id}</h3>\n${functionHelp(f, 'zh')}\n${functionHelp(f, 'en')}\n</section>`).join('\n');
}
