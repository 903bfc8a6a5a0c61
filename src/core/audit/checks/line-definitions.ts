/**
 * Rows defined by other rows of a budget table (issue 12 item 3): "实际到位率=(3)÷(2)",
 * "(4)=(1)+(2)", "合计=(1)+(2)+(3)", a 行次 cell "4=1+2" — recomputed in every value column.
 */
import { formatLineExpr, linesIn } from '../../layout/line-numbers';
import { BudgetLinesTable, LineExpr, NumberedLine } from '../../layout/types';
import { SheetModel } from '../../sheet/model';
import { figureAt } from '../cells';
import { TableCheck } from '../context';
import { findingIn } from '../finding';
import { rounded } from '../format';
import { close } from '../tolerance';
import { Finding } from '../types';

/** The value of an expression, with the value of each line; undefined when a line has no figure or a divisor is 0. */
function evaluate(e: LineExpr, valueOf: (line: number) => number | undefined): number | undefined {
  if (e.kind === 'num') return e.value;
  if (e.kind === 'line') return valueOf(e.line);
  const a = evaluate(e.left, valueOf);
  const b = evaluate(e.right, valueOf);
  if (a === undefined || b === undefined) return undefined;
  if (e.op === '+') return a + b;
  if (e.op === '-') return a - b;
  if (e.op === '×') return a * b;
  return b === 0 ? undefined : a / b;
}

const divides = (e: LineExpr): boolean => e.kind === 'bin' && (e.op === '÷' || divides(e.left) || divides(e.right));

export const lineDefinitionChecks: TableCheck = (ctx, table) => {
  if (table.kind !== 'budget-lines') return [];
  const t: BudgetLinesTable = table;
  const sheet: SheetModel = ctx.sheetOf(t);
  const out: Finding[] = [];
  const byNumber = new Map<number, NumberedLine>();
  for (const l of t.lines) if (!byNumber.has(l.line)) byNumber.set(l.line, l);
  for (const d of t.definitions) {
    const label = sheet.text(d.row, t.panels[d.panel].labelCol).replace(/\s+/g, '') || d.text;
    const refs = [...new Set(linesIn(d.expr))];
    const absent = refs.filter((n) => !byNumber.has(n));
    if (absent.length > 0) {
      out.push(
        findingIn(t, {
          row: d.row,
          col: d.col,
          code: 'lines.reference-missing',
          params: { label, definition: d.text, missing: absent },
          rule: d.text,
        }),
      );
      continue;
    }
    const own = t.panels[d.panel].valueColumns;
    own.forEach((col, k) => {
      const cell = figureAt(sheet, d.row, col);
      if (!cell) return;
      const cells: Array<[number, number]> = [];
      const shown: Array<{ line: number; value: number }> = [];
      const valueOf = (n: number): number | undefined => {
        const line = byNumber.get(n)!;
        const c = t.panels[line.panel].valueColumns[k];
        const f = c !== undefined ? figureAt(sheet, line.row, c) : undefined;
        if (c !== undefined) cells.push([line.row, c]);
        if (f) shown.push({ line: n, value: f.value });
        return f?.value;
      };
      const expected = evaluate(d.expr, valueOf);
      if (expected === undefined) return;
      // A rate may be written as a percentage (90%) or as its figure (90 in a column of %).
      const asPercentFigure = divides(d.expr) && !cell.percent;
      const candidates = asPercentFigure ? [expected, expected * 100] : [expected];
      if (candidates.some((x) => close(cell.value, x, cell.tol))) return;
      const want = asPercentFigure && Math.abs(cell.value - expected * 100) < Math.abs(cell.value - expected) ? expected * 100 : expected;
      out.push(
        findingIn(t, {
          row: d.row,
          col,
          code: 'lines.definition',
          params: { label, formula: formatLineExpr(d.expr), lines: shown, expected: want, value: cell.value, percent: cell.percent },
          expected: rounded(want, 6),
          actual: cell.value,
          rule: d.text,
          also: cells,
          ...(cell.percent ? { display: 'percent' as const } : {}),
        }),
      );
    });
  }
  return out;
};
