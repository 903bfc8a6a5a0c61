/**
 * @jest-environment jsdom
 *
 * The pane as it runs inside Excel, on a stand-in host (no Office): scan, the worst finding first,
 * selecting a cell from a finding, stepping with 上一个 / 下一个, filters, 已复核 / 忽略 saved
 * through the host, the marking actions, a read failure; and the start-up without a timeout.
 * Rendered with react-dom.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { auditWorkbook } from '../../src/core/audit/audit';
import { checkName } from '../../src/core/audit/catalogue';
import { readWorkbook } from '../../src/io/reader';
import { DEPTH_CASES } from '../fixtures/depth-faults';
import type { Finding } from '../../src/core/audit/types';
import type { DetectedTable } from '../../src/core/layout/types';
import { sheetFromGrid, type WorkbookModel } from '../../src/core/sheet/model';
import { App } from '../../src/taskpane/App';
import type { Host, MarkReport, ReviewState } from '../../src/taskpane/host';
import { orderFindings } from '../../src/taskpane/group';
import { reviewKey } from '../../src/taskpane/reviews';
import { Startup } from '../../src/taskpane/Startup';
import type { StartupResult } from '../../src/taskpane/startup';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

beforeAll(() => {
  // jsdom lacks these; Fluent's motion and positioning ask for them.
  if (!window.matchMedia) {
    window.matchMedia = ((query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    })) as unknown as typeof window.matchMedia;
  }
  if (!('ResizeObserver' in window)) {
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  }
});

function model(): WorkbookModel {
  const sheet = sheetFromGrid({
    name: '表1',
    values: [
      ['一级指标', '二级指标', '三级指标', '权重（%）', '评分标准', '评分', '评分理由及依据'],
      ['决策', '过程管理', '计划安排合理性', 1, '1、有会议纪要并能提供记录材料，得1分；\n2、提供的材料不够全面，得0.5分；\n3、不能提供以上材料，0分。', 0.75, ''],
      ['产出', '产出数量', '对照指标', 2, '完成得2分，未完成不计分。', 2, ''],
      ['产出', '产出质量', '达标率', 2, '达到得2分，未达到不得分。', 1, '酌情扣1分'],
      ['效益', '满意度', '群众满意度', 2, '满意度≥90%得2分，否则不得分', 1.5, '满意度为95%'],
    ],
  });
  return { source: '表1', sheets: [sheet] };
}

interface FakeHost extends Host {
  selectCell: jest.Mock<Promise<void>, [string, string]>;
  saved: Array<Record<string, ReviewState>>;
  marking: {
    highlight: jest.Mock<Promise<MarkReport>, [Finding[]]>;
    clearHighlights: jest.Mock<Promise<MarkReport>, []>;
    insertReviewColumns: jest.Mock<Promise<MarkReport>, [DetectedTable[]]>;
  };
}

function fakeExcelHost(read: Host['read'] = async () => model(), stored: Record<string, ReviewState> = {}): FakeHost {
  const saved: Array<Record<string, ReviewState>> = [];
  return {
    kind: 'excel',
    scopes: ['sheet', 'workbook'],
    saved,
    reviews: {
      persistent: true,
      load: async () => ({ ...stored }),
      save: async (states) => {
        saved.push(states);
      },
    },
    read: jest.fn(read),
    selectCell: jest.fn(async (_sheet: string, _cell: string) => undefined),
    marking: {
      highlight: jest.fn(async (f: Finding[]) => ({ count: f.length, comments: f.length, skipped: [] })),
      clearHighlights: jest.fn(async () => ({ count: 3, skipped: [] })),
      insertReviewColumns: jest.fn(async (_tables: DetectedTable[]) => ({ count: 6, tables: 1, columns: '表1!H:I', skipped: [{ sheet: '表2', reason: '该工作表受保护，无法写入标注' }] })),
    },
  };
}

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

const byTestId = (id: string): HTMLElement[] => [...document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];

async function click(el: Element): Promise<void> {
  await act(async () => {
    (el as HTMLElement).click();
  });
}

/** Let pending promises (read, audit frame) settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
}

describe('the pane in Excel', () => {
  it('scans the active sheet, lists the findings, selects a finding’s cell, and runs the actions', async () => {
    const host = fakeExcelHost();
    await act(async () => root.render(<App host={host} locale="zh" />));
    expect(document.querySelector('h1')?.textContent).toBe('评分审核');
    const scanSheet = byTestId('scan-sheet')[0];
    expect(scanSheet.textContent).toBe('扫描工作表');
    expect(byTestId('scan-workbook')[0].textContent).toBe('扫描工作簿');
    // No result yet: nothing to highlight, no scoring table for review columns.
    expect((byTestId('action-highlight')[0] as HTMLButtonElement).disabled).toBe(true);
    expect((byTestId('action-review')[0] as HTMLButtonElement).disabled).toBe(true);

    await click(scanSheet);
    await settle();
    expect(host.read).toHaveBeenCalledWith('sheet', expect.any(Function), expect.any(Function));

    const expected = auditWorkbook(model());
    const items = byTestId('finding-item');
    expect(items.length).toBe(expected.findings.length);
    expect(items.map((e) => `${e.dataset.sheet}!${e.dataset.cell}|${e.dataset.code}`).sort()).toEqual(expected.findings.map((f) => `${f.sheet}!${f.cell}|${f.code}`).sort());
    const plan = items.find((e) => e.dataset.cell === 'F2' && e.dataset.code === 'score.not-allowed');
    expect(plan).toBeDefined();
    expect(plan!.tagName).toBe('BUTTON');
    expect(plan!.getAttribute('aria-label')).toContain('错误 得分不符合评分标准 表1!F2');
    expect(plan!.textContent).toContain('计划安排合理性');
    expect(plan!.textContent).toContain('0.75');
    expect(byTestId('count-error')[0].textContent).toContain(String(expected.summary.errors));
    // The worst first: the list is in severity, then place order; checks are named in Chinese.
    expect(items.map((e) => `${e.dataset.cell}|${e.dataset.code}`)).toEqual(orderFindings(expected.findings, ['表1']).map((f) => `${f.cell}|${f.code}`));
    expect(items[0].dataset.severity).toBe('error');
    expect(plan!.textContent).toContain('得分不符合评分标准');
    expect(plan!.textContent).not.toContain('score.not-allowed');
    // The tables are folded under the findings; Excel shows no grid preview: the workbook is right there.
    expect(document.body.textContent).toContain('识别到的表格（1）');
    expect(byTestId('grid-preview')).toHaveLength(0);

    // A native button: Enter and Space activate it through click.
    await click(plan!);
    expect(host.selectCell).toHaveBeenCalledWith('表1', 'F2');
    expect(plan!.getAttribute('aria-current')).toBe('true');

    // Selecting a table (unfolded) selects its range.
    await click(byTestId('tables-header')[0].querySelector('button')!);
    await click(byTestId('table-item')[0]);
    expect(host.selectCell).toHaveBeenLastCalledWith('表1', expect.stringMatching(/^A1:[A-Z]+\d+$/));

    await click(byTestId('action-highlight')[0]);
    await settle();
    expect(host.marking.highlight).toHaveBeenCalledWith(expected.findings);
    await click(byTestId('action-review')[0]);
    await settle();
    expect(host.marking.insertReviewColumns).toHaveBeenCalledWith(expected.tables);
    await click(byTestId('action-clear')[0]);
    await settle();
    expect(host.marking.clearHighlights).toHaveBeenCalledTimes(1);
    // Toasts report what was done (and what was skipped).
    const text = document.body.textContent ?? '';
    expect(text).toContain(`已标注 ${expected.findings.length} 个单元格`);
    expect(text).toContain('表2：该工作表受保护，无法写入标注');
    expect(text).toContain('已清除 3 处标注');
  });

  it('steps through the findings with 下一个 / 上一个, selecting each cell in Excel, within the filters', async () => {
    const host = fakeExcelHost();
    await act(async () => root.render(<App host={host} locale="zh" />));
    await click(byTestId('scan-sheet')[0]);
    await settle();
    const ordered = orderFindings(auditWorkbook(model()).findings, ['表1']);
    expect(ordered.length).toBeGreaterThanOrEqual(3);
    const next = byTestId('step-next')[0] as HTMLButtonElement;
    const previous = byTestId('step-previous')[0] as HTMLButtonElement;
    expect(previous.disabled).toBe(true);
    for (let i = 0; i < ordered.length; i++) {
      await click(next);
      expect(host.selectCell).toHaveBeenLastCalledWith('表1', ordered[i].cell);
      expect(byTestId('position')[0].textContent).toBe(`第 ${i + 1} / ${ordered.length} 条`);
      expect(document.querySelector('[aria-current="true"]')?.getAttribute('data-cell')).toBe(ordered[i].cell);
    }
    expect(next.disabled).toBe(true);
    expect(byTestId('announcement')[0].textContent).toContain(`第 ${ordered.length} / ${ordered.length} 条`);
    await click(previous);
    expect(host.selectCell).toHaveBeenLastCalledWith('表1', ordered[ordered.length - 2].cell);

    // Only the warnings: the stepping stays inside the filter.
    const warnings = ordered.filter((f) => f.severity === 'warning');
    const filter = byTestId('filter-warning')[0];
    if (warnings.length > 0) {
      await click(filter);
      expect(byTestId('finding-item').map((e) => e.dataset.severity)).toEqual(warnings.map(() => 'warning'));
    }
  });

  it('remembers 已复核 and 忽略 through the host; an ignored finding leaves the list and the stepping', async () => {
    const findings = orderFindings(auditWorkbook(model()).findings, ['表1']);
    const host = fakeExcelHost(undefined, { [reviewKey(findings[1])]: 'reviewed' });
    await act(async () => root.render(<App host={host} locale="zh" />));
    await click(byTestId('scan-sheet')[0]);
    await settle();
    const rows = () => byTestId('finding-row');
    // The stored state is shown.
    expect(rows()[1].dataset.state).toBe('reviewed');
    expect(rows()[1].querySelector('[data-testid="mark-reviewed"]')?.getAttribute('aria-pressed')).toBe('true');
    // Ignore the first: saved with the earlier state, and gone from the default list.
    await click(rows()[0].querySelector('[data-testid="mark-ignored"]')!);
    await settle();
    expect(host.saved.at(-1)).toEqual({ [reviewKey(findings[1])]: 'reviewed', [reviewKey(findings[0])]: 'ignored' });
    const shown = byTestId('finding-item').map((e) => `${e.dataset.cell}|${e.dataset.code}`);
    expect(shown).not.toContain(`${findings[0].cell}|${findings[0].code}`);
    expect(shown).toHaveLength(findings.length - 1);
    await click(byTestId('step-next')[0]);
    expect(host.selectCell).toHaveBeenLastCalledWith('表1', findings[1].cell);
  });

  it('shows a read failure in a message bar, in Chinese and English', async () => {
    const host = fakeExcelHost(async () => {
      throw Object.assign(new Error('x'), { messageZh: '无法读取工作表', messageEn: 'cannot read the sheet' });
    });
    await act(async () => root.render(<App host={host} locale="zh" />));
    await click(byTestId('scan-workbook')[0]);
    await settle();
    const bar = byTestId('error-bar')[0];
    expect(bar.textContent).toContain('无法读取工作表');
    expect(bar.textContent).toContain('cannot read the sheet');
    expect(byTestId('finding-item')).toHaveLength(0);
  });

  it('shows the host’s start-up notices (an .xls workbook) and what a read could not read in full', async () => {
    const host = fakeExcelHost(async (_scope, _progress, onNotice) => {
      onNotice?.({ intent: 'warning', zh: '工作表“表1”的数据区域过大，只读取了 A1:D250000' });
      return model();
    });
    host.startupNotices = async () => [{ intent: 'warning', zh: '这是 .xls 格式（兼容模式）的工作簿' }];
    await act(async () => root.render(<App host={host} locale="zh" />));
    await settle();
    expect(byTestId('host-notice').map((e) => e.textContent)).toEqual(['这是 .xls 格式（兼容模式）的工作簿']);
    await click(byTestId('scan-sheet')[0]);
    await settle();
    expect(byTestId('read-notice')[0].textContent).toContain('只读取了 A1:D250000');
  });

  it('speaks English for an English display language', async () => {
    await act(async () => root.render(<App host={fakeExcelHost()} locale="en" />));
    expect(document.querySelector('h1')?.textContent).toBe('Score audit');
    expect(byTestId('scan-sheet')[0].textContent).toBe('Scan sheet');
    // Findings in English too: the catalogue's English name and message, the code only as data.
    await click(byTestId('scan-sheet')[0]);
    await settle();
    const f = auditWorkbook(model()).findings.find((x) => x.cell === 'F2' && x.code === 'score.not-allowed')!;
    const item = byTestId('finding-item').find((e) => e.dataset.cell === 'F2' && e.dataset.code === 'score.not-allowed')!;
    expect(item.textContent).toContain(checkName('score.not-allowed', 'en'));
    expect(item.textContent).toContain(f.messageEn);
    expect(item.textContent).not.toContain(f.message);
  });
});

describe('the depth checks in the pane', () => {
  it.each(DEPTH_CASES.map((c) => [c.name, c] as const))('%s: the fault twin’s finding is listed under its Chinese name', async (_n, c) => {
    const buf = await c.build(true).xlsx.writeBuffer();
    const book = await readWorkbook(new Uint8Array(buf as ArrayBuffer), `${c.name}.xlsx`);
    await act(async () => root.render(<App host={fakeExcelHost(async () => book)} locale="zh" />));
    await click(byTestId('scan-workbook')[0]);
    await settle();
    const item = byTestId('finding-item').find((e) => e.dataset.sheet === c.expect.sheet && e.dataset.cell === c.expect.cell && e.dataset.code === c.expect.code);
    expect(item).toBeDefined();
    expect(item!.textContent).toContain(checkName(c.expect.code));
  });
});

describe('start-up', () => {
  const browserHost = (): Host => ({ kind: 'browser', scopes: ['workbook'], read: async () => model(), selectCell: async () => undefined, reviews: { persistent: false, load: async () => ({}), save: async () => undefined } });

  it('waits for Excel however long it takes (no 4-second fallback to browser mode), then opens the Excel pane', async () => {
    jest.useFakeTimers();
    try {
      let answer: (r: StartupResult) => void = () => undefined;
      const detect = () => new Promise<StartupResult>((r) => (answer = r));
      await act(async () => root.render(<Startup detect={detect} createExcelHost={() => fakeExcelHost()} createBrowserHost={browserHost} slowHintMs={6000} />));
      await act(async () => {
        await jest.advanceTimersByTimeAsync(5000);
      });
      expect(byTestId('starting')).toHaveLength(1);
      expect(document.querySelector('main')).toBeNull();
      await act(async () => {
        await jest.advanceTimersByTimeAsync(2000);
      });
      // After a while the pane offers browser mode; it does not take it by itself.
      expect(byTestId('use-browser')).toHaveLength(1);
      await act(async () => answer({ kind: 'excel', language: 'zh-CN' }));
      expect(document.querySelector('main')?.getAttribute('data-host')).toBe('excel');
    } finally {
      jest.useRealTimers();
    }
  });

  it('says clearly that it runs outside Excel, in the browser’s language', async () => {
    const language = jest.spyOn(window.navigator, 'language', 'get').mockReturnValue('zh-CN');
    await act(async () => root.render(<Startup detect={async () => ({ kind: 'browser', why: 'no-office' })} createExcelHost={() => fakeExcelHost()} createBrowserHost={browserHost} />));
    await settle();
    expect(document.querySelector('main')?.getAttribute('data-host')).toBe('browser');
    expect(byTestId('subtitle')[0].textContent).toContain('未加载 Office');
    language.mockRestore();
  });

  it('lets the user choose browser mode while Office keeps silent', async () => {
    await act(async () => root.render(<Startup detect={() => new Promise(() => undefined)} createExcelHost={() => fakeExcelHost()} createBrowserHost={browserHost} slowHintMs={0} />));
    await settle();
    await click(byTestId('use-browser')[0]);
    expect(document.querySelector('main')?.getAttribute('data-host')).toBe('browser');
  });
});
