/**
 * The words of scoring sheets, matched against normalised text (half-width, simplified,
 * no whitespace: see normalizeForMatch). Each header role lists its synonyms.
 */
import { ColumnRole } from './types';

type HeaderRole = ColumnRole | 'answer' | 'blockLabel';

const ROLE_PATTERNS: Array<[HeaderRole, RegExp]> = [
  ['blockLabel', /^(绩效指标|项目资金(\(万元\)|\(元\))?|资金情况(\(万元\))?|年度总体目标)$/],
  ['level1', /^一级(指标)?(名称)?$/],
  ['level2', /^二级(指标)?(名称)?$/],
  ['level3', /^三级(指标)?(名称)?$/],
  ['level4', /^四级(指标)?(名称)?$/],
  ['initialBudget', /^年初预算(数|金额)?/],
  ['budget', /^(全年预算(数|金额)?|调整后预算(数)?|预算数)/],
  ['executed', /^(全年执行(数|金额)?|执行数|实际支出(数|金额)?|实际执行(数)?)/],
  ['deviation', /^偏差(原因|分析)/],
  ['criteria', /^(评分标准|评分细则|评分规则|评分方法|评价标准|计分(方法|标准|规则)|评分办法|考核标准)/],
  ['explanation', /^(指标解释|指标说明|指标释义|指标内涵|指标定义)$/],
  ['reason', /^(评分理由|扣分原因|扣分理由|扣分说明|扣分情况|评价意见|得分说明|得分理由|评分说明|评分依据|评价说明|评分情况说明)/],
  ['grade', /^(评价等级|绩效等级|等级)$/],
  ['rate', /(得分率|完成率|执行率|满意率|满意度|达成率)(\(%\))?$/],
  ['score', /^(评分|得分|评价得分|实际得分|自评得分|考核得分|评定得分|最终得分|综合得分|复核得分)(\(分\))?$/],
  ['weight', /^(权重|分值|标准分|指标分值|满分|权数|标准分值|指标权重|权重分值)(\(%\)|\(分\)|%)?$/],
  ['target', /^(年度预期值|预期目标|预期目标值|年度指标值|年初目标值|目标值|目标任务|目标数|计划值|年度目标值?|预期值|指标值|绩效目标值?|计划数)/],
  ['actual', /^(实际完成值|完成情况|全年实际值|实际完成情况|实际值|完成值|完成数|目标完成值|实际完成|实际完成数|实际数)$/],
  ['done', /^(是否完成|完成与否|是否达标|是否达成|是否实现)$/],
  ['answer', /^(非常满意|很满意|比较满意|满意|基本满意|较满意|一般|一般满意|不太满意|不满意|非常不满意|很不满意)(人数|比例|数|票数|\(人\)|\(%\))?$/],
  ['total', /^(合计|总计|样本数|有效问卷(数)?|总数|总人数|调查人数|样本量)$/],
  ['name', /^(指标名称|指标|评价指标|评价内容|评价因素|评价要素|考核内容|考核指标|评价项目|满意率指标名称|调查内容|调查项目|指标项)$/],
  ['label', /^(类别|资金来源|项目|年份|年度|资金类别|来源|单位|地区|科目|名称|序号)$/],
];

export type { HeaderRole };

const ANY_ROLE = new RegExp(ROLE_PATTERNS.map(([, re]) => `(?:${re.source})`).join('|'));

/** The role a header cell names, if any. */
export function headerRole(norm: string): HeaderRole | undefined {
  if (norm === '' || norm.length > 24) return undefined;
  // Almost every body cell names no role: one combined test rejects it instead of one per role.
  if (!ANY_ROLE.test(norm)) return undefined;
  for (const [role, re] of ROLE_PATTERNS) if (re.test(norm)) return role;
  return undefined;
}

/** Labels that close a group or a table. */
export function totalScope(norm: string): 'subtotal' | 'total' | undefined {
  if (!/[计分总汇]/.test(norm)) return undefined; // every label below has one of these
  if (/^(小计|分项小计)$/.test(norm) || /小计$/.test(norm)) return 'subtotal';
  if (/^(合计|总计|总分|总得分|评价总得分|合计得分|综合得分|汇总|合计数|总分值|得分合计|评价得分合计)$/.test(norm)) return 'total';
  return undefined;
}

/** Rows that may follow a total row and still belong to the table (shares, grades). */
export function isTrailerLabel(norm: string): boolean {
  return /^(占比|比重|构成|占比\(%\)|得分率|评价等级|绩效等级|等级|完成率)$/.test(norm);
}

/** A title line above a table: "表2-1 评价情况总表", "…评分表", "（2023年度）". */
export function looksLikeTitle(norm: string): boolean {
  return /^(表|附表|附件)\s*\d/.test(norm) || /(评分表|情况表|汇总表|总表|自评表|统计表|调查表|结构|一览表|明细表)$/.test(norm) || /^\(\d{4}年度?\)$/.test(norm);
}

export function looksLikeNote(norm: string): boolean {
  return /^(注|备注|说明|数据来源|资料来源|单位)[:：]/.test(norm) || /^注[:：\d]/.test(norm);
}

/** Answer weights by label when the table states none: 100/80/60/0 for four answers, 100/75/50/25/0 for five. */
export function defaultAnswerWeights(labels: string[]): number[] {
  if (labels.length === 5) return [100, 75, 50, 25, 0];
  const byLabel = (l: string): number => {
    if (/非常满意|很满意/.test(l)) return 100;
    if (/不满意/.test(l)) return 0;
    if (/比较满意|较满意|^满意/.test(l)) return 80;
    if (/一般|基本满意/.test(l)) return 60;
    return 0;
  };
  return labels.map(byLabel);
}

/** A group's name as written, read: the bare name, a code before it, a weight written into it. */
export interface GroupName {
  readonly name: string;
  readonly code?: string;
  readonly weight?: number;
}

/**
 * A group weight written into a name: "A决策15分", "A1项目立项5分", "产出指标(50分)",
 * "年度绩效目标（80分）", "产出指标 50%". Returns the bare name, code and weight.
 */
export function parseGroupName(raw: string): GroupName {
  let s = raw.replace(/\s+/g, '');
  // Most names carry neither a code nor a weight nor trailing punctuation.
  if (!/^[A-Za-z]|[分%)）:：、.]$/.test(s)) return { name: s };
  let weight: number | undefined;
  const w = /[(（]?(\d+(?:\.\d+)?)\s*(分|%)[)）]?$/.exec(s);
  if (w && w.index > 0) {
    weight = Number(w[1]);
    s = s.slice(0, w.index);
  }
  let code: string | undefined;
  const c = /^([A-Za-z][A-Za-z0-9]*(?:[.\-][0-9]+)*)[.、\s]?(?=[\u4e00-\u9fa5])/.exec(s);
  if (c) {
    code = c[1];
    s = s.slice(c[0].length);
  }
  return { name: s.replace(/[:：、.]$/, ''), code, weight };
}
