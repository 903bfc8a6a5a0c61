import fc from 'fast-check';
import { auditWorkbook } from '../../src/core/audit/audit';
import { a1, columnNumber } from '../../src/core/sheet/address';
import { Cell, MAX_SCAN_CELLS, SheetModel, sheetFromGrid } from '../../src/core/sheet/model';

const HEADER = ['一级指标', '二级指标', '三级指标', '权重（%）', '评分标准', '评分', '评分理由及依据'];
const TABLE: unknown[][] = [HEADER, ['产出', '数量', '指标甲', 2, '完成得2分，未完成不计分。', 1, '']];

/** The two-row scoring table at A1 plus one value at (row, col), built as a reader builds rows. */
function tableWithStray(row: number, col: number): SheetModel {
  const rows: (Cell | undefined)[][] = [];
  TABLE.forEach((line, r) => {
    rows[r + 1] = [];
    line.forEach((v, c) => (rows[r + 1][c + 1] = { value: v === '' ? null : (v as string | number) }));
  });
  (rows[row] ??= [])[col] = { value: 0 };
  return new SheetModel('评分表', rows, []);
}

describe('one stray value far away costs nothing and is named, never silently dropped', () => {
  it.each([
    ['XFD1048576', true],
    ['XFD100000', true],
    ['XFD10000', true],
    ['AAA100000', true],
    ['XFD1', false],
    ['A1048576', false],
    ['H1048576', false],
    ['Z600000', false],
  ])('a value at %s (set aside: %s)', (ref, setAside) => {
    const col = columnNumber(ref.replace(/\d+/, ''));
    const row = Number(ref.replace(/[A-Z]+/, ''));
    // Set aside exactly when the rectangle up to it exceeds the scan area.
    expect(row * col > MAX_SCAN_CELLS).toBe(setAside);
    const sheet = tableWithStray(row, col);
    const started = performance.now();
    const result = auditWorkbook({ source: 'x.xlsx', sheets: [sheet] });
    expect(performance.now() - started).toBeLessThan(15_000); // a hang guard: rows × 16,384 took minutes
    expect(result.findings.map((f) => `${f.cell} ${f.code}`)).toContain('F2 score.partial-under-binary');
    if (setAside) {
      expect(sheet.setAside).toEqual([{ reason: 'far-from-data', cells: 1, first: ref }]);
      expect([sheet.rowCount, sheet.colCount]).toEqual([2, 7]);
    } else {
      expect(sheet.setAside).toEqual([]);
      expect(sheet.value(row, col)).toBe(0);
      expect([sheet.rowCount, sheet.colCount]).toEqual([Math.max(row, 2), Math.max(col, 7)]);
    }
  }, 30_000);

  it('drops the side with fewer values: a long far column goes before the table rows', () => {
    const rows: (Cell | undefined)[][] = [];
    for (let r = 1; r <= 3000; r++) rows[r] = [undefined, { value: r }, { value: 'x' }];
    for (let r = 1; r <= 10; r++) rows[r][10_000] = { value: 'far' };
    const sheet = new SheetModel('S', rows, []);
    expect(sheet.setAside).toEqual([{ reason: 'far-from-data', cells: 10, first: 'NTP1' }]);
    expect([sheet.rowCount, sheet.colCount]).toEqual([3000, 2]);
  });

  it('keeps every cell, or names every cell it leaves out (property)', () => {
    const cell = fc.record({ row: fc.integer({ min: 1, max: 1_048_576 }), col: fc.integer({ min: 1, max: 16_384 }) });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 60 }), fc.array(fc.record({ row: fc.integer({ min: 1, max: 40 }), col: fc.integer({ min: 1, max: 12 }) }), { maxLength: 60 }), (far, near) => {
        const rows: (Cell | undefined)[][] = [];
        const all = new Map<string, [number, number]>();
        for (const { row, col } of [...near, ...far]) {
          (rows[row] ??= [])[col] = { value: 1 };
          all.set(a1(row, col), [row, col]);
        }
        const sheet = new SheetModel('S', rows, []);
        expect(sheet.rowCount * sheet.colCount).toBeLessThanOrEqual(MAX_SCAN_CELLS);
        const kept = [...all.values()].filter(([r, c]) => sheet.value(r, c) === 1);
        for (const [r, c] of kept) expect(r <= sheet.rowCount && c <= sheet.colCount).toBe(true);
        const aside = sheet.setAside.reduce((n, s) => n + s.cells, 0);
        expect(kept.length + aside).toBe(all.size);
        const maxRow = Math.max(...[...all.values()].map(([r]) => r));
        const maxCol = Math.max(...[...all.values()].map(([, c]) => c));
        if (maxRow * maxCol <= MAX_SCAN_CELLS) expect(aside).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sparse scans', () => {
  it('filledColumns and filledRows follow the cells written, with merged areas shown', () => {
    const sheet = sheetFromGrid({
      name: 'S',
      values: [
        ['a', null, null, 'b'],
        [null, null, null, null],
        ['c', null, '  ', 'd'],
      ],
      merges: ['A1:B2'],
    });
    expect(sheet.filledColumns(1)).toEqual([1, 2, 4]);
    expect(sheet.filledColumns(2)).toEqual([1, 2]);
    expect(sheet.filledColumns(3)).toEqual([1, 4]);
    expect(sheet.filledColumns(3, 2, 3)).toEqual([]);
    expect(sheet.filledRows()).toEqual([1, 2, 3]);
  });
});
