import { readFileSync } from 'node:fs';
import path from 'node:path';
jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } }));
/**
 * The pane's hosts without a browser: the browser host reads a picked file and writes the
 * annotated copy; the Excel host, on the strict fake Excel, checks requirement sets and the file
 * format first (review R9), keeps review states in the workbook, selects cells, and orders
 * review-column insertions so none shifts a later table.
 */
import ExcelJS from 'exceljs';
import { FakeExcel } from './excel/fake-excel';
import { REVIEWS_KEY } from '../../src/excel/reviews';
import type { DetectedTable } from '../../src/core/layout/types';
import { parseRangeA1 } from '../../src/core/sheet/address';
import { annotatedName, createBrowserHost } from '../../src/taskpane/browserHost';
import { createExcelHost, hiddenSheetMessage, isLegacyWorkbook, LEGACY_NOTICE, LEGACY_REVIEW_REASON, NO_COMMENTS_NOTICE, OLD_EXCEL_NOTICE, reviewOrder } from '../../src/taskpane/excelHost';
import type { Notice } from '../../src/taskpane/host';
import { describeError } from '../../src/taskpane/host';
import { auditWorkbook } from '../../src/core/audit/audit';
import { WorkbookReadError } from '../../src/io/reader';

function table(sheet: string, range: string, kind: DetectedTable['kind'] = 'scoring'): DetectedTable {
  return { sheet, kind, range: parseRangeA1(range), headerRow: 1, headerRows: 1, columns: {}, dataRows: [], indicators: [], totals: [], groups: [] } as DetectedTable;
}

