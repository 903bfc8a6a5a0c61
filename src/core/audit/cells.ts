import { SheetModel } from '../sheet/model';
import { CellNumber, readNumber, toleranceFor } from '../values/cell';

/** A numeric cell read for checking: its value and the tolerance its shown precision allows. */
export interface Figure {
  value: number;
  tol: number;
  percent: boolean;
}

export function figureAt(sheet: SheetModel, row: number, col: number | undefined): Figure | undefined {
  if (col === undefined) return undefined;
  const r = readNumber(sheet, row, col);
  if (r.kind !== 'number') return undefined;
  return { value: r.value, tol: toleranceFor(r), percent: r.percent };
}

export function readingAt(sheet: SheetModel, row: number, col: number | undefined): CellNumber {
  if (col === undefined) return { kind: 'empty' };
  return readNumber(sheet, row, col);
}
