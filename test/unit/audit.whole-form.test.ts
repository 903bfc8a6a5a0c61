/**
 * The 合计 under a self-evaluation form's 绩效指标 block is the whole form's (预算执行 10 + 绩效指标 90).
 * On the real 青神县发改局 2023 form: with its 预算执行 block on the sheet the 合计 is checked against
 * both blocks; the 绩效指标 block alone cannot check it, and says so instead of a sum 10 points off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditWorkbook } from '../../src/core/audit/audit';
import { sheetFromGrid } from '../../src/core/sheet/model';

type Grid = (string | number | null)[][];
const load = (id: string) => JSON.parse(readFileSync(join(__dirname, `../fixtures/real/tables/${id}.json`), 'utf8')) as { grid: Grid; merges: string[] };
const budget = load('qingshen-fgj-2023-selfeval-budget');
const indicators = load('qingshen-fgj-2023-selfeval-indicators');

/** Merges of a grid moved down by `rows`. */
const shifted = (merges: string[], rows: number) => merges.map((m) => m.replace(/(\d+)/g, (d) => String(Number(d) + rows)));
const audit = (grid: Grid, merges: string[]) => auditWorkbook({ source: 'test', sheets: [sheetFromGrid({ name: '自评表', values: grid, merges })] });

function form(total: string): ReturnType<typeof audit> {
  const width = Math.max(budget.grid[0].length, indicators.grid[0].length);
  const pad = (g: Grid) => g.map((r) => [...r, ...Array(width - r.length).fill(null)]);
  const lower = pad(indicators.grid).map((r) => [...r]);
  lower[lower.length - 1][8] = total;
  return audit([...pad(budget.grid), ...lower], [...budget.merges, ...shifted(indicators.merges, budget.grid.length)]);
}

describe('the total of a whole self-evaluation form', () => {
  it('is not flagged, and is said not checked, under the 绩效指标 block alone', () => {
    const r = audit(indicators.grid, indicators.merges);
    expect(r.findings.filter((f) => f.code.startsWith('total.'))).toEqual([]);
    const table = r.coverage.tables.find((t) => t.kind === 'selfeval-indicators')!;
    expect(table.checks.find((c) => c.check === 'form-total')).toMatchObject({ ran: false, note: expect.stringMatching(/未找到预算执行/) });
  });

  it('is checked against both blocks when the 预算执行 block is on the sheet', () => {
    const right = form('100');
    expect(right.tables.map((t) => t.kind)).toEqual(['selfeval-budget', 'selfeval-indicators']);
    expect(right.findings.filter((f) => f.code.startsWith('total.'))).toEqual([]);
    expect(right.coverage.tables.find((t) => t.kind === 'selfeval-indicators')!.checks.find((c) => c.check === 'form-total')).toMatchObject({ ran: true });
    const wrong = form('95');
    expect(wrong.findings.find((f) => f.code.startsWith('total.'))).toMatchObject({ expected: 100, actual: 95 });
  });
});
