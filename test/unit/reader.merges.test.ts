import ExcelJS from 'exceljs';
import { rangeA1 } from '../../src/core/sheet/address';
import { sheetFromGrid } from '../../src/core/sheet/model';
import { excelInput, readWorkbook } from '../../src/io/reader';

/**
 * The reader takes merged ranges from the package (exceljs is told to skip them: it applies them
 * in quadratic time). They must be exactly the merges exceljs itself reports.
 */
async function manyMerges(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('A&B <评分> "表"');
  for (let r = 1; r <= 3000; r++) ws.getCell(r, 1).value = `名称${r}`;
  for (let r = 1; r < 3000; r += 2) ws.mergeCells(r, 1, r + 1, 1);
  ws.mergeCells('C5:F5');
  wb.addWorksheet('无合并').addRow(['x', 1]);
  const other = wb.addWorksheet('第三');
  other.getCell('B2').value = '合计';
  other.mergeCells('B2:D3');
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test('merged ranges come from the package, exactly as exceljs reports them, sheet names unescaped', async () => {
  const bytes = await manyMerges();
  const book = await readWorkbook(bytes, 'merges.xlsx');
  const reference = new ExcelJS.Workbook();
  await reference.xlsx.load(excelInput(bytes));
  expect(book.sheets.map((s) => s.name)).toEqual(['A&B <评分> "表"', '无合并', '第三']);
  for (const [i, sheet] of book.sheets.entries()) {
    const theirs = Object.values((reference.worksheets[i] as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges);
    expect(sheet.merges.map(rangeA1).sort()).toEqual(theirs.map(rangeA1).sort());
  }
  expect(book.sheets[0].merges).toHaveLength(1501);
  expect(book.sheets[0].mergedValue(2, 1)).toBe('名称1');
  expect(book.sheets[2].mergedValue(3, 4)).toBe('合计');
});

test('a merge over the whole sheet (a damaged file) costs nothing beyond the cells with values', () => {
  const sheet = sheetFromGrid({ name: 'S', values: [['总表', null], [1, 2]], merges: ['A1:XFD1048576', 'A1:B1'] });
  expect(sheet.rowCount).toBe(1048576);
  expect(sheet.mergedValue(2, 2)).toBe('总表');
  expect(sheet.mergeAt(500000, 300)).toBeUndefined(); // outside the cells with values: not indexed
});
