/**
 * 权重 written as shares of the whole ("20%", a total of 100%) beside scores in points (18 of 20):
 * the weights are the points of a 100-point table. They are read as points (20% → 20) so that
 * "score ≤ weight", 得分率 and the totals compare like with like; left as they were, every row
 * would be flagged (得分 18 超过其分值 0.2). The user's workbook is not touched: the audit reads a
 * copy of the sheet, the table is marked, and its coverage says how its weights were read.
 */
import { DetectedTable } from '../layout/types';
import { Cell, SheetModel, WorkbookModel } from '../sheet/model';
import { readNumber } from '../values/cell';

/** Points of the whole table that a weight of 100% stands for. */
export const WHOLE_IN_POINTS = 100;
/** The shares add up to 100% within this (shares printed to whole or one-decimal percents). */
const SHARES_TOLERANCE = 0.011;
/** Kinds whose weights are points of the table's total score. */
const POINT_TABLES: ReadonlySet<DetectedTable['kind']> = new Set(['scoring', 'summary', 'selfeval-indicators']);

export interface WeightsRead {
  workbook: WorkbookModel;
  /** The tables, those read this way marked `weightsAsShares`. */
  tables: DetectedTable[];
}

/** How such a table's weights were read, for the coverage (Chinese, then English). */
export const SHARES_AS_POINTS_NOTE = `权重以百分比填写（合计 100%），得分以分计：按 ${WHOLE_IN_POINTS} 分制核对，20% 即 20 分 (the weights are shares of 100%, the scores points: checked as points of ${WHOLE_IN_POINTS})`;

/** The weight cells of a table, when they are shares of 100% beside scores in points. */
function shareCells(sheet: SheetModel, t: DetectedTable): Array<{ row: number; value: number }> | undefined {
  const col = t.columns.weight;
  if (!POINT_TABLES.has(t.kind) || col === undefined || t.columns.score === undefined) return undefined;
  const cells: Array<{ row: number; value: number }> = [];
  for (let row = t.headerRow + 1; row <= t.range.bottom; row++) {
    if (sheet.masterRow(row, col) !== row) continue;
    const r = readNumber(sheet, row, col);
    if (r.kind === 'empty' || r.kind === 'missing' || r.kind === 'text') continue;
    // A figure not written as a share: the column is in points already.
    if (r.kind !== 'number' || !r.percent) return undefined;
    cells.push({ row, value: r.value });
  }
  const leaves = t.indicators.filter((i) => i.weight !== undefined);
  if (leaves.length < 2) return undefined;
  const leafSum = leaves.reduce((a, i) => a + i.weight!, 0);
  const totalIsWhole = t.totals.some((tr) => cells.some((c) => c.row === tr.row && Math.abs(c.value - 1) <= SHARES_TOLERANCE));
  if (Math.abs(leafSum - 1) > SHARES_TOLERANCE && !totalIsWhole) return undefined;
  // Scores that are shares too ("得分 18%") make a table of shares: nothing to read otherwise.
  if (!t.indicators.some((i) => i.score !== undefined && i.score > 1)) return undefined;
  return cells;
}

/** A share as points of the whole (0.2 → 20), without the float noise of the product (0.07 × 100). */
const asPoints = (share: number): number => Number((share * WHOLE_IN_POINTS).toFixed(10));

function scaledTable(t: DetectedTable): DetectedTable {
  const scale = (w: number | undefined) => (w === undefined ? undefined : asPoints(w));
  const groups = (gs: DetectedTable['groups']): DetectedTable['groups'] => gs.map((g) => ({ ...g, ...(g.weight !== undefined ? { weight: scale(g.weight) } : {}), children: groups(g.children) }));
  return {
    ...t,
    indicators: t.indicators.map((i) => (i.weight === undefined ? i : { ...i, weight: scale(i.weight) })),
    groups: groups(t.groups),
    weightsAsShares: true,
  } as DetectedTable;
}

export function percentWeightsAsPoints(workbook: WorkbookModel, tables: DetectedTable[]): WeightsRead {
  const changes = new Map<string, Array<{ row: number; col: number; cell: Cell }>>();
  const scaled = new Set<DetectedTable>();
  for (const t of tables) {
    const sheet = workbook.sheets.find((s) => s.name === t.sheet);
    const cells = sheet && shareCells(sheet, t);
    if (!sheet || !cells) continue;
    const col = t.columns.weight!;
    const list = changes.get(t.sheet) ?? [];
    for (const c of cells) list.push({ row: c.row, col, cell: { value: asPoints(c.value) } });
    changes.set(t.sheet, list);
    scaled.add(t);
  }
  if (scaled.size === 0) return { workbook, tables };
  return {
    workbook: { ...workbook, sheets: workbook.sheets.map((s) => (changes.has(s.name) ? s.withCells(changes.get(s.name)!) : s)) },
    tables: tables.map((t) => (scaled.has(t) ? scaledTable(t) : t)),
  };
}
