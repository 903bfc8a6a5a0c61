import { a1, columnLetters } from '../../sheet/address';
import { DetectedTable } from '../../layout/types';
import { SheetModel } from '../../sheet/model';
import { numberAt } from '../../values/cell';
import { TableCheck } from '../context';
import { findingIn } from '../finding';
import { summedRows, toRelativeR1C1 } from '../formula-refs';
import { Finding } from '../types';

function numericColumns(t: DetectedTable): number[] {
  const c = t.columns;
  const cols = [c.weight, c.score, c.total, c.initialBudget, c.budget, c.executed, ...(t.kind === 'totals' ? t.valueColumns : [])];
  return [...new Set(cols.filter((x): x is number => x !== undefined))];
}

/**
 * For each total row, the rows it should add up: the data rows since the previous total (all data
 * rows above it, for a closing total) and the subtotals before it. One pass over rows in order.
 */
function childRowsOfTotals(t: DetectedTable): Array<{ leaves: number[]; subtotals: number[] }> {
  const out: Array<{ leaves: number[]; subtotals: number[] }> = [];
  const subtotals: number[] = [];
  let next = 0;
  for (const total of t.totals) {
    const start = next;
    while (next < t.dataRows.length && t.dataRows[next] < total.row) next++;
    out.push(total.scope === 'total' ? { leaves: t.dataRows.slice(0, next), subtotals: subtotals.slice() } : { leaves: t.dataRows.slice(start, next), subtotals: [] });
    if (total.scope === 'subtotal') subtotals.push(total.row);
  }
  return out;
}

/** SUM ranges that leave out rows of their block or count a subtotal and its rows twice. */
function sumRanges(sheet: SheetModel, t: DetectedTable): Finding[] {
  const out: Finding[] = [];
  const children = childRowsOfTotals(t);
  const subtotalRows = new Set(t.totals.filter((x) => x.scope === 'subtotal').map((x) => x.row));
  t.totals.forEach((total, i) => {
    const { leaves, subtotals } = children[i];
    for (const col of numericColumns(t)) {
      const formula = sheet.cell(total.row, col)?.formula;
      if (!formula) continue;
      const { rows, simple } = summedRows(formula, col);
      if (!simple || rows.size === 0) continue;
      const withValue = leaves.filter((r) => numberAt(sheet, r, col) !== undefined);
      const usedSubtotals = subtotals.filter((r) => rows.has(r));
      const lastUsedSubtotal = usedSubtotals.length ? Math.max(...usedSubtotals) : 0;
      const omitted = withValue.filter((r) => !rows.has(r) && r > lastUsedSubtotal);
      if (omitted.length > 0) {
        out.push(
          findingIn(t, {
            row: total.row,
            col,
            code: 'formula.sum-omits',
            params: { label: total.label, formula, omitted: omitted.map((r) => a1(r, col)) },
            expected: `包含 ${columnLetters(col)}${withValue[0]}:${columnLetters(col)}${withValue[withValue.length - 1]}`,
            actual: `=${formula}`,
            rule: `${total.label} = SUM(本组全部指标)`,
            also: omitted.map((r) => [r, col] as [number, number]),
          }),
        );
      }
      const firstSummedLeaf = withValue.find((r) => rows.has(r));
      const doubled = firstSummedLeaf !== undefined && usedSubtotals.some((s) => firstSummedLeaf < s);
      const innerSubtotals = total.scope === 'subtotal' && [...rows].some((r) => r < total.row && subtotalRows.has(r));
      if (doubled || innerSubtotals) {
        out.push(
          findingIn(t, {
            row: total.row,
            col,
            code: 'formula.sum-double',
            params: { label: total.label, formula },
            expected: '只加指标行或只加小计行',
            actual: `=${formula}`,
            rule: `${total.label} = Σ 指标（不重复）`,
          }),
        );
      }
    }
  });
  return out;
}

/** A total typed as a number where its sibling totals are formulas. */
function typedTotals(sheet: SheetModel, t: DetectedTable): Finding[] {
  const out: Finding[] = [];
  const cols = numericColumns(t);
  const cells = t.totals.flatMap((total) => cols.map((col) => ({ total, col, cell: sheet.cell(total.row, col) }))).filter((x) => x.cell && typeof x.cell.value === 'number');
  const formulas = cells.filter((x) => x.cell!.formula);
  if (formulas.length === 0) return out;
  for (const x of cells) {
    if (x.cell!.formula) continue;
    out.push(
      findingIn(t, {
        row: x.total.row,
        col: x.col,
        code: 'formula.typed-total',
        params: { label: x.total.label, cell: a1(x.total.row, x.col), exampleCell: a1(formulas[0].total.row, formulas[0].col) },
        expected: '公式',
        actual: x.cell!.value as number,
        rule: '合计应用公式计算',
      }),
    );
  }
  return out;
}

/** In a column whose body cells are formulas, one cell whose formula (or typed value) breaks the pattern. */
function columnPatterns(sheet: SheetModel, t: DetectedTable): Finding[] {
  const out: Finding[] = [];
  const rows = t.dataRows;
  for (let col = t.range.left; col <= t.range.right; col++) {
    // Most columns hold no formula at all: count before building the shapes of every row.
    let formulaCells = 0;
    for (const r of rows) if (sheet.cell(r, col)?.formula && ++formulaCells >= 3) break;
    if (formulaCells < 3) continue;
    const shapes = rows.map((r) => {
      const cell = sheet.cell(r, col);
      return cell?.formula ? toRelativeR1C1(cell.formula, r, col) : cell && typeof cell.value === 'number' ? '#value' : undefined;
    });
    const formulaShapes = shapes.filter((s): s is string => s !== undefined && s !== '#value');
    if (formulaShapes.length < 3) continue;
    const counts = new Map<string, number>();
    formulaShapes.forEach((s) => counts.set(s, (counts.get(s) ?? 0) + 1));
    const [major, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    const filled = shapes.filter((s) => s !== undefined).length;
    if (n < Math.max(3, Math.ceil(filled * 0.6))) continue;
    rows.forEach((r, i) => {
      const s = shapes[i];
      if (s === undefined || s === major) return;
      const cell = sheet.cell(r, col)!;
      const majorRow = rows[shapes.indexOf(major)];
      const example = { cell: a1(r, col), count: n, exampleCell: a1(majorRow, col), exampleFormula: sheet.cell(majorRow, col)!.formula! };
      out.push(
        findingIn(t, {
          row: r,
          col,
          ...(s === '#value' ? { code: 'formula.typed-in-formula-column' as const, params: example } : { code: 'formula.inconsistent' as const, params: { ...example, formula: cell.formula! } }),
          expected: `=${sheet.cell(majorRow, col)!.formula}（同一相对引用）`,
          actual: cell.formula ? `=${cell.formula}` : (cell.value as number),
          rule: '同列公式应一致',
        }),
      );
    });
  }
  return out;
}

export const formulaChecks: TableCheck = (ctx, table) => {
  const sheet = ctx.sheetOf(table);
  return [...sumRanges(sheet, table), ...typedTotals(sheet, table), ...columnPatterns(sheet, table)];
};
