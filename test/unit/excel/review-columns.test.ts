jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } }));
/**
 * Review columns: formulas by the names Excel knows with every required argument (review B1, B2),
 * and 清除标注 removing inserted columns that took their neighbour's formats (R5).
 */
import { FakeExcel } from './fake-excel';
import { clearHighlights } from '../../../src/excel/clear';
import { insertReviewColumns, reviewColumnsOf } from '../../../src/excel/review-columns';
import { MARKS_KEY, NO_COLUMNS_REASON, PROTECTED_REASON } from '../../../src/excel/settings';
import { functionsJson } from '../../../src/functions/metadata';
import type { DetectedTable } from '../../../src/core/layout/types';

const all = () => true;

function workbook(extra: Array<Array<string | number>> = []) {
  return new FakeExcel([
    {
      name: '评分表',
      values: [['指标', '分值', '评分标准', '得分', '扣分理由'], ['立项', 3, '完全符合得3分', 2, ''], ['目标', 2, '明确得2分', 3, ''], ...extra],
    },
    { name: '锁定', values: [['x']], protected: true },
  ]);
}

function table(over: Partial<DetectedTable> = {}): DetectedTable {
  return {
    sheet: '评分表',
    kind: 'scoring',
    range: { top: 1, left: 1, bottom: 3, right: 5 },
    headerRow: 1,
    headerRows: 1,
    columns: { name: 1, weight: 2, criteria: 3, score: 4, reason: 5 },
    dataRows: [2, 3],
    indicators: [{ row: 2, path: ['立项'] }, { row: 3, path: ['目标'] }],
    totals: [],
    groups: [],
    ...over,
  } as DetectedTable;
}

/** Every PERF call in a formula: name and argument count. */
function perfCalls(formula: string): Array<{ name: string; args: number }> {
  return [...formula.matchAll(/PERF\.([A-Z0-9_.]+)\(([^)]*)\)/g)].map((m) => ({ name: m[1], args: m[2].split(',').length }));
}

describe('review columns name functions Excel knows, with every required argument (B1, B2)', () => {
  const metadata = new Map(functionsJson('zh').functions.map((f) => [f.name, f]));

  it('writes only 一致性检查 for a table without measured values: RULESCORE would lack its value', async () => {
    const x = workbook();
    const r = await insertReviewColumns(x.context, table(), '评分表', { supports: all });
    expect(r).toEqual({ written: 3, columns: 'F:F', inserted: false, skipped: [] });
    const s = x.sheet('评分表');
    expect(s.get(1, 6)?.formula).toBe('一致性检查');
    expect(s.get(2, 6)?.formula).toBe('=PERF.CHECK(C2,B2,D2,E2)');
    expect(s.get(1, 7)).toBeUndefined();
  });

  it('writes 规则得分 with the measured-value cell when the table has one', async () => {
    const x = new FakeExcel([{ name: '评分表', values: [['指标', '分值', '评分标准', '实际值', '得分'], ['满意度', 2, '满意率≥90%得2分', 0.95, 2]] }]);
    const t = table({ range: { top: 1, left: 1, bottom: 2, right: 5 }, columns: { name: 1, weight: 2, criteria: 3, actual: 4, score: 5 }, indicators: [{ row: 2, path: ['满意度'] }] });
    const r = await insertReviewColumns(x.context, t, '评分表', { supports: all });
    expect(r.columns).toBe('F:G');
    const s = x.sheet('评分表');
    expect([s.get(1, 6)?.formula, s.get(1, 7)?.formula]).toEqual(['规则得分', '一致性检查']);
    expect(s.get(2, 6)?.formula).toBe('=PERF.RULESCORE(C2,B2,D2)');
    expect(s.get(2, 7)?.formula).toBe('=PERF.CHECK(C2,B2,E2)');
  });

  it.each([
    ['without a measured value', table()],
    ['with a measured value and no reason', table({ columns: { weight: 2, criteria: 3, actual: 5, score: 4 } })],
  ])('every formula %s calls a functions.json name with at least its required arguments', (_what, t) => {
    for (const column of reviewColumnsOf(t)!) {
      for (const call of perfCalls(column.formula(7))) {
        const f = metadata.get(call.name);
        expect(f).toBeDefined();
        expect(call.args).toBeGreaterThanOrEqual(f!.parameters.filter((p) => !p.optional).length);
        expect(call.args).toBeLessThanOrEqual(f!.parameters.length);
      }
    }
  });

  it('refuses a table without 评分标准, 分值 or 得分, and a protected sheet', async () => {
    const x = workbook();
    expect(await insertReviewColumns(x.context, table({ columns: { weight: 2, score: 4 } }), '评分表', { supports: all })).toEqual({
      written: 0,
      inserted: false,
      skipped: [{ sheet: '评分表', reason: NO_COLUMNS_REASON }],
    });
    const r = await insertReviewColumns(x.context, { ...table(), sheet: '锁定' }, '锁定', { supports: all });
    expect(r).toEqual({ written: 0, inserted: false, skipped: [{ sheet: '锁定', reason: PROTECTED_REASON }] });
    expect(x.settings.size).toBe(0);
  });
});

