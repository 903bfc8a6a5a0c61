jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } }));
/**
 * highlight / clearHighlights against the strict fake host: what they write, what they remove, and
 * each refusal of real Excel the add-in review found (B3, R1, R3, R4, R6) handled.
 */
import { FakeExcel } from './fake-excel';
import { highlight, flagFormula, COMMENT_PREFIX, COMMENTS_REFUSED_REASON, MAX_MARKED_CELLS, HELPER_HEADER } from '../../../src/excel/highlight';
import { clearHighlights } from '../../../src/excel/clear';
import { HELPER_SHEET, MARKS_KEY, PROTECTED_REASON, STRUCTURE_KEPT_REASON, STRUCTURE_REASON, parseRecord } from '../../../src/excel/settings';
import type { Finding } from '../../../src/core/audit/types';

const all = () => true;
/** A host that supports ExcelApi up to 1.x (x = minor). */
const upTo = (minor: number) => (_set: string, v: string) => Number(v.split('.')[1]) <= minor;

function finding(sheet: string, cell: string, severity: Finding['severity'], message: string, code: Finding['code'] = 'score.not-allowed'): Finding {
  return { sheet, cell, cells: [cell], code, severity, message, messageEn: message, expected: null, actual: null, rule: '' };
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

const ours = (x: FakeExcel) => x.snapshotCfs().filter((c) => c.formula.includes(HELPER_SHEET));

describe('highlight / clearHighlights', () => {
  it('marks cells through a helper sheet and comments, and clear restores the collections exactly', async () => {
    const x = workbook();
    const cfsBefore = x.snapshotCfs();
    const commentsBefore = x.snapshotComments();
    const result = await highlight(x.context, findings, { supports: all });
    expect(result).toEqual({ written: 3, comments: 2, skipped: [] });
    expect(x.refusedRequests).toEqual([]);

    // helper sheet: header + one row per flagged cell, the worst first; flags in F, very hidden
    const helper = x.sheet(HELPER_SHEET);
    expect(helper.visibility).toBe('VeryHidden');
    expect([1, 2, 3, 4, 5, 6].map((c) => helper.get(1, c)?.value)).toEqual(HELPER_HEADER);
    expect(helper.get(2, 2)?.value).toBe('D3');
    expect(helper.get(2, 5)?.value).toBe('得分3超过分值2\n同一单元格的提示');
    expect(helper.get(2, 1)?.format).toBe('@');
    expect(helper.get(4, 2)?.value).toBe('D2');
    expect(helper.get(4, 6)?.value).toBe(1);

    // one CF per cell pointing at its helper row, colour by its worst severity
    expect(ours(x)).toEqual([
      { sheet: '评分表', address: 'D3', type: 'Custom', formula: flagFormula(2), fill: '#FFC7CE' },
      { sheet: '评分表', address: 'D2', type: 'Custom', formula: flagFormula(4), fill: '#FFEB9C' },
      { sheet: "汇总 'A'", address: 'B1', type: 'Custom', formula: flagFormula(3), fill: '#FFC7CE' },
    ]);
    expect(flagFormula(3)).toBe(`='${HELPER_SHEET}'!$F$3=1`);

    // comments only where the user has none; the user's comment untouched
    expect(x.comments.find((c) => c.id === 'user-1')?.content).toBe('用户自己的批注');
    const added = x.comments.filter((c) => c.id !== 'user-1');
    expect(added.map((c) => `${c.sheet}!${c.cell}`)).toEqual(['评分表!D3', "汇总 'A'!B1"]);
    expect(added[0].content).toBe(`${COMMENT_PREFIX}\n【错误·得分不符合评分标准】得分3超过分值2\n【提示·得分不符合评分标准】同一单元格的提示`);

    // the user's cells are unchanged
    expect(x.sheet('评分表').get(3, 4)?.value).toBe(3);

    const record = parseRecord(x.settings.get(MARKS_KEY));
    expect(record.helperSheet).toBe(HELPER_SHEET);
    expect(record.cfs).toHaveLength(3);
    expect(record.comments.map((c) => `${c.sheet}!${c.cell}`)).toEqual(['评分表!D3', "汇总 'A'!B1"]);

    const cleared = await clearHighlights(x.context, { supports: all });
    expect(cleared).toMatchObject({ cfs: 3, comments: 2, helperSheet: true, skipped: [] });
    expect(x.snapshotCfs()).toEqual(cfsBefore);
    expect(x.snapshotComments()).toEqual(commentsBefore);
    expect(x.hasSheet(HELPER_SHEET)).toBe(false);
    expect(x.settings.has(MARKS_KEY)).toBe(false);
  });

  it('replaces the previous marks when run again, and still clears to the original state', async () => {
    const x = workbook();
    const cfsBefore = x.snapshotCfs();
    const commentsBefore = x.snapshotComments();
    await highlight(x.context, findings, { supports: all });
    const again = await highlight(x.context, findings.slice(1, 2), { supports: all });
    expect(again.written).toBe(1);
    expect(ours(x)).toHaveLength(1);
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
    expect(x.hasSheet(HELPER_SHEET)).toBe(false);
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
    const result = await highlight(x.context, findings, { supports: upTo(9) });
    expect(result.comments).toBe(0);
    expect(result.written).toBe(3);
    await clearHighlights(x.context, { supports: upTo(9) });
    expect(ours(x)).toEqual([]);
  });
});

describe('what Excel refuses', () => {
  it('B3: an unrecorded helper sheet left VeryHidden is made Hidden before it is deleted', async () => {
    const x = workbook();
    await highlight(x.context, findings, { supports: all });
    // The settings were lost (a client that drops add-in settings, an unreadable record), the sheet stayed.
    x.settings.clear();
    expect(x.sheet(HELPER_SHEET).visibility).toBe('VeryHidden');
    const again = await highlight(x.context, findings.slice(0, 1), { supports: all });
    expect(again).toEqual({ written: 1, comments: 0, skipped: [] });
    expect(x.sheet(HELPER_SHEET).visibility).toBe('VeryHidden');
    expect(x.sheet(HELPER_SHEET).get(2, 2)?.value).toBe('D2');
    // The unrecorded run's highlights and comments went with its sheet: only the new mark is left.
    expect(ours(x)).toEqual([{ sheet: '评分表', address: 'D2', type: 'Custom', formula: flagFormula(2), fill: '#FFEB9C' }]);
    expect(x.comments.map((c) => c.id)).toEqual(['user-1']);
  });

  it('B3: clear removes an unrecorded helper sheet and our comments, recognised by their text', async () => {
    const x = workbook();
    await highlight(x.context, findings, { supports: all });
    x.settings.clear();
    const cleared = await clearHighlights(x.context, { supports: all });
    expect(cleared).toMatchObject({ comments: 2, helperSheet: true });
    expect(x.hasSheet(HELPER_SHEET)).toBe(false);
    expect(x.comments.map((c) => c.id)).toEqual(['user-1']);
  });

  it('R1: a structure-protected workbook gets no helper sheet and a clear reason, nothing half-written', async () => {
    const x = workbook();
    x.workbookProtected = true;
    const cfsBefore = x.snapshotCfs();
    const result = await highlight(x.context, findings, { supports: all });
    expect(result.written).toBe(0);
    expect(result.skipped.map((s) => s.reason)).toEqual([STRUCTURE_REASON, STRUCTURE_REASON]);
    expect(STRUCTURE_REASON).toMatch(/工作簿结构受保护/);
    expect(x.snapshotCfs()).toEqual(cfsBefore);
    expect(x.settings.size).toBe(0);
  });

  it('R1: clear under structure protection removes the marks, keeps the helper sheet recorded, and finishes once unprotected', async () => {
    const x = workbook();
    await highlight(x.context, findings, { supports: all });
    x.workbookProtected = true;
    const cleared = await clearHighlights(x.context, { supports: all });
    expect(cleared).toMatchObject({ cfs: 3, comments: 2, helperSheet: false, skipped: [{ sheet: '', reason: STRUCTURE_KEPT_REASON }] });
    expect(ours(x)).toEqual([]);
    expect(x.hasSheet(HELPER_SHEET)).toBe(true);
    expect(parseRecord(x.settings.get(MARKS_KEY)).helperSheet).toBe(HELPER_SHEET);
    x.workbookProtected = false;
    expect(await clearHighlights(x.context, { supports: all })).toMatchObject({ helperSheet: true, skipped: [] });
    expect(x.hasSheet(HELPER_SHEET)).toBe(false);
    expect(x.settings.has(MARKS_KEY)).toBe(false);
  });

  it('R3: comments added by a run that failed before recording anything else are still removed by clear', async () => {
    const x = workbook();
    await highlight(x.context, findings, { supports: all });
    // An older run recorded no comment ids (or the run failed after adding them): only the text says they are ours.
    const record = parseRecord(x.settings.get(MARKS_KEY));
    x.settings.set(MARKS_KEY, JSON.stringify({ ...record, comments: [] }));
    const cleared = await clearHighlights(x.context, { supports: all });
    expect(cleared.comments).toBe(2);
    expect(x.comments.map((c) => c.id)).toEqual(['user-1']);
  });

  it('R3: a failure in the comment batch leaves a record from which clear removes everything', async () => {
    const x = workbook();
    const cfsBefore = x.snapshotCfs();
    x.notes.push({ sheet: "汇总 'A'", cell: 'B1', content: '老式批注' });
    // Without ExcelApi 1.18 the note is invisible to the add-in: Excel refuses the comment on that cell.
    const result = await highlight(x.context, findings, { supports: upTo(17) });
    expect(result.written).toBe(3);
    await clearHighlights(x.context, { supports: upTo(17) });
    expect(x.snapshotCfs()).toEqual(cfsBefore);
    expect(x.comments.map((c) => c.id)).toEqual(['user-1']);
    expect(x.hasSheet(HELPER_SHEET)).toBe(false);
  });

  it('R4: with ExcelApi 1.18 a cell with a note gets no comment, and the other comments are written', async () => {
    const x = workbook();
    x.notes.push({ sheet: '评分表', cell: 'D3', content: '老式批注' });
    const result = await highlight(x.context, findings, { supports: all });
    expect(result).toEqual({ written: 3, comments: 1, skipped: [] });
    expect(x.comments.filter((c) => c.id !== 'user-1').map((c) => `${c.sheet}!${c.cell}`)).toEqual(["汇总 'A'!B1"]);
  });

  it('R4: before ExcelApi 1.18 a note that refuses a comment costs no highlight, and is reported', async () => {
    const x = workbook();
    x.notes.push({ sheet: '评分表', cell: 'D3', content: '老式批注' });
    const result = await highlight(x.context, findings, { supports: upTo(17) });
    expect(result.written).toBe(3);
    expect(ours(x)).toHaveLength(3);
    expect(result.skipped).toEqual([{ sheet: '', reason: COMMENTS_REFUSED_REASON }]);
  });

  it('R6: 5,000 long findings are written in requests under 5 MB each', async () => {
    const rows = 5000;
    const values = [['指标', '分值', '评分标准', '得分'], ...Array.from({ length: rows }, (_, r) => [`指标${r}`, 2, '完成得2分，未完成不计分', 1])];
    const x = new FakeExcel([{ name: '大表', values }]);
    const long = '得分 1 不符合评分标准“完成得2分，未完成不计分”：该标准只能得 0 分或 2 分。'.repeat(12);
    const many = Array.from({ length: rows }, (_, r) => finding('大表', `D${r + 2}`, 'error', `${long}（第${r + 2}行）`));
    const result = await highlight(x.context, many, { supports: all });
    expect(result).toEqual({ written: rows, comments: rows, skipped: [] });
    expect(x.refusedRequests).toEqual([]);
    expect(Math.max(...x.requests)).toBeLessThanOrEqual(5 * 1024 * 1024);
    // Everything arrived: the old single batch would have been ~ 5,000 × (comment + helper row + CF) > 5 MB.
    expect(x.requests.reduce((a, b) => a + b, 0)).toBeGreaterThan(5 * 1024 * 1024);
    expect(ours(x)).toHaveLength(rows);
    expect(x.sheet(HELPER_SHEET).get(rows + 1, 5)?.value).toContain(`（第${rows + 1}行）`);
  });

  it('R6: a batch Excel refuses for its size is sent again in halves', async () => {
    const y = workbook();
    y.payloadLimitBytes = 1300;
    const small = await highlight(y.context, findings, { supports: all });
    expect(small.written).toBe(3);
    expect(y.refusedRequests.length).toBeGreaterThan(0);
    expect(ours(y)).toHaveLength(3);
  });

  it(`marks at most ${MAX_MARKED_CELLS} cells, the worst first, and says so`, async () => {
    const rows = MAX_MARKED_CELLS + 10;
    const x = new FakeExcel([{ name: 'S', values: Array.from({ length: rows }, () => ['x']) }]);
    const many = Array.from({ length: rows }, (_, r) => finding('S', `A${r + 1}`, r === rows - 1 ? 'error' : 'info', `m${r}`));
    const result = await highlight(x.context, many, { supports: all, comments: false });
    expect(result.written).toBe(MAX_MARKED_CELLS);
    expect(result.skipped).toEqual([{ sheet: '', reason: `只标注了最严重的 ${MAX_MARKED_CELLS} 个单元格（共 ${rows} 个有审核发现的单元格）` }]);
    expect(ours(x)[0]).toMatchObject({ address: `A${rows}`, fill: '#FFC7CE' });
  });
});
