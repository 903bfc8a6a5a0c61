import { SheetModel } from '../sheet/model';
import { numberAt } from '../values/cell';
import { cachedRole } from './header';
import { DetectedTable } from './types';
import { totalScope } from './vocabulary';

type SummaryRole = 'weight' | 'score' | 'rate' | 'grade';

/**
 * Summary tables turned on their side: indicators across the header row, 分值 / 得分 / 得分率
 * (and 评价等级) down the first column.
 */
export function findTransposedSummaries(sheet: SheetModel): DetectedTable[] {
  const found: DetectedTable[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    for (let c = 1; c < sheet.colCount; c++) {
      const raw = sheet.value(r, c);
      if (typeof raw !== 'string' || raw.length > 12) continue; // 分值/权重 labels are short
      if (cachedRole(sheet.norm(r, c)) !== 'weight') continue;
      const rows: Partial<Record<SummaryRole, number>> = { weight: r };
      let last = r;
      for (let k = r + 1; k <= Math.min(sheet.rowCount, r + 4); k++) {
        const role = cachedRole(sheet.norm(k, c));
        if (role === 'score' || role === 'rate' || role === 'grade') {
          if (rows[role] === undefined) rows[role] = k;
          last = k;
        } else break;
      }
      if (rows.score === undefined) continue;
      const nameRow = r - 1;
      const itemColumns: number[] = [];
      let totalColumn: number | undefined;
      for (let x = c + 1; x <= sheet.colCount && !sheet.isEmpty(nameRow, x); x++) {
        if (totalScope(sheet.norm(nameRow, x)) === 'total') totalColumn = x;
        else itemColumns.push(x);
      }
      const numeric = itemColumns.filter((x) => numberAt(sheet, r, x) !== undefined).length;
      if (numeric < 2) continue;
      const right = totalColumn ?? itemColumns[itemColumns.length - 1];
      found.push({
        sheet: sheet.name,
        kind: 'summary',
        range: { top: nameRow, left: c, bottom: last, right },
        headerRow: nameRow,
        headerRows: 1,
        columns: totalColumn ? { label: c, total: totalColumn } : { label: c },
        dataRows: [rows.weight!, rows.score!, ...(rows.rate ? [rows.rate] : [])],
        indicators: itemColumns.map((x) => {
          const ind: { row: number; path: string[]; weight?: number; score?: number } = { row: nameRow, path: [sheet.text(nameRow, x).replace(/\s+/g, '')] };
          const w = numberAt(sheet, rows.weight!, x);
          const s = numberAt(sheet, rows.score!, x);
          if (w !== undefined) ind.weight = w;
          if (s !== undefined) ind.score = s;
          return ind;
        }),
        totals: totalColumn ? [{ row: nameRow, label: sheet.text(nameRow, totalColumn).replace(/\s+/g, ''), scope: 'total' }] : [],
        groups: [],
        transposed: { rows, nameRow, itemColumns, totalColumn },
      });
    }
  }
  return found;
}
