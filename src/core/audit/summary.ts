import { figureAt } from './cells';
import { AuditContext } from './context';
import { gradeUnder, schemeOf } from './grades';
import { AuditSummary, Finding } from './types';

/** Counts, plus the total score and its grade when a summary table or a closing total states one. */
export function summarise(ctx: AuditContext, findings: Finding[]): AuditSummary {
  const summary: AuditSummary = {
    tables: ctx.tables.length,
    indicators: ctx.tables.filter((t) => t.kind === 'scoring' || t.kind === 'selfeval-indicators').reduce((a, t) => a + t.indicators.length, 0),
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
  };
  for (const t of ctx.tables) {
    if (t.kind !== 'summary') continue;
    const sheet = ctx.sheetOf(t);
    let total: number | undefined;
    if (t.transposed?.totalColumn && t.transposed.rows.score) total = figureAt(sheet, t.transposed.rows.score, t.transposed.totalColumn)?.value;
    const closing = t.totals.find((x) => x.scope === 'total');
    if (total === undefined && closing) total = figureAt(sheet, closing.row, t.columns.score)?.value;
    if (total !== undefined) {
      summary.totalScore = total;
      summary.grade = gradeUnder(total, schemeOf(sheet, '')) ?? undefined;
      break;
    }
  }
  return summary;
}
