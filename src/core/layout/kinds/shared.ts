import { CellRange } from '../../sheet/address';
import { SheetModel } from '../../sheet/model';
import { numberAt } from '../../values/cell';
import type { TableBody } from '../extent';
import type { HeaderCandidate } from '../header';
import { ColumnMap, DetectedTable, IndicatorRow, TableKind, TableOf } from '../types';
import type { HeaderRole } from '../vocabulary';

/** What the header words (and cells) say, for telling kinds apart. */
export interface HeaderFacts {
  roles: ReadonlySet<HeaderRole>;
  answerCount: number;
  pairCount: number;
  /** A 合计 column right of the first column. */
  hasTotalColumn: boolean;
  valueColumnCount: number;
  /** Column → header label as written (the block's lines joined): for kinds told by words no role names (专家1, 行次). */
  labels: ReadonlyMap<number, string>;
  /** The sheet, the block's last row and its columns: for kinds told by their body (rows numbered (1), (2) …). */
  sheet: SheetModel;
  row: number;
  left: number;
  right: number;
}

/** Everything an assembler gets: the sheet, the header block, the body, and the fields every table has. */
export interface AssembleInput {
  sheet: SheetModel;
  header: HeaderCandidate;
  body: TableBody;
  base: Omit<DetectedTable, 'kind'> & { columns: ColumnMap };
}

/** One kind of table: how to build it from a recognised header and its body. */
export type Assembler<K extends TableKind> = (input: AssembleInput) => TableOf<K>;

export const LEVELS = ['level1', 'level2', 'level3', 'level4'] as const;

export function levelColumns(columns: ColumnMap): number[] {
  return LEVELS.map((l) => columns[l]).filter((c): c is number => c !== undefined);
}

export const anyLevel = (roles: ReadonlySet<HeaderRole>): boolean => LEVELS.some((l) => roles.has(l));

/** Rows with a weight or a score (or those `keep` accepts), named by one column. */
export function simpleIndicators(sheet: SheetModel, rows: number[], nameCol: number | undefined, weightCol?: number, scoreCol?: number, keep?: (row: number) => boolean): IndicatorRow[] {
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

export type { CellRange };
