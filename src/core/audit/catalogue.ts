import { fmt, fmtPct } from './format';
import { Severity } from './types';

/**
 * The catalogue of findings: every code the audit can emit, defined once with its severity, its
 * names and its message templates (Chinese and English) over the figures a check hands in. Hosts
 * show `name` (Chinese) to users; JSON keeps the code. No check writes a message of its own.
 */
export interface CatalogueEntry<P = never> {
  severity: Severity;
  /** Chinese name of the check, shown instead of the code. */
  name: string;
  /** English name, for the English UI and English reports. */
  nameEn: string;
  /** The message in Chinese, from the finding's figures. */
  zh: (p: P) => string;
  /** The same message in English. */
  en: (p: P) => string;
  /**
   * What the finding says is wrong, when another check can say it of the same cell: findings of one
   * cell with the same cause are one finding (the code listed first in CAUSE_PRECEDENCE stays).
   */
  cause?: Cause;
}

/**
 * Causes two checks can report for one cell: a total that is not the sum of what it closes (the
 * SUM formula, the table's total row, the summary, the section rows all see it), or a score that
 * contradicts its own reason (the stated deduction, a quoted rate, a computation written there).
 */
export type Cause = 'sum' | 'reason';

function entry<P>(e: CatalogueEntry<P>): CatalogueEntry<P> {
  return e;
}

/** “名称” or 该指标 (the indicator's name when the row has one). */
const zhName = (name: string | undefined): string => (name ? `“${name}”` : '该指标');
const enName = (name: string | undefined): string => (name ? `"${name}"` : 'The indicator');
const zhField = { weight: '权重/分值', score: '得分' } as const;
const enField = { weight: 'weight', score: 'score' } as const;
type Field = keyof typeof zhField;
const signed = (n: number): string => (n > 0 ? `+${fmt(n)}` : fmt(n));
const figure = (n: number, percent: boolean): string => (percent ? fmtPct(n) : fmt(n));
const rates = (rs: Array<number | null>, none: string): string => rs.map((r) => (r === null ? none : fmtPct(r))).join(', ');

/** A row whose wrong score explains a total, with the score it would have if corrected. */
export interface CorrectedRow {
  name: string;
  cell: string;
  score: number;
  corrected: number;
}

