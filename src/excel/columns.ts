/**
 * The roles the user set for columns on the pane's table cards, kept in the workbook's settings
 * (ExcelApi 1.4) so that the next scan, and the next person opening the file, detects the same.
 */
import type { ColumnOverride } from '../core/layout/overrides';
import { isOverrideRole } from '../core/layout/overrides';

export const COLUMNS_KEY = 'scoreAudit.columns';

export function parseStoredColumns(value: unknown): ColumnOverride[] {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return [];
    }
  }
  const list = (v as { columns?: unknown } | null)?.columns;
  if (!Array.isArray(list)) return [];
  return list.filter((o): o is ColumnOverride => !!o && typeof o.sheet === 'string' && Number.isInteger(o.col) && o.col >= 1 && isOverrideRole(o.role));
}

export async function loadColumnOverrides(context: Excel.RequestContext): Promise<ColumnOverride[]> {
  const item = context.workbook.settings.getItemOrNullObject(COLUMNS_KEY);
  item.load('value');
  await context.sync();
  return item.isNullObject ? [] : parseStoredColumns(item.value);
}

export async function saveColumnOverrides(context: Excel.RequestContext, list: readonly ColumnOverride[]): Promise<void> {
  if (list.length > 0) context.workbook.settings.add(COLUMNS_KEY, JSON.stringify({ version: 1, columns: list }));
  else {
    const item = context.workbook.settings.getItemOrNullObject(COLUMNS_KEY);
    await context.sync();
    if (!item.isNullObject) item.delete();
  }
  await context.sync();
}
