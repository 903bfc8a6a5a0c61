import { DetectedTable, IndicatorRow } from '../../layout/types';
import { formatAllowed, isScoreAllowed, parseRule } from '../../rules';
import { ParsedRule, Rule } from '../../rules/types';
import { SheetModel } from '../../sheet/model';
import { readNumber } from '../../values/cell';
import { TableCheck } from '../context';
import { close, findingIn, fmt, fmtPct } from '../finding';
import { quotedRate, statedScore } from '../reason';
import { Finding } from '../types';

const RATE_KINDS = new Set(['threshold-linear', 'satisfaction-linear', 'proportional', 'tiered', 'selfeval']);
const ALL_OR_NOTHING = new Set(['binary']);

function clip(text: string, n = 40): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

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

function rateFindings(table: DetectedTable, ind: IndicatorRow, rule: ParsedRule, reason: string, scoreCol: number, reasonCol: number): Finding[] {
  if (ind.score === undefined || rule.inputs !== 1 || !rule.kinds.some((k) => RATE_KINDS.has(k))) return [];
  const q = quotedRate(reason);
  if (!q) return [];
  const half = 0.5 * Math.pow(10, -q.decimals) / 100;
  const a = rule.score(q.value - half);
  const b = rule.score(q.value + half);
  const mid = rule.score(q.value);
  if (a === null || b === null || mid === null) return [];
  const lo = Math.min(a, b, mid);
  const hi = Math.max(a, b, mid);
  if (ind.score >= lo - 0.01 && ind.score <= hi + 0.01) return [];
  return [
    findingIn(table, {
      row: ind.row,
      col: scoreCol,
      code: 'score.rate-contradiction',
      message: `评分理由给出${q.label} ${fmtPct(q.value, q.decimals)}，按评分标准应得 ${fmt(mid)} 分，实际得分 ${fmt(ind.score)}`,
      expected: Number(mid.toFixed(4)),
      actual: ind.score,
      rule: `${clip(rule.clauses.find((c) => RATE_KINDS.has(c.kind))?.text ?? rule.text)}（${q.clause}）`,
      also: [[ind.row, reasonCol]],
    }),
  ];
}

/**
 * Each scored row against its rule text: allowed scores, whole steps, parts adding up to the
 * weight, the deduction the reason states, a rate quoted in the reason; unread rules are reported.
 */
