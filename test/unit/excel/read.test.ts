jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } }));
import { FakeExcel } from './fake-excel';
import { MAX_MERGE_BANDS, MAX_READ_CELLS, MAX_READ_COLUMNS, readActiveWorksheet, readWorkbook, readWorksheet, type ReadNotice } from '../../../src/excel/read';
import { ReadPlan } from '../../../src/excel/plan';
import { sheetFromGrid } from '../../../src/core/sheet/model';
import { HELPER_SHEET } from '../../../src/excel/settings';

const all = () => true;
const upTo = (v: string) => (_set: string, version: string) => Number(version.split('.')[1]) <= Number(v.split('.')[1]);

function ordinary() {
  return new FakeExcel([
    {
      name: '评分表',
      origin: { row: 5, col: 3 },
      values: [
        ['一级指标', '', '分值', '得分'],
        ['决策', '项目立项', 3, 2.5],
        ['', '绩效目标', 2, '#N/A'],
      ],
      formulas: [
        ['一级指标', '', '分值', '得分'],
        ['决策', '项目立项', 3, 2.5],
        ['', '绩效目标', 2, '=VLOOKUP(1,A:B,2,0)'],
      ],
      numberFormats: [
        ['General', 'General', 'General', 'General'],
        ['General', 'General', '0.00', '0.0'],
        ['General', 'General', '0.00', 'General'],
      ],
      merges: ['C5:D5', 'C6:C7'],
      formattedTo: 'K2000',
    },
  ]);
}

