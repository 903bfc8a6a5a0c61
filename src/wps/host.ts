/**
 * The pane inside WPS 表格: the Host the pane uses for Excel and the browser, over the WPS object
 * model (facade.ts). Reading goes through read.ts; 标注, 清除标注 and 插入复核列 through
 * highlight.ts, clear.ts and review-columns.ts; 已复核 / 忽略 are kept in the workbook's custom
 * properties; the ribbon's commands arrive through PluginStorage (commands.ts).
 */
import type { DetectedTable } from '../core/layout/types';
import type { Finding } from '../core/audit/types';
import { sheetFromGrid, type WorkbookModel } from '../core/sheet/model';
import { addSkip } from '../excel/sheets';
import { hiddenSheetMessage, reviewOrder } from '../taskpane/excelHost';
import type { Host, HostCommand, MarkReport, Notice, ReadProgress, ScanScope, SkippedSheet } from '../taskpane/host';
import { clearMarks } from './clear';
import { watchCommands } from './commands';
import { XL_SHEET_VISIBLE, type WpsApplication, type WpsGlobal, type WpsWorkbook } from './facade';
import { customFunctionsSupported } from './functions';
import { highlight } from './highlight';
import { loadReviewStates, saveReviewStates } from './marks';
import { readWorkbook, readWorksheet, type ReadOptions } from './read';
import { insertReviewColumns, NO_FUNCTIONS_REASON } from './review-columns';
import { sheetsByName } from './sheets';

export const NO_WORKBOOK_MESSAGE = '没有打开的工作簿：请先在 WPS 表格中打开要审核的评分表';
export const NO_SHEET_MESSAGE = '当前不是工作表（可能是图表工作表）：请切换到要审核的工作表';

export const noFunctionsNotice = (build: string): Notice => ({
  intent: 'warning',
  zh: `此版本的 WPS（${build || '版本未知'}）不支持加载项自定义函数（需要 WPS 12.1.0.20540 或更高版本）：审核和标注可以使用，PERF 函数和复核列不能计算。`,
});

/** A failure the pane shows as it is (describeError reads messageZh). */
function userError(zh: string): Error {
  return Object.assign(new Error(zh), { messageZh: zh });
}

export interface WpsHostOptions {
  app: WpsApplication;
  /** The `wps` global: PluginStorage, AddCustomFunction. */
  wps: WpsGlobal;
  /** How often the pane looks for ribbon commands (tests). */
  commandPollMs?: number;
}

export function createWpsHost({ app, wps, commandPollMs }: WpsHostOptions): Host {
  const workbook = (): WpsWorkbook => {
    const wb = app.ActiveWorkbook;
    if (!wb) throw userError(NO_WORKBOOK_MESSAGE);
    return wb;
  };
  const functions = customFunctionsSupported(wps);

  return {
    kind: 'wps',
    scopes: ['sheet', 'workbook'],
    reviews: {
      persistent: true,
      load: async () => loadReviewStates(workbook().CustomDocumentProperties),
      save: async (states) => saveReviewStates(workbook().CustomDocumentProperties, states),
    },
    async startupNotices(): Promise<Notice[]> {
      return functions ? [] : [noFunctionsNotice(String(app.Build ?? app.Version ?? ''))];
    },
    async read(scope: ScanScope, onProgress?: (p: ReadProgress) => void, onNotice?: (n: Notice) => void): Promise<WorkbookModel> {
      const wb = workbook();
      const opts: ReadOptions = { onNotice: (n) => onNotice?.({ intent: 'warning', zh: n.message }) };
      if (scope === 'sheet') {
        const ws = wb.ActiveSheet;
        if (!ws || ws.UsedRange === undefined) throw userError(NO_SHEET_MESSAGE);
        const grid = readWorksheet(ws, opts);
        onProgress?.({ done: 1, total: 1, sheet: '' });
        return { source: grid.name, sheets: [sheetFromGrid(grid)] };
      }
      const grids = await readWorkbook(wb, { ...opts, onProgress });
      return { source: wb.Name, sheets: grids.map(sheetFromGrid) };
    },
    async selectCell(sheet: string, cell: string): Promise<void> {
      const ws = sheetsByName(workbook()).get(sheet);
      if (!ws) throw userError(`找不到工作表“${sheet}”`);
      if (ws.Visible !== XL_SHEET_VISIBLE) throw userError(hiddenSheetMessage(sheet));
      ws.Activate();
      ws.Range(cell).Select();
    },
    marking: {
      async highlight(findings: Finding[]): Promise<MarkReport> {
        const r = highlight(workbook(), findings);
        return { count: r.written, comments: r.comments, skipped: r.skipped };
      },
      async clearHighlights(): Promise<MarkReport> {
        const r = clearMarks(workbook());
        return { count: r.cfs + r.comments + r.reviewCells + r.reviewColumns, skipped: r.skipped };
      },
      async insertReviewColumns(tables: DetectedTable[]): Promise<MarkReport> {
        if (!functions) return { count: 0, tables: 0, columns: '', skipped: [{ sheet: '', reason: NO_FUNCTIONS_REASON }] };
        const wb = workbook();
        const skipped: SkippedSheet[] = [];
        const columns: string[] = [];
        let count = 0;
        for (const table of reviewOrder(tables)) {
          const r = insertReviewColumns(wb, table);
          count += r.written;
          if (r.columns && r.written > 0) columns.push(`${table.sheet}!${r.columns}`);
          for (const s of r.skipped) addSkip(skipped, s.sheet, s.reason);
        }
        return { count, tables: columns.length, columns: columns.join('、'), skipped };
      },
    },
    onCommand(listener: (command: HostCommand) => void): () => void {
      return watchCommands(wps.PluginStorage, listener, commandPollMs);
    },
  };
}
