import { CellRange, rangeContains } from '../sheet/address';
import { SheetModel, WorkbookModel } from '../sheet/model';
import { linkContinuations } from './continuation';
import { cachedRole, columnRuns, HeaderCandidate, recogniseHeader } from './header';
import { scanBody, TableBody } from './extent';
import { Assembler, ASSEMBLERS } from './kinds';
import { ColumnOverride, OverrideRole, overridesOf } from './overrides';
import { findTransposedSummaries } from './transposed';
import { DetectedTable, TableKind } from './types';
import { looksLikeTitle } from './vocabulary';

function titleAbove(sheet: SheetModel, row: number, left: number, right: number): string | undefined {
  for (let r = row - 1; r >= Math.max(1, row - 3); r--) {
    for (let c = left; c <= right; c++) {
      const t = sheet.text(r, c).trim();
      if (t === '') continue;
      // A title is worded like one or spans most of the table; a label merged down (年度总体目标) is not.
      const m = sheet.mergeAt(r, c);
      const wide = !!m && m.right - m.left + 1 >= Math.max(2, Math.ceil((right - left + 1) / 2));
      if (looksLikeTitle(sheet.norm(r, c)) || wide) return t.replace(/\s+/g, ' ');
      break;
    }
  }
  return undefined;
}

/** The table a header and its body make, by the assembler of its kind. */
function assemble(sheet: SheetModel, h: HeaderCandidate, body: TableBody): DetectedTable {
  const range: CellRange = { top: h.top, left: h.left, bottom: body.bottom, right: h.right };
  const base = {
    sheet: sheet.name,
    range,
    headerRow: h.row,
    headerRows: h.rows,
    columns: { ...h.columns },
    dataRows: body.dataRows,
    indicators: [],
    totals: body.totals,
    groups: [],
    inference: h.inference,
  };
  const title = titleAbove(sheet, h.top, h.left, h.right);
  const table = (ASSEMBLERS[h.kind] as Assembler<TableKind>)({ sheet, header: h, body, base: title ? { ...base, title } : base });
  return table;
}

function claimedBy(claims: CellRange[], row: number, col: number): boolean {
  return claims.some((r) => rangeContains(r, row, col));
}

/** Inside a table that spans every used column there is no other table to find. */
function rowFullyClaimed(claims: CellRange[], row: number, colCount: number): boolean {
  return claims.some((r) => row >= r.top && row <= r.bottom && r.left <= 1 && r.right >= colCount);
}

function rowHasRole(sheet: SheetModel, row: number, overrides: ReadonlyMap<number, OverrideRole>): boolean {
  for (let c = 1; c <= sheet.colCount; c++) if (cachedRole(sheet.norm(row, c))) return true;
  // A column the user named counts as a header word where it holds a short text.
  for (const c of overrides.keys()) {
    const n = sheet.norm(row, c);
    if (n !== '' && n.length <= 24 && typeof sheet.mergedValue(row, c) === 'string') return true;
  }
  return false;
}

/**
 * A blank separator column inside a table splits the header row into runs: two runs one column apart
 * join when they make a table together and not both one on their own (tables side by side stay two).
 */
function joinedRuns(sheet: SheetModel, row: number, runs: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const run of runs) {
    const prev = out[out.length - 1];
    const alone = (r: [number, number]): boolean => recogniseHeader(sheet, row, r[0], r[1]) !== undefined;
    if (prev && run[0] === prev[1] + 2 && !(alone(prev) && alone(run)) && recogniseHeader(sheet, row, prev[0], run[1])) {
      prev[1] = run[1];
      continue;
    }
    out.push([...run]);
  }
  return out;
}

/** Every table the domain knows on one sheet, top to bottom, left to right. */
export function detectTables(sheet: SheetModel, overrides: readonly ColumnOverride[] = []): DetectedTable[] {
  const own = overridesOf(overrides, sheet.name);
  const tables: DetectedTable[] = findTransposedSummaries(sheet);
  const claims: CellRange[] = tables.map((t) => t.range);
  for (let row = 1; row <= sheet.rowCount; row++) {
    if (rowFullyClaimed(claims, row, sheet.colCount) || !rowHasRole(sheet, row, own)) continue;
    for (const [left, right] of joinedRuns(sheet, row, columnRuns(sheet, row))) {
      if (claimedBy(claims, row, left)) continue;
      const header = recogniseHeader(sheet, row, left, right, own);
      if (!header) continue;
      const table = assemble(sheet, header, scanBody(sheet, header));
      tables.push(table);
      claims.push(table.range);
    }
  }
  return tables.sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);
}

/** Every table of the workbook; `overrides` are the user's roles for columns (--columns, the pane). */
export function detectWorkbook(wb: WorkbookModel, overrides: readonly ColumnOverride[] = []): DetectedTable[] {
  return linkContinuations(wb.sheets, wb.sheets.map((s) => detectTables(s, overrides))).flat();
}
