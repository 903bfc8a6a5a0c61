/**
 * The 合计/总分 under a self-evaluation form's 绩效指标 block is the whole form's: 预算执行 (10) plus
 * 绩效指标 (90) = 100 (财预〔2020〕10号附1). When the 预算执行 block is not on the sheet (the block pasted
 * alone, or printed on another page), that total cannot be checked from the indicators: it is said so,
 * not flagged as a sum 10 points off.
 */
import { DetectedTable } from '../layout/types';
import { SheetModel } from '../sheet/model';
import { figureAt } from './cells';
import { close } from './tolerance';

/** The points of a whole self-evaluation form. */
const WHOLE_FORM_POINTS = 100;

/** The budget block of the form on the same sheet, above the indicators. */
export function budgetBlockOf(tables: readonly DetectedTable[], table: DetectedTable): DetectedTable | undefined {
  if (table.kind !== 'selfeval-indicators') return undefined;
  return tables.find((t) => t.sheet === table.sheet && t.kind === 'selfeval-budget' && t.range.bottom < table.range.top);
}

/** The closing total at `row` is the whole form's and the form's budget block is not here. */
export function totalOfWholeFormElsewhere(sheet: SheetModel, tables: readonly DetectedTable[], table: DetectedTable, row: number): boolean {
  if (table.kind !== 'selfeval-indicators' || !table.blockPoints || budgetBlockOf(tables, table)) return false;
  const block = table.blockPoints.points;
  const total = figureAt(sheet, row, table.columns.weight);
  if (!total || !close(total.value, WHOLE_FORM_POINTS) || !(block < WHOLE_FORM_POINTS)) return false;
  const leaves = table.indicators.reduce((a, i) => a + (i.weight ?? 0), 0);
  return close(leaves, block);
}
