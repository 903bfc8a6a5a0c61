jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } }));
import { FakeExcel } from './fake-excel';
import { highlight, flagFormula, COMMENT_PREFIX } from '../../../src/excel/highlight';
import { clearHighlights } from '../../../src/excel/clear';
import { insertReviewColumns } from '../../../src/excel/review-columns';
import { runWithRetry, CELL_EDIT_MODE } from '../../../src/excel/retry';
import { HELPER_SHEET, MARKS_KEY, PROTECTED_REASON, parseRecord } from '../../../src/excel/settings';
import { readWorksheet } from '../../../src/excel/read';
import type { Finding } from '../../../src/core/audit/types';
import type { DetectedTable } from '../../../src/core/layout/types';

const all = () => true;

function finding(sheet: string, cell: string, severity: Finding['severity'], message: string, code: Finding['code'] = 'score.not-allowed'): Finding {
  return { sheet, cell, cells: [cell], code, severity, message, expected: null, actual: null, rule: '' };
}

function workbook() {
  const x = new FakeExcel([
    {
      name: '评分表',
      values: [
        ['指标', '分值', '评分标准', '得分', '扣分理由'],
        ['立项', 3, '完全符合得3分', 2, ''],
        ['目标', 2, '明确得2分', 3, ''],
      ],
    },
    { name: "汇总 'A'", values: [['合计', 5]] },
    { name: '锁定', values: [['x']], protected: true },
  ]);
  x.addUserCf('评分表', 'B2:B3', 'CellValue');
  x.addUserCf('评分表', 'D2', 'Custom', '=$D$2>$B$2');
  x.comments.push({ id: 'user-1', sheet: '评分表', cell: 'D2', content: '用户自己的批注' });
  return x;
}

const findings = [
  finding('评分表', 'D2', 'warning', '得分2与评分标准不符'),
  finding('评分表', 'D3', 'error', '得分3超过分值2'),
  finding('评分表', 'D3', 'info', '同一单元格的提示'),
  finding("汇总 'A'", 'B1', 'error', '合计应为5'),
];

describe('highlight / clearHighlights', () => {
  it('marks cells through a helper sheet and comments, and clear restores the collections exactly', async () => {
    const x = workbook();
    const cfsBefore = x.snapshotCfs();
    const commentsBefore = x.snapshotComments();
    const result = await highlight(x.context, findings, { supports: all });
    expect(result).toEqual({ written: 3, comments: 2, skipped: [] });
    expect(x.syncs).toBeLessThanOrEqual(4);

    // helper sheet: header + one row per finding, flags in F, very hidden
    const helper = x.sheet(HELPER_SHEET);
    expect(helper.visibility).toBe('VeryHidden');
    expect(helper.get(1, 6)?.value).toBe('标注');
    expect(helper.get(3, 2)?.value).toBe('D3');
    expect(helper.get(3, 1)?.format).toBe('@');
    expect(helper.get(5, 6)?.value).toBe(1);

    // one CF per cell, pointing at the most severe finding's row, colour by severity
    const ours = x.snapshotCfs().filter((c) => c.formula.includes(HELPER_SHEET));
    expect(ours).toEqual([
      { sheet: '评分表', address: 'D2', type: 'Custom', formula: flagFormula(2), fill: '#FFEB9C' },
      { sheet: '评分表', address: 'D3', type: 'Custom', formula: flagFormula(3), fill: '#FFC7CE' },
      { sheet: "汇总 'A'", address: 'B1', type: 'Custom', formula: flagFormula(5), fill: '#FFC7CE' },
    ]);
    expect(flagFormula(3)).toBe(`='${HELPER_SHEET}'!$F$3=1`);

    // comments only where the user has none; the user's comment untouched
    expect(x.comments.find((c) => c.id === 'user-1')?.content).toBe('用户自己的批注');
    const added = x.comments.filter((c) => c.id !== 'user-1');
    expect(added.map((c) => `${c.sheet}!${c.cell}`)).toEqual(['评分表!D3', "汇总 'A'!B1"]);
    expect(added[0].content).toBe(`${COMMENT_PREFIX}\n【错误】得分3超过分值2\n【提示】同一单元格的提示`);

    // the user's cells are unchanged
    expect(x.sheet('评分表').get(3, 4)?.value).toBe(3);

    // recorded, with the comment ids read back
    const record = parseRecord(x.settings.get(MARKS_KEY));
    expect(record.helperSheet).toBe(HELPER_SHEET);
    expect(record.cfs).toHaveLength(3);
    expect(record.comments.map((c) => c.id)).toEqual(added.map((c) => c.id));

    const cleared = await clearHighlights(x.context, { supports: all });
    expect(cleared).toMatchObject({ cfs: 3, comments: 2, helperSheet: true, skipped: [] });
    expect(x.snapshotCfs()).toEqual(cfsBefore);
    expect(x.snapshotComments()).toEqual(commentsBefore);
    expect(x.sheets.some((s) => s.name === HELPER_SHEET)).toBe(false);
    expect(x.settings.has(MARKS_KEY)).toBe(false);
  });

  it('replaces the previous marks when run again, and still clears to the original state', async () => {
    const x = workbook();
    const cfsBefore = x.snapshotCfs();
    const commentsBefore = x.snapshotComments();
    await highlight(x.context, findings, { supports: all });
    const again = await highlight(x.context, findings.slice(1, 2), { supports: all });
    expect(again.written).toBe(1);
    expect(x.snapshotCfs().filter((c) => c.formula.includes(HELPER_SHEET))).toHaveLength(1);
    expect(x.comments).toHaveLength(2);
    await clearHighlights(x.context, { supports: all });
    expect(x.snapshotCfs()).toEqual(cfsBefore);
    expect(x.snapshotComments()).toEqual(commentsBefore);
  });

  it('skips a protected sheet with the Chinese reason and writes nothing', async () => {
    const x = workbook();
    const cfsBefore = x.snapshotCfs();
    const result = await highlight(x.context, [finding('锁定', 'A1', 'error', '受保护')], { supports: all });
    expect(result).toEqual({ written: 0, comments: 0, skipped: [{ sheet: '锁定', reason: PROTECTED_REASON }] });
    expect(PROTECTED_REASON).toBe('该工作表受保护，无法写入标注');
    expect(x.snapshotCfs()).toEqual(cfsBefore);
    expect(x.comments).toHaveLength(1);
    expect(x.sheets.map((s) => s.name)).not.toContain(HELPER_SHEET);
    expect(x.settings.size).toBe(0);
  });

  it('writes the other sheets when one is protected', async () => {
    const x = workbook();
    const result = await highlight(x.context, [finding('锁定', 'A1', 'error', 'a'), finding('评分表', 'D3', 'error', 'b')], { supports: all });
    expect(result.written).toBe(1);
    expect(result.skipped).toEqual([{ sheet: '锁定', reason: PROTECTED_REASON }]);
  });

  it('works without comments support (ExcelApi < 1.10)', async () => {
    const x = workbook();
    const supports = (_s: string, v: string) => Number(v.split('.')[1]) < 10;
    const result = await highlight(x.context, findings, { supports });
    expect(result.comments).toBe(0);
    expect(result.written).toBe(3);
    await clearHighlights(x.context, { supports });
    expect(x.snapshotCfs().some((c) => c.formula.includes(HELPER_SHEET))).toBe(false);
  });
});

