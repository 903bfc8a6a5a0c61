import { a1, rangeA1 } from '../sheet/address';
import { DetectedTable } from '../layout/types';
import { FindingCode, FINDING_CATALOGUE, MessageParams, messagesOf } from './catalogue';
import { Finding } from './types';

export interface FindingInput<C extends FindingCode = FindingCode> {
  row: number;
  col: number;
  code: C;
  /** The figures of the message; the catalogue's templates make the words. */
  params: MessageParams<C>;
  expected?: number | string | null;
  actual?: number | string | null;
  rule: string;
  /** Further cells the finding rests on, as [row, col]. */
  also?: Array<[number, number]>;
  display?: Finding['display'];
}

/** A finding on a sheet (not necessarily in a table), its message from the catalogue. */
export function finding<C extends FindingCode>(sheet: string, f: Omit<FindingInput<C>, 'row' | 'col'> & { cell: string; cells?: string[] }): Finding {
  const text = messagesOf(f.code, f.params);
  return {
    sheet,
    cell: f.cell,
    cells: [...new Set([f.cell, ...(f.cells ?? [])])],
    code: f.code,
    severity: FINDING_CATALOGUE[f.code].severity,
    message: text.zh,
    messageEn: text.en,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    rule: f.rule,
    ...(f.display ? { display: f.display } : {}),
  };
}

/** Build a Finding anchored in a table. */
export function findingIn<C extends FindingCode>(table: DetectedTable, f: FindingInput<C>): Finding {
  const cells = (f.also ?? []).map(([r, c]) => a1(r, c));
  return { ...finding(table.sheet, { ...f, cell: a1(f.row, f.col), cells }), table: rangeA1(table.range) };
}