describe('browser host', () => {
  it('names the annotated copy after the original', () => {
    expect(annotatedName('评分表.xlsx')).toBe('评分表.审核.xlsx');
    expect(annotatedName('Book.XLSM')).toBe('Book.审核.xlsx');
    expect(annotatedName('Book.xlsm', '.xlsm')).toBe('Book.审核.xlsm');
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

  it('names the copy of a macro-enabled workbook .xlsm, with its type (Excel refuses macros in an .xlsx)', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(__dirname, '../fixtures/bad/13-macro.xlsm')));
    const host = createBrowserHost();
    host.setFile({ name: '宏.xlsm', size: bytes.byteLength, bytes });
    const copy = await host.annotatedCopy(auditWorkbook(await host.read('workbook')));
    expect([copy.name, copy.mime]).toEqual(['宏.审核.xlsm', 'application/vnd.ms-excel.sheet.macroEnabled.12']);
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

const all = () => true;
const upTo = (minor: number) => (_set: string, v: string) => Number(v.split('.')[1]) <= minor;

function scoringWorkbook(name = '评分表.xlsx') {
  const x = new FakeExcel([
    { name: '表1', values: [['指标', '分值', '评分标准', '得分'], ['立项', 3, '完全符合得3分', 2]] },
    { name: '表2', values: [['x']] },
  ]);
  x.name = name;
  return x;
}

describe('excel host', () => {
  it('knows the compatibility-mode formats', () => {
    expect(['a.xls', 'A.XLS', 'b.xlt ', 'c.xlsx', 'd.xlsm', 'e.xlsb', 'Book1', ''].map(isLegacyWorkbook)).toEqual([true, true, true, false, false, false, false, false]);
  });

  it('warns at start-up on an .xls workbook and on an Excel too old to read, and says nothing otherwise', async () => {
    const legacy = scoringWorkbook('评分表.xls');
    await expect(createExcelHost({ run: legacy.run, supports: all }).startupNotices!()).resolves.toEqual([LEGACY_NOTICE]);
    const fine = scoringWorkbook();
    await expect(createExcelHost({ run: fine.run, supports: all }).startupNotices!()).resolves.toEqual([]);
    await expect(createExcelHost({ run: fine.run, supports: () => false }).startupNotices!()).resolves.toEqual([OLD_EXCEL_NOTICE]);
    await expect(createExcelHost({ run: fine.run, supports: upTo(9) }).startupNotices!()).resolves.toEqual([NO_COMMENTS_NOTICE]);
    expect(LEGACY_NOTICE.zh).toMatch(/另存为.*\.xlsx/);
  });

  it('writes no review columns into an .xls workbook, where PERF cannot calculate', async () => {
    const x = scoringWorkbook('评分表.xls');
    const host = createExcelHost({ run: x.run, supports: all });
    const t: DetectedTable = { ...table('表1', 'A1:D2'), columns: { name: 1, weight: 2, criteria: 3, score: 4 }, indicators: [{ row: 2, path: ['立项'] }] };
    const r = await host.marking!.insertReviewColumns([t]);
    expect(r.skipped).toEqual([{ sheet: '', reason: LEGACY_REVIEW_REASON }]);
    expect(x.sheet('表1').get(1, 5)).toBeUndefined();
    // The same table in an .xlsx gets its column.
    const y = scoringWorkbook();
    await createExcelHost({ run: y.run, supports: all }).marking!.insertReviewColumns([t]);
    expect(y.sheet('表1').get(2, 5)?.formula).toBe('=PERF.CHECK(C2,B2,D2)');
  });

  it('keeps 已复核 / 忽略 in the workbook settings, for the next time the pane opens it', async () => {
    const x = scoringWorkbook();
    const host = createExcelHost({ run: x.run, supports: all });
    expect(host.reviews.persistent).toBe(true);
    await expect(host.reviews.load()).resolves.toEqual({});
    await host.reviews.save({ 'a|b|c': 'reviewed', 'd|e|f': 'ignored' });
    expect(JSON.parse(String(x.settings.get(REVIEWS_KEY)))).toEqual({ version: 1, states: { 'a|b|c': 'reviewed', 'd|e|f': 'ignored' } });
    await expect(createExcelHost({ run: x.run, supports: all }).reviews.load()).resolves.toEqual({ 'a|b|c': 'reviewed', 'd|e|f': 'ignored' });
    await host.reviews.save({});
    expect(x.settings.has(REVIEWS_KEY)).toBe(false);
    // A value it cannot read is no review state, not a crash.
    x.settings.set(REVIEWS_KEY, '{not json');
    await expect(host.reviews.load()).resolves.toEqual({});
  });

  it('activates the sheet and selects the cell of a finding, every batch with delayForCellEdit', async () => {
    const x = scoringWorkbook();
    await createExcelHost({ run: x.run, supports: all }).selectCell('表2', 'A1');
    expect(x.activeSheet).toBe('表2');
    expect(x.selections).toEqual(['表2!A1']);
    expect(x.runs.every((o) => o.delayForCellEdit === true)).toBe(true);
  });

  it('says a finding sits on a hidden sheet instead of letting Excel refuse (and retry) the selection', async () => {
    const x = scoringWorkbook();
    x.sheet('表2').visibility = 'Hidden';
    await expect(createExcelHost({ run: x.run, supports: all, sleep: async () => undefined }).selectCell('表2', 'A1')).rejects.toMatchObject({ messageZh: hiddenSheetMessage('表2') });
    expect(x.runs).toHaveLength(1);
    expect(x.selections).toEqual([]);
  });

  it('passes on what the reader could not read in full', async () => {
    const x = scoringWorkbook();
    x.sheet('表1').cells.set('1048576,4', { value: 'x', formula: 'x', format: 'General' });
    const notices: Notice[] = [];
    const model = await createExcelHost({ run: x.run, supports: all }).read('sheet', undefined, (n) => notices.push(n));
    expect(model.sheets[0].value(2, 1)).toBe('立项');
    expect(notices).toEqual([{ intent: 'warning', zh: expect.stringContaining('只读取了 A1:D250000') }]);
  });

  it('inserts review columns right-most table first on each sheet, scoring tables only', () => {
    const tables = [table('表1', 'A2:I16'), table('表1', 'K2:S16'), table('表1', 'A20:E30', 'summary'), table('表2', 'A1:G9'), table('表1', 'A40:F50')];
    expect(reviewOrder(tables).map((t) => `${t.sheet}!${t.range.left}-${t.range.right}`)).toEqual(['表1!11-19', '表1!1-9', '表1!1-6', '表2!1-7']);
  });
});
