/**
 * Read WPS worksheets into SheetGrid, the one shape the core accepts (sheetFromGrid), with the
 * Excel host's discipline: the cells are read in whole bands (Value2 and Formula of a band: two
 * calls), never cell by cell; the extent is WPS's used range bounded as the Excel host bounds it
 * (MAX_READ_COLUMNS × MAX_READ_CELLS), so a stray value far from the tables cannot size the work,
 * and the part read is said in a notice. Number formats and merged areas are then asked of the
 * extent that holds values, whole where WPS can answer for a whole range (readNumberFormats,
 * merges.ts), and only down to single cells where the cells differ, within a budget.
 */
import { CellRange, rangeA1 } from '../core/sheet/address';
import type { SheetGrid } from '../core/sheet/model';
import type { ReadProgress } from '../taskpane/host';
import { boundedExtent } from '../excel/read';
import { asGrid, ERROR_BASE, ERROR_NUMBERS, isEmptyValue, isFormula, isGeneralFormat, maybeErrorNumber } from './cells';
import type { WpsWorkbook, WpsWorksheet } from './facade';
import { MAX_MERGE_CALLS, readMerges } from './merges';

/** Cells per Value2/Formula call: a band of rows at most this large. */
export const BAND_CELLS = 65_536;
/** Single-cell number-format reads per sheet, where a column's cells differ. */
export const MAX_FORMAT_CALLS = 20_000;

export interface ReadNotice {
  sheet: string;
  kind: 'trimmed' | 'merges' | 'formats';
  message: string;
}

export interface ReadOptions {
  onNotice?: (notice: ReadNotice) => void;
  /** Budgets (tests make them small). */
  bandCells?: number;
  maxMergeCalls?: number;
  maxFormatCalls?: number;
}

const fmtCount = (n: number): string => n.toLocaleString('en-US');

/** The error text of a cell whose value is a number standing for an error, or undefined. */
function errorText(ws: WpsWorksheet, row: number, col: number, value: number): string | undefined {
  const text = ws.Range(rangeA1({ top: row, left: col, bottom: row, right: col })).Text;
  if (typeof text !== 'string' || !text.startsWith('#')) return undefined;
  return ERROR_NUMBERS[value] ?? ERROR_NUMBERS[value - ERROR_BASE] ?? text;
}

export function readWorksheet(ws: WpsWorksheet, opts: ReadOptions = {}): SheetGrid {
  const name = ws.Name;
  const isProtected = Boolean(ws.ProtectContents);
  const used = ws.UsedRange;
  const top = used.Row;
  const left = used.Column;
  const rowCount = used.Rows.Count;
  const colCount = used.Columns.Count;
  const bounded = boundedExtent(rowCount, colCount);
  if (bounded.trimmed) {
    const usedA1 = rangeA1({ top, left, bottom: top + rowCount - 1, right: left + colCount - 1 });
    const readA1 = rangeA1({ top, left, bottom: top + bounded.rows - 1, right: left + bounded.cols - 1 });
    opts.onNotice?.({
      sheet: name,
      kind: 'trimmed',
      message: `工作表“${name}”的数据区域 ${usedA1} 过大（${fmtCount(rowCount * colCount)} 个单元格，多半是远处有零散内容或格式），只读取了 ${readA1}；若表格在此之外，请删除多余内容后重新扫描`,
    });
  }

  // Values and formulas, band by band; the extent that holds something.
  const cols = bounded.cols;
  const bandRows = Math.max(1, Math.floor((opts.bandCells ?? BAND_CELLS) / cols));
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  let lastRow = 0;
  let lastCol = 0;
  for (let r0 = 0; r0 < bounded.rows; r0 += bandRows) {
    const rows = Math.min(bandRows, bounded.rows - r0);
    const band = ws.Range(rangeA1({ top: top + r0, left, bottom: top + r0 + rows - 1, right: left + cols - 1 }));
    const v = asGrid(band.Value2, rows, cols);
    const f = asGrid(band.Formula, rows, cols);
    for (let r = 0; r < rows; r++) {
      const vLine = v[r] ?? [];
      const fLine = f[r] ?? [];
      const line: unknown[] = new Array(cols);
      const fl: unknown[] = new Array(cols);
      for (let c = 0; c < cols; c++) {
        let value = vLine[c];
        const formula = fLine[c];
        if (maybeErrorNumber(value)) value = errorText(ws, top + r0 + r, left + c, value as number) ?? value;
        line[c] = isEmptyValue(value) ? null : value;
        fl[c] = isFormula(formula) ? formula : null;
        if (line[c] !== null || fl[c] !== null) {
          lastRow = Math.max(lastRow, r0 + r + 1);
          lastCol = Math.max(lastCol, c + 1);
        }
      }
      values.push(line);
      formulas.push(fl);
    }
  }
  const origin = { row: top, col: left };
  if (lastRow === 0) return { name, origin, values: [], formulas: [], numberFormats: [], merges: [], protected: isProtected };

  values.length = lastRow;
  formulas.length = lastRow;
  for (const line of values) line.length = lastCol;
  for (const line of formulas) line.length = lastCol;
  const content: CellRange = { top, left, bottom: top + lastRow - 1, right: left + lastCol - 1 };
  const numberFormats = readNumberFormats(ws, content, values, opts);
  const mergeReading = readMerges(ws, content, opts.maxMergeCalls ?? MAX_MERGE_CALLS);
  if (!mergeReading.complete) {
    opts.onNotice?.({ sheet: name, kind: 'merges', message: `工作表“${name}”的合并单元格过多，只读取了其中一部分；其余按未合并处理，结果可能不完整` });
  }
  return { name, origin, values, formulas, numberFormats, merges: mergeReading.merges.map((m) => rangeA1(m)), protected: isProtected };
}

