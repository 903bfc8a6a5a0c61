jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } }));
/**
 * Cell-edit mode (review R2): batches ask Excel to wait (delayForCellEdit); where a host refuses
 * anyway, both documented codes are retried, the generic one only before the batch's first sync.
 */
import { FakeExcel } from './fake-excel';
import { runExcel, type ExcelRun } from '../../../src/excel';
import { readWorksheet } from '../../../src/excel/read';
import { CELL_EDIT_MODE, runWithRetry } from '../../../src/excel/retry';

const all = () => true;

function workbook() {
  return new FakeExcel([{ name: '评分表', values: [['指标', '分值'], ['立项', 3]] }]);
}

const readSheet = (context: Excel.RequestContext) => readWorksheet(context, context.workbook.worksheets.getItem('评分表'), { supports: all });

describe('runExcel in cell-edit mode', () => {
  it('asks Excel to hold the batch until the edit ends, so no sync fails', async () => {
    const x = workbook();
    x.editMode = true;
    setTimeout(() => x.endEdit(), 30);
    const grid = await runExcel(readSheet, { run: x.run, sleep: async () => undefined });
    expect(grid.values[1]).toEqual(['立项', 3]);
    expect(x.runs).toEqual([{ delayForCellEdit: true }]);
    expect(x.requests).toHaveLength(x.syncs); // every sync was accepted
  });

  it.each([CELL_EDIT_MODE, 'InvalidOperation'] as const)('retries a host that refuses with %s before the first sync', async (code) => {
    const x = workbook();
    x.editMode = true;
    x.editModeCode = code;
    // A host that ignores delayForCellEdit.
    const ignoring: ExcelRun = (_options, batch) => x.run({}, batch);
    const delays: number[] = [];
    const grid = await runExcel(readSheet, {
      run: ignoring,
      delayMs: 10,
      sleep: async (ms) => {
        delays.push(ms);
        if (delays.length === 2) x.endEdit();
      },
    });
    expect(grid.values[1]).toEqual(['立项', 3]);
    expect(delays).toEqual([10, 20]);
    expect(x.runs).toHaveLength(3);
  });

  it('does not retry InvalidOperation once the batch has synced: that is a real refusal', async () => {
    const x = workbook();
    x.sheet('评分表').visibility = 'VeryHidden';
    const batch = async (context: Excel.RequestContext) => {
      const ws = context.workbook.worksheets.getItem('评分表');
      ws.load('name');
      await context.sync();
      ws.delete();
      await context.sync();
    };
    await expect(runExcel(batch, { run: x.run, sleep: async () => undefined })).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(x.runs).toHaveLength(1);
  });

  it('lets other errors through at once and gives up after the attempts', async () => {
    let calls = 0;
    await expect(
      runWithRetry(
        async () => {
          calls++;
          throw Object.assign(new Error('x'), { code: 'GeneralException' });
        },
        { sleep: async () => {} },
      ),
    ).rejects.toThrow('x');
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      runWithRetry(
        async () => {
          calls++;
          throw { code: CELL_EDIT_MODE };
        },
        { attempts: 3, sleep: async () => {} },
      ),
    ).rejects.toEqual({ code: CELL_EDIT_MODE });
    expect(calls).toBe(3);
  });
});
