/** The workbook's worksheets by name, in order (Worksheets is 1-based). */
import type { WpsWorkbook, WpsWorksheet } from './facade';

export function sheetsByName(workbook: WpsWorkbook): Map<string, WpsWorksheet> {
  const out = new Map<string, WpsWorksheet>();
  const sheets = workbook.Worksheets;
  for (let i = 1; i <= sheets.Count; i++) {
    const ws = sheets.Item(i);
    out.set(ws.Name, ws);
  }
  return out;
}
