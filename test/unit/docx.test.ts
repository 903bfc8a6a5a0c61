/**
 * Tables inside Word reports: the seed reports built as .docx (test/fixtures/docx/build.ts) read
 * into sheets named by their captions, with the merges Word expresses as gridSpan and vMerge; the
 * audit finds in them what it finds in the .xlsx made from the same seed data; the prose check
 * compares the total and grade the text states with the tables.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditWorkbook } from '../../src/core/audit/audit';
import { checkName } from '../../src/core/audit/catalogue';
import { SheetModel, WorkbookModel } from '../../src/core/sheet/model';
import { parseDocumentXml } from '../../src/io/docx/document';
import { cellFromText, MAX_DOCX_TABLES, MAX_DOCX_XML_BYTES, PROSE_SHEET, readDocxWorkbook } from '../../src/io/docx/workbook';
import { readAnyWorkbook } from '../../src/io/read-any';
import { readWorkbook, WorkbookReadError } from '../../src/io/reader';
import { buildReportDocx, REPORTS, ReportSpec, SEED000_REPORT, SEED003_REPORT, SEED003_REPORT_WRONG_PROSE } from '../fixtures/docx/build';

const XLSX = join(__dirname, '../fixtures/xlsx');

async function read(spec: ReportSpec): Promise<WorkbookModel> {
  return readDocxWorkbook(await buildReportDocx(spec), spec.name);
}

/** Every cell as shown, row by row, over the union of both sheets' extents. */
function grid(s: SheetModel, rows: number, cols: number): string[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => s.text(r + 1, c + 1)));
}

describe('a Word report read into sheets', () => {
  let report: WorkbookModel;
  let xlsx: WorkbookModel;
  beforeAll(async () => {
    report = await read(SEED003_REPORT);
    xlsx = await readWorkbook(readFileSync(join(XLSX, 'seed003-scoring.xlsx')), 'seed003-scoring.xlsx');
  });

  it('names each table by the caption above it, and keeps the prose in 正文', () => {
    expect(report.sheets.map((s) => s.name)).toEqual([
      '表2-1 评价情况总表',
      '表3-4 2017-2019年工业企业技改完成数量预期目标与完',
      '表3-5 2017-2019年工业投资完成额度预期目标与完成情',
      '表1 绩效评价投入和过程管理共性指标评分表',
      '表2 支持企业技术改造方向绩效评价产出和效果指标评分表',
      '表3 支持产业共建及装备制造方向绩效评价产出和效果指标评分表',
      '表4 支持民营经济、中小微企业发展及信息化方向绩效评价产出和效',
      PROSE_SHEET,
    ]);
    expect(report.proseSheet).toBe(PROSE_SHEET);
    const prose = report.sheets.find((s) => s.name === PROSE_SHEET)!;
    expect(prose.text(3, 1)).toMatch(/^评价专家组按照/);
  });

  it.each([0, 1, 2, 3])('scoring table %i: the same cells and merges as the .xlsx made from the same seed table', (i) => {
    const fromWord = report.sheets[3 + i];
    const fromExcel = xlsx.sheets[i];
    const rows = Math.max(fromWord.rowCount, fromExcel.rowCount);
    const cols = Math.max(fromWord.colCount, fromExcel.colCount);
    expect(grid(fromWord, rows, cols)).toEqual(grid(fromExcel, rows, cols));
    const sorted = (s: SheetModel) => [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left);
    expect(sorted(fromWord)).toEqual(sorted(fromExcel));
  });

  it('finds in the Word tables what it finds in the .xlsx: same checks, same cells, the table named by its caption', () => {
    const key = (sheet: string) => sheet.split(' ')[0];
    const fromWord = auditWorkbook(report).findings.filter((f) => /^表\d /.test(f.sheet) && f.code !== 'score.differs-from-completion');
    const fromExcel = auditWorkbook(xlsx).findings;
    expect(fromWord.map((f) => `${key(f.sheet)}!${f.cell} ${f.code}`)).toEqual(fromExcel.map((f) => `${f.sheet}!${f.cell} ${f.code}`));
    expect(fromWord).toHaveLength(5);
    expect(fromWord[0].sheet).toBe('表1 绩效评价投入和过程管理共性指标评分表');
  });

  it('detects the summary and completion tables and reads the total from 表2-1', () => {
    const r = auditWorkbook(report);
    expect(r.tables.map((t) => t.kind)).toEqual(['summary', 'completion', 'completion', 'scoring', 'scoring', 'scoring', 'scoring']);
    expect(r.summary.totalScore).toBe(77.19);
    expect(r.summary.grade).toBe('中');
    // The completion table feeds the cross-table check, as in a workbook.
    expect(r.findings.some((f) => f.code === 'score.differs-from-completion' && f.cell === 'H4')).toBe(true);
  });
});