export const FINDING_CATALOGUE = {
  // ── Each row against its rule text ────────────────────────────────────────────────────────
  'cell.not-a-number': entry<{ name: string; value: string }>({
    severity: 'warning',
    name: '得分不是数值',
    nameEn: 'Score is not a number',
    zh: (p) => `“${p.name}”的得分单元格为“${p.value}”，不是数值，无法核对`,
    en: (p) => `The score cell of "${p.name}" holds "${p.value}", not a number: it cannot be checked`,
  }),
  'rule.not-understood': entry<{ reason: string; name?: string }>({
    severity: 'info',
    name: '评分标准未能识别',
    nameEn: 'Rule text not understood',
    zh: (p) => `评分标准未能识别：${p.reason}${p.name ? `（“${p.name}”的得分未按规则核对）` : ''}`,
    en: (p) => `Rule text not understood (${p.reason})${p.name ? `; the score of "${p.name}" was not checked against it` : ''}`,
  }),
  'rule.parts-sum': entry<{ name?: string; parts: number[]; sum: number; weight: number }>({
    severity: 'error',
    name: '评分标准各部分之和与分值不符',
    nameEn: 'Rule parts do not add up to the weight',
    zh: (p) => `${zhName(p.name)}评分标准各部分分值之和为 ${p.parts.map(fmt).join(' + ')} = ${fmt(p.sum)}，与权重 ${fmt(p.weight)} 不符`,
    en: (p) => `${enName(p.name)}: the parts of the rule add up to ${p.parts.map(fmt).join(' + ')} = ${fmt(p.sum)}, not the weight ${fmt(p.weight)}`,
  }),
  'rule.max-mismatch': entry<{ name?: string; max: number; weight: number }>({
    severity: 'warning',
    name: '评分标准最高分与分值不符',
    nameEn: "Rule's top score differs from the weight",
    zh: (p) => `${zhName(p.name)}评分标准最高可得 ${fmt(p.max)} 分，与权重 ${fmt(p.weight)} 不符`,
    en: (p) => `${enName(p.name)}: the rule gives at most ${fmt(p.max)} points, not the weight ${fmt(p.weight)}`,
  }),
  'score.not-allowed': entry<{ name?: string; allowed: string; score: number }>({
    severity: 'error',
    name: '得分不符合评分标准',
    nameEn: 'Score not allowed by the rule',
    zh: (p) => `${zhName(p.name)}按评分标准只能得 ${p.allowed} 分，实际得分 ${fmt(p.score)} 不在其中`,
    en: (p) => `${enName(p.name)}: the rule allows ${p.allowed} points; the score ${fmt(p.score)} is not among them`,
  }),
  'score.partial-under-binary': entry<{ name?: string; allowed: string; score: number }>({
    severity: 'error',
    name: '全有全无规则下给了部分分',
    nameEn: 'Partial score under an all-or-nothing rule',
    zh: (p) => `${zhName(p.name)}的评分标准为全有或全无，只能得 ${p.allowed} 分，实际给了 ${fmt(p.score)} 分`,
    en: (p) => `${enName(p.name)}: the rule is all or nothing (${p.allowed} points), yet ${fmt(p.score)} was given`,
  }),
  'score.step-fraction': entry<{ name?: string; per: number; unit: string; deduct: number; deducted: number; steps: number }>({
    severity: 'error',
    name: '扣分不是整步',
    nameEn: 'Deduction is not a whole number of steps',
    zh: (p) => `${zhName(p.name)}按“每${fmt(p.per)}${p.unit}扣${fmt(p.deduct)}分”只能整步扣分，实际扣了 ${fmt(p.deducted)} 分（${fmt(p.steps)} 步）`,
    en: (p) => `${enName(p.name)}: "${fmt(p.deduct)} points per ${fmt(p.per)} ${p.unit}" deducts whole steps only; ${fmt(p.deducted)} points were deducted (${fmt(p.steps)} steps)`,
  }),
  'score.rate-contradiction': entry<{ label: string; rate: number; decimals: number; expected: number; score: number }>({
    severity: 'error',
    name: '得分与评分理由中的比率不符',
    nameEn: 'Score contradicts the rate quoted in the reason',
    cause: 'reason',
    zh: (p) => `评分理由给出${p.label} ${fmtPct(p.rate, p.decimals)}，按评分标准应得 ${fmt(p.expected)} 分，实际得分 ${fmt(p.score)}`,
    en: (p) => `The reason gives ${p.label} ${fmtPct(p.rate, p.decimals)}, for which the rule gives ${fmt(p.expected)} points; the score is ${fmt(p.score)}`,
  }),
  'score.above-weight': entry<{ name: string; score: number; weight: number }>({
    severity: 'error',
    name: '得分超过分值',
    nameEn: 'Score above the weight',
    zh: (p) => `“${p.name}”得分 ${fmt(p.score)} 超过其分值 ${fmt(p.weight)}`,
    en: (p) => `"${p.name}": the score ${fmt(p.score)} is above its weight ${fmt(p.weight)}`,
  }),
  'score.negative': entry<{ name: string; score: number }>({
    severity: 'error',
    name: '得分为负数',
    nameEn: 'Negative score',
    zh: (p) => `“${p.name}”得分为负数 ${fmt(p.score)}`,
    en: (p) => `"${p.name}": the score ${fmt(p.score)} is negative`,
  }),
  'score.contradicts-completion': entry<{ name: string; where: string; rates: Array<number | null>; expected: number; score: number }>({
    severity: 'error',
    name: '得分与完成情况表不符',
    nameEn: 'Score contradicts the completion table',
    zh: (p) => `“${p.name}”在完成情况表（${p.where}）中的完成率为 ${rates(p.rates, '无数据').replace(/, /g, '、')}，按评分标准应得 ${fmt(p.expected)} 分，实际得分 ${fmt(p.score)}`,
    en: (p) => `"${p.name}": the completion table (${p.where}) gives ${rates(p.rates, 'no data')}, for which the rule gives ${fmt(p.expected)} points; the score is ${fmt(p.score)}`,
  }),
  'score.differs-from-completion': entry<{ name: string; where: string; rates: Array<number | null>; expected: number; score: number }>({
    severity: 'warning',
    name: '得分与完成情况表推算值不同',
    nameEn: 'Score differs from what the completion table gives',
    zh: (p) => `“${p.name}”在完成情况表（${p.where}）中的完成率为 ${rates(p.rates, '无数据').replace(/, /g, '、')}，按评分标准应得 ${fmt(p.expected)} 分，实际得分 ${fmt(p.score)}`,
    en: (p) => `"${p.name}": the completion table (${p.where}) gives ${rates(p.rates, 'no data')}, for which the rule gives ${fmt(p.expected)} points; the score is ${fmt(p.score)}`,
  }),
  'reason.deduction-mismatch': entry<{ clause: string; stated: number; weight: number; score: number }>({
    severity: 'error',
    name: '评分理由所述扣分与实际不符',
    nameEn: 'Deduction stated in the reason differs from the score',
    cause: 'reason',
    zh: (p) => `评分理由写明“${p.clause}”（扣 ${fmt(p.stated)} 分），按权重 ${fmt(p.weight)} 应得 ${fmt(p.weight - p.stated)} 分，实际得分 ${fmt(p.score)}（扣 ${fmt(p.weight - p.score)} 分）`,
    en: (p) => `The reason says "${p.clause}" (${fmt(p.stated)} points off), so ${fmt(p.weight - p.stated)} of ${fmt(p.weight)}; the score is ${fmt(p.score)} (${fmt(p.weight - p.score)} off)`,
  }),
  'arithmetic.result': entry<{ formula: string; computed: number; written: number; percent: boolean }>({
    severity: 'error',
    name: '文字中的算式结果错误',
    nameEn: 'A computation written in the text is wrong',
    zh: (p) => `算式 ${p.formula} 的结果为 ${figure(p.computed, p.percent)}，文中写作 ${figure(p.written, p.percent)}`,
    en: (p) => `${p.formula} is ${figure(p.computed, p.percent)}, written as ${figure(p.written, p.percent)}`,
  }),
  'arithmetic.score': entry<{ formula: string; written: number; score: number; deduction: boolean }>({
    severity: 'error',
    name: '文字中算得的分数与得分不符',
    nameEn: 'The score computed in the text differs from the score cell',
    cause: 'reason',
    zh: (p) => `评分理由中算得${p.deduction ? '扣' : ''} ${fmt(p.written)} 分（${p.formula}），而得分单元格为 ${fmt(p.score)}`,
    en: (p) => `The reason computes ${fmt(p.written)} points${p.deduction ? ' off' : ''} (${p.formula}), while the score cell holds ${fmt(p.score)}`,
  }),
  // ── Totals, groups and sections ───────────────────────────────────────────────────────────
  'total.sum-mismatch': entry<{ label: string; field: Field; count: number; sum: number; value: number }>({
    severity: 'error',
    name: '合计与明细之和不符',
    nameEn: 'Total differs from the sum of its rows',
    cause: 'sum',
    zh: (p) => `${p.label}行的${zhField[p.field]}应等于其下 ${p.count} 个指标之和 ${fmt(p.sum)}，实际为 ${fmt(p.value)}（相差 ${signed(p.value - p.sum)}）`,
    en: (p) => `The ${enField[p.field]} of ${p.label} should be the sum of its ${p.count} indicators, ${fmt(p.sum)}; it is ${fmt(p.value)} (${signed(p.value - p.sum)})`,
  }),
  'total.consequence': entry<{ label: string; field: Field; sum: number; value: number; rows: CorrectedRow[]; corrected: number; asWritten: boolean }>({
    severity: 'warning',
    name: '合计差异源于已标出的错误得分',
    nameEn: 'Total differs only through scores already flagged',
    cause: 'sum',
    zh: (p) =>
      `${p.label}行的${zhField[p.field]} ${fmt(p.value)} 与其下各指标之和 ${fmt(p.sum)} 不符，差额全部来自已标出的错误得分：${p.rows.map((r) => `${r.cell}“${r.name}”${fmt(r.score)} 分（应为 ${fmt(r.corrected)} 分）`).join('、')}；按更正后的得分，合计为 ${fmt(p.corrected)}${p.asWritten ? '，与表中一致，只需更正上述得分' : ''}`,
    en: (p) =>
      `The ${enField[p.field]} of ${p.label}, ${fmt(p.value)}, differs from the sum of its indicators, ${fmt(p.sum)}, only through scores already flagged: ${p.rows.map((r) => `${r.cell} "${r.name}" ${fmt(r.score)} (should be ${fmt(r.corrected)})`).join(', ')}; with them corrected the total is ${fmt(p.corrected)}${p.asWritten ? ', as written: only those scores need correcting' : ''}`,
  }),
  'total.sections-mismatch': entry<{ label: string; field: Field; sections: Array<{ name: string; value: number }>; sum: number; leaves: number; value: number }>({
    severity: 'error',
    name: '总分与各一级指标之和不符',
    nameEn: 'Total differs from the sum of its sections',
    cause: 'sum',
    zh: (p) => `${p.label}行的${zhField[p.field]} ${fmt(p.value)} 既不等于各一级指标之和 ${p.sections.map((s) => `${s.name} ${fmt(s.value)}`).join(' + ')} = ${fmt(p.sum)}，也不等于各指标之和 ${fmt(p.leaves)}`,
    en: (p) => `The ${enField[p.field]} of ${p.label}, ${fmt(p.value)}, is neither the sum of its sections ${p.sections.map((s) => `${s.name} ${fmt(s.value)}`).join(' + ')} = ${fmt(p.sum)} nor the sum of its indicators ${fmt(p.leaves)}`,
  }),
  'total.weight-not-100': entry<{ label: string; value: number }>({
    severity: 'warning',
    name: '分值合计不是100',
    nameEn: 'Weights do not add up to 100',
    zh: (p) => `${p.label}的权重合计为 ${fmt(p.value)}，评分表总分通常为 100 分`,
    en: (p) => `The weights of ${p.label} add up to ${fmt(p.value)}; a scoring table normally totals 100`,
  }),
  'group.declared-weight': entry<{ text: string; declared: number; sum: number }>({
    severity: 'error',
    name: '指标名称所写分值与下级之和不符',
    nameEn: 'Weight written in a group name differs from its children',
    zh: (p) => `“${p.text}”标明 ${fmt(p.declared)} 分，但其下各指标权重之和为 ${fmt(p.sum)}`,
    en: (p) => `"${p.text}" says ${fmt(p.declared)} points, but the weights under it add up to ${fmt(p.sum)}`,
  }),
  'group.sum-mismatch': entry<{ name: string; field: Field; value: number; sum: number }>({
    severity: 'error',
    name: '上级指标得分与下级之和不符',
    nameEn: 'Group score differs from the sum of its children',
    cause: 'sum',
    zh: (p) => `“${p.name}”行的${zhField[p.field]} ${fmt(p.value)} 与其下各指标之和 ${fmt(p.sum)} 不符`,
    en: (p) => `The ${enField[p.field]} on the row of "${p.name}", ${fmt(p.value)}, differs from the sum under it, ${fmt(p.sum)}`,
  }),
  'section.weights-vs-total': entry<{ sections: Array<{ name: string; weight: number }>; sum: number; total: number; totalLabel: string }>({
    severity: 'error',
    name: '各一级指标分值之和与总分不符',
    nameEn: 'Section weights do not add up to the total',
    cause: 'sum',
    zh: (p) => `各一级指标分值之和为 ${p.sections.map((s) => `${s.name} ${fmt(s.weight)}`).join(' + ')} = ${fmt(p.sum)}，而${p.totalLabel}为 ${fmt(p.total)}`,
    en: (p) => `The section weights add up to ${p.sections.map((s) => `${s.name} ${fmt(s.weight)}`).join(' + ')} = ${fmt(p.sum)}, while ${p.totalLabel} is ${fmt(p.total)}`,
  }),
  'section.weight-vs-note': entry<{ name: string; weight: number; stated: number; note: string }>({
    severity: 'error',
    name: '一级指标分值与表注所定不符',
    nameEn: "Section weight differs from the table's own note",
    zh: (p) => `一级指标“${p.name}”的分值为 ${fmt(p.weight)}，而表注规定为 ${fmt(p.stated)} 分（${p.note}）`,
    en: (p) => `Section "${p.name}" carries ${fmt(p.weight)} points, while the note under the table sets ${fmt(p.stated)} (${p.note})`,
  }),
  'formula.sum-omits': entry<{ label: string; formula: string; omitted: string[] }>({
    severity: 'error',
    name: '求和公式漏行',
    nameEn: 'SUM formula leaves out rows',
    cause: 'sum',
    zh: (p) => `${p.label}的公式 =${p.formula} 漏掉了 ${p.omitted.join('、')}`,
    en: (p) => `The formula of ${p.label}, =${p.formula}, leaves out ${p.omitted.join(', ')}`,
  }),
  'formula.sum-double': entry<{ label: string; formula: string }>({
    severity: 'error',
    name: '求和公式重复计算',
    nameEn: 'SUM formula counts rows twice',
    cause: 'sum',
    zh: (p) => `${p.label}的公式 =${p.formula} 同时加了小计行和其下的指标行，重复计算`,
    en: (p) => `The formula of ${p.label}, =${p.formula}, adds a subtotal and the rows under it: they count twice`,
  }),
  'formula.typed-in-formula-column': entry<{ cell: string; count: number; exampleCell: string; exampleFormula: string }>({
    severity: 'warning',
    name: '公式列中手填数值',
    nameEn: 'Typed value in a column of formulas',
    zh: (p) => `${p.cell} 是手工录入的数值，而本列其他 ${p.count} 个单元格都用同一公式（如 ${p.exampleCell}: =${p.exampleFormula}）`,
    en: (p) => `${p.cell} is typed in, while ${p.count} other cells of the column share one formula (e.g. ${p.exampleCell}: =${p.exampleFormula})`,
  }),
  'formula.inconsistent': entry<{ cell: string; formula: string; count: number; exampleCell: string; exampleFormula: string }>({
    severity: 'warning',
    name: '同列公式不一致',
    nameEn: 'Formula differs from the rest of its column',
    zh: (p) => `${p.cell} 的公式 =${p.formula} 与本列其他 ${p.count} 个单元格的公式模式（如 ${p.exampleCell}: =${p.exampleFormula}）不一致`,
    en: (p) => `The formula of ${p.cell}, =${p.formula}, breaks the pattern of ${p.count} other cells of the column (e.g. ${p.exampleCell}: =${p.exampleFormula})`,
  }),
  'formula.typed-total': entry<{ label: string; cell: string; exampleCell: string }>({
    severity: 'warning',
    name: '合计为手填数值',
    nameEn: 'Total typed in instead of a formula',
    zh: (p) => `${p.label}的 ${p.cell} 是手工录入的数值，而同表其他合计（如 ${p.exampleCell}）用公式计算；数据改动后它不会更新`,
    en: (p) => `${p.cell} (${p.label}) is typed in while the table's other totals (e.g. ${p.exampleCell}) are formulas: it will not follow the data`,
  }),
  // ── Summary tables ────────────────────────────────────────────────────────────────────────
  'summary.rate': entry<{ label: string; score: number; weight: number; expected: number; value: number }>({
    severity: 'error',
    name: '得分率计算错误',
    nameEn: 'Score rate miscomputed',
    zh: (p) => `“${p.label}”得分率应为 得分 ${fmt(p.score)} ÷ 分值 ${fmt(p.weight)} = ${fmtPct(p.expected)}，表中为 ${fmtPct(p.value)}`,
    en: (p) => `"${p.label}": the score rate should be ${fmt(p.score)} ÷ ${fmt(p.weight)} = ${fmtPct(p.expected)}; the table gives ${fmtPct(p.value)}`,
  }),
  'summary.total': entry<{ field: Field; sum: number; value: number }>({
    severity: 'error',
    name: '汇总表合计错误',
    nameEn: 'Summary total miscomputed',
    cause: 'sum',
    zh: (p) => `合计${p.field === 'weight' ? '分值' : '得分'}应为各项之和 ${fmt(p.sum)}，表中为 ${fmt(p.value)}`,
    en: (p) => `The total ${enField[p.field]} should be the sum of the items, ${fmt(p.sum)}; the table gives ${fmt(p.value)}`,
  }),
  'summary.detail-mismatch': entry<{ label: string; field: Field; value: number; detail: string; sum: number; count: number }>({
    severity: 'error',
    name: '汇总表与评分表明细不符',
    nameEn: 'Summary row differs from the scoring table',
    cause: 'sum',
    zh: (p) => `汇总表“${p.label}”的${zhField[p.field]}为 ${fmt(p.value)}，而评分表（${p.detail}）中“${p.label}”下 ${p.count} 个指标之和为 ${fmt(p.sum)}`,
    en: (p) => `The summary gives "${p.label}" a ${enField[p.field]} of ${fmt(p.value)}, while its ${p.count} indicators in the scoring table (${p.detail}) add up to ${fmt(p.sum)}`,
  }),
  'summary.grade': entry<{ total: number; scheme: string; expected: string; grade: string }>({
    severity: 'error',
    name: '评价等级与总分不符',
    nameEn: 'Grade does not match the total',
    zh: (p) => `总分 ${fmt(p.total)} 按${p.scheme}应为“${p.expected}”，表中为“${p.grade}”`,
    en: (p) => `A total of ${fmt(p.total)} is "${p.expected}" under ${p.scheme}; the table says "${p.grade}"`,
  }),
  // ── Completion and satisfaction ───────────────────────────────────────────────────────────
  'completion.no-data': entry<{ label: string; row: number; target: string; actual: string }>({
    severity: 'warning',
    name: '完成值缺失',
    nameEn: 'No actual value',
    zh: (p) => `${p.label ? `“${p.label}”` : ''}第 ${p.row} 行目标为“${p.target}”，实际完成值为“${p.actual || '空'}”，无法衡量是否完成`,
    en: (p) => `Row ${p.row}${p.label ? ` ("${p.label}")` : ''}: the target is "${p.target}" and the actual value "${p.actual || 'empty'}": completion cannot be measured`,
  }),
  'completion.actual-copies-target': entry<{ label: string; row: number; actual: string }>({
    severity: 'warning',
    name: '实际值照抄目标值',
    nameEn: 'Actual value copies the target',
    zh: (p) => `${p.label ? `“${p.label}”` : ''}第 ${p.row} 行实际完成值“${p.actual}”照抄了目标值的写法，无法计算完成率`,
    en: (p) => `Row ${p.row}${p.label ? ` ("${p.label}")` : ''}: the actual value "${p.actual}" copies the target's wording; no rate can be computed`,
  }),
  'completion.rate': entry<{ label: string; row: number; expected: number; explanation: string; value: number }>({
    severity: 'error',
    name: '完成率计算错误',
    nameEn: 'Completion rate miscomputed',
    zh: (p) => `${p.label ? `“${p.label}”` : ''}第 ${p.row} 行完成率应为 ${fmtPct(p.expected)}（${p.explanation}），表中为 ${fmtPct(p.value)}`,
    en: (p) => `Row ${p.row}${p.label ? ` ("${p.label}")` : ''}: the completion rate should be ${fmtPct(p.expected)} (${p.explanation}); the table gives ${fmtPct(p.value)}`,
  }),
  'completion.rate-repeats-actual': entry<{ label: string; row: number; value: number; explanation: string }>({
    severity: 'error',
    name: '完成率一栏照抄实际值',
    nameEn: 'Completion-rate column repeats the actual value',
    zh: (p) => `${p.label ? `“${p.label}”` : ''}第 ${p.row} 行完成率一栏照抄了实际值 ${fmtPct(p.value)}；按${p.explanation}`,
    en: (p) => `Row ${p.row}${p.label ? ` ("${p.label}")` : ''}: the rate column repeats the actual value ${fmtPct(p.value)}; by ${p.explanation}`,
  }),
  'completion.done-contradiction': entry<{ label: string; row: number; stated: string; rate: number }>({
    severity: 'error',
    name: '是否完成与完成率矛盾',
    nameEn: '"Done" contradicts the completion rate',
    zh: (p) => `${p.label ? `“${p.label}”` : ''}第 ${p.row} 行“是否完成”填写“${p.stated}”，但完成率为 ${fmtPct(p.rate)}`,
    en: (p) => `Row ${p.row}${p.label ? ` ("${p.label}")` : ''}: "done" says "${p.stated}", but the completion rate is ${fmtPct(p.rate)}`,
  }),
  'completion.rate-over-150': entry<{ label: string; row: number; rate: number }>({
    severity: 'info',
    name: '完成率超过150%',
    nameEn: 'Completion rate above 150%',
    zh: (p) => `${p.label ? `“${p.label}”` : ''}第 ${p.row} 行完成率 ${fmtPct(p.rate)} 超过 150%，目标值可能设置偏低`,
    en: (p) => `Row ${p.row}${p.label ? ` ("${p.label}")` : ''}: a completion rate of ${fmtPct(p.rate)} is above 150%; the target may have been set low`,
  }),
  'satisfaction.rate': entry<{ name: string; counts: number[]; weights: number[]; n: number; expected: number; value: number }>({
    severity: 'error',
    name: '满意率计算错误',
    nameEn: 'Satisfaction rate miscomputed',
    zh: (p) => `“${p.name}”满意率应为 (${p.counts.map((v, i) => `${fmt(v)}×${p.weights[i]}`).join(' + ')}) ÷ (${fmt(p.n)}×100) = ${fmtPct(p.expected)}，表中为 ${fmtPct(p.value)}`,
    en: (p) => `"${p.name}": the satisfaction rate should be (${p.counts.map((v, i) => `${fmt(v)}×${p.weights[i]}`).join(' + ')}) ÷ (${fmt(p.n)}×100) = ${fmtPct(p.expected)}; the table gives ${fmtPct(p.value)}`,
  }),
  // ── Money tables ──────────────────────────────────────────────────────────────────────────
  'money.row-total': entry<{ label: string; sum: number; value: number }>({
    severity: 'error',
    name: '行合计错误',
    nameEn: 'Row total miscomputed',
    zh: (p) => `“${p.label}”行合计应为各列之和 ${fmt(p.sum)}，表中为 ${fmt(p.value)}（相差 ${signed(p.value - p.sum)}）`,
    en: (p) => `The row total of "${p.label}" should be the sum of its columns, ${fmt(p.sum)}; the table gives ${fmt(p.value)} (${signed(p.value - p.sum)})`,
  }),
  'money.column-total': entry<{ label: string; column?: string; sum: number; value: number }>({
    severity: 'error',
    name: '列合计错误',
    nameEn: 'Column total miscomputed',
    cause: 'sum',
    zh: (p) => `${p.label}${p.column !== undefined ? `行“${p.column}”列` : ''}应为各行之和 ${fmt(p.sum)}，表中为 ${fmt(p.value)}`,
    en: (p) => `${p.label}${p.column !== undefined ? ` in column "${p.column}"` : ''} should be the sum of the rows, ${fmt(p.sum)}; the table gives ${fmt(p.value)}`,
  }),
  'money.share': entry<{ part: number; grand: number; expected: number; value: number }>({
    severity: 'error',
    name: '占比计算错误',
    nameEn: 'Share miscomputed',
    zh: (p) => `占比应为 ${fmt(p.part)} ÷ ${fmt(p.grand)} = ${fmtPct(p.expected)}，表中为 ${fmtPct(p.value)}`,
    en: (p) => `The share should be ${fmt(p.part)} ÷ ${fmt(p.grand)} = ${fmtPct(p.expected)}; the table gives ${fmtPct(p.value)}`,
  }),
  // ── Self-evaluation forms ─────────────────────────────────────────────────────────────────
  'selfeval.budget-total': entry<{ column: string; sum: number; value: number | null }>({
    severity: 'error',
    name: '预算合计错误',
    nameEn: 'Budget total miscomputed',
    cause: 'sum',
    zh: (p) => `年度资金总额“${p.column}”应为当年财政拨款、上年结转和其他资金之和 ${fmt(p.sum)}，表中为 ${p.value === null ? '空' : fmt(p.value)}`,
    en: (p) => `The annual total "${p.column}" should be the sum of this year's appropriation, carry-over and other funds, ${fmt(p.sum)}; the form gives ${p.value === null ? 'nothing' : fmt(p.value)}`,
  }),
  'selfeval.over-budget': entry<{ executed: number; budget: number }>({
    severity: 'warning',
    name: '执行数超过预算数',
    nameEn: 'Spending above budget',
    zh: (p) => `全年执行数 ${fmt(p.executed)} 超过全年预算数 ${fmt(p.budget)}（执行率 ${fmtPct(p.executed / p.budget)}）`,
    en: (p) => `Spending ${fmt(p.executed)} is above the budget ${fmt(p.budget)} (execution ${fmtPct(p.executed / p.budget)})`,
  }),
  'selfeval.execution-rate': entry<{ executed: number; budget: number; expected: number; value: number }>({
    severity: 'error',
    name: '执行率计算错误',
    nameEn: 'Execution rate miscomputed',
    zh: (p) => `执行率应为 全年执行数 ${fmt(p.executed)} ÷ 全年预算数 ${fmt(p.budget)} = ${fmtPct(p.expected)}，表中为 ${fmtPct(p.value)}`,
    en: (p) => `The execution rate should be ${fmt(p.executed)} ÷ ${fmt(p.budget)} = ${fmtPct(p.expected)}; the form gives ${fmtPct(p.value)}`,
  }),
  'selfeval.budget-score': entry<{ weight: number; rate: number; expected: number; value: number }>({
    severity: 'warning',
    name: '预算执行得分与执行率不符',
    nameEn: 'Budget score does not follow the execution rate',
    zh: (p) => `预算执行得分应为 分值 ${fmt(p.weight)} × 执行率 ${fmtPct(p.rate)} = ${fmt(p.expected)}，表中为 ${fmt(p.value)}`,
    en: (p) => `The budget score should be ${fmt(p.weight)} × ${fmtPct(p.rate)} = ${fmt(p.expected)}; the form gives ${fmt(p.value)}`,
  }),
  'selfeval.actual-copies-target': entry<{ name: string; actual: string }>({
    severity: 'warning',
    name: '实际完成值照抄指标值',
    nameEn: 'Actual value copies the target',
    zh: (p) => `“${p.name}”实际完成值“${p.actual}”照抄了指标值的写法，无法判断是否达标`,
    en: (p) => `"${p.name}": the actual value "${p.actual}" copies the target's wording; whether it was met cannot be told`,
  }),
  'selfeval.indicator-score': entry<{ name: string; rate: number; expected: number; score: number }>({
    severity: 'error',
    name: '指标得分与完成情况不符',
    nameEn: 'Indicator score does not follow completion',
    zh: (p) => `“${p.name}”${p.rate >= 1 ? '已达到指标值，应得满分' : `完成率 ${fmtPct(p.rate)}，应得 分值 × 完成值/指标值 =`} ${fmt(p.expected)} 分，表中为 ${fmt(p.score)}`,
    en: (p) => `"${p.name}": ${p.rate >= 1 ? 'the target was met: full points,' : `${fmtPct(p.rate)} completed: weight × actual/target =`} ${fmt(p.expected)}; the form gives ${fmt(p.score)}`,
  }),
  'selfeval.deviation-missing': entry<{ name: string; weight: number; score: number }>({
    severity: 'warning',
    name: '扣分未说明偏差原因',
    nameEn: 'Points lost without a deviation explanation',
    zh: (p) => `“${p.name}”分值 ${fmt(p.weight)}、得分 ${fmt(p.score)}，扣了 ${fmt(p.weight - p.score)} 分，但偏差原因分析及改进措施为空`,
    en: (p) => `"${p.name}": ${fmt(p.score)} of ${fmt(p.weight)} points, ${fmt(p.weight - p.score)} lost, yet the deviation analysis and remedies are empty`,
  }),
  'selfeval.budget-above-weight': entry<{ score: number; points: number; stated?: string; rate?: number }>({
    severity: 'error',
    name: '预算执行得分超过分值',
    nameEn: 'Budget score above its weight',
    zh: (p) =>
      `预算执行得分 ${fmt(p.score)} 超过该项分值 ${fmt(p.points)}${p.stated ? `（“${p.stated}”）` : ''}${p.rate !== undefined ? `，按执行率 ${fmtPct(p.rate)} 应得 ${fmt(p.points * p.rate)} 分` : ''}`,
    en: (p) =>
      `The budget score ${fmt(p.score)} is above the block's ${fmt(p.points)} points${p.stated ? ` ("${p.stated}")` : ''}${p.rate !== undefined ? `; the execution rate ${fmtPct(p.rate)} gives ${fmt(p.points * p.rate)}` : ''}`,
  }),
  'selfeval.budget-over-100': entry<{ executed: number; budget: number; rate: number }>({
    severity: 'error',
    name: '超预算执行（执行率超过100%）',
    nameEn: 'Spending above budget (execution rate above 100%)',
    zh: (p) => `全年执行数 ${fmt(p.executed)} 超过全年预算数 ${fmt(p.budget)}（执行率 ${fmtPct(p.rate)}）：超预算支出，预算执行率不应超过100%，也不能按超过100%的执行率计分`,
    en: (p) => `Spending ${fmt(p.executed)} is above the budget ${fmt(p.budget)} (execution ${fmtPct(p.rate)}): spending above budget; the rate cannot exceed 100% nor be scored above it`,
  }),
  // ── Budget tables numbered by 行次 ──────────────────────────────────────────────────────────
  'lines.definition': entry<{ label: string; formula: string; lines: Array<{ line: number; value: number }>; expected: number; value: number; percent: boolean }>({
    severity: 'error',
    name: '行次定义计算不符',
    nameEn: 'Row defined by other rows miscomputed',
    zh: (p) => `“${p.label}”按定义 ${p.formula} 应为 ${figure(p.expected, p.percent)}（${p.lines.map((l) => `(${l.line}) ${fmt(l.value)}`).join('，')}），表中为 ${figure(p.value, p.percent)}`,
    en: (p) => `"${p.label}" is defined as ${p.formula}: ${figure(p.expected, p.percent)} (${p.lines.map((l) => `(${l.line}) ${fmt(l.value)}`).join(', ')}); the table gives ${figure(p.value, p.percent)}`,
  }),
  'lines.reference-missing': entry<{ label: string; definition: string; missing: number[] }>({
    severity: 'info',
    name: '行次定义引用的行不存在',
    nameEn: 'Row definition refers to a missing row',
    zh: (p) => `“${p.label}”的定义 ${p.definition} 引用了表中没有的行次 ${p.missing.map((n) => `(${n})`).join('、')}，无法核对`,
    en: (p) => `The definition of "${p.label}", ${p.definition}, refers to line${p.missing.length > 1 ? 's' : ''} ${p.missing.map((n) => `(${n})`).join(', ')} the table does not hold: it cannot be checked`,
  }),
  // ── Expert-scoring tables ─────────────────────────────────────────────────────────────────
  'expert.average': entry<{ name: string; experts: Array<{ label: string; score: number }>; trimmed?: { highest: number; lowest: number; stated: string; writtenIsPlainMean: boolean }; expected: number; value: number }>({
    severity: 'error',
    name: '专家平均分计算错误',
    nameEn: 'Expert average miscomputed',
    zh: (p) =>
      `“${p.name}”${p.trimmed ? `去掉最高分 ${fmt(p.trimmed.highest)} 和最低分 ${fmt(p.trimmed.lowest)} 后 ${p.experts.length - 2} 位专家的平均分` : `${p.experts.length} 位专家评分的平均分`}应为 ${fmt(p.expected)}（${p.experts.map((e) => `${e.label} ${fmt(e.score)}`).join('，')}），表中为 ${fmt(p.value)}${p.trimmed?.writtenIsPlainMean ? `；表中 ${fmt(p.value)} 是未去掉最高分和最低分的平均分，而本表注明“${p.trimmed.stated}”` : ''}`,
    en: (p) =>
      `"${p.name}": the average of ${p.trimmed ? `${p.experts.length - 2} experts without the highest ${fmt(p.trimmed.highest)} and the lowest ${fmt(p.trimmed.lowest)}` : `${p.experts.length} experts`} is ${fmt(p.expected)} (${p.experts.map((e) => `${e.label} ${fmt(e.score)}`).join(', ')}); the table gives ${fmt(p.value)}${p.trimmed?.writtenIsPlainMean ? `, the plain mean, while the table says "${p.trimmed.stated}"` : ''}`,
  }),
  'expert.above-weight': entry<{ name: string; expert: string; score: number; weight: number }>({
    severity: 'error',
    name: '专家评分超过分值',
    nameEn: "Expert's score above the weight",
    zh: (p) => `“${p.name}”${p.expert}评分 ${fmt(p.score)} 超过该项分值 ${fmt(p.weight)}`,
    en: (p) => `"${p.name}": ${p.expert}'s score ${fmt(p.score)} is above the weight ${fmt(p.weight)}`,
  }),
  'expert.column-total': entry<{ label: string; expert: string; count: number; sum: number; value: number }>({
    severity: 'error',
    name: '专家评分合计错误',
    nameEn: "An expert's column total is wrong",
    zh: (p) => `${p.label}行中${p.expert}的评分合计应为其 ${p.count} 项评分之和 ${fmt(p.sum)}，表中为 ${fmt(p.value)}（相差 ${fmt(p.value - p.sum)}）`,
    en: (p) => `${p.label}: ${p.expert}'s total should be the sum of the ${p.count} scores above, ${fmt(p.sum)}; the table gives ${fmt(p.value)}`,
  }),
  // ── The prose of a report (.docx) against its tables ──────────────────────────────────────
  'prose.total-mismatch': entry<{ paragraph: number; stated: number; total: number }>({
    severity: 'error',
    name: '正文所述总分与表格不符',
    nameEn: 'Total stated in the text differs from the tables',
    zh: (p) => `正文第 ${p.paragraph} 段写明总分 ${fmt(p.stated)} 分，而汇总表的合计为 ${fmt(p.total)} 分`,
    en: (p) => `Paragraph ${p.paragraph} states a total of ${fmt(p.stated)}, while the summary table totals ${fmt(p.total)}`,
  }),
  'prose.grade-mismatch': entry<{ paragraph: number; grade: string; expected: string; total: number; fromTables: boolean }>({
    severity: 'error',
    name: '正文所述评价等级与总分不符',
    nameEn: 'Grade stated in the text does not match the total',
    zh: (p) => `正文第 ${p.paragraph} 段写明评价等级为“${p.grade}”，而${p.fromTables ? '汇总表合计' : '所述总分'} ${fmt(p.total)} 分对应的等级为“${p.expected}”`,
    en: (p) => `Paragraph ${p.paragraph} states the grade "${p.grade}", while ${p.fromTables ? "the summary table's total" : 'the stated total'} ${fmt(p.total)} is "${p.expected}"`,
  }),
  'prose.total-unchecked': entry<{ paragraph: number; stated: number }>({
    severity: 'info',
    name: '正文所述总分无表格可核对',
    nameEn: 'Total stated in the text has no table to check it against',
    zh: (p) => `正文第 ${p.paragraph} 段写明总分 ${fmt(p.stated)} 分，但报告的表格中没有可核对的汇总表或合计行`,
    en: (p) => `Paragraph ${p.paragraph} states a total of ${fmt(p.stated)}, but no summary table or total row of the report can confirm it`,
  }),
} as const;

