import { DetectedTable } from '../../layout/types';
import { gradeOf, GradeScheme } from '../../rules/grade';
import { SheetModel } from '../../sheet/model';
import { figureAt } from '../cells';
import { TableCheck } from '../context';
import { findingIn } from '../finding';
import { rounded } from '../format';
import { close, RATE_TOLERANCE } from '../tolerance';
import { Finding } from '../types';

interface SummaryItem {
  label: string;
  weight?: { value: number; row: number; col: number };
  score?: { value: number; row: number; col: number };
  rate?: { value: number; tol: number; row: number; col: number };
}

function items(sheet: SheetModel, t: DetectedTable): { rows: SummaryItem[]; total?: SummaryItem; grade?: { text: string; row: number; col: number } } {
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
  let grade: { text: string; row: number; col: number } | undefined;
  for (let r = (totalRow?.row ?? t.range.bottom) + 1; r <= t.range.bottom; r++) {
    const labelCol = c.name ?? t.range.left;
    if (/等级/.test(sheet.norm(r, labelCol))) {
      for (let col = labelCol + 1; col <= t.range.right; col++) {
        const text = sheet.text(r, col).trim();
        if (text) {
          grade = { text, row: r, col };
          break;
        }
      }
    }
  }
  if (!grade && c.grade !== undefined && totalRow) {
    const text = sheet.text(totalRow.row, c.grade).trim();
    if (text) grade = { text, row: totalRow.row, col: c.grade };
  }
  return { rows: t.indicators.map((i) => item(i.row)), total: totalRow ? item(totalRow.row) : undefined, grade };
}

/** Which grade scheme the workbook uses: the five-level one when a 低 grade or its wording appears. */
export function schemeFor(sheet: SheetModel, gradeText: string): GradeScheme {
  if (/低/.test(gradeText)) return 'five';
  for (let r = 1; r <= Math.min(sheet.rowCount, 400); r++) {
    for (let c = 1; c <= Math.min(sheet.colCount, 30); c++) if (/60[~～-]70分为低|为低/.test(sheet.norm(r, c))) return 'five';
  }
  return 'standard';
}

/** 得分率 = 得分 / 分值; totals of the summary; the stated grade against the scheme. */
export const summaryChecks: TableCheck = (ctx, table) => {
  if (table.kind !== 'summary') return [];
  const sheet = ctx.sheetOf(table);
  const { rows, total, grade } = items(sheet, table);
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
    const scheme = schemeFor(sheet, grade.text);
    const expected = gradeOf(total.score.value, scheme);
    if (expected && !grade.text.includes(expected)) {
      out.push(
        findingIn(table, {
          row: grade.row,
          col: grade.col,
          code: 'summary.grade',
          params: { total: total.score.value, scheme: scheme === 'five' ? '五级等级标准' : '财预〔2020〕10号等级标准', expected, grade: grade.text },
          expected,
          actual: grade.text,
          rule: scheme === 'five' ? '≥90 优，80–90 良，70–80 中，60–70 低，<60 差' : '≥90 优，80–90 良，60–80 中，<60 差',
          also: [[total.score.row, total.score.col]],
        }),
      );
    }
  }
  return out;
};