describe('the prose check: the total and grade the report states against its tables', () => {
  it('finds nothing when the text agrees with 表2-1 (four statements of 77.19 / 中)', async () => {
    const r = auditWorkbook(await read(SEED003_REPORT));
    expect(r.findings.filter((f) => f.code.startsWith('prose.'))).toEqual([]);
  });

  it('flags a stated total and grade that differ from the tables, naming the paragraph', async () => {
    const r = auditWorkbook(await read(SEED003_REPORT_WRONG_PROSE));
    const prose = r.findings.filter((f) => f.code.startsWith('prose.'));
    expect(prose.map((f) => [f.sheet, f.cell, f.code, f.expected, f.actual])).toEqual([
      [PROSE_SHEET, 'A5', 'prose.total-mismatch', 77.19, 79.19],
      [PROSE_SHEET, 'A5', 'prose.grade-mismatch', '中', '良'],
    ]);
    expect(prose[0].message).toBe('正文第 5 段写明总分 79.19 分，而汇总表的合计为 77.19 分');
    expect(prose[1].rule).toBe('综合评定本项目绩效分数为79.19分，绩效等级为“良”');
    expect(checkName(prose[0].code)).toBe('正文所述总分与表格不符');
  });

  it("reads the brief's wording 综合评分为…分，评价等级为'…' and a grade row under the summary", async () => {
    const spec: ReportSpec = {
      ...SEED000_REPORT,
      blocks: [...SEED000_REPORT.blocks, { paragraph: "综合评分为85分，评价等级为'良'。" }],
    };
    const r = auditWorkbook(await read(spec));
    expect(r.summary.totalScore).toBe(90);
    expect(r.findings.map((f) => [f.cell, f.code, f.expected, f.actual])).toEqual([
      ['A5', 'prose.total-mismatch', 90, 85],
      ['A5', 'prose.grade-mismatch', '优', '良'],
    ]);
  });

  it('says when a stated total has no table to be checked against', async () => {
    const r = auditWorkbook(await read({ name: 'p.docx', blocks: [{ paragraph: '经综合评定，项目绩效评价得分为 85.5 分，绩效等级为“良”。' }] }));
    expect(r.findings.map((f) => [f.code, f.actual])).toEqual([['prose.total-unchecked', 85.5]]);
  });

  it('does not take the score of one part for the total', async () => {
    const r = auditWorkbook(await read({ name: 'p.docx', blocks: [{ paragraph: '该指标分值 30 分，评价得分 28 分，得分率为 93.33%。' }] }));
    expect(r.findings).toEqual([]);
  });
});

