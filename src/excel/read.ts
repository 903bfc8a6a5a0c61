/**
 * Read worksheets into SheetGrid, the one shape the core accepts (sheetFromGrid). Read once:
 * sync 1 loads the extent of the cells with values, then one sync per chunk group of the read
 * plan; merged areas and the data of an ordinary sheet travel in the same sync. A group Excel
 * refuses as too large (5 MB on the web) is read again in halves. An extent inflated by a stray
 * value far from the tables is read only up to MAX_READ_COLUMNS × MAX_READ_CELLS, with a notice.
 */
import type { SheetGrid } from '../core/sheet/model';
import { isCellEditModeError, isPayloadLimitError } from './retry';
import { chunkAddress, parseAddress, planRead, ReadChunk, ReadPlan, ReadPlanOptions, splitAreas, splitChunk } from './plan';
import { API, excelSupports, officeSupports, Supports } from './supports';
import { HELPER_SHEET } from './settings';
import { rangeA1 } from '../core/sheet/address';

/** More columns than this are not a scoring sheet's (the bad-input corpus has 1,000 real ones). */
export const MAX_READ_COLUMNS = 1024;
/** A million cells: ten times the largest scoring sheet seen, about 75 syncs. */
export const MAX_READ_CELLS = 1_000_000;
/** Row bands tried for the merged areas of a sheet with more than 512 of them. */
export const MAX_MERGE_BANDS = 512;

/** Something the reader could not read in full, in Chinese. */
export interface ReadNotice {
  sheet: string;
  kind: 'trimmed' | 'merges';
  message: string;
}

export interface ReadOptions extends ReadPlanOptions {
  supports?: Supports;
  /** Called with the plan once the extent is known (for logging and tests). */
  onPlan?: (plan: ReadPlan) => void;
  onNotice?: (notice: ReadNotice) => void;
}

const fmtCount = (n: number): string => n.toLocaleString('en-US');

/** The part of a values extent that is read: at most MAX_READ_COLUMNS columns and MAX_READ_CELLS cells. */
export function boundedExtent(rows: number, cols: number): { rows: number; cols: number; trimmed: boolean } {
  const c = Math.min(cols, MAX_READ_COLUMNS);
  const r = Math.min(rows, Math.max(1, Math.floor(MAX_READ_CELLS / Math.max(1, c))));
  return { rows: r, cols: c, trimmed: r < rows || c < cols };
}

export interface ReadProgress {
  done: number;
  total: number;
  sheet: string;
}

export interface ReadWorkbookOptions extends ReadOptions {
  onProgress?: (p: ReadProgress) => void;
}

interface Extent {
  address: string;
  rowCount: number;
  columnCount: number;
}

const DATA_PROPS = ['values', 'formulas', 'numberFormat'];
const EXTENT_PROPS = ['address', 'rowCount', 'columnCount'];

export async function readWorksheet(context: Excel.RequestContext, worksheet: Excel.Worksheet, opts: ReadOptions = {}): Promise<SheetGrid> {
  const supports = opts.supports ?? officeSupports;
  // Sync 1: the extent of the cells that hold values (formatted-only rows far below the table cost nothing).
  const used = worksheet.getUsedRangeOrNullObject(true);
  used.load(EXTENT_PROPS);
  worksheet.load('name');
  worksheet.protection.load('protected');
  await context.sync();

  const name = worksheet.name;
  const isProtected = Boolean(worksheet.protection.protected);
  if (used.isNullObject) return { name, origin: { row: 1, col: 1 }, values: [], formulas: [], numberFormats: [], merges: [], protected: isProtected };

  const extent: Extent = { address: used.address, rowCount: used.rowCount, columnCount: used.columnCount };
  const origin = originOf(extent.address);
  const bounded = boundedExtent(extent.rowCount, extent.columnCount);
  const readRange = { top: origin.row, left: origin.col, bottom: origin.row + bounded.rows - 1, right: origin.col + bounded.cols - 1 };
  if (bounded.trimmed) {
    const usedA1 = rangeA1(parseAddress(extent.address).range);
    opts.onNotice?.({
      sheet: name,
      kind: 'trimmed',
      message: `工作表“${name}”的数据区域 ${usedA1} 过大（${fmtCount(extent.rowCount * extent.columnCount)} 个单元格，多半是远处有零散内容），只读取了 ${rangeA1(readRange)}；若表格在此之外，请删除多余内容后重新扫描`,
    });
  }
  const plan = planRead(bounded.rows, bounded.cols, opts);
  opts.onPlan?.(plan);

  const values: unknown[][] = Array.from({ length: plan.rows }, () => new Array(plan.cols));
  const formulas: unknown[][] = Array.from({ length: plan.rows }, () => new Array(plan.cols));
  const numberFormats: unknown[][] = Array.from({ length: plan.rows }, () => new Array(plan.cols));
  const wantMerges = excelSupports(supports, API.mergedAreas);
  const mergeRange = worksheet.getRange(rangeA1(readRange));
  let merges: string[] = [];

  // Groups still to read; a group whose payload Excel refuses comes back as two halves.
  const pending: ReadChunk[][] = [...plan.groups];
  let mergesRead = !wantMerges;
  while (pending.length > 0) {
    const group = pending.shift()!;
    const queue = () =>
      group.map((chunk) => {
        const range = worksheet.getRange(chunkAddress(origin, chunk));
        range.load(DATA_PROPS);
        return { chunk, range };
      });
    let loaded = queue();
    let areas: Excel.RangeAreas | undefined;
    if (!mergesRead) {
      areas = mergeRange.getMergedAreasOrNullObject();
      areas.load('address');
    }
    try {
      await context.sync();
      if (areas && !areas.isNullObject && areas.address) merges = splitAreas(areas.address);
    } catch (error) {
      if (isPayloadLimitError(error)) {
        // Denser text than the plan assumed: read the same cells in two smaller batches.
        const halves = splitGroup(group);
        if (!halves) throw error;
        pending.unshift(...halves);
        continue;
      }
      // More than 512 merged areas make getMergedAreasOrNullObject fail, and the whole batch
      // with it: read the data again alone, then the merges band by band.
      if (!areas || isCellEditModeError(error)) throw error;
      loaded = queue();
      await context.sync();
      const banded = await readMergesBanded(context, worksheet, readRange);
      merges = banded ?? [];
      if (!banded) opts.onNotice?.({ sheet: name, kind: 'merges', message: `工作表“${name}”的合并单元格过多，未能读取；按未合并处理，结果可能不完整` });
    }
    mergesRead = true;
    for (const { chunk, range } of loaded) {
      copyInto(values, range.values, chunk.rowOffset, chunk.colOffset);
      copyInto(formulas, range.formulas, chunk.rowOffset, chunk.colOffset);
      copyInto(numberFormats, range.numberFormat, chunk.rowOffset, chunk.colOffset);
    }
  }
  return { name, origin, values, formulas, numberFormats, merges, protected: isProtected };
}

