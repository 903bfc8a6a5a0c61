/**
 * Weights written as shares of 100% ("20%") beside scores in points: read as points of a 100-point
 * table, said in the coverage, never flagged row by row. On a real published summary (资阳 ADB
 * project, 四川省财政厅 2024) and variations of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditWorkbook } from '../../src/core/audit/audit';
import { sheetFromGrid } from '../../src/core/sheet/model';

type Grid = (string | number | null)[][];
const real = JSON.parse(readFileSync(join(__dirname, '../fixtures/real/tables/sichuan-ziyang-adb-summary-2024.json'), 'utf8')) as { grid: Grid; merges: string[] };
const audit = (grid: Grid) => auditWorkbook({ source: 'test', sheets: [sheetFromGrid({ name: '表1', values: grid, merges: [] })] });
const edited = (edit: (g: Grid) => void): Grid => {
  const g = real.grid.map((r) => [...r]);
  edit(g);
  return g;
};

describe('percent weights beside point scores', () => {
  it('reads the published summary without a finding, its weights as points, and says so', () => {
    const r = audit(real.grid);
    expect(r.findings).toEqual([]);
    expect(r.tables[0].indicators.map((i) => i.weight)).toEqual([20, 50, 20, 10]);
    expect(r.tables[0].weightsAsShares).toBe(true);
    expect(r.coverage.tables[0].readAs).toEqual([expect.stringMatching(/权重以百分比填写（合计 100%），得分以分计：按 100 分制核对/)]);
    expect(r.coverage.notices).toEqual([]);
  });

  it('still flags a score above its share, in points', () => {
    const r = audit(edited((g) => (g[2][3] = '52.00')));
    const f = r.findings.find((x) => x.code === 'score.above-weight');
    expect(f).toMatchObject({ cell: 'D3', expected: expect.anything(), actual: 52 });
    expect(f!.message).toContain('超过其分值 50');
  });

  it('leaves weights in points, and a table of shares beside scores in shares, as they are', () => {
    const points = audit(edited((g) => g.slice(1).forEach((row) => (row[1] = String(row[1]).replace('%', '')))));
    expect(points.coverage.tables[0].readAs).toBeUndefined();
    expect(points.tables[0].indicators.map((i) => i.weight)).toEqual([20, 50, 20, 10]);
    const shares = audit(edited((g) => g.slice(1).forEach((row) => (row[3] = `${row[3]}%`))));
    expect(shares.coverage.tables[0].readAs).toBeUndefined();
    expect(shares.tables[0].indicators.map((i) => i.weight)).toEqual([0.2, 0.5, 0.2, 0.1]);
  });

  it('compares a grade written in the 等级 column, not a remark there', () => {
    expect(audit(real.grid).findings.some((f) => f.code === 'summary.grade')).toBe(false);
    const wrong = audit(edited((g) => (g[5][4] = '中')));
    expect(wrong.findings.find((f) => f.code === 'summary.grade')).toMatchObject({ cell: 'E6', actual: '中' });
  });
});
