/**
 * The pane inside Excel: reads through the Office.js adapter (src/excel) and writes removable
 * marks with it. Every batch goes through runExcel (delayForCellEdit, the cell-edit retry).
 * Requirement sets are checked before use: the start-up notices say what this Excel cannot do.
 */
import type { DetectedTable } from '../core/layout/types';
import type { Finding } from '../core/audit/types';
import { sheetFromGrid, type WorkbookModel } from '../core/sheet/model';
import {
  API,
  clearHighlights,
  excelSupports,
  highlight,
  insertReviewColumns,
  loadColumnOverrides,
  loadReviews,
  MINIMUM_API,
  officeSupports,
  readActiveWorksheet,
  readWorkbook,
  readWorkbookName,
  runExcel,
  saveColumnOverrides,
  saveReviews,
  type ExcelRun,
  type Supports,
} from '../excel';
import { memoryColumnStore, memoryReviewStore, type ColumnStore, type Host, type MarkReport, type Notice, type ReadProgress, type ReviewStore, type ScanScope, type SkippedSheet } from './host';

/** Compatibility-mode formats: JavaScript custom functions do not run there (XLSX, XLSB, XLSM only). */
export function isLegacyWorkbook(name: string | undefined): boolean {
  return !!name && /\.xl[st]$/i.test(name.trim());
}

export const LEGACY_NOTICE: Notice = {
  intent: 'warning',
  zh: '这是 .xls 格式（兼容模式）的工作簿：PERF 函数和复核列在其中不能计算。请“另存为” .xlsx 后再使用；审核和标注不受影响。',
  en: 'This is an .xls workbook (compatibility mode): PERF functions and review columns do not calculate in it. Save it as .xlsx first; the audit and the highlights work as they are.',
};
export const LEGACY_REVIEW_REASON = '.xls 工作簿中 PERF 函数不能计算，未添加复核列；请另存为 .xlsx 后再试';

export const OLD_EXCEL_NOTICE: Notice = {
  intent: 'error',
  zh: `此版本的 Excel 不支持本加载项需要的接口（ExcelApi ${MINIMUM_API}），无法读取工作表。请更新 Excel，或在浏览器中打开本页，使用浏览器模式。`,
  en: `This Excel lacks the API the add-in needs (ExcelApi ${MINIMUM_API}) and cannot read the sheet. Update Excel, or open this page in a browser for browser mode.`,
};
export const NO_COMMENTS_NOTICE: Notice = {
  intent: 'info',
  zh: '此版本的 Excel 不支持批注接口（ExcelApi 1.10）：“标注”只上色，不添加说明批注。',
  en: 'This Excel has no comments API (ExcelApi 1.10): highlighting colours cells but adds no comments.',
};

export const hiddenSheetMessage = (sheet: string): string => `工作表“${sheet}”已隐藏，无法选中其中的单元格；请先取消隐藏该工作表`;

/** Review columns go right of a table, so do the right-most tables of a sheet first: earlier insertions never shift later tables. */
export function reviewOrder(tables: readonly DetectedTable[]): DetectedTable[] {
  const bySheet = new Map<string, DetectedTable[]>();
  for (const t of tables) {
    if (t.kind !== 'scoring') continue;
    const list = bySheet.get(t.sheet) ?? [];
    list.push(t);
    bySheet.set(t.sheet, list);
  }
  // Sheets in the order of their first table; a stable sort keeps detection order among equals.
  return [...bySheet.values()].flatMap((list) => [...list].sort((a, b) => b.range.right - a.range.right));
}

function mergeSkips(into: SkippedSheet[], more: readonly SkippedSheet[]): void {
  for (const s of more) if (!into.some((x) => x.sheet === s.sheet && x.reason === s.reason)) into.push(s);
}

export interface ExcelHostOptions {
  /** Excel.run by default (tests pass the fake host's). */
  run?: ExcelRun;
  supports?: Supports;
  /** The retry's sleep (tests). */
  sleep?: (ms: number) => Promise<void>;
}

export function createExcelHost(opts: ExcelHostOptions = {}): Host {
  const supports = opts.supports ?? officeSupports;
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => runExcel(batch, { run: opts.run, sleep: opts.sleep });
  const workbookName = () => run((context) => readWorkbookName(context, supports));

  const reviews: ReviewStore = excelSupports(supports, API.settings)
    ? {
        persistent: true,
        load: () => run((context) => loadReviews(context)),
        save: (states) => run((context) => saveReviews(context, states)),
      }
    : memoryReviewStore();
  const columns: ColumnStore = excelSupports(supports, API.settings)
    ? {
        persistent: true,
        load: () => run((context) => loadColumnOverrides(context)),
        save: (list) => run((context) => saveColumnOverrides(context, list)),
      }
    : memoryColumnStore();

  return {
    kind: 'excel',
    scopes: ['sheet', 'workbook'],
    reviews,
    columns,
    async startupNotices(): Promise<Notice[]> {
      if (!excelSupports(supports, MINIMUM_API)) return [OLD_EXCEL_NOTICE];
      const notices: Notice[] = [];
      if (isLegacyWorkbook(await workbookName())) notices.push(LEGACY_NOTICE);
      if (!excelSupports(supports, API.comments)) notices.push(NO_COMMENTS_NOTICE);
      return notices;
    },
    async read(scope: ScanScope, onProgress?: (p: ReadProgress) => void, onNotice?: (n: Notice) => void): Promise<WorkbookModel> {
      const notice = (n: { message: string }) => onNotice?.({ intent: 'warning', zh: n.message });
      const grids = await run(async (context) => {
        if (scope === 'sheet') {
          const grid = await readActiveWorksheet(context, { supports, onNotice: notice });
          onProgress?.({ done: 1, total: 1, sheet: '' });
          return [grid];
        }
        return readWorkbook(context, { supports, onProgress, onNotice: notice });
      });
      return { source: scope === 'sheet' ? (grids[0]?.name ?? '') : '', sheets: grids.map(sheetFromGrid) };
    },
    async selectCell(sheet: string, cell: string): Promise<void> {
      await run(async (context) => {
        // A hidden sheet cannot be activated: say so, rather than let Excel refuse the batch.
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.load('visibility');
        await context.sync();
        if (ws.visibility !== 'Visible') throw Object.assign(new Error(hiddenSheetMessage(sheet)), { messageZh: hiddenSheetMessage(sheet) });
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    },
    marking: {
      async highlight(findings: Finding[]): Promise<MarkReport> {
        const r = await run((context) => highlight(context, findings, { supports }));
        return { count: r.written, comments: r.comments, skipped: r.skipped };
      },
      async clearHighlights(): Promise<MarkReport> {
        const r = await run((context) => clearHighlights(context, { supports }));
        return { count: r.cfs + r.comments + r.reviewCells + r.reviewColumns, skipped: r.skipped };
      },
      async insertReviewColumns(tables: DetectedTable[]): Promise<MarkReport> {
        if (isLegacyWorkbook(await workbookName())) return { count: 0, tables: 0, columns: '', skipped: [{ sheet: '', reason: LEGACY_REVIEW_REASON }] };
        const skipped: SkippedSheet[] = [];
        const columns: string[] = [];
        let count = 0;
        let done = 0;
        for (const table of reviewOrder(tables)) {
          const r = await run((context) => insertReviewColumns(context, table, table.sheet, { supports }));
          count += r.written;
          if (r.columns && r.written > 0) {
            done++;
            columns.push(`${table.sheet}!${r.columns}`);
          }
          mergeSkips(skipped, r.skipped);
        }
        return { count, tables: done, columns: columns.join('、'), skipped };
      },
    },
  };
}
