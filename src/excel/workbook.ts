/** The open workbook's file name (ExcelApi 1.7), e.g. "评分表.xls"; undefined where Excel cannot say. */
import { API, excelSupports, officeSupports, Supports } from './supports';

export async function readWorkbookName(context: Excel.RequestContext, supports: Supports = officeSupports): Promise<string | undefined> {
  if (!excelSupports(supports, API.workbook)) return undefined;
  context.workbook.load('name');
  await context.sync();
  return context.workbook.name || undefined;
}
