/**
 * @jest-environment jsdom
 *
 * The pane in WPS: the same App on the WPS host over the fake object model, driven by the ribbon
 * as WPS drives it. The ribbon callbacks (ribbon.ts) leave a command in PluginStorage and open the
 * task pane; the pane takes the command and runs it like its own buttons: 扫描 lists the findings,
 * 标注 scans first when there is no result and then marks the workbook, 清除标注 removes the
 * marks. The pane's own buttons write into the workbook too; 已复核 is kept in the workbook's
 * custom properties; selecting a finding selects its cell in WPS.
 */
import { act } from 'react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRoot, type Root } from 'react-dom/client';
import { auditWorkbook } from '../../../src/core/audit/audit';
import { readWorkbook } from '../../../src/io/reader';
import { App } from '../../../src/taskpane/App';
import { COMMAND_KEY } from '../../../src/wps/commands';
import { createWpsHost } from '../../../src/wps/host';
import { loadReviewStates } from '../../../src/wps/marks';
import { createRibbonCallbacks, PANE_PAGE } from '../../../src/wps/ribbon';
import { fakeFromModel, fakeWps } from './fake-wps';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

beforeAll(() => {
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

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
    });
  }
}

async function setup() {
  const file = 'seed003-scoring.xlsx';
  const model = await readWorkbook(readFileSync(path.resolve(__dirname, '../../fixtures/xlsx', file)), file);
  const wb = fakeFromModel(model);
  const { wps, app } = fakeWps(wb);
  const host = createWpsHost({ app, wps, commandPollMs: 10 });
  const expected = auditWorkbook(model);
  const alerts: string[] = [];
  const ribbon = createRibbonCallbacks({ wps: () => wps, pageUrl: () => 'file:///jsaddons/score-audit_0.1.0/index.html', alert: (m) => alerts.push(m) });
  await act(async () => root.render(<App host={host} locale="zh" />));
  return { wb, wps, host, expected, ribbon, alerts };
}

const ourCfs = (wb: ReturnType<typeof fakeFromModel>) => wb.sheets.reduce((n, ws) => n + ws.cfs.length, 0);

test('the ribbon’s 标注 opens the pane, which scans the workbook, lists the findings and marks the cells; 清除标注 removes them', async () => {
  const { wb, wps, expected, ribbon, alerts } = await setup();
  expect(document.querySelector('main')?.dataset.host).toBe('wps');

  ribbon.OnAction({ Id: 'scoreAuditHighlight' });
  expect(alerts).toEqual([]);
  // The pane was created once, beside the main page, and shown.
  expect(wps.panes.map((p) => [p.url, p.Visible])).toEqual([[`file:///jsaddons/score-audit_0.1.0/${PANE_PAGE}`, true]]);
  await until('the findings are listed', () => byTestId('finding-item').length === expected.findings.length);
  await until('the cells are marked', () => ourCfs(wb) > 0);
  expect(wps.PluginStorage.getItem(COMMAND_KEY)).toBeUndefined();
  const flagged = new Set(expected.findings.map((f) => `${f.sheet}!${f.cell}`));
  expect(wb.sheets.reduce((n, ws) => n + ws.comments.length, 0)).toBe(flagged.size);
  await until('the pane says what it did', () => (document.body.textContent ?? '').includes(`已标注 ${flagged.size} 个单元格`));

  ribbon.OnAction({ Id: 'scoreAuditClear' });
  // The same pane is shown again, not a second one.
  expect(wps.panes).toHaveLength(1);
  await until('the marks are gone', () => ourCfs(wb) === 0 && wb.sheets.every((ws) => ws.comments.length === 0));
});

test('the ribbon’s 扫描 scans; a finding selects its cell in WPS; 已复核 is kept in the workbook', async () => {
  const { wb, ribbon, expected } = await setup();
  ribbon.OnAction({ Id: 'scoreAuditScan' });
  await until('the findings are listed', () => byTestId('finding-item').length === expected.findings.length);
  const item = byTestId('finding-item')[0];
  await act(async () => item.click());
  expect(wb.selection).toBe(`${item.dataset.sheet}!${item.dataset.cell}`);
  expect(wb.activeSheet?.Name).toBe(item.dataset.sheet);
  await act(async () => byTestId('mark-reviewed')[0].click());
  await until('the state is saved', () => Object.keys(loadReviewStates(wb.props)).length === 1);
  expect(Object.values(loadReviewStates(wb.props))).toEqual(['reviewed']);
  // A scan writes nothing into the workbook.
  expect(ourCfs(wb)).toBe(0);
});

test('the pane’s own 标注 button writes into the workbook', async () => {
  const { wb, expected } = await setup();
  await act(async () => byTestId('scan-workbook')[0].click());
  await until('the findings are listed', () => byTestId('finding-item').length === expected.findings.length);
  await act(async () => byTestId('action-highlight')[0].click());
  await until('the cells are marked', () => ourCfs(wb) > 0);
});

test('outside WPS a ribbon button says where it belongs instead of failing', () => {
  const alerts: string[] = [];
  const ribbon = createRibbonCallbacks({ wps: () => undefined, pageUrl: () => 'file:///x/index.html', alert: (m) => alerts.push(m) });
  expect(ribbon.OnAction({ Id: 'scoreAuditScan' })).toBe(true);
  expect(alerts).toEqual(['“评分审核”需要在 WPS 表格中使用。']);
});

test('the pane page opened outside WPS says where it belongs', async () => {
  const rootEl = document.createElement('div');
  rootEl.id = 'root';
  document.body.appendChild(rootEl);
  await act(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the entry renders when loaded
    require('../../../src/wps/pane');
  });
  await until('the message shows', () => byTestId('outside-wps').length === 1);
  expect(byTestId('outside-wps')[0].textContent).toContain('需要在 WPS 表格中');
  rootEl.remove();
});
