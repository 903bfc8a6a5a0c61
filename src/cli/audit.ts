import { continuationText } from '../core/layout/continuation';
import { parseArgs } from 'node:util';
import { auditWorkbook } from '../core/audit/audit';
import { checkName } from '../core/audit/catalogue';
import { detectWorkbook } from '../core/layout/detect';
import { Finding } from '../core/audit/types';
import { KIND_LABELS } from '../core/layout/json';
import { TableCoverage } from '../core/audit/coverage';
import { ROLE_ZH } from '../core/layout/content';
import { columnLetters, rangeA1 } from '../core/sheet/address';
import { copyExtension, writeAnnotatedCopy } from '../io/annotate';
import { formatName } from '../io/format';
import { contentNote } from '../io/read-any';
import { SEVERITY_ZH } from '../io/report';
import { CliError, columnOverrides, EXIT_FINDINGS, EXIT_OK, loadWorkbook, notExamined, notExaminedLines } from './io';
import { nodeInflate } from './inflate';
import { checkOutputPath, writeOutputFile } from './output';

export async function runAudit(args: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, out: { type: 'string' }, force: { type: 'boolean', default: false }, 'fail-on': { type: 'string' }, columns: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new CliError('audit 需要且只需要一个文件参数', 'audit takes exactly one FILE');
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'error' && failOn !== 'warning') throw new CliError('--fail-on 只能是 error 或 warning', '--fail-on must be error or warning');
  const file = positionals[0];
  if (values.force && values.out === undefined) throw new CliError('--force 只能与 --out 一起使用', '--force needs --out');
  const target = values.out === undefined ? undefined : await checkOutputPath(file, values.out, values.force ?? false);
  const loaded = await loadWorkbook(file);
  const { workbook } = loaded;
  // An .xls/.et/.docx input gets an .xlsx copy built from its reading; an .xlsx keeps its own package.
  const copyBase = target === undefined ? undefined : await loaded.copyBase();
  if (target !== undefined && copyBase !== undefined) await checkCopyExtension(copyBase, target, values.out!);
  const result = auditWorkbook(workbook, detectWorkbook(workbook, columnOverrides(values.columns, workbook)));
  // The findings first: a copy that cannot be written must not cost the user the audit.
  if (values.json) {
    const skipped = notExamined(workbook);
    out(
      JSON.stringify({
        file: workbook.source,
        format: loaded.format.kind,
        findings: result.findings,
        summary: result.summary,
        tables: result.tables.map((t) => ({ sheet: t.sheet, kind: t.kind, range: rangeA1(t.range) })),
        coverage: result.coverage,
        ...(skipped.length > 0 ? { notExamined: skipped } : {}),
      }),
    );
  } else {
    const note = contentNote(loaded.format, workbook.source);
    if (note) out(`${note.zh} (${note.en})`);
    printHuman(workbook.source, result, out);
    for (const line of notExaminedLines(notExamined(workbook))) out(line);
  }
  if (target !== undefined && copyBase !== undefined) {
    await writeOutputFile(target, await writeAnnotatedCopy(copyBase, result, { inflate: nodeInflate }));
    if (!values.json) out(`已写出带标注的副本：${values.out}${loaded.format.kind === 'xlsx' ? '' : `（原文件为${formatName(loaded.format).zh}，无法在原格式中加批注，副本为 .xlsx 格式）`}`);
  }
  const failing = failOn === 'error' ? result.summary.errors : failOn === 'warning' ? result.summary.errors + result.summary.warnings : 0;
  return failing > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** Excel refuses an .xlsx that holds macros and an .xlsm that does not: the copy's name must match its content. */
async function checkCopyExtension(bytes: Uint8Array, target: string, given: string): Promise<void> {
  const extension = await copyExtension(bytes, { inflate: nodeInflate });
  const named = /\.xls[xm]$/i.exec(target)?.[0].toLowerCase();
  if (named === undefined || named === extension) return;
  throw new CliError(
    extension === '.xlsm' ? `输入为启用宏的工作簿，副本保留其宏，--out 须以 .xlsm 结尾：${given}` : `输入不含宏，--out 须以 .xlsx 结尾：${given}`,
    `the copy is ${extension === '.xlsm' ? 'macro-enabled' : 'not macro-enabled'}: --out must end with ${extension} (Excel refuses a mismatched extension)`,
  );
}

