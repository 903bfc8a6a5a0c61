import { DetectedTable, IndicatorRow } from '../../layout/types';
import { normalizeForMatch } from '../../sheet/text';
import { AuditContext } from '../context';
import { findingIn } from '../finding';
import { rounded } from '../format';
import { close } from '../tolerance';
import { Finding } from '../types';
import { completionRates } from './completion';
import { ruleOf } from './scoring-rows';

interface MeasuredIndicator {
  table: DetectedTable;
  rates: Array<number | null>;
  rows: number[];
}

/** Completion figures of the workbook by indicator name: grid pairs by their name, standard tables by their title. */
function completionIndex(ctx: AuditContext): Array<{ key: string; byTitle: boolean; measured: MeasuredIndicator }> {
  const out: Array<{ key: string; byTitle: boolean; measured: MeasuredIndicator }> = [];
  for (const t of ctx.tables.filter((x) => x.kind === 'completion')) {
    const rates = completionRates(ctx.sheetOf(t), t);
    if (t.pairs) {
      for (const p of t.pairs) {
        const mine = rates.filter((r) => r.label === p.name);
        out.push({ key: normalizeForMatch(p.name), byTitle: false, measured: { table: t, rates: mine.map((r) => r.rate), rows: mine.map((r) => r.row) } });
      }
    } else if (t.title) {
      out.push({ key: normalizeForMatch(t.title), byTitle: true, measured: { table: t, rates: rates.map((r) => r.rate), rows: rates.map((r) => r.row) } });
    }
  }
  return out;
}

function findMeasured(index: ReturnType<typeof completionIndex>, ind: IndicatorRow): MeasuredIndicator | undefined {
  const name = normalizeForMatch(ind.path[ind.path.length - 1] ?? '');
  if (name.length < 4) return undefined;
  const exact = index.filter((e) => !e.byTitle && e.key === name);
  if (exact.length === 1) return exact[0].measured;
  const titled = index.filter((e) => e.byTitle && e.key.includes(name));
  return titled.length === 1 ? titled[0].measured : undefined;
}

/**
 * A score against the completion table of the same workbook for the same indicator: the rule
 * applied to the measured rates must give the score. Missing data counts as not achieved.
 */
export function crossTableChecks(ctx: AuditContext): Finding[] {
  const index = completionIndex(ctx);
  if (index.length === 0) return [];
  const out: Finding[] = [];
  for (const table of ctx.tables.filter((t) => t.kind === 'scoring')) {
    const sheet = ctx.sheetOf(table);
    const scoreCol = table.columns.score;
    if (scoreCol === undefined) continue;
    for (const ind of table.indicators) {
      if (ind.score === undefined) continue;
      const rule = ruleOf(sheet, table, ind);
      if (!rule?.parsed || rule.inputs < 1) continue;
      const measured = findMeasured(index, ind);
      if (!measured || measured.rates.length !== rule.inputs) continue;
      const rates = measured.rates.map((r) => r ?? 0);
      const expected = rule.score(rule.inputs === 1 ? rates[0] : rates);
      if (expected === null || close(expected, ind.score)) continue;
      // Discrete scores leave no doubt; a continuous rule may rest on a rate the table rounds.
      const strict = rule.allowed.every(([a, b]) => a === b);
      const where = `${measured.table.sheet}!${measured.table.title ?? ''}`.replace(/!$/, '');
      out.push(
        findingIn(table, {
          row: ind.row,
          col: scoreCol,
          code: strict ? 'score.contradicts-completion' : 'score.differs-from-completion',
          params: { name: ind.path[ind.path.length - 1] ?? '', where, rates: measured.rates, expected, score: ind.score },
          expected: rounded(expected),
          actual: ind.score,
          rule: rule.text.replace(/\s+/g, ' ').slice(0, 80),
          also: [[ind.row, table.columns.criteria ?? scoreCol]],
        }),
      );
    }
  }
  return out;
}
