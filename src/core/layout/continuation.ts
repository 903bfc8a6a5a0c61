import { SheetModel } from '../sheet/model';
import { numberAt } from '../values/cell';
import { closesByWeightSum } from './kinds/summary';
import { DetectedTable, IndicatorRow } from './types';

/** Words above a table (or in its sheet's name) that say it continues the table before it. */
const CONTINUED = /续表|接上表|续上表|[(（]续[)）]|^续$/;
/** How far above a continued table's header its marker may stand (a title, then the marker). */
const MARKER_ROWS_ABOVE = 3;

function markedContinued(sheet: SheetModel, t: DetectedTable): boolean {
  if (CONTINUED.test(sheet.name.replace(/\s+/g, ''))) return true;
  if (t.title && CONTINUED.test(t.title.replace(/\s+/g, ''))) return true;
  const top = t.headerRow - t.headerRows + 1;
  for (let r = top - 1; r >= Math.max(1, top - MARKER_ROWS_ABOVE); r--) {
    for (let c = t.range.left; c <= t.range.right; c++) if (CONTINUED.test(sheet.norm(r, c))) return true;
  }
  return false;
}

/** The same columns in the same roles, counted from each table's left edge. */
function sameColumns(a: DetectedTable, b: DetectedTable): boolean {
  const shape = (t: DetectedTable): string => JSON.stringify(Object.entries(t.columns).map(([role, col]) => [role, col! - t.range.left]).sort());
  return a.range.right - a.range.left === b.range.right - b.range.left && shape(a) === shape(b);
}

const closed = (t: DetectedTable): boolean => t.totals.some((r) => r.scope === 'total');

/**
 * The parts of a table printed over two sheets: the first table of a sheet continues the last table
 * of the sheet before when both are of one kind and have the same columns, the earlier has no
 * closing total yet, and the later is marked 续表/接上表, or repeats the earlier's header words
 * under no title of its own.
 */
function continues(prev: DetectedTable, prevSheet: SheetModel, next: DetectedTable, nextSheet: SheetModel): boolean {
  if (prev.kind !== next.kind || closed(prev) || !sameColumns(prev, next)) return false;
  if (markedContinued(nextSheet, next)) return true;
  // A title of its own (表2 …) makes it another table with the same columns, as evaluation reports print them.
  if (next.title !== undefined && next.title !== prev.title) return false;
  const words = (s: SheetModel, t: DetectedTable): string =>
    Array.from({ length: t.range.right - t.range.left + 1 }, (_, i) => s.norm(t.headerRow, t.range.left + i)).join('|');
  return words(prevSheet, prev) === words(nextSheet, next) && showsBreak(prev, prevSheet, next, nextSheet);
}

/**
 * Unmarked, a repeated header continues the table only where the break shows — copies of one
 * template on several sheets (one per unit) are separate tables: the first row leaves its group
 * blank, its 序号 goes on from the earlier part's last, or the closing total is on this part.
 */
function showsBreak(prev: DetectedTable, prevSheet: SheetModel, next: DetectedTable, nextSheet: SheetModel): boolean {
  const first = next.dataRows[0];
  if (first === undefined) return false;
  const level1 = next.columns.level1;
  if (level1 !== undefined && nextSheet.isEmpty(first, level1) && nextSheet.masterRow(first, level1) === first) return true;
  const serialOf = (t: DetectedTable): number | undefined => t.inference?.find((i) => i.role === 'serial')?.col;
  const [a, b] = [serialOf(prev), serialOf(next)];
  const last = prev.dataRows[prev.dataRows.length - 1];
  if (a !== undefined && b !== undefined && last !== undefined) {
    const [x, y] = [numberAt(prevSheet, last, a), numberAt(nextSheet, first, b)];
    if (x !== undefined && y !== undefined && y === x + 1) return true;
  }
  return closed(next) || (next.kind === 'summary' && closesByWeightSum(next.indicators, prev.indicators));
}

/** A continued part's first rows name no shallower level of their own: they are under the previous part's last group. */
function inheritLevels(indicators: IndicatorRow[], from: IndicatorRow | undefined): IndicatorRow[] {
  if (!from) return indicators;
  let open = true;
  return indicators.map((ind) => {
    if (!open || ind.path[0]) {
      open = false;
      return ind;
    }
    const path = ind.path.map((name, k) => (name === '' && k < ind.path.length - 1 ? (from.path[k] ?? '') : name));
    return { ...ind, path };
  });
}

/**
 * Link continued parts across consecutive sheets: the later part says which table it continues
 * and its first rows take the group names the page break left on the earlier part.
 */
export function linkContinuations(sheets: readonly SheetModel[], tablesBySheet: DetectedTable[][]): DetectedTable[][] {
  const out: DetectedTable[][] = [];
  tablesBySheet.forEach((tables, i) => {
    out.push(tables);
    if (i === 0 || tables.length === 0) return;
    // The part before as already linked: a table over three sheets carries its names down both breaks.
    const before = out[i - 1];
    const prev = before.reduce<DetectedTable | undefined>((last, t) => (!last || t.range.bottom > last.range.bottom ? t : last), undefined);
    const next = tables.reduce((first, t) => (t.range.top < first.range.top ? t : first), tables[0]);
    if (!prev || !continues(prev, sheets[i - 1], next, sheets[i])) return;
    const linked: DetectedTable = {
      ...next,
      continues: { sheet: prev.sheet, headerRow: prev.headerRow },
      indicators: inheritLevels(next.indicators, prev.indicators[prev.indicators.length - 1]),
    };
    // A summary closed by a row whose weight is the sum of all rows, of both parts.
    if (linked.kind === 'summary' && !closed(linked) && closesByWeightSum(linked.indicators, prev.indicators)) {
      const last = linked.indicators[linked.indicators.length - 1];
      linked.indicators = linked.indicators.slice(0, -1);
      linked.totals = [...linked.totals, { row: last.row, label: sheets[i].text(last.row, linked.columns.name ?? linked.range.left).replace(/\s+/g, ''), scope: 'total' }];
    }
    out[i] = tables.map((t) => (t === next ? linked : t));
  });
  return out;
}

/** "续表：接 Sheet1 第 3 行表头的表", for hosts to print under a continued table. */
export function continuationText(t: DetectedTable): string | undefined {
  return t.continues ? `续表：接「${t.continues.sheet}」第 ${t.continues.headerRow} 行表头的表` : undefined;
}
