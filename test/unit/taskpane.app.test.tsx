/**
 * @jest-environment jsdom
 *
 * The pane as it runs inside Excel, on a stand-in host (no Office): scan, findings, selecting a
 * cell from a finding by keyboard, the marking actions, a read failure. Rendered with react-dom.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { auditWorkbook } from '../../src/core/audit/audit';
import type { Finding } from '../../src/core/audit/types';
import type { DetectedTable } from '../../src/core/layout/types';
import { sheetFromGrid, type WorkbookModel } from '../../src/core/sheet/model';
import { App } from '../../src/taskpane/App';
import type { Host, MarkReport } from '../../src/taskpane/host';

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
    ],
  });
  return { source: '表1', sheets: [sheet] };
}

interface FakeHost extends Host {
  selectCell: jest.Mock<Promise<void>, [string, string]>;
  marking: {
    highlight: jest.Mock<Promise<MarkReport>, [Finding[]]>;
    clearHighlights: jest.Mock<Promise<MarkReport>, []>;
    insertReviewColumns: jest.Mock<Promise<MarkReport>, [DetectedTable[]]>;
  };
}

function fakeExcelHost(read: Host['read'] = async () => model()): FakeHost {
  return {
    kind: 'excel',
    scopes: ['sheet', 'workbook'],
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
    expect(host.read).toHaveBeenCalledWith('sheet', expect.any(Function));

    const expected = auditWorkbook(model());
    const items = byTestId('finding-item');
    expect(items.length).toBe(expected.findings.length);
    expect(items.map((e) => `${e.dataset.sheet}!${e.dataset.cell}|${e.dataset.code}`).sort()).toEqual(expected.findings.map((f) => `${f.sheet}!${f.cell}|${f.code}`).sort());
    const plan = items.find((e) => e.dataset.cell === 'F2' && e.dataset.code === 'score.not-allowed');
    expect(plan).toBeDefined();
    expect(plan!.tagName).toBe('BUTTON');
    expect(plan!.getAttribute('aria-label')).toContain('错误 F2');
    expect(plan!.textContent).toContain('计划安排合理性');
    expect(plan!.textContent).toContain('0.75');
    expect(byTestId('count-error')[0].textContent).toContain(String(expected.summary.errors));
    expect(byTestId('table-item').map((e) => e.textContent)).toEqual([expect.stringContaining('评分表')]);
    // Excel shows no grid preview: the workbook is right there.
    expect(byTestId('grid-preview')).toHaveLength(0);

    // A native button: Enter and Space activate it through click.
    await click(plan!);
    expect(host.selectCell).toHaveBeenCalledWith('表1', 'F2');
    expect(plan!.getAttribute('aria-current')).toBe('true');

    // Selecting a table selects its range.
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

  it('speaks English for an English display language', async () => {
    await act(async () => root.render(<App host={fakeExcelHost()} locale="en" />));
    expect(document.querySelector('h1')?.textContent).toBe('Score audit');
    expect(byTestId('scan-sheet')[0].textContent).toBe('Scan sheet');
  });
});
