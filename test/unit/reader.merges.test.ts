import ExcelJS from 'exceljs';
import { rangeA1 } from '../../src/core/sheet/address';
import { sheetFromGrid } from '../../src/core/sheet/model';
import { readWorkbook } from '../../src/io/reader';

const excelInput = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer;

/** The reader takes merged ranges from the package; they must be exactly the merges exceljs reports. */
async function manyMerges(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('A&B <评分> "表"');
  for (let r = 1; r <= 3000; r++) ws.getCell(r, 1).value = `名称${r}`;
  ws.getCell('F3000').value = '末行'; // the cells with values reach row 3000 and column F: every merge lies inside them
  for (let r = 1; r < 3000; r += 2) ws.mergeCells(r, 1, r + 1, 1);
  ws.mergeCells('C5:F5');
  wb.addWorksheet('无合并').addRow(['x', 1]);
  const other = wb.addWorksheet('第三');
  other.getCell('B2').value = '合计';
  other.getCell('E4').value = 1;
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

describe('merged areas are clipped to the cells with values', () => {
  it('a merge over the whole sheet costs nothing beyond them', () => {
    const sheet = sheetFromGrid({ name: 'S', values: [['总表', null], [1, 2]], merges: ['A1:XFD1048576', 'A1:B1'] });
    expect([sheet.rowCount, sheet.colCount]).toEqual([2, 2]);
    expect(sheet.merges.map(rangeA1)).toEqual(['A1:B2']);
    expect(sheet.mergedValue(2, 2)).toBe('总表');
    expect(sheet.mergeAt(500000, 300)).toBeUndefined();
  });

  it('a whole column plus a whole row allocates no more than the extent', () => {
    const before = process.memoryUsage().arrayBuffers;
    const values = Array.from({ length: 8 }, (_, r) => Array.from({ length: 7 }, (_, c) => `${r},${c}`));
    const sheet = sheetFromGrid({ name: 'S', values, merges: ['H1:H1048576', 'A20:XFD20', 'C3:D4'] });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1 << 20);
    // H and row 20 lie outside the cells with values: nothing is left of those merges.
    expect(sheet.merges.map(rangeA1)).toEqual(['C3:D4']);
    expect(sheet.masterOf(4, 4)).toEqual({ row: 3, col: 3 });
  });

  it('keeps the first of overlapping or duplicate merges, as Excel repairs them', () => {
    const values = Array.from({ length: 8 }, (_, r) => Array.from({ length: 6 }, (_, c) => r * 10 + c));
    const sheet = sheetFromGrid({ name: 'S', values, merges: ['A3:C5', 'B4:D6', 'A3:C5', 'D1:D4', 'E1:F2', 'A1:B1'] });
    // B4:D6 starts inside A3:C5; D1:D4 is free at D1 but runs into nothing taken: kept; the duplicate goes.
    expect(sheet.merges.map(rangeA1)).toEqual(['A3:C5', 'D1:D4', 'E1:F2', 'A1:B1']);
    const crossing = sheetFromGrid({ name: 'S', values, merges: ['B1:B5', 'A3:C3'] });
    expect(crossing.merges.map(rangeA1)).toEqual(['B1:B5']); // A3 is free but B3 is taken
    expect(crossing.mergedValue(3, 1)).toBe(20);
  });

  it('linear in the merges: 100,000 one-row merges index in well under a second', () => {
    const values = Array.from({ length: 200_000 }, (_, r) => [r, null, r]);
    const merges = Array.from({ length: 100_000 }, (_, k) => ({ top: 2 * k + 1, left: 1, bottom: 2 * k + 2, right: 2 }));
    const started = performance.now();
    const sheet = sheetFromGrid({ name: 'S', values, merges });
    expect(performance.now() - started).toBeLessThan(3000); // a hang guard: quadratic would take minutes
    expect(sheet.merges).toHaveLength(100_000);
    expect(sheet.mergedValue(200_000, 2)).toBe(199_998);
  });
});
