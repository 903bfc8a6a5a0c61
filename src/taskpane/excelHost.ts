/**
 * The pane inside Excel: reads through the Office.js adapter (src/excel) and writes removable
 * marks with it. Every batch goes through runExcel (Excel.run with the cell-edit-mode retry).
 */
import type { DetectedTable } from '../core/layout/types';
import type { Finding } from '../core/audit/types';
import { sheetFromGrid, type WorkbookModel } from '../core/sheet/model';
import { clearHighlights, highlight, insertReviewColumns, readActiveWorksheet, readWorkbook, runExcel } from '../excel';
import type { Host, MarkReport, ReadProgress, ScanScope, SkippedSheet } from './host';

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

export function createExcelHost(): Host {
  return {
    kind: 'excel',
    scopes: ['sheet', 'workbook'],
    async read(scope: ScanScope, onProgress?: (p: ReadProgress) => void): Promise<WorkbookModel> {
      const grids = await runExcel(async (context) => {
        if (scope === 'sheet') {
          const grid = await readActiveWorksheet(context);
          onProgress?.({ done: 1, total: 1, sheet: '' });
          return [grid];
        }
        return readWorkbook(context, { onProgress });
      });
      return { source: scope === 'sheet' ? grids[0]?.name ?? '' : '', sheets: grids.map(sheetFromGrid) };
    },
    async selectCell(sheet: string, cell: string): Promise<void> {
      await runExcel(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(cell).select();
        await context.sync();
      });
    },
    marking: {
      async highlight(findings: Finding[]): Promise<MarkReport> {
        const r = await runExcel((context) => highlight(context, findings));
        return { count: r.written, comments: r.comments, skipped: r.skipped };
      },
      async clearHighlights(): Promise<MarkReport> {
        const r = await runExcel((context) => clearHighlights(context));
        return { count: r.cfs + r.comments + r.reviewCells + r.reviewColumns, skipped: r.skipped };
      },
      async insertReviewColumns(tables: DetectedTable[]): Promise<MarkReport> {
        const skipped: SkippedSheet[] = [];
        const columns: string[] = [];
        let count = 0;
        let done = 0;
        for (const table of reviewOrder(tables)) {
          const r = await runExcel((context) => insertReviewColumns(context, table, table.sheet));
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
