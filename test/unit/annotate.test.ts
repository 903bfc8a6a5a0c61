import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditWorkbook, AuditResult } from '../../src/core/audit/audit';
import { checkName, FINDING_CATALOGUE } from '../../src/core/audit/catalogue';
import { LEGEND_SHEET, REPORT_SHEET, RESULT_SHEET, writeAnnotatedCopy } from '../../src/io/annotate';
import { readWorkbook } from '../../src/io/reader';

const root = join(__dirname, '..', '..');
const FILL = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' } as const;
const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

/** Everything of a sheet a user would miss if the copy lost it: values, formulas, formats, styles, merges. */
function snapshot(ws: ExcelJS.Worksheet, skipFill: Set<string>): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      cells[c.address] = { value: c.value, numFmt: c.numFmt, font: c.font, border: c.border, alignment: c.alignment, protection: c.protection, ...(skipFill.has(c.address) ? {} : { fill: c.fill }) };
    }),
  );
  const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort();
  return { cells, merges, widths: ws.columns?.map((c) => c.width), views: ws.views, pageSetup: ws.pageSetup };
}

const worst = (severities: string[]) => (['error', 'warning', 'info'] as const).find((s) => severities.includes(s))!;

describe.each([['samples/韶关绩效评价评分表.xlsx'], ['test/fixtures/xlsx/selfeval-faulty.xlsx'], ['test/fixtures/xlsx/seed003-completion.xlsx']])('annotated copy of %s', (file) => {
  let original: ExcelJS.Workbook;
  let copy: ExcelJS.Workbook;
  let result: AuditResult;
  let zip: JSZip;
  beforeAll(async () => {
    const bytes = readFileSync(join(root, file));
    result = auditWorkbook(await readWorkbook(bytes, file));
    original = new ExcelJS.Workbook();
    await original.xlsx.load(bytes as unknown as ArrayBuffer);
    const out = await writeAnnotatedCopy(bytes, result);
    copy = new ExcelJS.Workbook();
    await copy.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    zip = await JSZip.loadAsync(out);
  });

  it('finds something to mark (else the test below proves nothing)', () => {
    expect(result.findings.length).toBeGreaterThan(0);
  });

  it('keeps every value, formula, format, style and merge of every original sheet; only flagged cells get a fill', () => {
    for (const ws of original.worksheets) {
      const flagged = new Set(result.findings.filter((f) => f.sheet === ws.name).map((f) => f.cell));
      expect(snapshot(copy.getWorksheet(ws.name)!, flagged)).toEqual(snapshot(ws, flagged));
    }
  });

  it('fills each flagged cell by its worst severity and keeps a 【评分审核】 note with every message', () => {
    const bySheetCell = new Map<string, typeof result.findings>();
    for (const f of result.findings) bySheetCell.set(`${f.sheet}!${f.cell}`, [...(bySheetCell.get(`${f.sheet}!${f.cell}`) ?? []), f]);
    for (const [key, fs] of bySheetCell) {
      const [sheet, cell] = key.split('!');
      const c = copy.getWorksheet(sheet)!.getCell(cell);
      expect({ key, fill: (c.fill as ExcelJS.FillPattern).fgColor?.argb }).toEqual({ key, fill: FILL[worst(fs.map((f) => f.severity))] });
      const note = JSON.stringify(c.note);
      expect(note).toContain('【评分审核】');
      for (const f of fs) expect(note).toContain(JSON.stringify(`（${checkName(f.code)}）：${f.message}`).slice(1, -1));
      for (const f of fs) expect(note).not.toContain(f.code);
    }
  });

  it('adds 审核结果: the eight columns, one linked row per finding with the Chinese check name, ready to print', async () => {
    const ws = copy.getWorksheet(RESULT_SHEET)!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['表格', '指标名称', '单元格', '严重程度', '检查项', '说明', '应为', '实为']);
    expect(ws.rowCount).toBe(result.findings.length + 1);
    // Links inside the workbook (<hyperlink location=…>): exceljs does not read them, the part says it.
    const links = new Map<string, string>();
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async('string');
      for (const m of xml.matchAll(/<hyperlink ref="([A-Z]+\d+)" location="([^"]*)"/g)) links.set(m[1], m[2].replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    }
    result.findings.forEach((f, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(3).value).toBe(`${f.sheet}!${f.cell}`);
      expect(links.get(`C${i + 2}`)).toBe(`'${f.sheet.replace(/'/g, "''")}'!${f.cell}`);
      expect(row.getCell(4).value).toBe(SEVERITY[f.severity]);
      expect(row.getCell(5).value).toBe(FINDING_CATALOGUE[f.code].name);
      expect(row.getCell(5).value).not.toMatch(/[a-z]\.[a-z]/); // never the code
      expect(row.getCell(6).value).toBe(f.message);
      expect(row.getCell(6).alignment?.wrapText).toBe(true);
      // A rate is shown as the message says it: as a percent (0.00%), not as a fraction.
      if (f.display === 'percent') for (const c of [7, 8]) if (typeof row.getCell(c).value === 'number') expect(row.getCell(c).numFmt).toBe('0.00%');
    });
    expect(result.findings.some((f) => f.display === 'percent')).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:H${result.findings.length + 1}`);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
  });

  it('adds 审核报告 (per table and per 一级指标) and 审核图例 (the fills)', () => {
    const report = copy.getWorksheet(REPORT_SHEET)!;
    const texts: string[] = [];
    report.eachRow((row) => texts.push((row.values as unknown[]).slice(1).map((v) => (v === undefined ? '' : String(v))).join('|')));
    expect(report.getCell('A1').value).toBe('评分审核报告');
    expect(texts).toContain('表格|类型|指标数|分值|得分|得分率|错误|警告|提示');
    for (const t of result.tables) expect(texts.some((line) => line.includes(`${t.sheet}!`))).toBe(true);
    const legend = copy.getWorksheet(LEGEND_SHEET)!;
    const swatches: Record<string, string | undefined> = {};
    legend.eachRow((row) => {
      const v = row.getCell(1).value;
      if (v === '错误' || v === '警告' || v === '提示') swatches[v] = (row.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb;
    });
    expect(swatches).toEqual({ 错误: FILL.error, 警告: FILL.warning, 提示: FILL.info });
    // The new sheets come after the user's, which keep their order.
    expect(copy.worksheets.map((w) => w.name)).toEqual([...original.worksheets.map((w) => w.name), REPORT_SHEET, RESULT_SHEET, LEGEND_SHEET]);
    expect(Object.keys(zip.files).some((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))).toBe(true);
  });
});

describe('the 审核报告 of the sample workbook', () => {
  it('agrees with the workbook’s own 评价情况总表 and charts the rates', async () => {
    const bytes = readFileSync(join(root, 'samples/韶关绩效评价评分表.xlsx'));
    const result = auditWorkbook(await readWorkbook(bytes, 'sample.xlsx'));
    const out = await writeAnnotatedCopy(bytes, result);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet(REPORT_SHEET)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    // 表2-1 of the workbook states 一、投入指标 20 / 16.00 / 80.00%; 表1 holds its indicators.
    const input = rows.find((r) => String(r[0]).startsWith('表1') && r[1] === '投入')!;
    expect(input.slice(2, 6)).toEqual([9, 20, 16, 0.8]);
    const zip = await JSZip.loadAsync(out);
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:barChart>');
    expect(chart).toContain('<c:v>0.8</c:v>');
    expect(chart).toMatch(/<c:f>'审核报告'!\$A\$\d+:\$A\$\d+<\/c:f>/);
  });
});

describe('a flagged cell that already has a note', () => {
  it('keeps the user’s note first and adds ours after it; other notes stay as they were', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('评分表');
    ws.addRow(['一级指标', '二级指标', '三级指标', '权重（%）', '评分标准', '评分', '评分理由及依据']);
    ws.addRow(['产出', '数量', '指标甲', 2, '完成得2分，未完成不计分。', 1.5, '']);
    ws.addRow(['产出', '数量', '指标乙', 2, '完成得2分，未完成不计分。', 2, '']);
    ws.getCell('F2').note = '复核人：张三，已与单位核实';
    ws.getCell('C3').note = '指标乙另见附件';
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const result = auditWorkbook(await readWorkbook(bytes, 'notes.xlsx'));
    expect(result.findings.map((f) => f.cell)).toContain('F2');
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(Buffer.from(await writeAnnotatedCopy(bytes, result)) as unknown as ArrayBuffer);
    const text = (note: unknown) => (typeof note === 'string' ? note : ((note as { texts?: Array<{ text: string }> }).texts ?? []).map((t) => t.text).join(''));
    const flagged = text(copy.getWorksheet('评分表')!.getCell('F2').note);
    expect(flagged.startsWith('复核人：张三，已与单位核实')).toBe(true);
    expect(flagged).toMatch(/【评分审核】错误/);
    expect(text(copy.getWorksheet('评分表')!.getCell('C3').note)).toBe('指标乙另见附件');
  });
});
