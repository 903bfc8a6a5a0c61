/**
 * Our own 评分标准 phrasings, one group per construct of ../shared/rule-language.md, written from
 * that page (not copied from the corpus), several wordings each, with the boundaries: exactly at
 * an edge, just below, just above. Expectations were derived by hand.
 *
 * `values`: [measured value, score] pairs — rates as fractions (85% → 0.85), counts and ranks as
 * numbers, shortfalls in 个百分点 as fractions (2个百分点 → 0.02).
 */
import { Interval } from '../../src/core/rules/types';

export interface ConstructCase {
  construct: string;
  text: string;
  points: number;
  /** Every allowed score (a finite set). */
  allowed?: number[];
  /** The allowed scores as intervals, when some form ranges. */
  intervals?: Interval[];
  values?: Array<[number, number]>;
  /** The text states no way of scoring: it must be read as not understood. */
  notRule?: true;
}

const steps = (top: number, step: number): number[] => {
  const out: number[] = [];
  for (let k = 0; top - k * step > -1e-9; k++) out.push(Number((top - k * step).toFixed(6)));
  return out.reverse();
};

export const CONSTRUCT_CASES: ConstructCase[] = [
  // ---------------------------------------------------------------- inclusive lower bounds (≥)
  { construct: '≥ 大于等于', text: '项目完成率大于等于95%的，得4分；低于95%的，不得分。', points: 4, allowed: [0, 4], values: [[0.95, 4], [0.9499, 0], [0.97, 4]] },
  { construct: '≥ 大于或等于', text: '资金到位率大于或等于90%，计3分，否则计0分', points: 3, allowed: [0, 3], values: [[0.9, 3], [0.8999, 0]] },
  { construct: '≥ 不低于', text: '覆盖率不低于85%的得2分，不足85%的不得分', points: 2, allowed: [0, 2], values: [[0.85, 2], [0.849, 0], [1, 2]] },
  { construct: '≥ 不少于', text: '培训人数不少于200人的，得3分；少于200人的，得1分。', points: 3, allowed: [1, 3], values: [[200, 3], [199, 1], [250, 3]] },
  { construct: '≥ 不小于', text: '达标率不小于98%得5分，小于98%得2分', points: 5, allowed: [2, 5], values: [[0.98, 5], [0.979, 2]] },
  { construct: '≥ 达到', text: '执行率达到100%的，得满分10分；未达到100%的，得5分。', points: 10, allowed: [5, 10], values: [[1, 10], [0.99, 5]] },
  { construct: '≥ 以上', text: '满意度90%以上的，得3分；80%以上不足90%的，得2分；80%以下的，不得分。', points: 3, allowed: [0, 2, 3], values: [[0.9, 3], [0.8999, 2], [0.8, 2], [0.7999, 0]] },
  { construct: '≥ 及以上', text: '结案率95%及以上的计4分，90%及以上的计2分，其余不计分', points: 4, allowed: [0, 2, 4], values: [[0.95, 4], [0.94, 2], [0.9, 2], [0.89, 0]] },
  { construct: '≥ (含)', text: '支出率85%（含）以上得6分，60%（含）-85%得3分，60%以下得0分。', points: 6, allowed: [0, 3, 6], values: [[0.85, 6], [0.8499, 3], [0.6, 3], [0.5999, 0]] },
  { construct: '≥ 符号', text: '完成率≥100%，5分；完成率＜100%，0分。', points: 5, allowed: [0, 5], values: [[1, 5], [0.999, 0], [1.2, 5]] },
  { construct: '≥ 全角符号', text: '覆盖率＞＝９０％得２分，否则不得分', points: 2, allowed: [0, 2], values: [[0.9, 2], [0.89, 0]] },
  // ---------------------------------------------------------------- exclusive lower bounds (>)
  { construct: '> 大于', text: '增长率大于5%的，得2分；小于等于5%的，得1分。', points: 2, allowed: [1, 2], values: [[0.05, 1], [0.0501, 2], [0.04, 1]] },
  { construct: '> 高于', text: '知晓率高于80%得3分，否则得1分', points: 3, allowed: [1, 3], values: [[0.8, 1], [0.81, 3]] },
  { construct: '> 超过', text: '利用率超过70%的，得4分；不超过70%的，得2分', points: 4, allowed: [2, 4], values: [[0.7, 2], [0.71, 4]] },
  { construct: '> 超出', text: '参与率超出60%的得1分，未超出60%的不得分', points: 1, allowed: [0, 1], values: [[0.6, 0], [0.61, 1]] },
  { construct: '> (不含)', text: '回收率在90%（不含）以上的，得3分；其他情况得0分。', points: 3, allowed: [0, 3], values: [[0.9, 0], [0.9001, 3]] },
  // ---------------------------------------------------------------- inclusive upper bounds (≤)
  { construct: '≤ 小于等于', text: '差错率小于等于1%的，得5分；大于1%的，不得分。', points: 5, allowed: [0, 5], values: [[0.01, 5], [0.0101, 0], [0, 5]] },
  { construct: '≤ 不高于', text: '投诉率不高于2%，得2分；高于2%，得0分', points: 2, allowed: [0, 2], values: [[0.02, 2], [0.021, 0]] },
  { construct: '≤ 不超过', text: '预算调整率不超过10%的得3分，超过10%的不得分', points: 3, allowed: [0, 3], values: [[0.1, 3], [0.1001, 0], [0.05, 3]] },
  { construct: '≤ 不大于', text: '结转率不大于5%得4分；大于5%得2分', points: 4, allowed: [2, 4], values: [[0.05, 4], [0.06, 2]] },
  { construct: '≤ 以下', text: '事故率0.5%以下的，得3分；0.5%以上的，得0分', points: 3, allowed: [0, 3], values: [[0.004, 3], [0.006, 0]] },
  { construct: '≤ 以内', text: '偏差控制在5%以内的，得2分；偏差超过5%的，不得分。', points: 2, allowed: [0, 2], values: [[0.05, 2], [0.0501, 0]] },
  { construct: '≤ 符号', text: '超支率≤3%，得3分；超支率＞3%，得0分', points: 3, allowed: [0, 3], values: [[0.03, 3], [0.031, 0]] },
  // ---------------------------------------------------------------- exclusive upper bounds (<)
  { construct: '< 小于', text: '执行率小于60%的，不得分；执行率大于等于60%的，得2分。', points: 2, allowed: [0, 2], values: [[0.6, 2], [0.5999, 0]] },
  { construct: '< 低于', text: '合格率低于90%的，不得分；其余得3分', points: 3, allowed: [0, 3], values: [[0.9, 3], [0.89, 0]] },
  { construct: '< 不足', text: '到位率不足80%，得0分；80%以上，得2分', points: 2, allowed: [0, 2], values: [[0.79, 0], [0.8, 2]] },
  { construct: '< 不满', text: '出勤率不满90%的扣2分，否则不扣分', points: 2, allowed: [0, 2], values: [[0.89, 0], [0.9, 2]] },
  { construct: '< 少于', text: '完成培训课时少于40学时的，不得分；达到40学时的，得2分', points: 2, allowed: [0, 2] },
  { construct: '< 未达到', text: '完成率未达到80%的，得1分；达到80%的，得3分', points: 3, allowed: [1, 3], values: [[0.79, 1], [0.8, 3]] },
  // ---------------------------------------------------------------- ranges and conjunctions
  { construct: 'range X%-Y%', text: '开工率100%的得4分，80%-100%的得2分，80%以下不得分', points: 4, allowed: [0, 2, 4], values: [[1, 4], [0.9, 2], [0.8, 0], [0.81, 2], [0.79, 0]] },
  { construct: 'range X%～Y%', text: '到位率95%～100%得3分，85%～95%得2分，低于85%得0分', points: 3, allowed: [0, 2, 3], values: [[0.95, 3], [0.9, 2], [0.85, 2], [0.84, 0]] },
  { construct: 'range X%至Y%', text: '覆盖率达到90%的得5分；70%至90%的得3分；低于70%的得1分', points: 5, allowed: [1, 3, 5], values: [[0.9, 5], [0.8, 3], [0.7, 3], [0.69, 1]] },
  { construct: 'range 在X%与Y%之间', text: '使用率在80%与90%之间的，得2分；高于90%的，得3分；低于80%的，不得分。', points: 3, allowed: [0, 2, 3], values: [[0.85, 2], [0.95, 3], [0.7, 0]] },
  { construct: 'range (含)(不含)', text: '执行率90%（含）-100%（不含）得4分，100%得5分，90%以下得0分', points: 5, allowed: [0, 4, 5], values: [[0.9, 4], [0.999, 4], [1, 5], [0.89, 0]] },
  { construct: 'range 且', text: '满意率大于等于80%且小于90%，得2分；满意率大于等于90%，得3分；满意率小于80%，得0分。', points: 3, allowed: [0, 2, 3], values: [[0.8, 2], [0.8999, 2], [0.9, 3], [0.7999, 0]] },
  { construct: 'range 并且', text: '完成率高于60%并且低于80%的得1分，80%及以上的得2分，60%及以下的不得分', points: 2, allowed: [0, 1, 2], values: [[0.6, 0], [0.61, 1], [0.8, 2], [0.79, 1]] },
  { construct: 'range side by side', text: '使用率大于60%小于80%的，得2分；80%以上的，得4分；60%以下的，得0分', points: 4, allowed: [0, 2, 4], values: [[0.7, 2], [0.8, 4], [0.6, 0]] },
  { construct: 'range 之间 shared edge', text: '合格率90%-100%之间得3分；80%-90%之间得2分；80%以下得0分', points: 3, allowed: [0, 2, 3], values: [[0.9, 3], [0.89, 2], [0.81, 2], [0.8, 0], [0.79, 0]] },
  { construct: 'range ±', text: '预算执行偏差率在±5%以内的，得4分；±5%-10%以内的，得2分；超出±10%的，不得分。', points: 4, allowed: [0, 2, 4], values: [[0.05, 4], [0.07, 2], [0.1, 2], [0.11, 0]] },
  // ---------------------------------------------------------------- outcomes
  { construct: 'outcome 计/给/记', text: '按时完成的，计2分；按时完成但质量一般的，给1分；未完成的，记0分', points: 2, allowed: [0, 1, 2] },
  { construct: 'outcome 得满分/不得分', text: '完成年度目标的得满分，未完成的不得分', points: 6, allowed: [0, 6], values: [[1, 6], [0.9, 0]] },
  { construct: 'outcome 全部分值', text: '全部按期完成的，得全部分值；部分完成的，得一半分值；未完成的，得0分', points: 4, allowed: [0, 2, 4] },
  { construct: 'outcome 记该指标所赋全部分值', text: '档案资料齐全规范的，记该指标所赋全部分值；资料缺失的，该项不得分', points: 3, allowed: [0, 3] },
  { construct: 'outcome 不计分', text: '完成得2分，未完成不计分', points: 2, allowed: [0, 2], values: [[1, 2], [0.99, 0]] },
  { construct: 'outcome range 得N-M分', text: '方案科学合理的，得4分；方案基本合理的，得2-3分；方案不合理的，得0-1分', points: 4, intervals: [[0, 1], [2, 3], [4, 4]] },
  { construct: 'outcome range 高到低', text: '制度健全的得5分，制度较健全的得4～3分，制度不健全的得0分', points: 5, intervals: [[0, 0], [3, 4], [5, 5]] },
  { construct: 'outcome range 括号', text: '措施有力（3分），措施一般（1-2分），无措施（0分）', points: 3, intervals: [[0, 0], [1, 2], [3, 3]] },
  { construct: 'outcome share range', text: '评价为“好”的，得该项分值的90%-100%；评价为“较好”的，得该项分值的70%-89%；评价为“一般”的，得该项分值的60%-69%；评价为“差”的，不得分。', points: 10, intervals: [[0, 0], [6, 6.9], [7, 8.9], [9, 10]] },
  // ---------------------------------------------------------------- deductions
  { construct: 'deduct 扣N分', text: '按要求报送材料的得3分；报送不及时的扣1分；未报送的不得分', points: 3, allowed: [0, 2, 3] },
  { construct: 'deduct 扣除/扣减/减', text: '资料完整的得4分，缺少审批文件的扣除2分，缺少验收报告的扣减1分，缺少台账的减1分', points: 4, allowed: [0, 1, 2, 3, 4] },
  { construct: 'deduct 扣除分值的X%', text: '按规定公开的得满分；公开不完整的，扣除指标分值的50%；未公开的不得分', points: 4, allowed: [0, 2, 4] },
  { construct: 'deduct 扣X%权重分值', text: '项目按期验收得满分，未按期验收扣25%权重分值', points: 8, allowed: [6, 8] },
  { construct: 'deduct 否则扣N分', text: '绩效目标设置合理得5分，否则扣3分', points: 5, allowed: [2, 5] },
  { construct: 'deduct 未完成扣全部', text: '完成得5分，未完成扣5分', points: 5, allowed: [0, 5] },
  { construct: 'deduct one-off 一经发现', text: '严格执行财务制度（2分）。一经发现违规列支的，扣1分；一经发现截留挪用的，扣2分', points: 2, allowed: [0, 1, 2] },
  // ---------------------------------------------------------------- formulas
  { construct: 'formula 60% threshold', text: '完成值达到指标值的，得满分；未达到的，指标得分=（完成率-60%）/（1-60%）×指标分值；完成率低于60%的，不得分。', points: 10, intervals: [[0, 10]], values: [[1, 10], [0.8, 5], [0.6, 0], [0.59, 0], [0.9, 7.5]] },
  { construct: 'formula satisfaction band', text: '满意度≥90%得满分；满意度低于90%的，得分＝（满意度－70%）÷（90%－70%）×分值；满意度低于70%的，得0分', points: 4, intervals: [[0, 4]], values: [[0.9, 4], [0.8, 2], [0.7, 0], [0.69, 0]] },
  { construct: 'formula 得分=×分值', text: '得分=实际到位资金/计划到位资金×分值', points: 5, intervals: [[0, 5]], values: [[0.8, 4], [1, 5]] },
  { construct: 'formula 分值×', text: '指标得分=指标分值×预算执行率', points: 6, intervals: [[0, 6]], values: [[0.5, 3], [1, 6]] },
  { construct: 'formula 得分等于', text: '得分等于支出进度乘以本项分值', points: 4, intervals: [[0, 4]], values: [[0.75, 3]] },
  { construct: 'formula stated points', text: '得分=完成率×3分，最高不超过3分', points: 3, intervals: [[0, 3]], values: [[0.5, 1.5], [1.2, 3]] },
  { construct: 'formula OCR x', text: '得分=到位率x5', points: 5, intervals: [[0, 5]], values: [[0.6, 3]] },
  { construct: 'formula self-eval', text: '完成值达到年度指标值的，得满分；未达到的，按完成值/指标值×分值计分', points: 10, intervals: [[0, 10]], values: [[0.7, 7], [1, 10], [1.3, 10]] },
  { construct: 'formula cut off', text: '资金到位率达到100%的得满分，否则得分=指标分值×', points: 5, notRule: true },
  // ---------------------------------------------------------------- proportional
  { construct: 'proportional 按完成比例给分', text: '全部完成的得满分，否则按完成比例给分', points: 6, intervals: [[0, 6]], values: [[0.5, 3], [1, 6]] },
  { construct: 'proportional 按完成值与指标值之比', text: '按完成值与指标值之比记分', points: 4, intervals: [[0, 4]], values: [[0.75, 3]] },
  { construct: 'proportional 按实际完成比例得分', text: '达到计划目标的得5分，未达到的按实际完成比例得分', points: 5, intervals: [[0, 5]], values: [[0.6, 3]] },
  { construct: 'proportional with target', text: '培训覆盖率达到80%的，得4分；未达到的，按完成比例计分', points: 4, intervals: [[0, 4]], values: [[0.8, 4], [0.4, 2]] },
  { construct: 'proportional cap 100%', text: '得分=完成率×指标分值，完成率超过100%的按100%计', points: 5, intervals: [[0, 5]], values: [[1.5, 5], [0.6, 3]] },
  // ---------------------------------------------------------------- steps
  { construct: 'step 每下降N个百分点', text: '验收合格率达到95%得5分，每下降1个百分点扣1分，扣完为止', points: 5, allowed: steps(5, 1), values: [[0.95, 5], [0.94, 4], [0.935, 4], [0.93, 3], [0.8, 0]] },
  { construct: 'step 每降低', text: '到位率100%得满分；每降低2个百分点扣0.5分，扣完为止。', points: 4, allowed: steps(4, 0.5), values: [[1, 4], [0.98, 3.5], [0.97, 3.5], [0.9, 1.5]] },
  { construct: 'step 每减少', text: '参保率不低于95%得3分，每减少1个百分点扣0.5分，直至0分', points: 3, allowed: steps(3, 0.5), values: [[0.95, 3], [0.93, 2], [0.88, 0]] },
  { construct: 'step 每低于', text: '执行率达到90%的，得满分；每低于1个百分点扣0.2分，最低0分', points: 2, allowed: steps(2, 0.2), values: [[0.9, 2], [0.85, 1], [0.79, 0]] },
  { construct: 'step 每超过 (lower better)', text: '调整率不超过5%的得4分；每超过1个百分点扣1分，扣完为止', points: 4, allowed: steps(4, 1), values: [[0.05, 4], [0.06, 3], [0.08, 1], [0.1, 0]] },
  { construct: 'step 每高于', text: '投诉率低于1%得满分，每高于0.5个百分点扣1分，扣完为止', points: 3, allowed: steps(3, 1), values: [[0.005, 3], [0.015, 2], [0.02, 1]] },
  { construct: 'step 每增加', text: '结余率不高于10%的得3分，每增加1个百分点扣0.5分，扣完为止', points: 3, allowed: steps(3, 0.5), values: [[0.1, 3], [0.12, 2], [0.2, 0]] },
  { construct: 'step 每延期 (months)', text: '按期完成得3分，每延期1个月扣1分，扣完为止', points: 3, allowed: steps(3, 1), values: [[0, 3], [1, 2], [2.5, 1], [4, 0]] },
  { construct: 'step 每延迟 (days)', text: '按时报送的得2分，每延迟5天扣0.5分，扣完为止', points: 2, allowed: steps(2, 0.5), values: [[0, 2], [5, 1.5], [9, 1.5], [10, 1], [30, 0]] },
  { construct: 'step 每推迟', text: '项目如期开工得4分；每推迟一个月扣1分，扣完为止。', points: 4, allowed: steps(4, 1), values: [[0, 4], [2, 2]] },
  { construct: 'step 每滞后', text: '资金拨付及时的得满分，每滞后10个工作日扣1分，扣完为止', points: 3, allowed: steps(3, 1), values: [[0, 3], [10, 2], [25, 1]] },
  { construct: 'step 每少', text: '完成全部培训场次的得5分，每少一场扣1分，扣完为止', points: 5, allowed: steps(5, 1), values: [[0, 5], [2, 3], [6, 0]] },
  { construct: 'step 每差', text: '未完成年度目标的，每差1个百分点扣0.5分，扣完为止', points: 3, allowed: steps(3, 0.5), values: [[0, 3], [0.02, 2], [0.07, 0]] },
  { construct: 'step 每缺少', text: '资料齐全的得4分，每缺少一项扣1分，扣完为止', points: 4, allowed: steps(4, 1), values: [[0, 4], [1, 3], [5, 0]] },
  { construct: 'step 每发现一处', text: '账务处理规范，每发现一处不规范扣0.5分，扣完为止', points: 3, allowed: steps(3, 0.5), values: [[0, 3], [2, 2], [10, 0]] },
  { construct: 'step 每出现', text: '安全生产无事故得5分，每出现一起安全事故扣2分，扣完为止', points: 5, allowed: [0, 1, 3, 5], values: [[0, 5], [1, 3], [2, 1], [3, 0]] },
  { construct: 'step 每例', text: '发现违规使用资金的，每例扣1分，扣完为止', points: 4, allowed: steps(4, 1), values: [[0, 4], [3, 1]] },
  { construct: 'step 每项 (per item)', text: '制度不健全的，每项扣0.5分，扣完为止', points: 2, allowed: steps(2, 0.5), values: [[1, 1.5]] },
  { construct: 'step share 扣分值的X%', text: '覆盖率达到100%得满分，每降低1个百分点扣该项分值的10%，扣完为止', points: 5, allowed: steps(5, 0.5), values: [[1, 5], [0.98, 4], [0.9, 0]] },
  { construct: 'step 最多扣N分', text: '每发现一处问题扣0.5分，最多扣2分', points: 4, allowed: [2, 2.5, 3, 3.5, 4], values: [[1, 3.5], [8, 2]] },
  { construct: 'step 扣满N分为止', text: '每延期一天扣0.1分，扣满1分为止', points: 3, allowed: [2, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9, 3], values: [[5, 2.5], [20, 2]] },
  { construct: 'step two-digit subject', text: '平均年龄不高于45岁的，得2分；每超过1岁，扣0.5分', points: 2, allowed: steps(2, 0.5), values: [[45, 2], [46, 1.5], [50, 0]] },
  { construct: 'step with band base', text: '完成率达到90%以上（含）的，得10分；未达到90%的，每少一个百分点扣1分。', points: 10, allowed: steps(10, 1), values: [[0.9, 10], [0.85, 5], [0.7, 0]] },
  { construct: 'step rank 排名每下降1位', text: '全省排名每下降1位，扣0.5分', points: 3, allowed: steps(3, 0.5), values: [[0, 3], [2, 2], [10, 0]] },
  { construct: 'step rank 按排位', text: '按排位计分，第1名得满分，每后退1位扣1分', points: 5, values: [[1, 5], [3, 3], [9, 0]] },
  // ---------------------------------------------------------------- caps, floors and bases
  { construct: 'cap 最高得N分', text: '每新增一家规上企业得1分，最高得5分', points: 5, allowed: [0, 1, 2, 3, 4, 5] },
  { construct: 'floor 最低0分', text: '每迟报一次扣1分，最低0分', points: 3, allowed: steps(3, 1), values: [[0, 3], [2, 1], [7, 0]] },
  { construct: 'floor 直至0分', text: '每缺1份台账扣0.5分，直至0分', points: 2, allowed: steps(2, 0.5), values: [[3, 0.5], [4, 0]] },
  // ---------------------------------------------------------------- otherwise
  { construct: 'otherwise 否则', text: '按期完成得3分，否则得0分', points: 3, allowed: [0, 3] },
  { construct: 'otherwise 未完成', text: '完成年度任务得4分，未完成不得分', points: 4, allowed: [0, 4], values: [[1, 4], [0.8, 0]] },
  { construct: 'otherwise 达不到', text: '达到标准得2分，达不到标准不得分', points: 2, allowed: [0, 2] },
  { construct: 'otherwise 不符合', text: '符合规定程序得3分，不符合规定程序扣3分', points: 3, allowed: [0, 3] },
  { construct: 'otherwise 其余', text: '完成率100%得4分，90%以上得2分，其余不得分', points: 4, allowed: [0, 2, 4], values: [[1, 4], [0.95, 2], [0.8, 0]] },
  { construct: 'otherwise 其他情况', text: '全部公开的得3分，部分公开的得1分，其他情况不得分', points: 3, allowed: [0, 1, 3] },
  { construct: 'otherwise 反之', text: '资金使用合规的，得5分；反之，得0分。', points: 5, allowed: [0, 5] },
  { construct: 'otherwise 否则扣2分', text: '编制规范得6分，否则扣2分', points: 6, allowed: [4, 6] },
  // ---------------------------------------------------------------- ranks
  { construct: 'rank 前N名', text: '在全市考核中排名前3名的，得5分；第4-6名的，得3分；其余得1分', points: 5, allowed: [1, 3, 5], values: [[1, 5], [3, 5], [4, 3], [6, 3], [7, 1]] },
  { construct: 'rank 第N名', text: '考核排名第1名得4分，第2名得3分，第3名得2分，第4名及以后得1分', points: 4, allowed: [1, 2, 3, 4], values: [[1, 4], [2, 3], [3, 2], [5, 1]] },
  { construct: 'rank 依次', text: '在全区排名1-4名的依次得8分、6分、4分、2分', points: 8, allowed: [2, 4, 6, 8], values: [[1, 8], [3, 4], [4, 2]] },
  { construct: 'rank 分别', text: '排名第1名、第2名、第3名的分别计3分、2分、1分', points: 3, allowed: [1, 2, 3], values: [[1, 3], [2, 2], [3, 1]] },
  { construct: 'rank 倒数', text: '排名倒数第1名的不得分，倒数第2名的得1分，其他得2分', points: 2, allowed: [0, 1, 2] },
  { construct: 'rank N名以后', text: '排名前5名的得3分，5名以后的得1分', points: 3, allowed: [1, 3], values: [[5, 3], [6, 1]] },
  // ---------------------------------------------------------------- items: parts
  { construct: 'parts numbered 1.', text: '1.制度健全的，得2分；\n2.执行到位的，得2分；\n3.台账规范的，得1分。', points: 5, allowed: [0, 1, 2, 3, 4, 5] },
  { construct: 'parts numbered 1、', text: '1、有实施方案得1分；2、有考核办法得1分；3、有总结报告得1分。', points: 3, allowed: [0, 1, 2, 3] },
  { construct: 'parts numbered (1)', text: '（1）项目立项规范的，得2分；（2）资金分配合理的，得3分。', points: 5, allowed: [0, 2, 3, 5] },
  { construct: 'parts numbered ①', text: '①按时报送年度计划得1分；②按时报送半年总结得1分；③按时报送年度总结得2分。', points: 4, allowed: [0, 1, 2, 3, 4] },
  { construct: 'parts numbered 一、', text: '一、组织机构健全，得1分；二、职责分工明确，得1分。', points: 2, allowed: [0, 1, 2] },
  { construct: 'parts brackets', text: '目标明确（2分），指标细化（2分），指标量化（1分）', points: 5, allowed: [0, 1, 2, 3, 4, 5] },
  { construct: 'parts with own otherwise', text: '1.预算编制准确的得2分，否则得0分；2.预算执行规范的得2分，否则酌情扣分。', points: 4, intervals: [[0, 4]] },
  { construct: 'parts sum mismatch', text: '1.资料完整得2分，否则不得分；2.程序规范得2分，否则不得分。', points: 3, allowed: [0, 2] },
  { construct: 'parts per item 每项', text: '1.2023年新建道路10公里；2.2023年改造管网5公里；以上每项2分，完成得2分，未完成不得分。', points: 4, allowed: [0, 2, 4], values: [[1, 4], [0.5, 0]] },
  { construct: 'parts 各N分', text: '①完成污水处理厂建设；②完成配套管网建设。两项各3分，全部完成得满分，未完成不得分。', points: 6, allowed: [0, 3, 6] },
  // ---------------------------------------------------------------- items: alternatives (tiers)
  { construct: 'tiers numbered', text: '1.资料完整、程序规范的，得3分；\n2.资料基本完整的，得2分；\n3.资料不完整的，得1分；\n4.无资料的，不得分。', points: 3, allowed: [0, 1, 2, 3] },
  { construct: 'tiers grade words', text: '好：4分；较好：3分；一般：2分；差：0分', points: 4, allowed: [0, 2, 3, 4] },
  { construct: 'tiers with judgement', text: '项目全部完成的得5分；大部分完成的得3分；完成较少的，视完成程度得分', points: 5, intervals: [[0, 3], [5, 5]] },
  // ---------------------------------------------------------------- equal shares
  { construct: 'shares 各占1/N', text: '要点①②③各占本项分值的1/3，符合要点的得相应分值，否则不得该要点分值', points: 6, allowed: [0, 2, 4, 6] },
  { construct: 'shares 各占N%', text: '要点①②③④⑤各占本项分值的20%，符合的得相应分值', points: 10, allowed: [0, 2, 4, 6, 8, 10] },
  { construct: 'shares per element', text: '每具备一项得分要素，得指标分值的25%', points: 8, allowed: [0, 2, 4, 6, 8] },
  // ---------------------------------------------------------------- discretionary
  { construct: 'judgement 酌情扣分', text: '管理规范的得4分，存在问题的酌情扣分', points: 4, intervals: [[0, 4]] },
  { construct: 'judgement 视情况扣分', text: '台账完整得3分，否则视情况扣分', points: 3, intervals: [[0, 3]] },
  { construct: 'judgement 视程度得分', text: '目标全部实现的得6分；部分实现的，视实现程度得分', points: 6, intervals: [[0, 6]] },
  { construct: 'judgement 适当扣分', text: '公开及时得2分，公开不及时的适当扣分', points: 2, intervals: [[0, 2]] },
  { construct: 'judgement 根据实际情况评分', text: '根据项目实际情况评分', points: 5, intervals: [[0, 5]] },
  { construct: 'judgement expert', text: '由专家综合评分', points: 10, intervals: [[0, 10]] },
  // ---------------------------------------------------------------- classes of unit
  { construct: 'branches 产区/非产区', text: '全部完成的，产区得3分、非产区得2分；每减少5个百分点，产区扣0.5分、非产区扣0.3分，扣完为止。', points: 3, values: [[1, 3], [0.9, 2], [0.5, 0]] },
  // ---------------------------------------------------------------- figures written in words
  { construct: 'numerals 两分', text: '完成得两分，未完成得零分', points: 2, allowed: [0, 2] },
  { construct: 'numerals 百分之', text: '完成率达到百分之九十的得3分，否则不得分', points: 3, allowed: [0, 3], values: [[0.9, 3], [0.89, 0]] },
  { construct: 'numerals 三分之一', text: '完成一项得指标分值的三分之一', points: 3, allowed: [0, 1, 2, 3] },
  { construct: 'numerals 一半', text: '全部完成得4分，完成一半以上的得分值的一半，其余不得分', points: 4, allowed: [0, 2, 4] },
  { construct: 'line breaks mid-word', text: '按完成比\n例给分', points: 4, intervals: [[0, 4]], values: [[0.5, 2]] },
  { construct: 'line breaks in a step', text: '达到100%得满分，每降低1%\n扣0.2分，扣完为止', points: 2, allowed: steps(2, 0.2), values: [[0.97, 1.4]] },
  { construct: 'full width figures', text: '完成率达到９５％得３分，否则得１分', points: 3, allowed: [1, 3], values: [[0.95, 3], [0.94, 1]] },
  { construct: 'Traditional characters', text: '完成率達到100%得滿分，未達到不得分', points: 2, allowed: [0, 2] },
  // ---------------------------------------------------------------- places from the text's own order
  { construct: 'ordered 分 once', text: '各乡镇按综合得分从高到低排序，分别得6、5、4、3分。', points: 6, allowed: [3, 4, 5, 6], values: [[1, 6], [2, 5], [4, 3]] },
  { construct: 'ordered within a band', text: '覆盖率达到90%的得8分；低于90%的按从高到低排序，分别得6、4、2分。', points: 8, allowed: [2, 4, 6, 8], values: [[0.9, 8], [0.95, 8]] },
  { construct: 'ordered two lists are parts', text: '收入增幅按从高到低分别得5、3、1分。\n支出进度按从高到低分别得5、3、1分。', points: 10, allowed: [2, 4, 6, 8, 10] },
  // ---------------------------------------------------------------- each listed item
  { construct: 'each listed 分别扣', text: '未建立台账的扣1分；无方案、无记录、无总结的分别扣0.5分。', points: 3, allowed: [0.5, 1, 1.5, 2, 2.5, 3] },
  { construct: 'each listed 各得', text: '制定和公开的各得1.5分，反之不得分。', points: 3, allowed: [0, 1.5, 3] },
  { construct: 'award list closed by 反之', text: '编制规划的，得1分；出台办法的，得2分；反之不得分。', points: 3, allowed: [0, 1, 2, 3] },
  // ---------------------------------------------------------------- awards per unit
  { construct: 'award step capped', text: '每组织一次专题培训得0.5分，最多得2分。', points: 2, allowed: [0, 0.5, 1, 1.5, 2], values: [[0, 0], [3, 1.5], [6, 2]] },
  { construct: 'bonus per unit from nothing', text: '每有一项成果被采纳加0.5分，累计不超过3分。', points: 3, values: [[2, 1], [10, 3]] },
  { construct: 'award step with 反之', text: '每完成一项任务得3分，反之不得分。', points: 6, allowed: [0, 3, 6], values: [[1, 3], [2, 6], [0, 0]] },
  // ---------------------------------------------------------------- deductions on a band
  { construct: 'band deduction keeps full points outside', text: '台账不全的扣1分；整改率低于90%的扣2分。', points: 5, allowed: [2, 3, 4, 5], values: [[0.9, 5], [0.89, 3]] },
  { construct: 'gap band of 0 points beside a step', text: '每延误一天扣0.5分；延误五天及以上不得分。', points: 2, values: [[0, 2], [2, 1], [5, 0]] },
  // ---------------------------------------------------------------- points in brackets, no 分
  { construct: 'bracketed points after bands', text: '完成80%及以上(20)完成60%及以上(12-19)完成60%以下(0-11)', points: 20, intervals: [[0, 11], [12, 19], [20, 20]], values: [[0.8, 20], [0.85, 20]] },
  // ---------------------------------------------------------------- changes against a reference
  { construct: '持平 with steps', text: '与上年相比持平的得6分，每下降1个百分点扣2分。', points: 6, values: [[0, 6], [0.02, 6], [-0.01, 4], [-0.03, 0]] },
  // ---------------------------------------------------------------- words that hold a scoring word
  { construct: '健全 is no 全扣', text: '制度健全得满分，不健全扣1分，无制度不得分。', points: 3, allowed: [0, 2, 3] },
  // ---------------------------------------------------------------- not understood
  { construct: 'not a rule band with a remark it cannot be', text: '20万元以上(含20万)得4分，1020万(含10万)得2分，少于10万不得分。', points: 4, notRule: true },
  // ---------------------------------------------------------------- per unit after the amount, codes, remarks
  { construct: 'per unit 扣N分/次', text: '发生一般事故扣3分/次，发生轻微事故扣1分/次。', points: 6, allowed: [0, 1, 2, 3, 4, 5, 6] },
  { construct: 'section code 2-3', text: '2-3 项目验收合格率达到100%的，得4分；未验收不得分。', points: 4, allowed: [0, 4], values: [[1, 4], [0.95, 0]] },
  { construct: 'figureless remark', text: '每缺一项资料扣1分（已在其他指标扣分的不再重复扣分）。', points: 3, allowed: [0, 1, 2, 3], values: [[2, 1]] },
  { construct: 'grades in words with bracketed ranges', text: '方案科学完整(9-10); 较完整(6-8); 不完整(0-5)。', points: 10, intervals: [[0, 5], [6, 8], [9, 10]] },
  { construct: 'only a zero above a figure', text: '差错率超过2%不得分。', points: 2, allowed: [0, 2], values: [[0.02, 2], [0.021, 0], [0, 2]] },
  { construct: 'one failing unit', text: '1名人员未持证上岗的，不得分。', points: 2, allowed: [0, 2], values: [[0, 2], [1, 0], [3, 0]] },
  { construct: 'deduction when not met, nothing awarded', text: '未达到要求的扣5分。', points: 5, allowed: [0, 5] },
  { construct: 'not a rule topic with the unit responsible', text: '4.档案管理(3分,办公室)', points: 3, notRule: true },
  // ---------------------------------------------------------------- steps and awards written without 每, caps in words
  { construct: 'step 少一个百分点 without 每', text: '到位率100%，记5分，少一个百分点扣1分。', points: 5, allowed: steps(5, 1), values: [[1, 5], [0.98, 3], [0.9, 0]] },
  { construct: 'step 下降1个百分点的 without 每', text: '完成率达到95%的得4分，下降1个百分点的扣0.5分，扣完为止。', points: 4, allowed: steps(4, 0.5), values: [[0.95, 4], [0.93, 3], [0.8, 0]] },
  { construct: 'award 有一次…最多得N分', text: '有一次专题会议记录的得1分，最多得3分。', points: 3, allowed: [0, 1, 2, 3], values: [[0, 0], [2, 2], [5, 3]] },
  { construct: 'bonus cap 以N分为限', text: '每新增1家企业，加0.5分，以2分为限。', points: 2, allowed: steps(2, 0.5), values: [[3, 1.5], [6, 2]] },
  { construct: '各扣N分 opening its clause', text: '未按要求落实的，各扣1.5分。', points: 3, allowed: [0, 1.5, 3] },
  { construct: '每个月 a month, not 每个', text: '未按月报送的，每个月扣2分，扣完为止。', points: 6, allowed: [0, 2, 4, 6], values: [[0, 6], [2, 2]] },
  { construct: '出现一个月 months found', text: '出现一个月未达标的扣1分，扣完为止。', points: 3, allowed: [0, 1, 2, 3], values: [[1, 2], [3, 0]] },
  { construct: 'parts by measured quantity, each with its steps', text: '验收合格率在95%以上得10分，每下降1个百分点扣1分，扣完为止；按期完工率在90%以上得10分，每下降1个百分点扣2分，扣完为止。', points: 20, allowed: steps(20, 1), values: [[0.95, 20], [0.93, 18], [0.8, 10]] },
  { construct: 'zero 不记分 (Traditional 不記分)', text: '建立台賬的，記3分；未建立的，不記分。', points: 3, allowed: [0, 3] },
  { construct: 'full 得总分值', text: '改制率100%得总分值，少一个百分点扣1分，直至扣完为止。', points: 10, allowed: steps(10, 1), values: [[1, 10], [0.95, 5]] },
  { construct: 'parts by sentence, each one award and its own steps', text: '按时报送年度计划的，计3分，否则不计分；按季度公开进展情况的计3分，每少一次扣1分。', points: 6, allowed: [0, 1, 2, 3, 4, 5, 6], values: [[0, 6], [2, 4]] },
  { construct: 'first deduction in text order', text: '出现一个月未达标的扣2分，扣完为止；凡出现“空白月”的，每个月扣5分。', points: 10, values: [[1, 8], [3, 4]] },
  { construct: 'steps inside a band below a count', text: '全年召开专题会议少于4次的，每少1次扣1分。', points: 5, allowed: [1, 2, 3, 4, 5], values: [[4, 5], [6, 5], [3, 4], [0, 1]] },
  { construct: 'steps inside a band below a rate, full above it', text: '覆盖率低于90%的，每降低1个百分点扣0.5分，扣完为止。', points: 5, allowed: steps(5, 0.5), values: [[0.9, 5], [0.95, 5], [0.88, 4], [0.5, 0]] },
  { construct: 'step per person 每缺一名 (名 counts, 计 inside a noun)', text: '每缺一名计生专干的扣0.5分，扣完为止。', points: 2, allowed: steps(2, 0.5), values: [[0, 2], [1, 1.5], [3, 0.5]] },
  { construct: 'step per level 每少一层', text: '每少一层管理扣3分', points: 6, allowed: [0, 3, 6], values: [[1, 3]] },
  { construct: 'not met after a band is what the band leaves', text: '验收合格率95%以上，得2分；未达标的，扣2分。', points: 2, allowed: [0, 2], values: [[0.95, 2], [0.9, 0]] },
  { construct: '未达要求 after a band (not a comparator)', text: '公示时间不少于7天，得3分；未达要求的，不得分。', points: 3, allowed: [0, 3], values: [[7, 3], [5, 0]] },
  { construct: '分别 over a list of figures: one clause each (deductions)', text: '执行率低于90%、80%、70%的，分别扣1分、2分、4分。', points: 10, allowed: [6, 8, 9, 10], values: [[0.95, 10], [0.85, 9], [0.75, 8], [0.6, 6]] },
  { construct: '分别 over a list of figures: one clause each (awards, 分 once)', text: '得分率达到90%、80%、70%的，分别得5、3、1分，70%以下不得分。', points: 5, allowed: [0, 1, 3, 5], values: [[0.95, 5], [0.85, 3], [0.75, 1], [0.5, 0]] },
  { construct: '分别 over figures each with its comparator after it, the list closed by 和', text: '资金配套比例在40%以上、30%以上和20%以上的，分别得5分、3分和1分。', points: 5, allowed: [0, 1, 3, 5], values: [[0.45, 5], [0.4, 5], [0.35, 3], [0.2, 1]] },
  { construct: '分别 with a shared condition between the list and 分别', text: '验收合格的工程占比超过90%、80%和70%，且档案资料齐全，分别得4分、3分和2分；其余不得分。', points: 4, allowed: [0, 2, 3, 4], values: [[0.95, 4], [0.9, 3], [0.75, 2], [0.5, 0]] },
  { construct: 'a bracketed remark between the comparator and its figure', text: '验收面积达到计划面积（含补建面积）的100%得6分，达到计划面积的80%得3分，低于80%不得分。', points: 6, allowed: [0, 3, 6], values: [[1, 6], [0.9, 3], [0.8, 3], [0.7, 0]] },
  { construct: 'an item that only vetoes the indicator is no part', text: '1.建立项目库并按时更新，得4分。\n2.入库项目开工率达到80%以上得2分。\n3.项目库未按时更新的，本项不得分。', points: 6, allowed: [0, 2, 4, 6], values: [[0.8, 6], [0.9, 6]] },
  { construct: 'parts by sentence, each one award and a deduction per failure with its cap', text: '按月报送进度的得3分，有一次未按时报送的扣1分，最多扣3分；按季度公示的得2分，有一次未公示的扣1分，最多扣2分。', points: 5, allowed: [0, 1, 2, 3, 4, 5] },
  { construct: 'step 每少于 a physical unit (公斤)', text: '亩均施用有机肥800公斤以上，每少于50公斤扣1分，扣完为止。', points: 4, allowed: [0, 1, 2, 3, 4] },
  { construct: '达不到 a named requirement after a band is what the band leaves', text: '亩产达到450公斤的得5分，达不到亩产要求的扣5分。', points: 5, allowed: [0, 5], values: [[460, 5], [450, 5], [400, 0]] },
  { construct: 'step 每提高 deducting: lower is better, steps from the full band’s figure', text: '结转结余率≤5%得满分，每提高1个百分点扣0.5分，扣完为止。', points: 5, allowed: steps(5, 0.5), values: [[0.05, 5], [0.04, 5], [0.07, 4], [0.2, 0]] },
  { construct: 'step 每提升 deducting after 控制在…以内', text: '投诉率控制在2%以内得4分，每提升1个百分点扣1分，扣完为止。', points: 4, allowed: [0, 1, 2, 3, 4], values: [[0.02, 4], [0.03, 3], [0.1, 0]] },
  { construct: 'a rate that loses points as it rises, with no figure to rise from: the rise is the value', text: '设备故障率每增加1个百分点扣0.5分，扣完为止。', points: 2, allowed: steps(2, 0.5), values: [[0, 2], [0.01, 1.5], [0.03, 0.5], [0.1, 0]] },
  { construct: 'step per lamp (盏) and per metre (m)', text: '每发现1盏不亮扣0.2分；运输距离每超出50m扣0.1分。', points: 1, allowed: steps(1, 0.1) },
  { construct: '个点 of a rate are percentage points', text: '群众满意度100%得满分，满意度每下降2个点扣1分，满意度低于80%不得分。', points: 10, allowed: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], values: [[1, 10], [0.96, 8], [0.81, 1], [0.79, 0]] },
  { construct: '个点 elsewhere are places', text: '每抽查发现1个点不合格扣1分，扣完为止。', points: 3, allowed: [0, 1, 2, 3], values: [[0, 3], [2, 1]] },
  { construct: 'a target the steps fall short of (应达到X%，每低…)', text: '项目支出进度应达到90%，每低1个百分点扣0.5分，扣完为止。', points: 5, allowed: steps(5, 0.5), values: [[0.95, 5], [0.9, 5], [0.88, 4], [0.5, 0]] },
  { construct: 'a target figure alone before the steps (资金到位率100%，每降低…)', text: '配套资金到位率100%，每降低1个百分点扣0.2分，扣完为止。', points: 4, allowed: steps(4, 0.2), values: [[1, 4], [0.95, 3], [0.7, 0]] },
  { construct: 'a ceiling the steps go over (不超过X%，每超过…)', text: '结转结余率不超过5%，每超过1个百分点扣1分，扣完为止。', points: 4, allowed: [0, 1, 2, 3, 4], values: [[0.03, 4], [0.05, 4], [0.07, 2], [0.2, 0]] },
  { construct: 'bonuses for places alone are the places’ scores (第一名加…第二名加…)', text: '按考评结果排名，第一名加1分，第二名加0.6分，第三名加0.3分。', points: 1, allowed: [0, 0.3, 0.6, 1], values: [[1, 1], [2, 0.6], [3, 0.3]] },
  { construct: 'a target, then 未达到的 steps below it', text: '项目预算执行率达到100%，未达到的每降低1个百分点扣0.5分，扣完为止。', points: 5, allowed: steps(5, 0.5), values: [[1, 5], [0.96, 3], [0.9, 0]] },
  { construct: 'a target, then 未达到目标的, steps below it', text: '资金到位率应达到100%，未达到目标的，每低1个百分点扣0.2分。', points: 4, allowed: steps(4, 0.2), values: [[1, 4], [0.96, 3.2], [0.5, 0]] },
  { construct: 'a target by 不低于, steps below it', text: '预算执行率不低于90%，每低1个百分点扣0.5分，扣完为止。', points: 5, values: [[0.95, 5], [0.9, 5], [0.88, 4]] },
  { construct: 'a count target by 不少于, steps below it', text: '新增就业人数不少于1000人，每少100人扣1分，扣完为止。', points: 5, values: [[1200, 5], [1000, 5], [800, 3]] },
  { construct: 'a count target, then 未达到的 steps', text: '新增就业人数达到1000人，未达到的，每少100人扣1分。', points: 5, values: [[1000, 5], [900, 4]] },
  { construct: 'a ceiling by 控制在…以内, steps over it', text: '差错率控制在2%以内，每超过1个百分点扣1分。', points: 3, values: [[0.01, 3], [0.02, 3], [0.03, 2]] },
  { construct: 'a target by 要求达到 (the quantity named without 要求)', text: '覆盖率要求达到95%，每降低1个百分点扣1分。', points: 5, values: [[0.95, 5], [0.93, 3]] },
  { construct: 'step per set (每少1组) beside a one-off deduction', text: '活动场所至少设置2组健身器材，每少1组扣3分；未公示管理制度的扣1分。', points: 7, allowed: [0, 1, 3, 4, 6, 7] },
  { construct: 'a basis opening the text introduces the steps after it (no judgement)', text: '根据项目完成情况进行评分。完成率100%得满分，每降低1个百分点扣0.5分。', points: 5, allowed: steps(5, 0.5), values: [[1, 5], [0.98, 4]] },
  { construct: 'a basis alone is judgement', text: '根据项目实际完成情况评分。', points: 5, intervals: [[0, 5]] },
  { construct: 'awards listed with commas that add up to the points are parts, not classes of unit', text: '制度健全得1分，执行到位得1分，档案完整得1分。', points: 3, allowed: [0, 1, 2, 3] },
  { construct: 'classes of unit, one of which has the points', text: '按期完成的，产区得2分、非产区得1.5分。', points: 2, allowed: [0, 1.5, 2] },
  { construct: 'a formula whose rate is capped in brackets after its name', text: '得分=项目完成率（完成率超过100%的按100%计算）×分值', points: 10, intervals: [[0, 10]], values: [[0.85, 8.5], [1, 10], [1.2, 10]] },
  { construct: 'a formula with a remark in brackets after a name', text: '得分=实际到位资金（含上级补助）/计划投入资金×分值', points: 4, intervals: [[0, 4]], values: [[0.5, 2], [1, 4]] },
  { construct: 'a target, a requirement without figures, then steps below the target in its unit', text: '亩均施用有机肥800公斤以上，提供购肥票据，每少于50公斤扣1分，扣完为止。', points: 4, allowed: [0, 1, 2, 3, 4], values: [[900, 4], [800, 4], [700, 2], [500, 0]] },
  { construct: 'a count with another unit in brackets (1人（次）) is still per occurrence', text: '未按要求参加培训的，1人（次）扣0.5分，扣完为止。', points: 2, allowed: steps(2, 0.5), values: [[0, 2], [3, 0.5]] },
  { construct: 'parts by sentence: a sentence that only deducts goes with the award before it', text: '文字通顺、表述准确的，计3分。有语病或错别字的，每处扣0.5分；按规定格式排版的，计1分。每有一处格式不符的，扣0.2分，扣完为止。', points: 4, allowed: [0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9, 3, 3.1, 3.2, 3.3, 3.4, 3.5, 3.6, 3.8, 4] },
  { construct: 'a point lost before 分 (扣02分 is 0.2)', text: '在编人数不超过编制数得2分，每超出1人扣02分，扣完为止。', points: 2, allowed: steps(2, 0.2) },
  { construct: 'graded wording with bare point ranges in brackets (分 left out)', text: '方案设计(10分)：科学合理(8-10)；较合理(5-7)；基本合理(2-4)；不合理(0-1)。', points: 10, intervals: [[0, 1], [2, 4], [5, 7], [8, 10]] },
  { construct: 'a lone bracketed figure is no tier', text: '按第(3)项要求完成得2分，否则不得分。', points: 2, allowed: [0, 2] },
  { construct: 'a range of points with 分 after each end (3分到0分)', text: '完成(5分)完成80%以上(4分)完成60%以上(3分)完成50%及以下(2分到0分)', points: 5, intervals: [[0, 2], [3, 3], [4, 4], [5, 5]], values: [[0.8, 4], [0.6, 3]] },
  { construct: '分值计算 in a condition is a noun, not the points', text: '资料归档正确、分值计算无误的，计2分；分值计算有误的，每处扣0.5分，扣完为止。', points: 2, allowed: [0, 0.5, 1, 1.5, 2] },
  { construct: 'items of stated points without numbering (每项…各N分)', text: '每项措施各1.5分，完成计满分，没有完成计0分。', points: 6, allowed: [0, 1.5, 3, 4.5, 6], values: [[0, 0], [3, 4.5], [4, 6]] },
  { construct: 'formula after 得分值= (as after 得分=)', text: '得分值=种植率×30', points: 30, intervals: [[0, 30]], values: [[0.85, 25.5], [0.5, 15]] },
  { construct: 'not understood 依次类推', text: '完成全年任务的得10分，完成90%的得9分，依次类推。', points: 10, notRule: true },
  // ---------------------------------------------------------------- not rules
  { construct: 'not a rule 详见', text: '详见附件3评分细则', points: 5, notRule: true },
  { construct: 'not a rule 参照', text: '参照上年度标准执行', points: 5, notRule: true },
  { construct: 'not a rule description', text: '项目资金使用合规，管理规范，效益明显。', points: 5, notRule: true },
  { construct: 'not a rule definition', text: '预算执行率=实际支出/全年预算数×100%', points: 5, notRule: true },
  { construct: 'not a rule 同上', text: '计分方法同上', points: 3, notRule: true },
  { construct: 'not a rule empty', text: '', points: 3, notRule: true },
  { construct: 'not a rule points only', text: '制度建设（5分）', points: 5, notRule: true },
  { construct: 'not a rule basis only', text: '根据项目验收情况计分', points: 5, notRule: true },
  { construct: 'not a rule checklist', text: '□优 □良 □中 □差', points: 5, notRule: true },
];