describe('runWithRetry', () => {
  it('retries while Excel is in cell-edit mode, then succeeds', async () => {
    const x = workbook();
    const editMode = Object.assign(new Error('cell edit mode'), { code: CELL_EDIT_MODE });
    x.failNextSyncs.push(editMode, editMode);
    const delays: number[] = [];
    const grid = await runWithRetry(() => readWorksheet(x.context, x.context.workbook.worksheets.getItem('评分表'), { supports: all }), {
      delayMs: 10,
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    expect(grid.values[1][0]).toBe('立项');
    expect(delays).toEqual([10, 20]);
  });

  it('lets other errors through at once and gives up after the attempts', async () => {
    let calls = 0;
    await expect(runWithRetry(async () => { calls++; throw Object.assign(new Error('x'), { code: 'GeneralException' }); }, { sleep: async () => {} })).rejects.toThrow('x');
    expect(calls).toBe(1);
    calls = 0;
    await expect(runWithRetry(async () => { calls++; throw { code: CELL_EDIT_MODE }; }, { attempts: 3, sleep: async () => {} })).rejects.toEqual({ code: CELL_EDIT_MODE });
    expect(calls).toBe(3);
  });
});

function table(): DetectedTable {
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
  };
}

describe('insertReviewColumns', () => {
  it('writes into the empty columns right of the table, and clear removes them', async () => {
    const x = workbook();
    const r = await insertReviewColumns(x.context, table(), '评分表', { supports: all });
    expect(r).toEqual({ written: 6, columns: 'F:G', inserted: false, skipped: [] });
    const s = x.sheet('评分表');
    expect(s.get(1, 6)?.formula).toBe('规则得分');
    expect(s.get(1, 7)?.formula).toBe('一致性检查');
    expect(s.get(2, 6)?.formula).toBe('=PERF.RULESCORE(C2,B2)');
    expect(s.get(3, 7)?.formula).toBe('=PERF.CHECK(C3,B3,D3,E3)');
    await clearHighlights(x.context, { supports: all });
    expect([...s.cells.keys()].filter((k) => Number(k.split(',')[1]) >= 6)).toEqual([]);
    expect(x.settings.has(MARKS_KEY)).toBe(false);
  });

  it('inserts two columns when the area is taken, and clear deletes them again', async () => {
    const x = workbook();
    const s = x.sheet('评分表');
    s.cells.set('2,6', { value: '用户备注', formula: '用户备注', format: 'General' });
    const r = await insertReviewColumns(x.context, table(), '评分表', { supports: all });
    expect(r.inserted).toBe(true);
    expect(s.get(2, 8)?.value).toBe('用户备注');
    expect(s.get(2, 6)?.formula).toBe('=PERF.RULESCORE(C2,B2)');
    await clearHighlights(x.context, { supports: all });
    expect(s.get(2, 6)?.value).toBe('用户备注');
    expect(s.get(1, 6)).toBeUndefined();
  });

  it('leaves a review cell the user has changed', async () => {
    const x = workbook();
    await insertReviewColumns(x.context, table(), '评分表', { supports: all });
    const s = x.sheet('评分表');
    s.cells.set('2,6', { value: 7, formula: 7, format: 'General' });
    await clearHighlights(x.context, { supports: all });
    expect(s.get(2, 6)?.value).toBe(7);
    expect(s.get(3, 6)).toBeUndefined();
  });

  it('skips a protected sheet', async () => {
    const x = workbook();
    const r = await insertReviewColumns(x.context, { ...table(), sheet: '锁定' }, '锁定', { supports: all });
    expect(r).toEqual({ written: 0, inserted: false, skipped: [{ sheet: '锁定', reason: PROTECTED_REASON }] });
    expect(x.settings.size).toBe(0);
  });
});