/** What ran and what could not, under a table: the checks that did not run with why, and unsure columns. */
function coverageLines(c: TableCoverage): string[] {
  const out: string[] = [];
  const notRun = c.checks.filter((k) => !k.ran);
  const limited = c.checks.filter((k) => k.ran && k.note);
  if (c.rules) out.push(`评分标准：${c.rules.indicators} 条，已识别 ${c.rules.read}，未能识别 ${c.rules.notUnderstood}，空 ${c.rules.empty}`);
  if (notRun.length) out.push(`未核对：${notRun.map((k) => `${k.name}（${k.note}）`).join('；')}`);
  for (const k of limited) out.push(`部分核对：${k.name}（${k.note}）`);
  for (const r of c.readAs ?? []) out.push(`读法：${r}`);
  for (const i of c.unsure) out.push(`列 ${columnLetters(i.col)}「${i.header || '无表头'}」按${ROLE_ZH[i.role] ?? i.role}处理（${i.source === 'content' ? '由单元格内容判断' : '表头含义不唯一'}，置信度 ${Math.round(i.confidence * 100)}%${i.why ? `：${i.why}` : ''}）`);
  return out;
}

function printHuman(source: string, result: ReturnType<typeof auditWorkbook>, out: (s: string) => void): void {
  const s = result.summary;
  if (result.tables.length === 0) {
    out(`${source}：未识别到评分表、汇总表、完成情况表、满意度表、自评表或金额合计表，未做核对。(no recognisable table)`);
    for (const n of result.coverage.notices) out(`  ${n.message}`);
    return;
  }
  const skipped = result.coverage.tables.reduce((n, c) => n + c.checks.filter((k) => !k.ran).length, 0);
  const unread = result.coverage.tables.reduce((n, c) => n + (c.rules?.notUnderstood ?? 0), 0);
  const limits = [skipped ? `${skipped} 项核对未能进行` : '', unread ? `${unread} 条评分标准未能识别` : '', result.coverage.notices.length ? `${result.coverage.notices.length} 处疑似表格未识别` : ''].filter(Boolean);
  out(`${source}：${s.tables} 个表格，${s.indicators} 个评分指标；错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}${s.totalScore !== undefined ? `；总分 ${s.totalScore}${s.grade ? `（${s.grade}）` : ''}` : ''}${limits.length ? `；${limits.join('，')}（见各表“未核对”）` : ''}`);
  const byTable = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const key = `${f.sheet}\u0000${f.table ?? ''}`;
    byTable.set(key, [...(byTable.get(key) ?? []), f]);
  }
  let lastSheet = '';
  for (const t of result.tables) {
    const list = byTable.get(`${t.sheet}\u0000${rangeA1(t.range)}`) ?? [];
    if (t.sheet !== lastSheet) {
      out(`\n[${t.sheet}]`);
      lastSheet = t.sheet;
    }
    out(`  ${rangeA1(t.range)} ${KIND_LABELS[t.kind]}${t.title ? ` «${t.title}»` : ''}：${list.length === 0 ? '未发现问题' : `${list.length} 项`}`);
    const cov = result.coverage.tables.find((c) => c.sheet === t.sheet && c.table === rangeA1(t.range));
    const continued = continuationText(t);
    if (continued) out(`    ${continued}`);
    if (cov) for (const line of coverageLines(cov)) out(`    ${line}`);
    for (const f of list) out(`    ${f.cell.padEnd(6)} ${SEVERITY_ZH[f.severity]}  ${checkName(f.code)}：${f.message}`);
  }
  for (const n of result.coverage.notices) out(`  ${n.message}`);
  const loose = result.findings.filter((f) => !f.table);
  for (const f of loose) out(`  ${f.sheet}!${f.cell} ${SEVERITY_ZH[f.severity]}  ${checkName(f.code)}：${f.message}`);
}
