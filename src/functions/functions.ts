/**
 * PERF.* worksheet functions (namespace PERF is set in the manifest). Only top-level function
 * declarations with @customfunction are read by the metadata generator. The work is done by
 * the pure cores in src/core/rules/sheet-functions.ts; this file only converts their failures
 * into Excel errors. No function here writes cells or formats anything.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the metadata generator maps `any` to Excel's "any" type: cells may hold numbers or text */
import {
  CellInput,
  checkOf,
  completionOf,
  flatten,
  gradeFor,
  linearOf,
  Outcome,
  rateOf,
  ruleScoreOf,
  satisfactionOf,
  weightedOf,
} from '../core/rules/sheet-functions';

/** The error thrown outside Excel (Node, Jest, HyperFormula), carrying the same code and message. */
export class PerfFunctionError extends Error {
  constructor(
    readonly code: 'invalidValue' | 'notAvailable',
    message: string,
  ) {
    super(message);
    this.name = 'PerfFunctionError';
  }
}

// `CustomFunctions` exists only inside Excel's runtime.
function fail(code: 'invalidValue' | 'notAvailable', message: string): never {
  if (typeof CustomFunctions !== 'undefined') {
    throw new CustomFunctions.Error(code === 'notAvailable' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue, message);
  }
  throw new PerfFunctionError(code, message);
}

function unwrap<T>(r: Outcome<T>): T {
  if (r.ok) return r.value;
  return fail(r.code === 'missing' ? 'notAvailable' : 'invalidValue', r.message);
}

/** Excel passes a cell's error as an Error-like object; an omitted optional argument as null/undefined. */
function cell(v: unknown): CellInput {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return cell(v[0]?.[0]);
  return fail('notAvailable', '输入含错误值');
}

function cells(v: unknown): CellInput[] {
  if (Array.isArray(v)) return flatten((v as unknown[][]).map((row) => (Array.isArray(row) ? row.map(cell) : [cell(row)])));
  return flatten(cell(v));
}

/**
 * 完成率：实际值与目标值之比；越低越好的指标（≤、下降、排名）取目标值/实际值。
 * @customfunction COMPLETION 完成率计算
 * @param actual 实际完成值，数值或文字，如“192.35亿元”“95.25%”“第3名”
 * @param target 目标值，数值或文字，如“≥3个”“前4名”“≤90万元”“不低于发展基金出资额的 1.5 倍”
 * @param [direction] 方向：higher/lower 或 越高越好/越低越好；省略时按目标值的写法判断
 * @returns 完成率（小数，1 表示 100%）
 */
function COMPLETION(actual: any, target: any, direction?: any): number {
  return unwrap(completionOf(cell(actual), cell(target), cell(direction)));
}

/**
 * 门槛线性得分：达到满分线得满分，低于起评线不得分，其间按比例计分。
 * @customfunction LINEAR 线性得分
 * @param rate 完成率（小数或百分数文字）
 * @param points 指标分值
 * @param [floor] 起评线，默认 60%
 * @param [full] 满分线，默认 100%
 * @returns 得分
 */
function LINEAR(rate: any, points: any, floor?: any, full?: any): number {
  return unwrap(linearOf(cell(rate), cell(points), cell(floor), cell(full)));
}

/**
 * 满意率：各选项人数（或比例）按权重加权，非常满意/比较满意/一般/不满意 顺序。
 * @customfunction SATISFACTION 满意率计算
 * @param answers 一行或一列的人数或比例
 * @param [weights] 各选项权重；默认 4 个选项为 100/80/60/0，5 个选项为 100/75/50/25/0
 * @returns 满意率（小数）
 */
function SATISFACTION(answers: any[][], weights?: any[][]): number {
  return unwrap(satisfactionOf(cells(answers), weights === null || weights === undefined ? undefined : cells(weights)));
}

/**
 * 按评分标准文字计算得分。
 * @customfunction RULESCORE 按标准计分
 * @param ruleText 评分标准文字
 * @param points 指标分值
 * @param value 实际值：完成率、满意率、延期月数等；多项指标可给一个区域，每项一个值
 * @returns 得分
 */
function RULESCORE(ruleText: any, points: any, value: any[][]): number {
  return unwrap(ruleScoreOf(cell(ruleText), cell(points), cells(value)));
}

/**
 * 核对得分与评分标准、评分理由是否一致。
 * @customfunction CHECK 得分核对
 * @param ruleText 评分标准文字
 * @param points 指标分值
 * @param score 得分
 * @param [reason] 评分理由（可选），用于核对其中写明的扣分和完成率
 * @returns 一致时为空，否则为问题说明
 */
function CHECK(ruleText: any, points: any, score: any, reason?: any): string {
  return unwrap(checkOf(cell(ruleText), cell(points), cell(score), cell(reason)));
}

/**
 * 评价等级：默认按财预〔2020〕10号（≥90 优，≥80 良，≥60 中，其余差）。
 * @customfunction GRADE 评价等级
 * @param total 总分
 * @param [scheme] 等级方案：“四级”（默认）或“五级”（≥90 优，≥80 良，≥70 中，≥60 低，其余差）
 * @returns 等级
 */
function GRADE(total: any, scheme?: any): string {
  return unwrap(gradeFor(cell(total), cell(scheme)));
}

/**
 * 得分率 = 得分 / 分值。
 * @customfunction RATE 得分率计算
 * @param score 得分
 * @param points 分值
 * @returns 得分率（小数）
 */
function RATE(score: any, points: any): number {
  return unwrap(rateOf(cell(score), cell(points)));
}

/**
 * 加权得分 = Σ 得分 × 占比，占比合计须为 100%。
 * @customfunction WEIGHTED 加权得分
 * @param scores 各部分得分
 * @param shares 各部分占比：百分数（56.86）、小数（0.5686）或文字（“56.86%”）
 * @returns 加权得分
 */
function WEIGHTED(scores: any[][], shares: any[][]): number {
  return unwrap(weightedOf(cells(scores), cells(shares)));
}

export { COMPLETION, LINEAR, SATISFACTION, RULESCORE, CHECK, GRADE, RATE, WEIGHTED };

if (typeof CustomFunctions !== 'undefined') {
  CustomFunctions.associate('COMPLETION', COMPLETION);
  CustomFunctions.associate('LINEAR', LINEAR);
  CustomFunctions.associate('SATISFACTION', SATISFACTION);
  CustomFunctions.associate('RULESCORE', RULESCORE);
  CustomFunctions.associate('CHECK', CHECK);
  CustomFunctions.associate('GRADE', GRADE);
  CustomFunctions.associate('RATE', RATE);
  CustomFunctions.associate('WEIGHTED', WEIGHTED);
}
