/**
 * The words of scoring sheets, matched against normalised text (half-width, simplified,
 * no whitespace: see normalizeForMatch). Each header role lists its synonyms.
 */
import { ColumnRole } from './types';

type HeaderRole = ColumnRole | 'answer' | 'blockLabel' | 'serial';

/** A unit or a note in brackets after a header word: "(分)", "(%)", "(万元)", "(B/A)", "(20分*执行率)". */
const SUFFIX = String.raw`(\([^()]{0,16}\)|%)?\.?`;
const r = (body: string, anchored = true): RegExp => new RegExp(anchored ? `^(?:${body})${SUFFIX}$` : body);
/** A word and an optional second part joined by 及/和/与 ("评分理由及依据", "扣分原因和其他说明"). */
const rJoined = (body: string): RegExp => new RegExp(`^(?:${body})([及和与][^()]{0,10})?${SUFFIX}$`);

/**
 * Header words by role, from the tables of the field (issuers across provinces; see
 * test/fixtures/real/README.md for where each was met). Matched against normalised text, so line
 * breaks, spaces and Traditional characters inside a word do not matter.
 */
const ROLE_PATTERNS: Array<[HeaderRole, RegExp]> = [
  // Block labels of self-evaluation forms, with the block's points where the form states them (绩效指标(90分), 年度绩效目标1(80分), 预算执行情况(万元)(20分)).
  ['blockLabel', /^(绩效指标(\(\d+分\))?|项目资金(\(万元\)|\(元\))?|预算资金(\(万元\))?|资金情况(\(万元\))?|预算执行情况(\(万元\)|\(元\))?(\(\d+分\))?|年度总体目标(完成情况)?|年度绩效目标\d*\(\d+分\)|年度绩效指标完成情况)$/],
  ['serial', r('序号|编号|指标编码|编码|指标代码|代码|行次|栏次|序')],
  ['level1', r('一级(指标)?(名称)?')],
  ['level2', r('二级(指标)?(名称)?')],
  ['level3', r('三级(指标)?(名称)?')],
  ['level4', r('四级(指标)?(名称)?')],
  ['initialBudget', /^年初预算(数|金额)?/],
  ['budget', /^(全年预算(数|金额)?|调整后预算(数)?|预算数|年度预算数)/],
  ['executed', /^(全年执行(数|金额)?|执行数|实际支出(数|金额)?|实际执行(数)?|预算执行数)/],
  ['deviation', /^(偏差(原因|分析)|未完成原因)/],
  [
    'criteria',
    rJoined('(评价内容及|指标说明及|评价标准及|考核内容及)?(评分标准|评分细则|评分规则|评分方法|评价标准|计分方法|计分标准|计分规则|计分办法|评分办法|评分要点|考评标准|考核评分标准|扣分标准|赋分标准|赋分规则|评分标准及说明|评分标准及方法|评分规则及标准|打分标准|评分及扣分标准|审核要点)'),
  ],
  ['explanation', r('指标解释|指标释义|指标内涵|指标定义|指标含义|考评内容|指标内容|指标说明及计算公式')],
  ['reason', rJoined('评分理由|扣分原因|扣分理由|扣分说明|扣分情况|评价意见|得分说明|得分理由|评分说明|评价说明|评分情况说明|扣分原因和其他说明|扣分依据|得分依据|扣分原因及说明|问题及扣分原因|存在问题|评分情况|打分说明|原因')],
  ['grade', r('评价等级|绩效等级|等级|评定等级|考核等级')],
  ['rate', /(得分率|完成率|执行率|满意率|满意度|达成率|到位率)(\([^()]{0,12}\)|%)?$/],
  ['score', /^(加权平均得分|加权得分|评分|得分|评价得分|实际得分|自评得分|考核得分|评定得分|最终得分|综合得分|复核得分|考评得分|实得分|评审得分|专家评分|核定得分|自评分|自评分数|指标得分|实际得分值|评价分值|考核评分|打分|得分情况|项目总得分)(\([^()]{0,16}\)|%)?\.?$/],
  ['weight', r('权重|分值|标准分|指标分值|满分|权数|标准分值|指标权重|权重分值|各项分值|标准分数|目标分值|指标满分|参考分值|分值权重|权重比例|分值设置|基本分值|指标分')],
  ['target', /^(年度预期值|预期目标|预期目标值|年度指标值|年初目标值|目标值|目标任务|目标数|计划值|年度目标值?|预期值|绩效目标值?|计划数|年度目标任务|目标值\(标准\))/],
  ['actual', r('实际完成值|完成情况|全年实际值|实际完成情况|实际值|完成值|完成数|目标完成值|实际完成|实际完成数|实际数|全年完成值|完成量|实际完成指标值')],
  ['done', /^(是否完成|完成与否|是否达标|是否达成|是否实现)$/],
  ['answer', /^(非常满意|很满意|比较满意|满意|基本满意|较满意|一般|一般满意|不太满意|不满意|非常不满意|很不满意)(人数|比例|数|票数|\(人\)|\(%\))?$/],
  ['total', /^(合计|总计|样本数|有效问卷(数)?|总数|总人数|调查人数|样本量)$/],
  ['name', r('指标名称|指标|评价指标|评价内容|评价因素|评价要素|考核内容|考核指标|评价项目|满意率指标名称|调查内容|调查项目|指标项|考评项目|具体指标|考核项目|评价维度|评价准则|项目内容|评价要点')],
  ['label', /^(类别|资金来源|项目|年份|年度|资金类别|来源|单位|地区|科目|名称)$/],
];

/**
 * Words that name one of two roles, decided by the column's cells: 评分依据 holds rules in some tables and
 * reasons in others, 指标说明 rules or definitions, 指标值 the target in 四川's forms and the actual elsewhere,
 * 分数 the weight or the score.
 */
const AMBIGUOUS: Array<[RegExp, readonly [HeaderRole, HeaderRole]]> = [
  [r('评分依据|考核依据|评价依据'), ['criteria', 'reason']],
  [r('指标说明|考核标准|评价要点|考核要点|考核内容及标准'), ['explanation', 'criteria']],
  [r('指标值'), ['target', 'actual']],
  [r('分数'), ['weight', 'score']],
  // 评估内容: the indicator's name in some forms, what the indicator covers (辖区人口数 ≥5万人 …) in others.
  [r('评估内容'), ['name', 'explanation']],
];

/** The two roles an ambiguous header word may name, the usual one first. */
export function ambiguousRoles(norm: string): readonly [HeaderRole, HeaderRole] | undefined {
  if (norm === '' || norm.length > 24) return undefined;
  return AMBIGUOUS.find(([re]) => re.test(norm))?.[1];
}

export type { HeaderRole };

const ANY_ROLE = new RegExp(ROLE_PATTERNS.map(([, re]) => `(?:${re.source})`).join('|'));

/** The role a header cell names, if any (an ambiguous word gives its usual role; see ambiguousRoles). */
export function headerRole(norm: string): HeaderRole | undefined {
  if (norm === '' || norm.length > 24) return undefined;
  const two = ambiguousRoles(norm);
  if (two) return two[0];
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