export const scoringRowChecks: TableCheck = (ctx, table) => {
  if (table.kind !== 'scoring') return [];
  const sheet = ctx.sheetOf(table);
  const { criteria: criteriaCol, score: scoreCol, reason: reasonCol, weight: weightCol } = table.columns;
  if (criteriaCol === undefined || scoreCol === undefined || weightCol === undefined) return [];
  const out: Finding[] = [];
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
          message: `“${name}”的得分单元格为“${scoreReading.kind === 'error' ? scoreReading.code : scoreReading.text}”，不是数值，无法核对`,
          expected: '数值',
          actual: scoreReading.kind === 'error' ? scoreReading.code : scoreReading.text,
          rule: '得分应为数值',
        }),
      );
    }
    const rule = ruleOf(sheet, table, ind);
    if (!rule || ind.weight === undefined) continue;
    const ruleCell: [number, number] = [ind.row, criteriaCol];
    if (!rule.parsed) {
      out.push(
        findingIn(table, {
          row: ind.row,
          col: criteriaCol,
          code: 'rule.not-understood',
          message: `未能识别“${name}”的评分标准（${rule.reason}），该行得分未按规则核对`,
          expected: null,
          actual: null,
          rule: clip(rule.text, 60),
        }),
      );
      continue;
    }
    const partsSum = rule.parts?.reduce((a, p) => a + p.points, 0);
    if (rule.parts && rule.parts.length > 1 && partsSum !== undefined && !close(partsSum, ind.weight)) {
      out.push(
        findingIn(table, {
          row: ind.row,
          col: criteriaCol,
          code: 'rule.parts-sum',
          message: `“${name}”评分标准各部分分值之和为 ${rule.parts.map((p) => fmt(p.points)).join(' + ')} = ${fmt(partsSum)}，与权重 ${fmt(ind.weight)} 不符`,
          expected: ind.weight,
          actual: Number(partsSum.toFixed(4)),
          rule: rule.parts.map((p) => clip(p.clause, 24)).join('；'),
          also: [[ind.row, weightCol]],
        }),
      );
    } else if (!close(rule.maxPoints, ind.weight) && rule.maxPoints > 0) {
      out.push(
        findingIn(table, {
          row: ind.row,
          col: criteriaCol,
          code: 'rule.max-mismatch',
          message: `“${name}”评分标准最高可得 ${fmt(rule.maxPoints)} 分，与权重 ${fmt(ind.weight)} 不符`,
          expected: ind.weight,
          actual: rule.maxPoints,
          rule: clip(rule.text, 60),
          also: [[ind.row, weightCol]],
        }),
      );
    }
    if (ind.score === undefined) continue;
    const inRange = ind.score >= -1e-9 && ind.score <= ind.weight + 0.005;
    const stepRule = rule.step && !rule.discretionary && rule.step.deduct > 0 ? rule.step : undefined;
    const deducted = ind.weight - ind.score;
    const steps = stepRule ? deducted / stepRule.deduct : 0;
    const partStep = stepRule !== undefined && deducted > 0.005 && ind.score > 0.005 && Math.abs(steps - Math.round(steps)) > 0.01;
    if (inRange && stepRule && (partStep || !isScoreAllowed(rule, ind.score))) {
      out.push(
        findingIn(table, {
          row: ind.row,
          col: scoreCol,
          code: 'score.step-fraction',
          message: `“${name}”按“每${fmt(stepRule.per)}${stepRule.unit}扣${fmt(stepRule.deduct)}分”只能整步扣分，实际扣了 ${fmt(deducted)} 分（${fmt(steps)} 步）`,
          expected: `${fmt(stepRule.deduct)} 的整数倍`,
          actual: Number(deducted.toFixed(4)),
          rule: clip(rule.clauses.find((c) => c.kind === 'step-deduction')?.text ?? rule.text),
          also: [ruleCell],
        }),
      );
    } else if (inRange && !isScoreAllowed(rule, ind.score)) {
      // "得5分，否则扣2分" is binary too, but its other outcome is 3, not nothing.
      const allOrNothing = rule.kinds.every((k) => ALL_OR_NOTHING.has(k)) && rule.allowed[0]?.[0] === 0;
      out.push(
        findingIn(table, {
          row: ind.row,
          col: scoreCol,
          code: allOrNothing ? 'score.partial-under-binary' : 'score.not-allowed',
          message: allOrNothing
            ? `“${name}”的评分标准为全有或全无，只能得 ${formatAllowed(rule.allowed)} 分，实际给了 ${fmt(ind.score)} 分`
            : `“${name}”按评分标准只能得 ${formatAllowed(rule.allowed)} 分，实际得分 ${fmt(ind.score)} 不在其中`,
          expected: formatAllowed(rule.allowed),
          actual: ind.score,
          rule: clip(rule.text, 80),
          also: [ruleCell],
        }),
      );
    }
    if (reasonCol !== undefined) {
      const master = sheet.masterOf(ind.row, reasonCol);
      const reason = sheet.text(ind.row, reasonCol);
      if (reason.trim() !== '' && !reasonsDone.has(master.row)) {
        reasonsDone.add(master.row);
        const group = rowsSharingReason(sheet, table, ind, reasonCol);
        const stated = statedScore(reason);
        if (stated) {
          const weight = group.reduce((a, i) => a + (i.weight ?? 0), 0);
          const score = group.reduce((a, i) => a + (i.score ?? 0), 0);
          const expectedDeduction =
            stated.kind === 'deduction' ? stated.points : stated.kind === 'fraction' ? weight * stated.share : stated.kind === 'score' ? weight - stated.points : stated.kind === 'none' ? 0 : weight;
          const actualDeduction = weight - score;
          if (!close(expectedDeduction, actualDeduction)) {
            out.push(
              findingIn(table, {
                row: ind.row,
                col: scoreCol,
                code: 'reason.deduction-mismatch',
                message: `评分理由写明“${stated.clause}”（扣 ${fmt(expectedDeduction)} 分），按权重 ${fmt(weight)} 应得 ${fmt(weight - expectedDeduction)} 分，实际得分 ${fmt(score)}（扣 ${fmt(actualDeduction)} 分）`,
                expected: Number((weight - expectedDeduction).toFixed(4)),
                actual: Number(score.toFixed(4)),
                rule: `扣分 = 权重 − 得分（${stated.clause}）`,
                also: [[master.row, reasonCol], ...group.filter((g) => g !== ind).map((g) => [g.row, scoreCol] as [number, number])],
              }),
            );
          }
        }
        if (group.length === 1) out.push(...rateFindings(table, ind, rule, reason, scoreCol, reasonCol));
      }
    }
  }
  return out;
};
