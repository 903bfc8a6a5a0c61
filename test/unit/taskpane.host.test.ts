/**
 * The pane's hosts without a browser: the browser host reads a picked file and writes the
 * annotated copy; the Excel host orders review-column insertions so none shifts a later table.
 */
import ExcelJS from 'exceljs';
import type { DetectedTable } from '../../src/core/layout/types';
import { parseRangeA1 } from '../../src/core/sheet/address';
import { annotatedName, createBrowserHost } from '../../src/taskpane/browserHost';
import { reviewOrder } from '../../src/taskpane/excelHost';
import { describeError } from '../../src/taskpane/host';
import { auditWorkbook } from '../../src/core/audit/audit';
import { WorkbookReadError } from '../../src/io/reader';

function table(sheet: string, range: string, kind: DetectedTable['kind'] = 'scoring'): DetectedTable {
  return { sheet, kind, range: parseRangeA1(range), headerRow: 1, headerRows: 1, columns: {}, dataRows: [], indicators: [], totals: [], groups: [] };
}

describe('browser host', () => {
  it('names the annotated copy after the original', () => {
    expect(annotatedName('评分表.xlsx')).toBe('评分表.审核.xlsx');
    expect(annotatedName('Book.XLSM')).toBe('Book.审核.xlsx');
    expect(annotatedName('a.b.xlsx')).toBe('a.b.审核.xlsx');
    expect(annotatedName('noext')).toBe('noext.审核.xlsx');
  });

  it('reads the picked file, audits it and writes the annotated copy with a 审核结果 sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表1');
    [
      ['一级指标', '二级指标', '三级指标', '权重（%）', '评分标准', '评分', '评分理由及依据'],
      ['决策', '过程管理', '计划安排合理性', 1, '1、有会议纪要并能提供记录材料，得1分；\n2、提供的材料不够全面，得0.5分；\n3、不能提供以上材料，0分。', 0.75, ''],
      ['产出', '产出数量', '对照指标', 2, '完成得2分，未完成不计分。', 2, ''],
    ].forEach((r) => ws.addRow(r));
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const host = createBrowserHost();
    await expect(host.read('workbook')).rejects.toBeInstanceOf(WorkbookReadError);
    host.setFile({ name: 'x.xlsx', size: bytes.byteLength, bytes });
    const progress: number[] = [];
    const model = await host.read('workbook', (p) => progress.push(p.done));
    expect(progress).toEqual([0, 1]);
    const result = auditWorkbook(model);
    expect(result.findings.some((f) => f.sheet === '表1' && f.cell === 'F2')).toBe(true);
    const copy = await host.annotatedCopy(result);
    expect(copy.name).toBe('x.审核.xlsx');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(copy.bytes) as unknown as ArrayBuffer);
    expect(back.getWorksheet('审核结果')).toBeDefined();
  });

  it('turns a bad file into a Chinese and English message', async () => {
    const host = createBrowserHost();
    host.setFile({ name: 'bad.xlsx', size: 3, bytes: new Uint8Array([1, 2, 3]) });
    const error = await host.read('workbook').catch((e: unknown) => e);
    const d = describeError(error);
    expect(d.zh).toMatch(/[\u4e00-\u9fa5]/);
    expect(d.en).toMatch(/xlsx/);
    expect(describeError(new Error('boom'))).toEqual({ zh: 'boom' });
    expect(describeError(Object.assign(new Error('Busy'), { code: 'InvalidOperationInCellEditMode' })).zh).toBe('Busy（InvalidOperationInCellEditMode）');
  });
});

describe('excel host', () => {
  it('inserts review columns right-most table first on each sheet, scoring tables only', () => {
    const tables = [table('表1', 'A2:I16'), table('表1', 'K2:S16'), table('表1', 'A20:E30', 'summary'), table('表2', 'A1:G9'), table('表1', 'A40:F50')];
    expect(reviewOrder(tables).map((t) => `${t.sheet}!${t.range.left}-${t.range.right}`)).toEqual(['表1!11-19', '表1!1-9', '表1!1-6', '表2!1-7']);
  });
});