/**
 * Number formats of the numeric cells (the only ones whose format the audit reads): the whole
 * block's when all its cells share one, otherwise each column's, otherwise each numeric cell's of
 * that column, at most maxFormatCalls of those.
 */
function readNumberFormats(ws: WpsWorksheet, block: CellRange, values: unknown[][], opts: ReadOptions): unknown[][] {
  const rows = block.bottom - block.top + 1;
  const cols = block.right - block.left + 1;
  const out: unknown[][] = Array.from({ length: rows }, () => new Array(cols).fill(null));
  const put = (r: number, c: number, f: unknown) => {
    if (typeof values[r][c] === 'number' && !isGeneralFormat(f)) out[r][c] = f;
  };
  const whole = ws.Range(rangeA1(block)).NumberFormat;
  if (typeof whole === 'string') {
    if (!isGeneralFormat(whole)) for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) put(r, c, whole);
    return out;
  }
  let budget = opts.maxFormatCalls ?? MAX_FORMAT_CALLS;
  let incomplete = false;
  for (let c = 0; c < cols; c++) {
    if (!values.some((line) => typeof line[c] === 'number')) continue;
    const col = block.left + c;
    const shared = ws.Range(rangeA1({ top: block.top, left: col, bottom: block.bottom, right: col })).NumberFormat;
    if (typeof shared === 'string' || Array.isArray(shared)) {
      const grid = typeof shared === 'string' ? null : asGrid(shared, rows, 1);
      for (let r = 0; r < rows; r++) put(r, c, grid ? grid[r][0] : shared);
      continue;
    }
    for (let r = 0; r < rows; r++) {
      if (typeof values[r][c] !== 'number') continue;
      if (budget-- <= 0) {
        incomplete = true;
        break;
      }
      put(r, c, ws.Range(rangeA1({ top: block.top + r, left: col, bottom: block.top + r, right: col })).NumberFormat);
    }
  }
  if (incomplete) {
    opts.onNotice?.({ sheet: ws.Name, kind: 'formats', message: `工作表“${ws.Name}”的数字格式过于零散，部分单元格未读取格式；这些单元格的百分比等按常规数字显示` });
  }
  return out;
}

/** Let the pane paint between sheets: every object-model call blocks the page's thread. */
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Every worksheet (Worksheets: chart sheets are not among them), one at a time. */
export async function readWorkbook(workbook: WpsWorkbook, opts: ReadOptions & { onProgress?: (p: ReadProgress) => void } = {}): Promise<SheetGrid[]> {
  const sheets = workbook.Worksheets;
  const count = sheets.Count;
  const out: SheetGrid[] = [];
  for (let i = 1; i <= count; i++) {
    const ws = sheets.Item(i);
    opts.onProgress?.({ done: i - 1, total: count, sheet: ws.Name });
    await pause();
    out.push(readWorksheet(ws, opts));
  }
  opts.onProgress?.({ done: count, total: count, sheet: '' });
  return out;
}