describe('the WordprocessingML body parser', () => {
  const w = (body: string) => `<w:document xmlns:w="w" xmlns:mc="mc"><w:body>${body}</w:body></w:document>`;
  const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const tc = (inner: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${inner}</w:tc>`;

  it('places cells on the grid: gridBefore, gridSpan, vMerge', () => {
    const doc = parseDocumentXml(
      w(
        p('表3-7 示例') +
          `<w:tbl><w:tr>${tc(p('甲'), '<w:gridSpan w:val="2"/>')}${tc(p('乙'), '<w:vMerge w:val="restart"/>')}</w:tr>` +
          `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p('丙'))}${tc('<w:p/>', '<w:vMerge/>')}</w:tr></w:tbl>`,
      ),
    );
    expect(doc.tables[0].caption).toBe('表3-7 示例');
    expect(doc.tables[0].rows).toEqual([
      [
        { text: '甲', gridCol: 0, span: 2 },
        { text: '乙', gridCol: 2, span: 1, vMerge: 'restart' },
      ],
      [
        { text: '丙', gridCol: 1, span: 1 },
        { text: '', gridCol: 2, span: 1, vMerge: 'continue' },
      ],
    ]);
  });

  it('keeps deleted revisions, field codes, tab stops and text-box fallbacks out of the text; a nested table adds its text to its cell', () => {
    const doc = parseDocumentXml(
      w(
        `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>得分</w:t></w:r><w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:tab/><w:t>90</w:t></w:r>` +
          `<w:r><mc:AlternateContent><mc:Choice><w:txbxContent>${p('框内')}</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>${p('框内')}</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
          `<w:tbl><w:tr>${tc(p('外') + `<w:tbl><w:tr>${tc(p('内'))}</w:tr></w:tbl>`)}</w:tr></w:tbl>`,
      ),
    );
    expect(doc.paragraphs).toEqual(['框内', '得分\t90']);
    expect(doc.tables[0].rows[0].map((c) => c.text)).toEqual(['外\n内']);
  });

  it('gives a table no caption when another table of another width comes right before it', () => {
    const one = `<w:tbl><w:tr>${tc(p('x'))}</w:tr></w:tbl>`;
    const two = `<w:tbl><w:tr>${tc(p('x'))}${tc(p('y'))}</w:tr></w:tbl>`;
    const doc = parseDocumentXml(w(p('表1 甲') + one + two));
    expect(doc.tables.map((t) => t.caption)).toEqual(['表1 甲', undefined]);
  });

  it('joins a table continued by hand (续表, same grid) to its first part, dropping the repeated header', () => {
    const row = (a: string, b: string) => `<w:tr>${tc(p(a))}${tc(p(b))}</w:tr>`;
    const part = (...rows: string[]) => `<w:tbl>${rows.join('')}</w:tbl>`;
    const doc = parseDocumentXml(w(p('表3-7 完成情况') + part(row('指标', '完成率'), row('甲', '90%')) + p('续表3-7') + part(row('指标', '完成率'), row('乙', '80%')) + part(row('丙', '70%')) + p('表3-8 其他') + part(row('丁', '1'))));
    expect(doc.tables.map((t) => [t.caption, t.rows.map((r) => r[0].text)])).toEqual([
      ['表3-7 完成情况', ['指标', '甲', '乙', '丙']],
      ['表3-8 其他', ['丁']],
    ]);
  });
});

describe('cell text as Excel reads a pasted cell', () => {
  it.each([
    ['32.50', { value: 32.5, numFmt: '0.00' }],
    ['40', { value: 40 }],
    ['1,234.5', { value: 1234.5, numFmt: '#,##0.0' }],
    ['80.00%', { value: 0.8, numFmt: '0.00%' }],
    ['-7.37%', { value: -0.0737, numFmt: '0.00%' }],
    ['142.5%', { value: 1.425, numFmt: '0.0%' }],
    ['≥3个', { value: '≥3个' }],
    ['2017', { value: 2017 }],
    ['  ', undefined],
  ])('%s', (text, cell) => {
    expect(cellFromText(text)).toEqual(cell);
  });
});

describe('limits of the Word reader, each with a sentence', () => {
  it('refuses a body that inflates past 64 MB without inflating it all (a zip bomb)', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', `<w:document><w:body>${' '.repeat(MAX_DOCX_XML_BYTES + 1024)}</w:body></w:document>`);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(1_000_000);
    const err = await readAnyWorkbook(bytes, 'bomb.docx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as WorkbookReadError).messageZh).toMatch(/解压后超过 64 MB 的上限/);
  }, 60_000);

  it('refuses more than 2,000 tables', async () => {
    const table = '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
    const zip = new JSZip();
    const separated = `${table}<w:p><w:r><w:t>说明。</w:t></w:r></w:p>`;
    zip.file('word/document.xml', `<w:document><w:body>${separated.repeat(MAX_DOCX_TABLES + 1)}</w:body></w:document>`);
    const err = await readAnyWorkbook(await zip.generateAsync({ type: 'uint8array' }), 'many.docx').catch((e: unknown) => e);
    expect((err as WorkbookReadError).messageZh).toMatch(/表格超过 2000 个的上限/);
  });
});

it('the committed reports are what the builder makes from the seed data', async () => {
  for (const r of REPORTS) expect(Buffer.from(await buildReportDocx(r)).equals(readFileSync(join(__dirname, '../fixtures/docx', r.name)))).toBe(true);
});
