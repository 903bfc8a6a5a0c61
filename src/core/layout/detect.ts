import { CellRange, rangeContains } from '../sheet/address';
import { SheetModel, WorkbookModel } from '../sheet/model';
import { numberAt } from '../values/cell';
import { cachedRole, columnRuns, HeaderCandidate, recogniseHeader } from './header';
import { scanBody, TableBody } from './extent';
import { buildHierarchy } from './hierarchy';
import { findTransposedSummaries } from './transposed';
import { ColumnMap, DetectedTable, IndicatorRow } from './types';
import { defaultAnswerWeights, isTrailerLabel, looksLikeTitle } from './vocabulary';

const LEVELS = ['level1', 'level2', 'level3', 'level4'] as const;

function levelColumns(columns: ColumnMap): number[] {
  return LEVELS.map((l) => columns[l]).filter((c): c is number => c !== undefined);
}

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

function simpleIndicators(sheet: SheetModel, rows: number[], nameCol: number | undefined, weightCol?: number, scoreCol?: number, keep?: (row: number) => boolean): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  for (const row of rows) {
    const weight = weightCol ? numberAt(sheet, row, weightCol) : undefined;
    const score = scoreCol ? numberAt(sheet, row, scoreCol) : undefined;
    if (keep ? !keep(row) : weight === undefined && score === undefined) continue;
    const ind: IndicatorRow = { row, path: nameCol ? [sheet.text(row, nameCol).replace(/\s+/g, ' ').trim()] : [] };
    if (weight !== undefined) ind.weight = weight;
    if (score !== undefined) ind.score = score;
    out.push(ind);
  }
  return out;
}

/** The label column of a block whose header leaves it blank (自评表: 项目资金 | 年度资金总额 | 年初预算数 …). */
function labelColumnLeftOf(sheet: SheetModel, h: HeaderCandidate, rows: number[], firstValueCol: number): number | undefined {
  for (let c = firstValueCol - 1; c >= h.left; c--) {
    if (rows.some((r) => {
      const m = sheet.masterOf(r, c);
      return m.row === r && m.col === c && sheet.text(r, c).trim() !== '' && numberAt(sheet, r, c) === undefined;
    }))
      return c;
  }
  return undefined;
}

function assemble(sheet: SheetModel, h: HeaderCandidate, body: TableBody): DetectedTable {
  const columns: ColumnMap = { ...h.columns };
  const range: CellRange = { top: h.row, left: h.left, bottom: body.bottom, right: h.right };
  const base: DetectedTable = {
    sheet: sheet.name,
    kind: h.kind,
    range,
    headerRow: h.row,
    headerRows: h.rows,
    columns,
    dataRows: body.dataRows,
    indicators: [],
    totals: body.totals,
    groups: [],
  };
  const title = titleAbove(sheet, h.row, h.left, h.right);
  if (title) base.title = title;
  const levels = levelColumns(columns);
  switch (h.kind) {
    case 'scoring':
    case 'selfeval-indicators': {
      const cols = levels.length > 0 ? levels : columns.name !== undefined ? [columns.name] : [];
      const { indicators, groups } = buildHierarchy(sheet, body.dataRows, cols, columns.weight, columns.score);
      base.indicators = indicators;
      base.groups = groups;
      break;
    }
    case 'summary': {
      columns.name ??= columns.label ?? levels[levels.length - 1] ?? h.left;
      delete columns.label;
      base.indicators = simpleIndicators(sheet, body.dataRows, columns.name, columns.weight, columns.score);
      break;
    }
    case 'completion': {
      // 年份-style label columns stay `label`: the name of what is measured is in the title or the levels.
      if (h.pairs.length > 0) base.pairs = h.pairs;
      const pathCol = columns.name ?? levels[levels.length - 1] ?? columns.label;
      const measured = (row: number): boolean =>
        h.pairs.length > 0
          ? h.pairs.some((p) => !sheet.isEmpty(row, p.targetCol) || !sheet.isEmpty(row, p.actualCol))
          : (columns.target !== undefined && !sheet.isEmpty(row, columns.target)) || (columns.actual !== undefined && !sheet.isEmpty(row, columns.actual));
      base.indicators = simpleIndicators(sheet, body.dataRows, pathCol, undefined, undefined, measured).map((ind) => {
        if (levels.length > 1) ind.path = levels.map((c) => sheet.text(ind.row, c).replace(/\s+/g, ' ').trim()).filter((t) => t !== '');
        return ind;
      });
      break;
    }
    case 'satisfaction': {
      columns.name ??= columns.label ?? h.left;
      delete columns.label;
      const labels = h.answers.map((a) => a.label);
      const weights = defaultAnswerWeights(labels);
      base.answers = h.answers.map((a, i) => ({ label: a.label, col: a.col, weight: weights[i] }));
      base.indicators = simpleIndicators(sheet, body.dataRows, columns.name, undefined, undefined, (row) => h.answers.some((a) => numberAt(sheet, row, a.col) !== undefined));
      break;
    }
    case 'selfeval-budget': {
      const valueCols = [columns.initialBudget, columns.budget, columns.executed].filter((c): c is number => c !== undefined);
      const nameCol = labelColumnLeftOf(sheet, h, body.dataRows, Math.min(...valueCols));
      if (nameCol !== undefined) columns.name = nameCol;
      // Only 年度资金总额 carries 分值/得分; the 其中 rows are its parts, not indicators.
      base.indicators = simpleIndicators(sheet, body.dataRows, nameCol, columns.weight, columns.score);
      break;
    }
    case 'totals': {
      columns.label ??= h.left;
      base.valueColumns = h.plainColumns.filter((c) => c !== columns.label && c !== columns.total);
      base.shareRows = body.trailerRows.filter((r) => isTrailerLabel(sheet.norm(r, columns.label!)));
      base.indicators = simpleIndicators(sheet, body.dataRows, columns.label, undefined, undefined, (row) => base.valueColumns!.some((c) => numberAt(sheet, row, c) !== undefined));
      break;
    }
  }
  return base;
}

function claimedBy(claims: CellRange[], row: number, col: number): boolean {
  return claims.some((r) => rangeContains(r, row, col));
}

/** Inside a table that spans every used column there is no other table to find. */
function rowFullyClaimed(claims: CellRange[], row: number, colCount: number): boolean {
  return claims.some((r) => row >= r.top && row <= r.bottom && r.left <= 1 && r.right >= colCount);
}

function rowHasRole(sheet: SheetModel, row: number): boolean {
  for (let c = 1; c <= sheet.colCount; c++) if (cachedRole(sheet.norm(row, c))) return true;
  return false;
}

/** Every table the domain knows on one sheet, top to bottom, left to right. */
export function detectTables(sheet: SheetModel): DetectedTable[] {
  const tables: DetectedTable[] = findTransposedSummaries(sheet);
  const claims: CellRange[] = tables.map((t) => t.range);
  for (let row = 1; row <= sheet.rowCount; row++) {
    if (rowFullyClaimed(claims, row, sheet.colCount) || !rowHasRole(sheet, row)) continue;
    for (const [left, right] of columnRuns(sheet, row)) {
      if (claimedBy(claims, row, left)) continue;
      const header = recogniseHeader(sheet, row, left, right);
      if (!header) continue;
      const table = assemble(sheet, header, scanBody(sheet, header));
      tables.push(table);
      claims.push(table.range);
    }
  }
  return tables.sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);
}

export function detectWorkbook(wb: WorkbookModel): DetectedTable[] {
  return wb.sheets.flatMap((s) => detectTables(s));
}
