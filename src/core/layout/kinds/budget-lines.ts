/**
 * Budget and fund tables whose rows carry 行次 numbers — in a 行次/栏次 column or at the end of the
 * label ("实际到位资金(2)") — and rows defined by them ("实际到位率=(3)÷(2)", "(4)=(1)+(2)").
 */
import { SheetModel } from '../../sheet/model';
import { numberAt } from '../../values/cell';
import { readLabel, readLineCell } from '../line-numbers';
import { IndicatorRow, LineDefinition, LinePanel, NumberedLine } from '../types';
import { Assembler, HeaderFacts } from './shared';

const LINE_HEADER = /^(行次|栏次|行号)$/;
/** Rows below a header read to tell the kind: a budget table's lines come early. */
const PEEK_ROWS = 40;
/** Numbered rows a table needs to be read as one (a single "(1)" is an ordinary label). */
const MIN_LINES = 2;

const squeeze = (label: string): string => label.replace(/\s+/g, '');

function lineHeaderColumns(labels: ReadonlyMap<number, string>): number[] {
  return [...labels].filter(([, l]) => LINE_HEADER.test(squeeze(l))).map(([c]) => c).sort((a, b) => a - b);
}

/** Body rows to read: from under the header to the first blank row. */
function bodyRows(sheet: SheetModel, from: number, left: number, right: number, max: number): number[] {
  const rows: number[] = [];
  for (let r = from; r <= sheet.rowCount && rows.length < max; r++) {
    let any = false;
    for (let c = left; c <= right && !any; c++) any = !sheet.isEmpty(r, c);
    if (!any) break;
    rows.push(r);
  }
  return rows;
}

/** The column whose labels end in 行次 numbers, with the numbered rows and the definitions there. */
function markedLabelColumn(sheet: SheetModel, rows: number[], left: number, right: number): { col: number; lines: number; definitions: number } | undefined {
  let best: { col: number; lines: number; definitions: number } | undefined;
  for (let c = left; c <= right; c++) {
    let lines = 0;
    let definitions = 0;
    for (const r of rows) {
      if (sheet.masterOf(r, c).col !== c || typeof sheet.mergedValue(r, c) !== 'string') continue;
      const reading = readLabel(sheet.norm(r, c));
      if (reading.line !== undefined) lines++;
      if (reading.expr) definitions++;
    }
    if (lines + definitions > (best ? best.lines + best.definitions : 0)) best = { col: c, lines, definitions };
  }
  return best;
}

/** A 行次 column numbering the rows below, or labels numbered and defined by each other. */
export function isBudgetLines(f: HeaderFacts): boolean {
  const rows = bodyRows(f.sheet, f.row + 1, f.left, f.right, PEEK_ROWS);
  for (const col of lineHeaderColumns(f.labels)) {
    const numbered = rows.filter((r) => readLineCell(f.sheet.mergedValue(r, col) as string | number | null, f.sheet.norm(r, col)).line !== undefined).length;
    if (numbered >= MIN_LINES) return true;
  }
  const marked = markedLabelColumn(f.sheet, rows, f.left, f.right);
  return !!marked && marked.lines >= MIN_LINES && marked.definitions >= 1;
}

/** Columns holding a figure in some row. */
function numericColumns(sheet: SheetModel, rows: number[], from: number, to: number, skip: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let c = from; c <= to; c++) if (!skip.has(c) && rows.some((r) => sheet.masterOf(r, c).col === c && numberAt(sheet, r, c) !== undefined)) out.push(c);
  return out;
}

/** Panels of a sheet with 行次 columns: each 行次 column, its label column left of it, its values up to the next panel. */
function panelsByLineColumns(sheet: SheetModel, rows: number[], lineCols: number[], left: number, right: number): LinePanel[] {
  const skip = new Set(lineCols);
  const labelOf = (lineCol: number, floor: number): number => {
    for (let c = lineCol - 1; c >= floor; c--) if (rows.some((r) => typeof sheet.mergedValue(r, c) === 'string' && numberAt(sheet, r, c) === undefined)) return c;
    return Math.max(floor, lineCol - 1);
  };
  const labels = lineCols.map((lc, i) => labelOf(lc, i === 0 ? left : lineCols[i - 1] + 1));
  return lineCols.map((lineCol, i) => {
    const end = i + 1 < lineCols.length ? labels[i + 1] - 1 : right;
    return { labelCol: labels[i], lineCol, valueColumns: numericColumns(sheet, rows, lineCol + 1, end, new Set([...skip, ...labels])) };
  });
}

export const assembleBudgetLines: Assembler<'budget-lines'> = ({ sheet, header, body, base }) => {
  const rows = [...body.dataRows, ...body.totals.map((t) => t.row)].sort((a, b) => a - b);
  const lineCols = lineHeaderColumns(header.labels);
  let panels: LinePanel[];
  if (lineCols.length > 0) panels = panelsByLineColumns(sheet, rows, lineCols, header.left, header.right);
  else {
    const marked = markedLabelColumn(sheet, rows, header.left, header.right);
    const labelCol = marked?.col ?? header.left;
    panels = [{ labelCol, valueColumns: numericColumns(sheet, rows, header.left, header.right, new Set([labelCol, ...header.serialColumns])) }];
  }
  const lines: NumberedLine[] = [];
  const definitions: LineDefinition[] = [];
  panels.forEach((p, panel) => {
    for (const row of rows) {
      const label = sheet.text(row, p.labelCol).replace(/\s+/g, ' ').trim();
      const fromLabel = readLabel(sheet.norm(row, p.labelCol));
      const fromCell = p.lineCol !== undefined ? readLineCell(sheet.mergedValue(row, p.lineCol) as string | number | null, sheet.norm(row, p.lineCol)) : {};
      const line = fromCell.line ?? fromLabel.line;
      if (line !== undefined) lines.push({ row, line, label, panel });
      if (fromCell.expr) definitions.push({ row, col: p.lineCol!, panel, expr: fromCell.expr, text: sheet.text(row, p.lineCol!).trim() });
      else if (fromLabel.expr) definitions.push({ row, col: p.labelCol, panel, expr: fromLabel.expr, text: label });
    }
  });
  // The roles of a budget table are its panels; what the header words or cells suggested otherwise does not apply.
  const columns = { label: panels[0].labelCol };
  const inference = (base.inference ?? []).filter((i) => i.role === 'serial' || i.col === panels[0].labelCol);
  const indicators: IndicatorRow[] = lines.map((l) => ({ row: l.row, path: [l.label] }));
  return { ...base, kind: 'budget-lines', columns, inference, panels, lines, definitions, indicators };
};
