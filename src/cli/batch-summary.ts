/**
 * DIR/汇总.xlsx, the batch's one output for people: 汇总 (one row per file), 问题清单 (every finding
 * with its file, filterable, checks by their Chinese names) and 无法读取 (the files not audited and
 * why). Text from the inputs is written as text (inline strings), never as a formula. Written as
 * plain worksheet parts (src/io/annotate-sheets.ts, src/io/xlsx-write.ts), zipped by Node's zlib (zip-write.ts).
 */
import { writeFile } from 'node:fs/promises';
import { checkName } from '../core/audit/catalogue';
import { KIND_LABELS } from '../core/layout/json';
import { absoluteRange, OutCell, worksheetXml } from '../io/annotate-sheets';
import { stylesXml, xlsxPackageParts } from '../io/xlsx-write';
import type { BatchRecord, BatchStatus } from './batch-record';
import { zipParts } from './zip-write';

export const SUMMARY_WORKBOOK = '汇总.xlsx';
export const SHEET_FILES = '汇总';
export const SHEET_FINDINGS = '问题清单';
export const SHEET_UNREAD = '无法读取';

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;
const STATUS_ZH: Record<BatchStatus, string> = { ok: '已审核', unreadable: '无法读取', timeout: '超时', memory: '内存超限', crashed: '审核出错' };

/** Cell formats of the summary: 0 default, 1 the bold header, 2 a percentage. */
const HEADER_STYLE = 1;
const PERCENT_STYLE = 2;
const STYLES = stylesXml([
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
], [[165, '0.0%']]);

type Value = string | number | null;

/** A sheet with a bold, frozen header row and a filter over its rows. */
function sheetWith(name: string, columns: Array<{ header: string; width: number }>, rows: Value[][], styleOf: (col: number) => number | undefined = () => undefined): { name: string; xml: string } {
  const header: OutCell[] = columns.map((c) => ({ value: c.header, style: HEADER_STYLE }));
  const body: OutCell[][] = rows.map((r) => r.map((value, k) => ({ value, style: value === null ? undefined : styleOf(k) })));
  return {
    name,
    xml: worksheetXml({ widths: columns.map((c) => c.width), rows: [header, ...body], frozenRows: 1, autoFilter: absoluteRange(1, 1, rows.length + 1, columns.length).replace(/\$/g, '') }),
  };
}

/** Write the summary workbook of `records` to `path`. */
export async function writeSummaryWorkbook(records: BatchRecord[], path: string): Promise<void> {

  const fileColumns = [
    { header: '文件', width: 40 },
    { header: '格式', width: 22 },
    { header: '单位/项目', width: 40 },
    { header: '表格类型', width: 28 },
    { header: '总分', width: 8 },
    { header: '等级', width: 6 },
    { header: '错误', width: 6 },
    { header: '警告', width: 6 },
    { header: '提示', width: 6 },
    { header: '最严重的问题', width: 60 },
    { header: '评分标准识别率', width: 14 },
    { header: '状态', width: 10 },
  ];
  const fileRows = records.map((r): Value[] => {
    const coverage = r.coverage && r.coverage.total > 0 ? r.coverage.understood / r.coverage.total : null;
    const worst = r.worst ? `[${SEVERITY_ZH[r.worst.severity]}] ${r.worst.name}：${r.worst.sheet}!${r.worst.cell} ${r.worst.message}` : '';
    return [
      r.file,
      r.formatName ?? '',
      r.name ?? '',
      (r.kinds ?? []).map((k) => KIND_LABELS[k]).join('、'),
      r.totalScore ?? null,
      r.grade ?? '',
      r.status === 'ok' ? r.errors : null,
      r.status === 'ok' ? r.warnings : null,
      r.status === 'ok' ? r.infos : null,
      r.status === 'ok' ? worst : (r.reason ?? ''),
      coverage,
      STATUS_ZH[r.status],
    ];
  });
  const files = sheetWith(SHEET_FILES, fileColumns, fileRows, (col) => (col === 10 ? PERCENT_STYLE : undefined));

  const findingColumns = [
    { header: '文件', width: 40 },
    { header: '工作表', width: 24 },
    { header: '单元格', width: 8 },
    { header: '级别', width: 6 },
    { header: '检查项', width: 28 },
    { header: '说明', width: 80 },
    { header: '应为', width: 14 },
    { header: '实际', width: 14 },
    { header: '依据', width: 50 },
    { header: '检查代码', width: 28 },
  ];
  const findingRows = records.flatMap((r) => (r.findings ?? []).map((f): Value[] => [r.file, f.sheet, f.cell, SEVERITY_ZH[f.severity], checkName(f.code), f.message, f.expected ?? '', f.actual ?? '', f.rule, f.code]));
  const list = sheetWith(SHEET_FINDINGS, findingColumns, findingRows);

  const unreadColumns = [
    { header: '文件', width: 40 },
    { header: '状态', width: 10 },
    { header: '原因', width: 100 },
  ];
  const failed = records.filter((r) => r.status !== 'ok');
  const unread = sheetWith(SHEET_UNREAD, unreadColumns, failed.map((r) => [r.file, STATUS_ZH[r.status], r.reason ?? '']));
  await writeFile(path, zipParts(xlsxPackageParts([files, list, unread], STYLES)));
}
