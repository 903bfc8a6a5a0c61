/**
 * Reading through the WPS host: every seed workbook, read by the project's own reader and loaded
 * into the fake WPS, gives through the host the same tables and the same findings as the Node
 * audit (auditWorkbook on the reader's model), whichever way WPS hands back error values and
 * the General format. Reading is bounded: whole bands, not cells; a stray value far away is cut
 * off with a message; merges and number formats are asked of whole blocks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { auditWorkbook } from '../../../src/core/audit/audit';
import { rangeA1 } from '../../../src/core/sheet/address';
import { sheetFromGrid } from '../../../src/core/sheet/model';
import { MAX_READ_CELLS, MAX_READ_COLUMNS } from '../../../src/excel/read';
import { readWorkbook } from '../../../src/io/reader';
import type { Notice } from '../../../src/taskpane/host';
import { createWpsHost } from '../../../src/wps/host';
import { readMerges } from '../../../src/wps/merges';
import { readWorksheet } from '../../../src/wps/read';
import { fakeFromModel, fakeWps, FakeWorkbook, type FakeOptions } from './fake-wps';

const REPO = path.resolve(__dirname, '../../..');
const SEEDS = path.join(REPO, 'test/fixtures/xlsx');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.xlsx')).sort();

async function readSeed(file: string) {
  return readWorkbook(readFileSync(path.join(SEEDS, file)), file);
}

test('there are seed workbooks to compare', () => {
  expect(seedFiles.length).toBeGreaterThanOrEqual(9);
});

describe.each<[string, FakeOptions]>([
  ['errors as CVErr numbers, General as "General"', {}],
  ['errors as text, General as "G/通用格式"', { errors: 'text', general: 'G/通用格式' }],
])('the WPS host reads the seeds like the Node reader (%s)', (_label, options) => {
  test.each(seedFiles)('%s: same tables, same findings', async (file) => {
    const model = await readSeed(file);
    const expected = auditWorkbook(model);
    const { wps, app } = fakeWps(fakeFromModel(model, options));
    const host = createWpsHost({ app, wps });
    const notices: Notice[] = [];
    const read = await host.read('workbook', undefined, (n) => notices.push(n));
    const actual = auditWorkbook(read);
    expect(notices).toEqual([]);
    expect(read.sheets.map((s) => s.name)).toEqual(model.sheets.map((s) => s.name));
    expect(actual.tables).toEqual(expected.tables);
    expect(actual.findings).toEqual(expected.findings);
    expect(actual.summary).toEqual(expected.summary);
    // Not only the findings: every cell the audit can see is read as the reader read it.
    for (const [i, sheet] of model.sheets.entries()) {
      const got = read.sheets[i];
      expect(got.merges).toEqual(expect.arrayContaining([...sheet.merges]));
      expect(got.merges).toHaveLength(sheet.merges.length);
      for (let r = 1; r <= sheet.rowCount; r++)
        for (let c = 1; c <= sheet.colCount; c++) {
          const want = sheet.cell(r, c);
          const have = got.cell(r, c);
          expect({ at: [sheet.name, r, c], value: have?.value ?? null, formula: have?.formula }).toEqual({ at: [sheet.name, r, c], value: want?.value ?? null, formula: want?.formula });
          if (typeof want?.value === 'number') expect(have?.numFmt).toBe(want.numFmt);
        }
    }
  });
});

test('the seeds have what the comparison must cover: merges, formulas, number formats, several sheets', async () => {
  const models = await Promise.all(seedFiles.map(readSeed));
  const cells = models.flatMap((m) => m.sheets.flatMap((s) => Array.from({ length: s.rowCount }, (_, r) => Array.from({ length: s.colCount }, (_, c) => s.cell(r + 1, c + 1))).flat()));
  expect(models.some((m) => m.sheets.some((s) => s.merges.length > 0))).toBe(true);
  expect(cells.some((c) => c?.formula)).toBe(true);
  expect(cells.some((c) => c?.numFmt && typeof c.value === 'number')).toBe(true);
  expect(models.some((m) => m.sheets.length > 1)).toBe(true);
  expect(models.reduce((n, m) => n + auditWorkbook(m).findings.length, 0)).toBeGreaterThan(0);
});

function sheetWith(cells: Array<[string, unknown]>, options: FakeOptions = {}): FakeWorkbook {
  const wb = new FakeWorkbook('t.xlsx', options);
  const ws = wb.addSheet('表1');
  for (const [address, value] of cells) ws.Range(address).Value2 = value;
  return wb;
}

describe('bounded reading', () => {
  test('a stray value at XFD1048576 does not size the work: the read is cut off with a message', () => {
    const wb = sheetWith([
      ['A1', '指标'],
      ['B2', 3],
      ['XFD1048576', '远处'],
    ]);
    const notices: string[] = [];
    const grid = readWorksheet(wb.sheet('表1'), { onNotice: (n) => notices.push(n.message) });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('A1:XFD1048576');
    expect(notices[0]).toContain(`只读取了 A1:${rangeA1({ top: 1, left: MAX_READ_COLUMNS, bottom: 1, right: MAX_READ_COLUMNS }).replace(/\d+$/, '')}`);
    expect(grid.values.length * (grid.values[0]?.length ?? 0)).toBeLessThanOrEqual(MAX_READ_CELLS);
    const sheet = sheetFromGrid(grid);
    expect(sheet.value(1, 1)).toBe('指标');
    expect(sheet.value(2, 2)).toBe(3);
  });

  test('cells are read in bands, not one by one', () => {
    const wb = new FakeWorkbook('t.xlsx');
    const ws = wb.addSheet('表1');
    const rows = Array.from({ length: 2000 }, (_, i) => [`指标${i}`, i % 5, '完成得5分，未完成不得分', 0.5]);
    ws.Range('A1:D2000').Value2 = rows;
    ws.Range('D1:D2000').NumberFormat = '0.00%';
    wb.calls = 0;
    const grid = readWorksheet(ws, { bandCells: 1000 });
    // 8,000 cells in bands of 1,000: 8 bands × (Range + Value2 + Formula), the formats and the merges of whole blocks.
    expect(wb.calls).toBeLessThanOrEqual(8 * 3 + 10);
    expect(grid.values).toHaveLength(2000);
    expect(sheetFromGrid(grid).cell(2000, 4)?.numFmt).toBe('0.00%');
  });

  test('formatted-only rows below the table are read but not kept', () => {
    const wb = sheetWith([['A1', 1]]);
    wb.sheet('表1').formattedTo = { row: 50_000, col: 3 };
    const grid = readWorksheet(wb.sheet('表1'));
    expect(grid.values).toEqual([[1]]);
  });

  test('number formats: one call for a uniform block, per column, and per cell only where a column differs', () => {
    const wb = new FakeWorkbook('t.xlsx');
    const ws = wb.addSheet('表1');
    ws.Range('A1:C3').Value2 = [
      [0.5, 1, 2],
      [0.25, 3, 4],
      [0.125, 5, 6],
    ];
    ws.Range('A1:A3').NumberFormat = '0.0%';
    ws.Range('C2').NumberFormat = '0.00';
    const sheet = sheetFromGrid(readWorksheet(ws));
    expect([1, 2, 3].map((r) => sheet.cell(r, 1)?.numFmt)).toEqual(['0.0%', '0.0%', '0.0%']);
    expect([1, 2, 3].map((r) => sheet.cell(r, 2)?.numFmt)).toEqual([undefined, undefined, undefined]);
    expect([1, 2, 3].map((r) => sheet.cell(r, 3)?.numFmt)).toEqual([undefined, '0.00', undefined]);
  });

  test('too scattered number formats: what was not read is said', () => {
    const wb = new FakeWorkbook('t.xlsx');
    const ws = wb.addSheet('表1');
    ws.Range('A1:A10').Value2 = Array.from({ length: 10 }, (_, i) => [i]);
    for (let r = 1; r <= 10; r += 2) ws.Range(`A${r}`).NumberFormat = '0.0';
    const notices: string[] = [];
    readWorksheet(ws, { maxFormatCalls: 3, onNotice: (n) => notices.push(n.kind) });
    expect(notices).toEqual(['formats']);
  });
});

describe('merged areas', () => {
  test('found by halving blocks: calls grow with the areas, not the cells', () => {
    const wb = new FakeWorkbook('t.xlsx');
    const ws = wb.addSheet('表1');
    ws.Range('A1:H2000').Value2 = Array.from({ length: 2000 }, () => Array(8).fill('x'));
    ws.merges = [
      { top: 2, left: 1, bottom: 40, right: 1 },
      { top: 41, left: 1, bottom: 400, right: 1 },
      { top: 2, left: 2, bottom: 5, right: 2 },
      { top: 1, left: 3, bottom: 1, right: 8 },
      { top: 1500, left: 4, bottom: 1501, right: 5 },
    ];
    wb.calls = 0;
    const r = readMerges(ws, { top: 1, left: 1, bottom: 2000, right: 8 });
    expect(r.complete).toBe(true);
    expect(new Set(r.merges.map(rangeA1))).toEqual(new Set(['A2:A40', 'A41:A400', 'B2:B5', 'C1:H1', 'D1500:E1501']));
    expect(wb.calls).toBeLessThan(600); // 16,000 cells; 536 when written
  });

  test('a merge over the whole sheet is one area, read in a few calls', () => {
    const wb = new FakeWorkbook('t.xlsx');
    const ws = wb.addSheet('表1');
    ws.Range('A1').Value2 = '标题';
    ws.merges = [{ top: 1, left: 1, bottom: 1_048_576, right: 16_384 }];
    wb.calls = 0;
    const r = readMerges(ws, { top: 1, left: 1, bottom: 1_048_576, right: 16_384 });
    expect(r.merges).toEqual([{ top: 1, left: 1, bottom: 1_048_576, right: 16_384 }]);
    expect(wb.calls).toBeLessThan(10);
  });

  test('past the call budget the reading stops and says it is incomplete', () => {
    const wb = new FakeWorkbook('t.xlsx');
    const ws = wb.addSheet('表1');
    ws.Range('A1:B400').Value2 = Array.from({ length: 400 }, () => ['x', 'y']);
    ws.merges = Array.from({ length: 200 }, (_, i) => ({ top: 2 * i + 1, left: 1, bottom: 2 * i + 2, right: 1 }));
    const notices: string[] = [];
    const grid = readWorksheet(ws, { maxMergeCalls: 50, onNotice: (n) => notices.push(n.kind) });
    expect(notices).toEqual(['merges']);
    expect(grid.merges!.length).toBeLessThan(200);
  });
});

describe('values as WPS may hand them back', () => {
  test.each<FakeOptions>([{}, { errors: 'text' }])('error cells are errors, a number that only looks like an error code is a number (%o)', (options) => {
    const wb = new FakeWorkbook('t.xlsx', options);
    const ws = wb.addSheet('表1');
    ws.setCell(1, 1, { value: { error: '#N/A' } });
    ws.setCell(1, 2, { value: { error: '#DIV/0!' }, formula: '=1/0' });
    ws.setCell(1, 3, { value: 2042 });
    ws.setCell(1, 4, { value: -2146826246 });
    const sheet = sheetFromGrid(readWorksheet(ws));
    expect(sheet.value(1, 1)).toEqual({ error: '#N/A' });
    expect(sheet.value(1, 2)).toEqual({ error: '#DIV/0!' });
    expect(sheet.cell(1, 2)?.formula).toBe('1/0');
    expect(sheet.value(1, 3)).toBe(2042);
    expect(sheet.value(1, 4)).toBe(-2146826246);
  });

  test('an empty sheet is an empty grid', () => {
    const grid = readWorksheet(new FakeWorkbook('t.xlsx').addSheet('空'));
    expect(grid.values).toEqual([]);
  });

  test('a protected sheet is read, and marked protected', () => {
    const wb = sheetWith([['A1', '指标']]);
    wb.sheet('表1').ProtectContents = true;
    expect(readWorksheet(wb.sheet('表1')).protected).toBe(true);
  });
});
