import { chunkAddress, normalizeFormula, parseAddress, planRead, splitAddress, splitAreas, splitChunk } from '../../../src/excel/plan';

describe('planRead', () => {
  it('reads an ordinary sheet in one data sync', () => {
    const p = planRead(40, 9);
    expect(p.groups).toHaveLength(1);
    expect(p.syncs).toBe(2);
  });

  it('cuts 10,000 × 10 cells under a 1 MB budget into row chunks within the budget', () => {
    const budgetBytes = 1024 * 1024;
    const p = planRead(10000, 10, { budgetBytes });
    expect(p.chunkCols).toBe(10);
    expect(p.chunks.reduce((n, c) => n + c.cells, 0)).toBe(100000);
    for (const g of p.groups) expect(g.reduce((n, c) => n + c.estimatedBytes, 0)).toBeLessThanOrEqual(budgetBytes);
    expect(p.syncs).toBeLessThanOrEqual(Math.ceil(p.cells / p.chunkCells) + 1);
    expect(p.chunks[p.chunks.length - 1].rowOffset + p.chunks[p.chunks.length - 1].rowCount).toBe(10000);
  });

  it('slices a row that alone exceeds the budget into column pieces', () => {
    const p = planRead(3, 16384, { budgetBytes: 100 * 180, bytesPerCell: 180 });
    expect(p.chunkCols).toBe(100);
    expect(p.chunkRows).toBe(1);
    expect(p.chunks.every((c) => c.estimatedBytes <= 100 * 180)).toBe(true);
    expect(p.chunks.reduce((n, c) => n + c.cells, 0)).toBe(3 * 16384);
  });

  it('groups small chunks into one sync while within the budget', () => {
    const p = planRead(10, 10, { budgetBytes: 50 * 180, bytesPerCell: 180 });
    expect(p.chunks).toHaveLength(2);
    expect(p.groups).toHaveLength(2);
    expect(planRead(0, 0).syncs).toBe(1);
  });

  it('halves a refused chunk by rows, a single row by columns, and stops at one cell', () => {
    const [a, b] = splitChunk({ rowOffset: 10, rowCount: 5, colOffset: 2, colCount: 4, cells: 20, estimatedBytes: 0 })!;
    expect([a.rowOffset, a.rowCount, b.rowOffset, b.rowCount, a.colCount, b.colCount]).toEqual([10, 3, 13, 2, 4, 4]);
    const [c, d] = splitChunk({ rowOffset: 7, rowCount: 1, colOffset: 0, colCount: 5, cells: 5, estimatedBytes: 0 })!;
    expect([c.colOffset, c.colCount, d.colOffset, d.colCount, c.rowCount]).toEqual([0, 3, 3, 2, 1]);
    expect(splitChunk({ rowOffset: 0, rowCount: 1, colOffset: 0, colCount: 1, cells: 1, estimatedBytes: 0 })).toBeUndefined();
  });

  it('addresses chunks absolutely', () => {
    expect(chunkAddress({ row: 5, col: 3 }, { rowOffset: 10, rowCount: 5, colOffset: 0, colCount: 9, cells: 45, estimatedBytes: 0 })).toBe('C15:K19');
  });
});

describe('addresses', () => {
  it('parses used-range addresses, quoted sheet names included', () => {
    expect(parseAddress('Sheet1!C5:K40')).toEqual({ sheet: 'Sheet1', range: { top: 5, left: 3, bottom: 40, right: 11 } });
    expect(splitAddress("'评分 ''表'''!$B$2")).toEqual({ sheet: "评分 '表'", range: 'B2' });
  });

  it('splits RangeAreas addresses, commas inside quoted names kept', () => {
    expect(splitAreas("Sheet1!A1:B2, Sheet1!D1:D4")).toEqual(['A1:B2', 'D1:D4']);
    expect(splitAreas("'a,b'!A1:B2,'a,b'!C3:C9")).toEqual(['A1:B2', 'C3:C9']);
    expect(splitAreas('')).toEqual([]);
  });

  it('compares formulas loosely', () => {
    expect(normalizeFormula("='评分审核_标注'!$F$12=1")).toBe(normalizeFormula('=评分审核_标注!F12=1'));
  });
});
