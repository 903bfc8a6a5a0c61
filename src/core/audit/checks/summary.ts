import { DetectedTable } from '../../layout/types';
import { SheetModel } from '../../sheet/model';
import { figureAt } from '../cells';
import { TableCheck } from '../context';
import { gradeUnder, namesAGrade, sameGrade, schemeOf } from '../grades';
import { findingIn } from '../finding';
import { rounded } from '../format';
import { close, RATE_TOLERANCE } from '../tolerance';
import { Finding } from '../types';

export interface SummaryItem {
  label: string;
  weight?: { value: number; row: number; col: number };
  score?: { value: number; row: number; col: number };
  rate?: { value: number; tol: number; row: number; col: number };
}

export function summaryItems(sheet: SheetModel, t: DetectedTable): { rows: SummaryItem[]; total?: SummaryItem; grade?: { text: string; row: number; col: number } } {
  const at = (row: number, col: number | undefined) => {
    const f = figureAt(sheet, row, col);
    return f && col !== undefined ? { value: f.value, tol: f.tol, row, col } : undefined;
  };
  if (t.kind === 'summary' && t.transposed) {
    const { rows, nameRow, itemColumns, totalColumn } = t.transposed;
    const item = (col: number): SummaryItem => ({
      label: sheet.text(nameRow, col).trim(),
      weight: rows.weight ? at(rows.weight, col) : undefined,
      score: rows.score ? at(rows.score, col) : undefined,
      rate: rows.rate ? at(rows.rate, col) : undefined,
    });
    const gradeCell = rows.grade ? (totalColumn ?? itemColumns.find((c) => !sheet.isEmpty(rows.grade!, c))) : undefined;
    return {
      rows: itemColumns.map(item),
      total: totalColumn ? item(totalColumn) : undefined,
      grade: rows.grade && gradeCell ? { text: sheet.text(rows.grade, gradeCell).trim(), row: rows.grade, col: gradeCell } : undefined,
    };
  }
  const c = t.columns;
  const item = (row: number): SummaryItem => ({ label: c.name ? sheet.text(row, c.name).trim() : '', weight: at(row, c.weight), score: at(row, c.score), rate: at(row, c.rate) });
  const totalRow = t.totals.find((x) => x.scope === 'total');
  const grade = totalRow ? gradeCellNear(sheet, t, totalRow.row) : undefined;
  return { rows: t.indicators.map((i) => item(i.row)), total: totalRow ? item(totalRow.row) : undefined, grade };
}

/** Rows after a closing total that may still belong to it (评价等级 just under the table). */
const GRADE_ROWS_AFTER = 3;

/**
 * The grade stated for a closing total: a 等级 cell on the total's row or on a row just under it
 * (评价等级 | 良), the grade being the next filled cell to its right; else the table's grade column.
 */
export function gradeCellNear(sheet: SheetModel, t: DetectedTable, totalRow: number): { text: string; row: number; col: number } | undefined {
  const last = Math.min(sheet.rowCount, Math.max(t.range.bottom, totalRow) + GRADE_ROWS_AFTER);
  for (let r = totalRow; r <= last; r++) {
    for (let c = t.range.left; c < t.range.right; c++) {
      if (!/等级/.test(sheet.norm(r, c)) || sheet.norm(r, c).length > 8) continue;
      for (let col = c + 1; col <= t.range.right; col++) {
        if (sheet.masterOf(r, col).col === c) continue;
        const text = sheet.text(r, col).trim();
        if (text) return { text, row: r, col };
      }
    }
    // Another table or a note starts: stop.
    if (r > t.range.bottom && !sheet.isEmpty(r, t.range.left) && !/等级/.test(sheet.norm(r, t.range.left))) break;
  }
  const gradeCol = t.columns.grade;
  if (gradeCol !== undefined) {
    const text = sheet.text(totalRow, gradeCol).trim();
    if (text) return { text, row: totalRow, col: gradeCol };
  }
  return undefined;
}

/** The stated grade against the grade of the stated total, under the scheme the sheet names. */
export function gradeFinding(sheet: SheetModel, t: DetectedTable, grade: { text: string; row: number; col: number }, total: { value: number; row: number; col: number }): Finding | undefined {
  // A remark in the 等级 column ("实施比较顺利。") is no grade to compare.
  if (!namesAGrade(grade.text)) return undefined;
  const scheme = schemeOf(sheet, grade.text);
  const expected = gradeUnder(total.value, scheme);
  if (!expected || sameGrade(grade.text, expected)) return undefined;
  return findingIn(t, {
    row: grade.row,
    col: grade.col,
    code: 'summary.grade',
    params: { total: total.value, scheme: scheme.title, expected, grade: grade.text },
    expected,
    actual: grade.text,
    rule: scheme.description,
    also: [[total.row, total.col]],
  });
}

/** The grade written under (or beside) the closing total of a scoring table or self-evaluation form. */
export const gradeChecks: TableCheck = (ctx, table) => {
  if (table.kind !== 'scoring' && table.kind !== 'selfeval-indicators') return [];
  const closing = table.totals.find((x) => x.scope === 'total');
  const scoreCol = table.columns.score;
  if (!closing || scoreCol === undefined) return [];
  const sheet = ctx.sheetOf(table);
  const total = figureAt(sheet, closing.row, scoreCol);
  const grade = gradeCellNear(sheet, table, closing.row);
  if (!total || !grade) return [];
  const f = gradeFinding(sheet, table, grade, { value: total.value, row: closing.row, col: scoreCol });
  return f ? [f] : [];
};

/** 得分率 = 得分 / 分值; totals of the summary; the stated grade against the scheme. */
export const summaryChecks: TableCheck = (ctx, table) => {
  if (table.kind !== 'summary') return [];
  const sheet = ctx.sheetOf(table);
  const { rows, total, grade } = summaryItems(sheet, table);
  const out: Finding[] = [];
  const checkRate = (it: SummaryItem) => {
    if (!it.rate || !it.weight || !it.score || it.weight.value === 0) return;
    const expected = it.score.value / it.weight.value;
    if (!close(it.rate.value, expected, Math.max(it.rate.tol, RATE_TOLERANCE))) {
      out.push(
        findingIn(table, {
          row: it.rate.row,
          col: it.rate.col,
          code: 'summary.rate',
          params: { label: it.label, score: it.score.value, weight: it.weight.value, expected, value: it.rate.value },
          expected: rounded(expected, 6),
          actual: it.rate.value,
          display: 'percent',
          rule: '得分率 = 得分 / 分值',
          also: [
            [it.score.row, it.score.col],
            [it.weight.row, it.weight.col],
          ],
        }),
      );
    }
  };
  rows.forEach(checkRate);
  if (total) {
    checkRate(total);
    for (const field of ['weight', 'score'] as const) {
      const cell = total[field];
      const parts = rows.map((r) => r[field]?.value).filter((v): v is number => v !== undefined);
      if (!cell || parts.length === 0) continue;
      const sum = parts.reduce((a, b) => a + b, 0);
      if (!close(cell.value, sum)) {
        out.push(
          findingIn(table, {
            row: cell.row,
            col: cell.col,
            code: 'summary.total',
            params: { field, sum, value: cell.value },
            expected: rounded(sum),
            actual: cell.value,
            rule: `合计 = Σ 各项${field === 'weight' ? '分值' : '得分'}`,
          }),
        );
      }
    }
  }
  if (grade && total?.score) {
    const f = gradeFinding(sheet, table, grade, total.score);
    if (f) out.push(f);
  }
  return out;
};
