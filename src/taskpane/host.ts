/**
 * What the pane needs from where it runs. The pane only talks to this interface: excelHost.ts
 * implements it over Office.js (src/excel), browserHost.ts over a picked .xlsx file (src/io),
 * src/wps/host.ts over WPS 表格's object model. Nothing here names an Office type.
 */
import type { AuditResult } from '../core/audit/audit';
import type { ColumnOverride } from '../core/layout/overrides';
import type { Finding } from '../core/audit/types';
import type { DetectedTable } from '../core/layout/types';
import type { WorkbookModel } from '../core/sheet/model';

export type HostKind = 'excel' | 'browser' | 'wps';

/** What to read: the active worksheet or every worksheet. */
export type ScanScope = 'sheet' | 'workbook';

export interface ReadProgress {
  /** Sheets read so far. */
  done: number;
  total: number;
  /** The sheet being read ("" when done). */
  sheet: string;
}

/** Something the pane should tell the user, in Chinese (and English where the host has it). */
export interface Notice {
  intent: 'info' | 'warning' | 'error';
  zh: string;
  en?: string;
}

/** A sheet an action left alone, with the reason in Chinese; sheet '' means the whole workbook. */
export interface SkippedSheet {
  sheet: string;
  reason: string;
}

export interface MarkReport {
  /** Cells marked (highlight), marks removed (clear) or cells written (review columns). */
  count: number;
  /** Comments added (highlight only). */
  comments?: number;
  /** Review columns used, e.g. "L:M" (review columns only). */
  columns?: string;
  /** Tables processed (review columns only). */
  tables?: number;
  skipped: SkippedSheet[];
}

/** Writing into the open workbook: only a host that has one (Excel). */
export interface MarkingHost {
  highlight(findings: Finding[]): Promise<MarkReport>;
  clearHighlights(): Promise<MarkReport>;
  /** Review columns right of each of the given scoring tables. */
  insertReviewColumns(tables: DetectedTable[]): Promise<MarkReport>;
}

/** A reviewer's verdict on a finding: checked and accepted as a real problem, or dismissed. */
export type ReviewState = 'reviewed' | 'ignored';

/** Review states by reviewKey (reviews.ts), kept with the workbook where the host can. */
export interface ReviewStore {
  /** The states are saved with the workbook (Excel: its settings); otherwise only for this session. */
  readonly persistent: boolean;
  load(): Promise<Record<string, ReviewState>>;
  save(states: Record<string, ReviewState>): Promise<void>;
}

/** The roles the user set for columns (the table cards' pickers), kept with the workbook where the host can. */
export interface ColumnStore {
  readonly persistent: boolean;
  load(): Promise<ColumnOverride[]>;
  save(list: ColumnOverride[]): Promise<void>;
}

/** What the host's own UI (the WPS ribbon) asks the pane to do: its scan or one of its mark actions. */
export type HostCommand = 'scan' | 'highlight' | 'clear' | 'review';

export interface Host {
  readonly kind: HostKind;
  /** Scopes this host can read ('sheet' needs an active sheet: Excel only). */
  readonly scopes: readonly ScanScope[];
  /**
   * Read into the sheet model. Throws WorkbookReadError (src/io) for an unreadable file; tells
   * through onNotice what it could not read in full.
   */
  read(scope: ScanScope, onProgress?: (p: ReadProgress) => void, onNotice?: (n: Notice) => void): Promise<WorkbookModel>;
  /** Put the cursor on a cell (Excel) or show it in the preview (browser). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Present when the host can write marks into the open workbook. */
  readonly marking?: MarkingHost;
  readonly reviews: ReviewStore;
  /** Column roles set by the user; absent: kept for the session only. */
  readonly columns?: ColumnStore;
  /** What to tell the user before anything is read (an old Excel, an .xls workbook). */
  startupNotices?(): Promise<Notice[]>;
  /** Commands from outside the pane (WPS: the ribbon tab); returns the unsubscribe. */
  onCommand?(listener: (command: HostCommand) => void): () => void;
}

/** The audit the pane ran, with the model it ran on (the preview and the value formats draw from it). */
export interface ScanOutcome {
  result: AuditResult;
  workbook: WorkbookModel;
  /** What the host could not read in full. */
  notices: Notice[];
}

/** A thrown value as text: a WorkbookReadError gives both languages, anything else its message. */
export function describeError(error: unknown): { zh: string; en?: string } {
  if (error && typeof error === 'object') {
    const e = error as { messageZh?: unknown; messageEn?: unknown; message?: unknown; code?: unknown };
    if (typeof e.messageZh === 'string') return { zh: e.messageZh, en: typeof e.messageEn === 'string' ? e.messageEn : undefined };
    if (typeof e.message === 'string' && e.message !== '') {
      return { zh: typeof e.code === 'string' && e.code !== '' ? `${e.message}（${e.code}）` : e.message };
    }
  }
  return { zh: String(error) };
}

/** Column roles for a session only. */
export function memoryColumnStore(): ColumnStore {
  let list: ColumnOverride[] = [];
  return {
    persistent: false,
    load: async () => [...list],
    save: async (next) => {
      list = [...next];
    },
  };
}

/** Review states for a session only (a host with nowhere to keep them). */
export function memoryReviewStore(): ReviewStore {
  let states: Record<string, ReviewState> = {};
  return {
    persistent: false,
    load: async () => ({ ...states }),
    save: async (next) => {
      states = { ...next };
    },
  };
}