describe('clear removes the review columns again', () => {
  it('clears cells written into empty columns', async () => {
    const x = workbook();
    await insertReviewColumns(x.context, table(), '评分表', { supports: all });
    await clearHighlights(x.context, { supports: all });
    const s = x.sheet('评分表');
    expect([1, 2, 3].map((r) => s.get(r, 6)?.formula ?? '')).toEqual(['', '', '']);
    expect(x.settings.has(MARKS_KEY)).toBe(false);
  });

  it('R5: deletes inserted columns although they took the formats of the table’s last column, rows outside the table included', async () => {
    // A 合计 row below the indicators and a number format all down the reason column.
    const x = workbook([['合计', 5, '', 5, '']]);
    const s = x.sheet('评分表');
    for (let r = 1; r <= 4; r++) s.cells.set(`${r},5`, { value: s.get(r, 5)?.value ?? '', formula: s.get(r, 5)?.formula ?? '', format: '@' });
    s.cells.set('2,6', { value: '用户备注', formula: '用户备注', format: 'General' });
    const r = await insertReviewColumns(x.context, table(), '评分表', { supports: all });
    expect(r.inserted).toBe(true);
    expect(s.get(2, 7)?.value).toBe('用户备注');
    // Excel's insert: the new column carries the neighbour's format on every row, 合计 row too.
    expect(s.get(4, 6)?.format).toBe('@');
    const cleared = await clearHighlights(x.context, { supports: all });
    expect(cleared).toMatchObject({ reviewColumns: 1, reviewCells: 3 });
    expect(s.get(2, 6)?.value).toBe('用户备注');
    expect(s.get(1, 6)).toBeUndefined();
  });

  it('keeps inserted columns that hold the user’s values, and clears only our cells', async () => {
    const x = workbook();
    const s = x.sheet('评分表');
    s.cells.set('2,6', { value: '用户备注', formula: '用户备注', format: 'General' });
    await insertReviewColumns(x.context, table(), '评分表', { supports: all });
    s.cells.set('9,6', { value: '后来写的', formula: '后来写的', format: 'General' });
    const cleared = await clearHighlights(x.context, { supports: all });
    expect(cleared).toMatchObject({ reviewColumns: 0, reviewCells: 3 });
    expect(s.get(9, 6)?.value).toBe('后来写的');
    expect(s.get(2, 6)?.formula).toBe('');
  });

  it('leaves a review cell the user has changed', async () => {
    const x = workbook();
    await insertReviewColumns(x.context, table(), '评分表', { supports: all });
    const s = x.sheet('评分表');
    s.cells.set('2,6', { value: 7, formula: 7, format: 'General' });
    await clearHighlights(x.context, { supports: all });
    expect(s.get(2, 6)?.value).toBe(7);
    expect(s.get(3, 6)?.formula).toBe('');
  });
});