/** A refused group in two: its chunks in halves, or its one chunk halved (undefined for one cell). */
function splitGroup(group: ReadChunk[]): [ReadChunk[], ReadChunk[]] | undefined {
  if (group.length > 1) {
    const mid = Math.ceil(group.length / 2);
    return [group.slice(0, mid), group.slice(mid)];
  }
  const halves = splitChunk(group[0]);
  return halves && [[halves[0]], [halves[1]]];
}

function originOf(address: string): { row: number; col: number } {
  const { range } = parseAddress(address);
  return { row: range.top, col: range.left };
}

function copyInto(target: unknown[][], source: unknown[][] | undefined, rowOffset: number, colOffset: number): void {
  if (!Array.isArray(source)) return;
  source.forEach((line, r) => {
    const row = target[rowOffset + r];
    if (!row || !Array.isArray(line)) return;
    line.forEach((v, c) => {
      row[colOffset + c] = v;
    });
  });
}

/**
 * Merged areas of a large range, in row bands; bands halve (×4 count) while a sync fails, up to
 * MAX_MERGE_BANDS. Undefined when Excel refuses even those (or refuses the payload).
 */
async function readMergesBanded(
  context: Excel.RequestContext,
  worksheet: Excel.Worksheet,
  range: { top: number; left: number; bottom: number; right: number },
): Promise<string[] | undefined> {
  const rows = range.bottom - range.top + 1;
  for (let bands = 8; bands <= MAX_MERGE_BANDS; bands *= 4) {
    const height = Math.max(1, Math.ceil(rows / bands));
    const parts: Excel.RangeAreas[] = [];
    for (let top = range.top; top <= range.bottom; top += height) {
      const bottom = Math.min(range.bottom, top + height - 1);
      const areas = worksheet.getRange(rangeA1({ top, left: range.left, bottom, right: range.right })).getMergedAreasOrNullObject();
      areas.load('address');
      parts.push(areas);
    }
    try {
      await context.sync();
      const seen = new Set<string>();
      for (const p of parts) if (!p.isNullObject && p.address) splitAreas(p.address).forEach((a) => seen.add(a));
      return [...seen];
    } catch (error) {
      if (isCellEditModeError(error)) throw error;
      if (height === 1 || isPayloadLimitError(error)) return undefined;
    }
  }
  return undefined;
}

export async function readActiveWorksheet(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<SheetGrid> {
  return readWorksheet(context, context.workbook.worksheets.getActiveWorksheet(), opts);
}

/** Every worksheet except the add-in's own helper sheet, one at a time. */
export async function readWorkbook(context: Excel.RequestContext, opts: ReadWorkbookOptions = {}): Promise<SheetGrid[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const names = sheets.items.map((s) => s.name).filter((n) => n !== HELPER_SHEET);
  const out: SheetGrid[] = [];
  for (let i = 0; i < names.length; i++) {
    opts.onProgress?.({ done: i, total: names.length, sheet: names[i] });
    out.push(await readWorksheet(context, sheets.getItem(names[i]), opts));
  }
  opts.onProgress?.({ done: names.length, total: names.length, sheet: '' });
  return out;
}
