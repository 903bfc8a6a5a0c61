/**
 * The 评分审核 ribbon tab (ribbon.xml) and its callbacks, which WPS calls by the names ribbon.xml
 * gives (onLoad, onAction, getImage) as global functions of the add-in's main page (index.html →
 * main.js). Each button opens the task pane (created once, then shown again: its ID is kept in
 * PluginStorage, as WPS's own examples do) and leaves its command for the pane (commands.ts).
 */
import type { HostCommand } from '../taskpane/host';
import { postCommand } from './commands';
import { MSO_CTP_DOCK_RIGHT, type WpsGlobal, type WpsTaskPane } from './facade';

export interface RibbonButton {
  /** The button's id in ribbon.xml. */
  id: string;
  command: HostCommand;
  /** Relative to the add-in folder. */
  image: string;
}

export const RIBBON_BUTTONS: readonly RibbonButton[] = [
  { id: 'scoreAuditScan', command: 'scan', image: 'images/scan.svg' },
  { id: 'scoreAuditHighlight', command: 'highlight', image: 'images/highlight.svg' },
  { id: 'scoreAuditClear', command: 'clear', image: 'images/clear.svg' },
  { id: 'scoreAuditReview', command: 'review', image: 'images/review.svg' },
];

/** The callbacks ribbon.xml names; main.ts makes them globals. */
export const RIBBON_CALLBACKS = ['OnAddinLoad', 'OnAction', 'GetImage'] as const;

export const PANE_KEY = 'scoreAudit.taskpane';
export const PANE_TITLE = '评分审核';
export const PANE_PAGE = 'taskpane.html';
export const NOT_IN_WPS = '“评分审核”需要在 WPS 表格中使用。';

export interface RibbonControl {
  Id: string;
}

export type RibbonCallbacks = Record<(typeof RIBBON_CALLBACKS)[number], (arg: unknown) => unknown>;

export interface RibbonEnvironment {
  wps: () => WpsGlobal | undefined;
  /** The main page's address; the pane page sits beside it. */
  pageUrl: () => string;
  alert: (message: string) => void;
}

/** Show the add-in's task pane, creating it the first time (or when WPS no longer knows it). */
export function openPane(wps: WpsGlobal, url: string): WpsTaskPane {
  const stored = wps.PluginStorage.getItem(PANE_KEY);
  let pane: WpsTaskPane | null | undefined;
  if (stored !== undefined && stored !== null && stored !== '') {
    try {
      pane = wps.GetTaskPane(Number(stored));
    } catch {
      pane = undefined;
    }
  }
  if (!pane) {
    pane = wps.CreateTaskPane(url, PANE_TITLE);
    pane.DockPosition = MSO_CTP_DOCK_RIGHT;
    wps.PluginStorage.setItem(PANE_KEY, pane.ID);
  }
  pane.Visible = true;
  return pane;
}

const controlId = (control: unknown): string => String((control as Partial<RibbonControl> | null)?.Id ?? '');

export function createRibbonCallbacks(env: RibbonEnvironment): RibbonCallbacks {
  return {
    OnAddinLoad: () => true,
    OnAction(control) {
      const button = RIBBON_BUTTONS.find((b) => b.id === controlId(control));
      if (!button) return true;
      const wps = env.wps();
      if (!wps) {
        env.alert(NOT_IN_WPS);
        return true;
      }
      try {
        postCommand(wps.PluginStorage, button.command);
        openPane(wps, new URL(PANE_PAGE, env.pageUrl()).href);
      } catch (error) {
        env.alert(`评分审核窗格未能打开：${error instanceof Error ? error.message : String(error)}`);
      }
      return true;
    },
    GetImage: (control) => RIBBON_BUTTONS.find((b) => b.id === controlId(control))?.image ?? '',
  };
}
