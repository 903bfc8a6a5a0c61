import { DetectedTable, GroupNode, IndicatorRow } from '../layout/types';
import { AuditContext } from './context';

const sameTable = (t: DetectedTable, sheet: string, headerRow: number): boolean => t.sheet === sheet && t.headerRow === headerRow;

/** The earlier parts of a table continued over sheets (续表), first part first; none for a table in one piece. */
export function partsBefore(ctx: AuditContext, table: DetectedTable): DetectedTable[] {
  const parts: DetectedTable[] = [];
  for (let t: DetectedTable | undefined = table; t?.continues; ) {
    const link: { sheet: string; headerRow: number } = t.continues;
    t = ctx.tables.find((x) => sameTable(x, link.sheet, link.headerRow));
    if (!t || parts.includes(t)) break;
    parts.unshift(t);
  }
  return parts;
}

/** The part that continues this table on the next sheet, if any. */
export function partAfter(ctx: AuditContext, table: DetectedTable): DetectedTable | undefined {
  return ctx.tables.find((x) => x.continues && sameTable(table, x.continues.sheet, x.continues.headerRow));
}

/**
 * The leaves of a group a page break cut: the group's own leaves, then the first rows of the next
 * part under the same name (they name no group of their own; detection gave them this one's).
 * A group that does not reach the end of its part is whole.
 */
export function leavesAcrossBreak(ctx: AuditContext, table: DetectedTable, g: GroupNode, leaves: IndicatorRow[]): IndicatorRow[] {
  const last = table.indicators[table.indicators.length - 1];
  const next = last && g.lastRow >= last.row ? partAfter(ctx, table) : undefined;
  if (!next) return leaves;
  const carried: IndicatorRow[] = [];
  for (const ind of next.indicators) {
    if (ind.path[g.level - 1] !== g.name) break;
    carried.push(ind);
  }
  return [...leaves, ...carried];
}
