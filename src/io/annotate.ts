import ExcelJS from 'exceljs';
import { KIND_LABELS } from '../core/layout/json';
import { rangeA1 } from '../core/sheet/address';
import type { AuditResult } from '../core/audit/audit';
import type { Finding } from '../core/audit/types';

const excelInput = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer;

export const RESULT_SHEET = '审核结果';
const NOTE_MARK = '【评分审核】';
const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;

function noteText(findings: Finding[]): string {
  return findings.map((f) => `${NOTE_MARK}${SEVERITY_ZH[f.severity]}：${f.message}\n依据：${f.rule}`).join('\n\n');
}

function existingNote(cell: ExcelJS.Cell): string {
  const n = cell.note as unknown;
  if (!n) return '';
  if (typeof n === 'string') return n;
  const texts = (n as { texts?: Array<{ text: string }> }).texts;
  return texts ? texts.map((t) => t.text).join('') : '';
}

function uniqueSheetName(wb: ExcelJS.Workbook, base: string): string {
  let name = base;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${base}(${i})`;
  return name;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * A copy of the workbook with a note on each flagged cell (after any note the user had) and a
 * 审核结果 sheet listing the findings with links to their cells. Values, formulas and formats
 * of the user's sheets are left as they are.
 */
export async function writeAnnotatedCopy(data: ArrayBuffer | Uint8Array, result: AuditResult): Promise<Uint8Array> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(excelInput(bytes));

  const byCell = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const key = `${f.sheet}\u0000${f.cell}`;
    byCell.set(key, [...(byCell.get(key) ?? []), f]);
  }
  for (const [key, list] of byCell) {
    const [sheetName, address] = key.split('\u0000');
    const ws = wb.getWorksheet(sheetName);
    if (!ws) continue;
    const cell = ws.getCell(address);
    const before = existingNote(cell);
    cell.note = before ? `${before}\n\n${noteText(list)}` : noteText(list);
  }

  const ws = wb.addWorksheet(uniqueSheetName(wb, RESULT_SHEET));
  ws.columns = [
    { header: '工作表', width: 14 },
    { header: '单元格', width: 10 },
    { header: '级别', width: 8 },
    { header: '检查项', width: 28 },
    { header: '说明', width: 80 },
    { header: '应为', width: 16 },
    { header: '实际', width: 16 },
    { header: '依据', width: 50 },
    { header: '所在表格', width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const f of result.findings) {
    const row = ws.addRow([f.sheet, '', SEVERITY_ZH[f.severity], f.code, f.message, f.expected ?? '', f.actual ?? '', f.rule, f.table ?? '']);
    row.getCell(2).value = { text: f.cell, hyperlink: `#${quoteSheet(f.sheet)}!${f.cell}` };
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
  }
  const s = result.summary;
  ws.addRow([]);
  ws.addRow([`共识别 ${s.tables} 个表格、${s.indicators} 个评分指标；错误 ${s.errors} 项，警告 ${s.warnings} 项，提示 ${s.infos} 项`]);
  for (const t of result.tables) ws.addRow([`${t.sheet}!${rangeA1(t.range)}`, KIND_LABELS[t.kind], '', '', t.title ?? '']);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