describe('readWorksheet', () => {
  it('reads an ordinary sheet in 2 syncs, loading only what it needs', async () => {
    const x = ordinary();
    const ws = x.context.workbook.worksheets.getItem('评分表');
    const grid = await readWorksheet(x.context, ws, { supports: all });
    expect(x.syncs).toBe(2);
    const dataLoads = x.loads.filter((l) => l.kind === 'range');
    expect(dataLoads).toHaveLength(1);
    expect(dataLoads[0]).toEqual({ kind: 'range', address: '评分表!C5:F7', props: ['values', 'formulas', 'numberFormat'] });
    // one extent: the cells with values; formatted-only rows down to K2000 are never looked at
    const extentLoads = x.loads.filter((l) => l.kind.startsWith('usedRange'));
    expect(extentLoads).toEqual([{ kind: 'usedRange(valuesOnly)', address: '评分表!C5:F7', props: ['address', 'rowCount', 'columnCount'] }]);
    expect(x.loads.find((l) => l.kind === 'mergedAreas')).toEqual({ kind: 'mergedAreas', address: '评分表!C5:F7', props: ['address'] });

    expect(grid.name).toBe('评分表');
    expect(grid.origin).toEqual({ row: 5, col: 3 });
    expect(grid.merges).toEqual(['C5:D5', 'C6:C7']);
    expect(grid.protected).toBe(false);
    expect(grid.values[2][3]).toBe('#N/A');

    const sheet = sheetFromGrid(grid);
    expect(sheet.value(5, 3)).toBe('一级指标');
    expect(sheet.value(6, 5)).toBe(3);
    expect(sheet.value(7, 6)).toEqual({ error: '#N/A' });
    expect(sheet.cell(7, 6)?.formula).toBe('VLOOKUP(1,A:B,2,0)');
    expect(sheet.cell(6, 5)?.numFmt).toBe('0.00');
    expect(sheet.mergedValue(5, 4)).toBe('一级指标');
    expect(sheet.mergedValue(7, 3)).toBe('决策');
  });

  it('returns no merges without ExcelApi 1.13, and never asks for them', async () => {
    const x = ordinary();
    const grid = await readWorksheet(x.context, x.context.workbook.worksheets.getItem('评分表'), { supports: upTo('1.12') });
    expect(grid.merges).toEqual([]);
    expect(x.loads.some((l) => l.kind === 'mergedAreas')).toBe(false);
    expect(sheetFromGrid(grid).mergedValue(7, 3)).toBe(null);
  });

  it('reads 100,000 cells under a 1 MB budget in ≤ ceil(cells/chunkCells)+1 syncs, each within the budget', async () => {
    const rows = 10000;
    const cols = 10;
    const values = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (c === 0 ? `指标${r + 1}` : r * cols + c)));
    const x = new FakeExcel([{ name: 'Big', values, merges: ['A1:B1'] }]);
    let plan: ReadPlan | undefined;
    const budgetBytes = 1024 * 1024;
    const grid = await readWorksheet(x.context, x.context.workbook.worksheets.getItem('Big'), { supports: all, budgetBytes, onPlan: (p) => (plan = p) });
    expect(plan).toBeDefined();
    const p = plan!;
    expect(p.cells).toBe(100000);
    expect(x.syncs).toBeLessThanOrEqual(Math.ceil(p.cells / p.chunkCells) + 1);
    expect(x.syncs).toBe(p.syncs);
    for (const g of p.groups) expect(g.reduce((n, c) => n + c.estimatedBytes, 0)).toBeLessThanOrEqual(budgetBytes);
    // every chunk was a separate range load of whole rows, none per row
    const chunkLoads = x.loads.filter((l) => l.kind === 'range');
    expect(chunkLoads).toHaveLength(p.chunks.length);
    expect(p.chunks.length).toBeLessThan(rows / 100);
    expect(grid.values).toHaveLength(rows);
    expect(grid.values[rows - 1][cols - 1]).toBe((rows - 1) * cols + cols - 1);
    expect(grid.values[5000][0]).toBe('指标5001');
    expect(grid.merges).toEqual(['A1:B1']);
  });

  it('reads a 100,000-cell scoring sheet with the default budget in ≤ ceil(cells/chunkCells)+1 syncs, every response under 5 MB', async () => {
    const rows = 10000;
    const rule = '达到或超过指标值得满分；否则指标得分=（完成率-60%）/(100%-60%)×指标分值；指标值低于60%，不得分。'.repeat(2);
    const line = (r: number) => [`一级${r >> 8}`, `二级${r >> 4}`, `指标${r}`, 4, `指标解释${r}`, rule, 3.5, '扣0.5分：完成率为87.5%', '', r];
    const values = Array.from({ length: rows }, (_, r) => line(r));
    const x = new FakeExcel([{ name: '评分表', values }]);
    let plan: ReadPlan | undefined;
    const grid = await readWorksheet(x.context, x.context.workbook.worksheets.getItem('评分表'), { supports: all, onPlan: (p) => (plan = p) });
    const p = plan!;
    expect(p.cells).toBe(100000);
    expect(x.refusedPayloads).toEqual([]);
    expect(x.syncs).toBeLessThanOrEqual(Math.ceil(p.cells / p.chunkCells) + 1);
    expect(x.payloads.length).toBe(x.syncs);
    expect(x.payloads[0]).toBe(0); // the extent sync carries no cell data
    expect(Math.max(...x.payloads)).toBeLessThan(5 * 1024 * 1024);
    // what was read is what the sheet holds: a 200-character text travels twice (value, formula)
    expect(x.payloads.reduce((a, b) => a + b, 0)).toBeGreaterThan(rows * Buffer.byteLength(rule) * 2);
    expect(grid.values[rows - 1]).toEqual(line(rows - 1));
  });

  it('reads a sheet denser than the plan assumes in halves, never asking for more than Excel answers', async () => {
    const rows = 3000;
    const text = (r: number, c: number) => `第${r}行第${c}列：${'评分标准文字'.repeat(50)}`;
    const values = Array.from({ length: rows }, (_, r) => [0, 1, 2, 3].map((c) => text(r, c)));
    const x = new FakeExcel([{ name: '长文本', values }]);
    const grid = await readWorksheet(x.context, x.context.workbook.worksheets.getItem('长文本'), { supports: all });
    expect(x.refusedPayloads.length).toBeGreaterThan(0);
    expect(x.refusedPayloads.every((b) => b > 5 * 1024 * 1024)).toBe(true);
    expect(Math.max(...x.payloads)).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(x.syncs).toBe(x.payloads.length + x.refusedPayloads.length);
    expect(grid.values).toEqual(values);
  });

  it('gives up on a single cell Excel will not return, with Excel\'s error', async () => {
    const x = new FakeExcel([{ name: 'S', values: [['x'.repeat(100)]] }]);
    x.payloadLimitBytes = 50;
    await expect(readWorksheet(x.context, x.context.workbook.worksheets.getItem('S'), { supports: all })).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('falls back to banded merged areas when the sheet has more than 512', async () => {
    const values = Array.from({ length: 1200 }, (_, r) => [`a${r}`, '', 'x']);
    const merges = Array.from({ length: 600 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`);
    const x = new FakeExcel([{ name: 'M', values, merges }]);
    const grid = await readWorksheet(x.context, x.context.workbook.worksheets.getItem('M'), { supports: all });
    expect(new Set(grid.merges)).toEqual(new Set(merges));
    expect(grid.values[1199][0]).toBe('a1199');
  });

  it('reports protection and reads an empty sheet', async () => {
    const x = new FakeExcel([
      { name: 'P', values: [['a']], protected: true },
      { name: 'Empty', values: [] },
    ]);
    const p = await readWorksheet(x.context, x.context.workbook.worksheets.getItem('P'), { supports: all });
    expect(p.protected).toBe(true);
    expect(sheetFromGrid(p).protected).toBe(true);
    const e = await readWorksheet(x.context, x.context.workbook.worksheets.getItem('Empty'), { supports: all });
    expect(e.values).toEqual([]);
  });
});

describe('a used range inflated by one stray value (review R10)', () => {
  it('reads a stray value at D1048576 only up to a million cells, and says so', async () => {
    const x = new FakeExcel([{ name: '评分表', values: [['指标', '分值', '评分标准', '得分'], ['立项', 3, '完全符合得3分', 2]] }]);
    x.sheet('评分表').cells.set('1048576,4', { value: 'x', formula: 'x', format: 'General' });
    const notices: ReadNotice[] = [];
    let plan: ReadPlan | undefined;
    const grid = await readWorksheet(x.context, x.context.workbook.worksheets.getItem('评分表'), { supports: all, onNotice: (n) => notices.push(n), onPlan: (p) => (plan = p) });
    expect(plan!.cells).toBeLessThanOrEqual(MAX_READ_CELLS);
    expect(plan!.rows).toBe(MAX_READ_CELLS / 4);
    expect(grid.values).toHaveLength(MAX_READ_CELLS / 4);
    expect(grid.values[1]).toEqual(['立项', 3, '完全符合得3分', 2]);
    expect(x.syncs).toBeLessThanOrEqual(plan!.syncs + x.refusedPayloads.length);
    expect(notices).toEqual([{ sheet: '评分表', kind: 'trimmed', message: expect.stringContaining('A1:D1048576') }]);
    expect(notices[0].message).toContain('只读取了 A1:D250000');
  });

  it('reads at most MAX_READ_COLUMNS columns of a sheet with a value at XFD1', async () => {
    const x = new FakeExcel([{ name: 'S', values: [['指标', '分值'], ['立项', 3]] }]);
    x.sheet('S').cells.set('1,16384', { value: 'x', formula: 'x', format: 'General' });
    const notices: ReadNotice[] = [];
    const grid = await readWorksheet(x.context, x.context.workbook.worksheets.getItem('S'), { supports: all, onNotice: (n) => notices.push(n) });
    expect(grid.values[0]).toHaveLength(MAX_READ_COLUMNS);
    expect(grid.values[1].slice(0, 2)).toEqual(['立项', 3]);
    expect(notices.map((n) => n.kind)).toEqual(['trimmed']);
  });

  it('bands the merged areas at most MAX_MERGE_BANDS to a sync, and says when it gives up', async () => {
    // 100,000 rows merged in pairs, and an Excel that fails above 8 merged areas (scaled down
    // from 512 so the test is quick): no band count up to the cap gets through.
    const rows = 100_000;
    const values = Array.from({ length: rows }, (_, r) => [r % 2 === 0 ? `r${r}` : '']);
    const merges = Array.from({ length: rows / 2 }, (_, i) => `A${2 * i + 1}:A${2 * i + 2}`);
    const x = new FakeExcel([{ name: 'Dense', values, merges }]);
    x.mergedAreaLimit = 8;
    const notices: ReadNotice[] = [];
    const grid = await readWorksheet(x.context, x.context.workbook.worksheets.getItem('Dense'), { supports: all, onNotice: (n) => notices.push(n) });
    expect(grid.values[rows - 2][0]).toBe(`r${rows - 2}`);
    expect(grid.merges).toEqual([]);
    expect(notices.map((n) => n.kind)).toEqual(['merges']);
    // One whole-range attempt, then about 8, 32, 128 and 512 bands (of equal height over the
    // 99,999 rows with values); the old reader went on to height-1 bands: 99,999 requests in one sync.
    const read = rows - 1;
    const bands = [8, 32, 128, 512].filter((b) => b <= MAX_MERGE_BANDS).map((b) => Math.ceil(read / Math.ceil(read / b)));
    expect(bands).toEqual([8, 32, 128, 511]);
    expect(x.loads.filter((l) => l.kind === 'mergedAreas')).toHaveLength(1 + bands.reduce((a, b) => a + b, 0));
  });

  it('reads the bad-input sheet of 1,000 real columns whole, without a notice', async () => {
    const line = Array.from({ length: 1000 }, (_, c) => `c${c}`);
    const x = new FakeExcel([{ name: 'Wide', values: [line, line] }]);
    const notices: ReadNotice[] = [];
    const grid = await readWorksheet(x.context, x.context.workbook.worksheets.getItem('Wide'), { supports: all, onNotice: (n) => notices.push(n) });
    expect(grid.values[1]).toEqual(line);
    expect(notices).toEqual([]);
  });
});

describe('readWorkbook / readActiveWorksheet', () => {
  it('reads every sheet but the helper sheet, with progress', async () => {
    const x = new FakeExcel([
      { name: 'A', values: [['x', 1]] },
      { name: HELPER_SHEET, values: [['工作表']] },
      { name: 'B', origin: { row: 2, col: 2 }, values: [['y']] },
    ]);
    const progress: string[] = [];
    const grids = await readWorkbook(x.context, { supports: all, onProgress: (p) => progress.push(`${p.done}/${p.total}${p.sheet}`) });
    expect(grids.map((g) => g.name)).toEqual(['A', 'B']);
    expect(grids[1].origin).toEqual({ row: 2, col: 2 });
    expect(progress).toEqual(['0/2A', '1/2B', '2/2']);
    const active = await readActiveWorksheet(x.context, { supports: all });
    expect(active.name).toBe('A');
  });
});
