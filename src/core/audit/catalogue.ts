import { Severity } from './types';

/**
 * The catalogue of findings: every check code the audit can emit, defined once with its severity
 * and its names. Hosts show `name` (Chinese) to users; JSON keeps the code.
 */
export interface CatalogueEntry {
  severity: Severity;
  /** Chinese name of the check, shown instead of the code. */
  name: string;
  /** English name, for the English UI and English reports. */
  nameEn: string;
}

export const FINDING_CATALOGUE = {
  // Each row against its rule text.
  'cell.not-a-number': { severity: 'warning', name: '得分不是数值', nameEn: 'Score is not a number' },
  'rule.not-understood': { severity: 'info', name: '评分标准未能识别', nameEn: 'Rule text not understood' },
  'rule.parts-sum': { severity: 'error', name: '评分标准各部分之和与分值不符', nameEn: 'Rule parts do not add up to the weight' },
  'rule.max-mismatch': { severity: 'warning', name: '评分标准最高分与分值不符', nameEn: "Rule's top score differs from the weight" },
  'score.not-allowed': { severity: 'error', name: '得分不符合评分标准', nameEn: 'Score not allowed by the rule' },
  'score.partial-under-binary': { severity: 'error', name: '全有全无规则下给了部分分', nameEn: 'Partial score under an all-or-nothing rule' },
  'score.step-fraction': { severity: 'error', name: '扣分不是整步', nameEn: 'Deduction is not a whole number of steps' },
  'score.rate-contradiction': { severity: 'error', name: '得分与评分理由中的比率不符', nameEn: 'Score contradicts the rate quoted in the reason' },
  'score.above-weight': { severity: 'error', name: '得分超过分值', nameEn: 'Score above the weight' },
  'score.negative': { severity: 'error', name: '得分为负数', nameEn: 'Negative score' },
  'score.contradicts-completion': { severity: 'error', name: '得分与完成情况表不符', nameEn: 'Score contradicts the completion table' },
  'score.differs-from-completion': { severity: 'warning', name: '得分与完成情况表推算值不同', nameEn: 'Score differs from what the completion table gives' },
  'reason.deduction-mismatch': { severity: 'error', name: '评分理由所述扣分与实际不符', nameEn: 'Deduction stated in the reason differs from the score' },
  // Totals and groups.
  'total.sum-mismatch': { severity: 'error', name: '合计与明细之和不符', nameEn: 'Total differs from the sum of its rows' },
  'total.weight-not-100': { severity: 'warning', name: '分值合计不是100', nameEn: 'Weights do not add up to 100' },
  'group.declared-weight': { severity: 'error', name: '指标名称所写分值与下级之和不符', nameEn: 'Weight written in a group name differs from its children' },
  'group.sum-mismatch': { severity: 'error', name: '上级指标得分与下级之和不符', nameEn: 'Group score differs from the sum of its children' },
  'formula.sum-omits': { severity: 'error', name: '求和公式漏行', nameEn: 'SUM formula leaves out rows' },
  'formula.sum-double': { severity: 'error', name: '求和公式重复计算', nameEn: 'SUM formula counts rows twice' },
  'formula.typed-in-formula-column': { severity: 'warning', name: '公式列中手填数值', nameEn: 'Typed value in a column of formulas' },
  'formula.inconsistent': { severity: 'warning', name: '同列公式不一致', nameEn: 'Formula differs from the rest of its column' },
  'formula.typed-total': { severity: 'warning', name: '合计为手填数值', nameEn: 'Total typed in instead of a formula' },
  // Summary tables.
  'summary.rate': { severity: 'error', name: '得分率计算错误', nameEn: 'Score rate miscomputed' },
  'summary.total': { severity: 'error', name: '汇总表合计错误', nameEn: 'Summary total miscomputed' },
  'summary.grade': { severity: 'error', name: '评价等级与总分不符', nameEn: 'Grade does not match the total' },
  // Completion and satisfaction.
  'completion.no-data': { severity: 'warning', name: '完成值缺失', nameEn: 'No actual value' },
  'completion.actual-copies-target': { severity: 'warning', name: '实际值照抄目标值', nameEn: 'Actual value copies the target' },
  'completion.rate': { severity: 'error', name: '完成率计算错误', nameEn: 'Completion rate miscomputed' },
  'completion.rate-repeats-actual': { severity: 'error', name: '完成率一栏照抄实际值', nameEn: 'Completion-rate column repeats the actual value' },
  'completion.done-contradiction': { severity: 'error', name: '是否完成与完成率矛盾', nameEn: '"Done" contradicts the completion rate' },
  'completion.rate-over-150': { severity: 'info', name: '完成率超过150%', nameEn: 'Completion rate above 150%' },
  'satisfaction.rate': { severity: 'error', name: '满意率计算错误', nameEn: 'Satisfaction rate miscomputed' },
  // Money tables.
  'money.row-total': { severity: 'error', name: '行合计错误', nameEn: 'Row total miscomputed' },
  'money.column-total': { severity: 'error', name: '列合计错误', nameEn: 'Column total miscomputed' },
  'money.share': { severity: 'error', name: '占比计算错误', nameEn: 'Share miscomputed' },
  // Self-evaluation forms.
  'selfeval.budget-total': { severity: 'error', name: '预算合计错误', nameEn: 'Budget total miscomputed' },
  'selfeval.over-budget': { severity: 'warning', name: '执行数超过预算数', nameEn: 'Spending above budget' },
  'selfeval.execution-rate': { severity: 'error', name: '执行率计算错误', nameEn: 'Execution rate miscomputed' },
  'selfeval.budget-score': { severity: 'warning', name: '预算执行得分与执行率不符', nameEn: 'Budget score does not follow the execution rate' },
  'selfeval.actual-copies-target': { severity: 'warning', name: '实际完成值照抄指标值', nameEn: 'Actual value copies the target' },
  'selfeval.indicator-score': { severity: 'error', name: '指标得分与完成情况不符', nameEn: 'Indicator score does not follow completion' },
  'selfeval.deviation-missing': { severity: 'warning', name: '扣分未说明偏差原因', nameEn: 'Points lost without a deviation explanation' },
  'selfeval.budget-above-weight': { severity: 'error', name: '预算执行得分超过分值', nameEn: 'Budget score above its weight' },
  'selfeval.budget-over-100': { severity: 'error', name: '超预算执行（执行率超过100%）', nameEn: 'Spending above budget (execution rate above 100%)' },
  // Budget tables numbered by 行次.
  'lines.definition': { severity: 'error', name: '行次定义计算不符', nameEn: 'Row defined by other rows miscomputed' },
  'lines.reference-missing': { severity: 'info', name: '行次定义引用的行不存在', nameEn: 'Row definition refers to a missing row' },
  // Expert-scoring tables.
  'expert.average': { severity: 'error', name: '专家平均分计算错误', nameEn: 'Expert average miscomputed' },
  'expert.above-weight': { severity: 'error', name: '专家评分超过分值', nameEn: "Expert's score above the weight" },
  // The prose of a report (.docx) against its tables.
  'prose.total-mismatch': { severity: 'error', name: '正文所述总分与表格不符', nameEn: 'Total stated in the text differs from the tables' },
  'prose.grade-mismatch': { severity: 'error', name: '正文所述评价等级与总分不符', nameEn: 'Grade stated in the text does not match the total' },
  'prose.total-unchecked': { severity: 'info', name: '正文所述总分无表格可核对', nameEn: 'Total stated in the text has no table to check it against' },
} as const satisfies Record<string, CatalogueEntry>;

export type FindingCode = keyof typeof FINDING_CATALOGUE;

export function catalogueEntry(code: FindingCode): CatalogueEntry {
  return FINDING_CATALOGUE[code];
}

/** The Chinese (or English) name of a check; an unknown code (from an older JSON file) is shown as it is. */
export function checkName(code: string, lang: 'zh' | 'en' = 'zh'): string {
  const e = (FINDING_CATALOGUE as Record<string, CatalogueEntry>)[code];
  if (!e) return code;
  return lang === 'en' ? e.nameEn : e.name;
}
