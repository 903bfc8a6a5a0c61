import { continuationText } from '../core/layout/continuation';
import { detectWorkbook } from '../core/layout/detect';
import { KIND_LABELS, tableToJSON } from '../core/layout/json';
import { columnLetters, rangeA1 } from '../core/sheet/address';
import { columnOverrides, EXIT_OK, loadWorkbook, notExamined, notExaminedLines } from './io';

export async function runDetect(file: string, opts: { json: boolean; columns?: string }, out: (s: string) => void): Promise<number> {
  const { workbook } = await loadWorkbook(file);
  const tables = detectWorkbook(workbook, columnOverrides(opts.columns, workbook));
  if (opts.json) {
    const skipped = notExamined(workbook);
    out(JSON.stringify({ file: workbook.source, tables: tables.map(tableToJSON), ...(skipped.length > 0 ? { notExamined: skipped } : {}) }));
    return EXIT_OK;
  }
  for (const line of notExaminedLines(notExamined(workbook))) out(line);
  if (workbook.sheets.every((s) => s.rowCount === 0)) {
    out(`${workbook.source}：工作簿为空，没有可识别的表格。(the workbook is empty)`);
    return EXIT_OK;
  }
  if (tables.length === 0) {
    out(`${workbook.source}：未识别到评分表、汇总表、完成情况表、满意度表、自评表或金额合计表。(no recognisable table)`);
    return EXIT_OK;
  }
  out(`${workbook.source}：识别到 ${tables.length} 个表格`);
  for (const t of tables) {
    const roles = Object.entries(t.columns)
      .filter(([, c]) => c !== undefined)
      .map(([role, c]) => `${role}=${columnLetters(c!)}`)
      .join(' ');
    out(`  ${t.sheet}!${rangeA1(t.range)}  ${KIND_LABELS[t.kind]}(${t.kind})  表头第 ${t.headerRow - t.headerRows + 1}${t.headerRows > 1 ? `–${t.headerRow}` : ''} 行  指标 ${t.indicators.length} 个  ${roles}${t.title ? `  «${t.title}»` : ''}`);
    const continued = continuationText(t);
    if (continued) out(`    ${continued}`);
    for (const i of t.inference ?? []) if (i.source !== 'header' || i.confidence < 1) out(`    列 ${columnLetters(i.col)}「${i.header || '无表头'}」→ ${i.role}（${i.source === 'user' ? '按 --columns 指定' : i.source === 'content' ? '由单元格内容判断' : '表头含义不唯一'}，置信度 ${Math.round(i.confidence * 100)}%${i.why ? `：${i.why}` : ''}）`);
  }
  return EXIT_OK;
}