export type FindingCode = keyof typeof FINDING_CATALOGUE;

/** The figures a finding's message is built from. */
export type MessageParams<C extends FindingCode> = Parameters<(typeof FINDING_CATALOGUE)[C]['zh']>[0];

/** Which code stays when findings of one cell share a cause: the most specific first. */
export const CAUSE_PRECEDENCE: readonly FindingCode[] = [
  // A formula shows why a total is off; the table's own total row next; then the other views of it.
  'formula.sum-omits',
  'formula.sum-double',
  // A summary's own check names it better than the generic total row check.
  'summary.total',
  'total.sum-mismatch',
  'total.sections-mismatch',
  'section.weights-vs-total',
  'group.sum-mismatch',
  'money.column-total',
  'selfeval.budget-total',
  'summary.detail-mismatch',
  'total.consequence',
  // The reason's own words first, then a rate it quotes, then a computation it carries.
  'reason.deduction-mismatch',
  'score.rate-contradiction',
  'arithmetic.score',
];

export function catalogueEntry(code: FindingCode): CatalogueEntry<MessageParams<typeof code>> {
  return FINDING_CATALOGUE[code] as unknown as CatalogueEntry<MessageParams<typeof code>>;
}

/** The message of a finding in both languages, from the catalogue's templates. */
export function messagesOf<C extends FindingCode>(code: C, params: MessageParams<C>): { zh: string; en: string } {
  const e = FINDING_CATALOGUE[code] as unknown as CatalogueEntry<MessageParams<C>>;
  return { zh: e.zh(params), en: e.en(params) };
}

/** The Chinese (or English) name of a check; an unknown code (from an older JSON file) is shown as it is. */
export function checkName(code: string, lang: 'zh' | 'en' = 'zh'): string {
  const e = (FINDING_CATALOGUE as Record<string, CatalogueEntry<never>>)[code];
  if (!e) return code;
  return lang === 'en' ? e.nameEn : e.name;
}
