import { DetectedTable, IndicatorRow } from '../../layout/types';
import { parseRule } from '../../rules';
import { Rule } from '../../rules/types';
import { SheetModel } from '../../sheet/model';
import { readNumber } from '../../values/cell';
import { FlaggedScore, RowCheck } from '../context';
import { a1 } from '../../sheet/address';
import { findingIn } from '../finding';
import { writtenComputations } from '../arithmetic';
import { rowProblems, wrongResults } from '../row-rule';
import { Finding } from '../types';

/** The rule of an indicator row, read once per (text, weight) by the rule engine's cache. */
export function ruleOf(sheet: SheetModel, table: DetectedTable, ind: IndicatorRow): Rule | undefined {
  const col = table.columns.criteria;
  if (col === undefined || ind.weight === undefined) return undefined;
  const text = sheet.text(ind.row, col).trim();
  if (text === '') return undefined;
  return parseRule(text, ind.weight);
}

/** Rows of the table whose reason cell is the same (merged) cell as this row's. */
function rowsSharingReason(sheet: SheetModel, table: DetectedTable, ind: IndicatorRow, reasonCol: number): IndicatorRow[] {
  const m = sheet.mergeAt(ind.row, reasonCol);
  if (!m || m.bottom === m.top) return [ind];
  return table.indicators.filter((i) => i.row >= m.top && i.row <= m.bottom);
}

/**
 * Each scored row against its rule text (the same checks as PERF.CHECK, see row-rule.ts): allowed
 * scores, whole steps, parts adding up to the weight, the deduction the reason states, a rate quoted
 * in the reason; rules the reader cannot read are reported as such. A reason merged over several
 * rows is checked once, against their totals.
 */
export const scoringRowChecks: RowCheck = (ctx, table) => {
  const out: Finding[] = [];
  const flagged: Array<[IndicatorRow, FlaggedScore]> = [];
  if (table.kind !== 'scoring') return { findings: out, flagged };
  const sheet = ctx.sheetOf(table);
  const { criteria: criteriaCol, score: scoreCol, reason: reasonCol, weight: weightCol } = table.columns;
  if (criteriaCol === undefined || scoreCol === undefined || weightCol === undefined) return { findings: out, flagged };
  const reasonsDone = new Set<number>();
  for (const ind of table.indicators) {
    const name = ind.path[ind.path.length - 1] ?? '';
    // A plain number (nearly every row) needs no reading; anything else may be text or an error.
    const scoreReading = typeof sheet.value(ind.row, scoreCol) === 'number' ? undefined : readNumber(sheet, ind.row, scoreCol);
    if (scoreReading && (scoreReading.kind === 'error' || scoreReading.kind === 'text' || scoreReading.kind === 'missing')) {
      out.push(
        findingIn(table, {
          row: ind.row,
          col: scoreCol,
          code: 'cell.not-a-number',
          params: { name, value: scoreReading.kind === 'error' ? scoreReading.code : scoreReading.text },
          expected: '数值',
          actual: scoreReading.kind === 'error' ? scoreReading.code : scoreReading.text,
          rule: '得分应为数值',
        }),
      );
    }
    const rule = ruleOf(sheet, table, ind);
    if (!rule || ind.weight === undefined) continue;
    // The reason is read once per (merged) reason cell.
    let reason: string | undefined;
    let group: { weight: number; score: number } | undefined;
    let reasonRow: number | undefined;
    let shared: IndicatorRow[] = [ind];
    if (reasonCol !== undefined) {
      const master = sheet.masterOf(ind.row, reasonCol);
      const text = sheet.text(ind.row, reasonCol);
      if (text.trim() !== '' && !reasonsDone.has(master.row)) {
        reasonsDone.add(master.row);
        reason = text;
        reasonRow = master.row;
        shared = rowsSharingReason(sheet, table, ind, reasonCol);
        if (shared.length > 1) group = { weight: shared.reduce((a, i) => a + (i.weight ?? 0), 0), score: shared.reduce((a, i) => a + (i.score ?? 0), 0) };
      }
    }
    const explanation = table.columns.explanation !== undefined ? sheet.text(ind.row, table.columns.explanation) : '';
    const problems = [
      ...(explanation.includes('=') && ind.weight !== undefined ? wrongResults(writtenComputations(explanation, ind.weight), 'explanation') : []),
      ...rowProblems({ rule, weight: ind.weight, ...(ind.score !== undefined ? { score: ind.score } : {}), ...(reason !== undefined ? { reason } : {}), ...(group ? { group } : {}), name }),
    ];
    for (const p of problems) {
      const col = p.on === 'criteria' ? criteriaCol : p.on === 'reason' && reasonCol !== undefined ? reasonCol : p.on === 'explanation' ? table.columns.explanation! : scoreCol;
      const row = p.on === 'reason' && reasonRow !== undefined ? reasonRow : p.on === 'explanation' ? sheet.masterOf(ind.row, col).row : ind.row;
      const also: Array<[number, number]> = [];
      if (p.code === 'rule.parts-sum' || p.code === 'rule.max-mismatch') also.push([ind.row, weightCol]);
      if (p.on === 'score' && p.code !== 'reason.deduction-mismatch' && p.code !== 'score.rate-contradiction') also.push([ind.row, criteriaCol]);
      if ((p.code === 'reason.deduction-mismatch' || p.code === 'score.rate-contradiction') && reasonRow !== undefined && reasonCol !== undefined) {
        also.push([reasonRow, reasonCol]);
        for (const g of shared) if (g !== ind) also.push([g.row, scoreCol]);
      }
      if (p.code === 'arithmetic.score' && reasonRow !== undefined && reasonCol !== undefined) also.push([reasonRow, reasonCol]);
      out.push(findingIn(table, { row, col, code: p.code, params: p.params, expected: p.expected, actual: p.actual, rule: p.rule, also, ...(p.display ? { display: p.display } : {}) }));
      if (p.corrected && p.corrected.length > 0 && ind.score !== undefined) flagged.push([ind, { cell: a1(ind.row, scoreCol), name, score: ind.score, corrected: p.corrected }]);
    }
  }
  return { findings: out, flagged };
};
