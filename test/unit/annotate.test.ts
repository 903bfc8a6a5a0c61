import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditWorkbook } from '../../src/core/audit/audit';
import { RESULT_SHEET, writeAnnotatedCopy } from '../../src/io/annotate';
import { readWorkbook } from '../../src/io/reader';

const root = join(__dirname, '..', '..');

/** Everything of a sheet a user would miss if the copy lost it: values, formulas, formats, styles, merges. */
function snapshot(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      cells[c.address] = { value: c.value, numFmt: c.numFmt, font: c.font, fill: c.fill, border: c.border, alignment: c.alignment };
    }),
  );
  const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort();
  return { cells, merges, widths: ws.columns?.map((c) => c.width) };
}

describe.each([['samples/韶关绩效评价评分表.xlsx'], ['test/fixtures/xlsx/selfeval-faulty.xlsx'], ['test/fixtures/xlsx/seed003-completion.xlsx']])('annotated copy of %s', (file) => {
  let original: ExcelJS.Workbook;
  let copy: ExcelJS.Workbook;
  let findings = 0;
  beforeAll(async () => {
    const bytes = readFileSync(join(root, file));
    const result = auditWorkbook(await readWorkbook(bytes, file));
    findings = result.findings.length;
    original = new ExcelJS.Workbook();
    await original.xlsx.load(bytes as unknown as ArrayBuffer);
    copy = new ExcelJS.Workbook();
    await copy.xlsx.load((await writeAnnotatedCopy(bytes, result)) as unknown as ArrayBuffer);
  });

  it('keeps every value, formula, format, style and merge of every original sheet', () => {
    for (const ws of original.worksheets) {
      expect(snapshot(copy.getWorksheet(ws.name)!)).toEqual(snapshot(ws));
    }
  });

  it('adds a 审核结果 sheet with one linked row per finding', () => {
    const result = copy.getWorksheet(RESULT_SHEET)!;
    expect(result).toBeDefined();
    const linked: string[] = [];
    result.eachRow((row, n) => {
      const v = row.getCell(2).value as { hyperlink?: string } | null;
      if (n > 1 && v && typeof v === 'object' && v.hyperlink) linked.push(v.hyperlink);
    });
    expect(linked.length).toBe(findings);
    expect(linked.every((h) => /^#'.+'![A-Z]+\d+$/.test(h))).toBe(true);
  });
});
