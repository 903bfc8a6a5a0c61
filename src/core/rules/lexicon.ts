/**
 * The lexicon of 评分标准 texts: every word the rule reader (and the values module) knows, with
 * what it means. Data only. A new phrasing is an entry here or a grammar rule in parser.ts.
 *
 * Sources of the wording: 财预〔2020〕10号 and 财预〔2021〕101号 (national schemes), the constructs of
 * ../shared/rule-language.md, and public evaluation tables of many provinces.
 */

/** A comparison of a measured value with a figure. */
export type Op = '>=' | '>' | '<=' | '<' | '=';

/**
 * Comparators (the signs ≥ > ≤ < = are operators of the lexer). `pre` words stand before the figure ("不低于90%"), `post` words after it
 * ("90%以上"). By 民法典第一千二百五十九条 以上、以下、以内 include the figure; 不满、超过、以外 do not.
 */
export const PRE_COMPARATORS: ReadonlyArray<readonly [string, Op]> = [
  ['大于或等于', '>='], ['大于等于', '>='], ['大于或者等于', '>='], ['高于或等于', '>='], ['高于等于', '>='],
  ['达到或超过', '>='], ['达到或高于', '>='], ['达到或者超过', '>='], ['不低于', '>='], ['不少于', '>='], ['不小于', '>='],
  ['不得低于', '>='], ['不得少于', '>='], ['达到', '>='], ['达', '>='],
  ['大于', '>'], ['高于', '>'], ['超过', '>'], ['超出', '>'], ['多于', '>'],
  ['小于或等于', '<='], ['小于等于', '<='], ['低于或等于', '<='], ['低于等于', '<='], ['不高于', '<='], ['不超过', '<='],
  ['不大于', '<='], ['不多于', '<='], ['不得超过', '<='], ['控制在', '<='],
  ['小于', '<'], ['低于', '<'], ['不足', '<'], ['不满', '<'], ['未满', '<'], ['少于', '<'], ['不到', '<'],
  ['未达到', '<'], ['没有达到', '<'], ['没达到', '<'], ['达不到', '<'], ['未达', '<'],
  ['未超过', '<='], ['未超出', '<='], ['没有超过', '<='], ['不超出', '<='], ['未高于', '<='], ['未大于', '<='], ['未多于', '<='],
  ['未低于', '>='], ['未小于', '>='], ['未少于', '>='], ['没有低于', '>='],
  ['等于', '='], ['为', '='], ['是', '='],
];

export const POST_COMPARATORS: ReadonlyArray<readonly [string, Op]> = [
  ['及其以上', '>='], ['及以上', '>='], ['或以上', '>='], ['以上', '>='],
  ['及其以下', '<='], ['及以下', '<='], ['或以下', '<='], ['以下', '<='], ['以内', '<='], ['之内', '<='], ['以外', '>'],
];

/** After a figure: "90%（含）" makes its comparison inclusive, "（不含）" exclusive. */
export const INCLUSIVE_MARKS: ReadonlyArray<readonly [string, boolean]> = [
  ['(含本数)', true], ['(含)', true], ['(包含)', true], ['(包括)', true], ['(不含本数)', false], ['(不含)', false], ['(不包含)', false], ['(不包括)', false],
];

/** Between two figures: "90%-100%", "90%至100%", "在90%与100%之间". */
export const RANGE_INFIXES: readonly string[] = ['-', '至', '到', '~', '与', '和'];
export const RANGE_CLOSERS: readonly string[] = ['之间', '区间', '范围内', '范围'];

/** Verbs that give points: 得N分, 计满分, 给N分, 记该指标所赋全部分值. */
export const AWARD_VERBS: readonly string[] = [
  '可得', '应得', '即得', '获得', '得到', '得', '计', '给予', '给', '记', '赋予', '赋', '评', '打', '加计', '为', '占',
];
/** Verbs that take points away: 扣N分, 扣除指标分值的X%. */
export const DEDUCT_VERBS: readonly string[] = ['扣除', '扣减', '扣去', '倒扣', '扣', '减去', '减'];
/** Verbs that add bonus points. */
export const ADD_VERBS: readonly string[] = ['加分', '加', '奖励', '另加'];

/** Words for all of the indicator's points. */
export const FULL_WORDS: readonly string[] = [
  '该指标所赋全部分值', '所赋全部分值', '该项全部分值', '本项全部分值', '全部分值', '全部得分', '满分', '全分', '总分值',
];

/** Words for no points. */
export const ZERO_WORDS: readonly string[] = [
  '该指标不得分', '本指标不得分', '该项指标不得分', '此项指标不得分', '该项不得分', '此项不得分', '本项不得分', '该项目不得分',
  '不得分', '不计分', '不记分', '不赋分', '不给分', '无分', '零分', '计零分', '不得分值', '扣除全部分值', '扣除该项全部分值', '扣全部分值', '扣完该项分值', '扣完本项分值', '扣完该项分', '扣完本项分', '全部扣除', '全扣',
  '一票否决', '实行一票否决',
];

/** Words for the indicator's points as a multiplier or base (×指标分值, 扣5%权重分值). */
export const POINTS_WORDS: readonly string[] = [
  '该项指标分值', '本项指标分值', '该指标分值', '本指标分值', '此项指标分值', '指标分值', '该项分值', '本项分值', '此项分值', '权重分值',
  '该要点分值', '本要点分值', '要点分值', '相应权重分值', '相应分值', '所赋分值', '该项满分', '本项满分', '指标分数权重', '指标分数', '指标权重',
  '分数权重', '标准分', '分值', '权重', '分数',
];

/** "否则", "其余": the case not covered by the clauses before. */
export const OTHERWISE_WORDS: readonly string[] = [
  '否则', '反之', '其余情况', '其他情况', '其它情况', '其余的', '其余', '其他的', '其它的', '其他', '其它', '除此之外', '以外的',
];

/** The target not met: alone they are the otherwise-case of a target ("完成得2分，未完成不计分"). */
export const TARGET_NOT_MET: readonly string[] = [
  '未完成', '没完成', '没有完成', '不完成', '未达标', '不达标', '未达要求', '未达到', '没达到', '没有达到', '达不到', '不能达到', '未实现', '没有实现',
  '未按期完成', '未按时完成', '不符合', '不满足',
];
/** The target met, said without a figure ("完成得2分", "达到得满分"). */
export const TARGET_MET: readonly string[] = ['全部完成', '按期完成', '按时完成', '完成', '达到', '实现', '达标', '符合', '满足'];

/** Deductions stop at zero. A figure may follow ("扣满15分为止", "扣完10分后…"). */
export const FLOOR_WORDS: readonly string[] = [
  '扣完本项分值为止', '扣完该项分值为止', '扣完本指标分值为止', '扣完为止', '扣完即止', '扣满为止', '减完为止', '扣完', '直至扣完', '直到扣完',
  '直至扣到0分', '直至扣至0分', '直至0分', '直至0分为止', '直到0分', '扣至0分为止', '扣至0分', '扣到0分为止', '最低0分', '最低为0分',
  '最低得0分', '最低扣至0分', '最低至0分', '不得为负', '不计负分', '不倒扣', '以扣完本项分值为限', '扣分不超过本项分值', '最多扣完',
];

/** Deductions capped at a figure ("最多扣5分") or at the points ("最多扣完本项分值"). */
export const DEDUCTION_CAP_WORDS: readonly string[] = ['最多扣', '最高扣', '累计扣分不超过', '扣分上限为', '扣分上限', '累计最多扣', '最多扣除'];
/** Bonuses capped ("最多加10分"). */
export const BONUS_CAP_WORDS: readonly string[] = ['最多加', '最高加', '最多可加', '最高可加', '加分最多', '加分不超过', '加分上限为', '加分最高'];
/** The score capped ("最高不超过本项分值", "最高得5分"). */
export const SCORE_CAP_WORDS: readonly string[] = ['最高不超过', '最多不超过', '最高得', '最多得', '最高为', '以此为限', '封顶', '累计不超过', '累计最高', '累计最多', '合计不超过', '总分不超过', '累计得分不超过', '得分最高不超过'];

/** Judgement within a range (any score allowed). */
export const DISCRETIONARY_WORDS: readonly string[] = [
  '酌情扣分', '酌情给分', '酌情得分', '酌情扣减', '酌情计分', '酌情评分', '酌情打分', '酌情扣除', '酌情减分', '酌情赋分', '酌情', '适当扣分', '适当给分',
  '适当扣减', '相应扣分', '视情况扣分', '视情况给分', '视情况得分', '视情况评分', '视情况', '视具体情况', '视实际情况', '视情节轻重', '视情节严重程度',
  '视情节严重情况', '视情节', '视严重程度', '视程度', '由专家综合评分', '由专家评分', '由专家打分', '专家综合评定', '综合评定',
  '采用专家组评分', '专家组评分', '专家组打分', '专家评分', '专家打分', '专家评议打分', '评审专家打分', '由评审组评分', '评价组综合评定',
];

/** Scoring verbs that close a basis ("按完成比例给分", "根据…计分", "视下降程度得分"). */
export const SCORE_VERBS: readonly string[] = [
  '计算得分', '核定得分', '计算分数', '进行扣分', '进行评分', '进行打分', '进行计分', '给分', '计分', '记分', '赋分', '打分', '评分', '扣分', '得分',
  '减分', '折算', '计算', '递减', '计',
];

/** Words of a proportion in a basis ("按完成比例给分", "按…的比重计算得分"). */
export const PROPORTION_WORDS: readonly string[] = ['百分比', '比例', '比率', '比重', '比值', '之比', '程度', '进度'];
/** Words of a rank. */
export const RANK_WORDS: readonly string[] = ['排位', '排名', '名次', '位次'];

/** Verbs between 每 and a quantity ("每下降1个百分点", "每延期3个月", "每发现一处"). */
export const STEP_VERBS: readonly string[] = [
  '下降', '降低', '减少', '下滑', '低于', '少于', '低', '降', '少', '缺少', '缺', '差', '相差', '偏离', '超过', '超出', '超', '高于', '多于', '高', '多', '增加', '上升', '升',
  '提高', '提升', '增长', '增多', '延期', '延迟', '推迟', '滞后', '逾期', '晚', '发现', '出现', '存在', '发生', '有', '进', '退', '后退', '前进', '撤换', '新增',
];

/** Units of measured quantities, longest first where one is a prefix of another. */
/** 'score': points of a score measured elsewhere ("≥90分"); no unit word has it. */
export type UnitClass = 'pp' | 'percent' | 'duration' | 'rank' | 'count' | 'amount' | 'ratio' | 'age' | 'physical' | 'score';
export const UNITS: ReadonlyArray<readonly [string, UnitClass]> = [
  ['个百分点', 'pp'], ['百分点', 'pp'], ['%', 'percent'], ['‰', 'percent'],
  ['个工作日', 'duration'], ['工作日', 'duration'], ['个自然日', 'duration'], ['自然日', 'duration'], ['个月', 'duration'], ['个季度', 'duration'], ['季度', 'duration'],
  ['小时', 'duration'], ['月', 'duration'], ['天', 'duration'], ['日', 'duration'], ['周', 'duration'], ['年', 'duration'],
  ['位次', 'rank'], ['名次', 'rank'], ['位', 'rank'], ['名', 'rank'],
  ['人次', 'count'], ['个', 'count'], ['家', 'count'], ['项', 'count'], ['次', 'count'], ['人', 'count'], ['处', 'count'], ['条', 'count'],
  ['件', 'count'], ['例', 'count'], ['起', 'count'], ['宗', 'count'], ['份', 'count'], ['所', 'count'], ['台', 'count'], ['套', 'count'],
  ['户', 'count'], ['篇', 'count'], ['批', 'count'], ['笔', 'count'], ['张', 'count'], ['场', 'count'], ['期', 'count'], ['座', 'count'],
  ['单', 'count'], ['层', 'count'], ['点', 'count'], ['类', 'count'], ['种', 'count'], ['轮', 'count'], ['届', 'count'], ['村', 'count'], ['所学校', 'count'],
  ['支', 'count'], ['部', 'count'], ['栋', 'count'], ['辆', 'count'], ['株', 'count'], ['头', 'count'], ['只', 'count'],
  ['组', 'count'], ['盏', 'count'], ['根', 'count'], ['块', 'count'], ['棵', 'count'], ['艘', 'count'], ['架', 'count'], ['册', 'count'],
  ['万亩', 'physical'], ['万吨', 'physical'], ['万平方米', 'physical'],
  ['亿元', 'amount'], ['万元', 'amount'], ['千元', 'amount'], ['元', 'amount'], ['亿', 'amount'], ['万', 'amount'],
  ['倍', 'ratio'], ['周岁', 'age'], ['岁', 'age'],
  ['微克/立方米', 'physical'], ['毫克/立方米', 'physical'], ['μg/m³', 'physical'], ['吨标准煤', 'physical'], ['吨', 'physical'], ['公斤', 'physical'], ['千克', 'physical'], ['平方公里', 'physical'], ['公里', 'physical'],
  ['千米', 'physical'], ['km', 'physical'], ['kg', 'physical'], ['㎡', 'physical'], ['m²', 'physical'], ['m³', 'physical'], ['m', 'physical'], ['平方米', 'physical'], ['立方米', 'physical'], ['公顷', 'physical'], ['亩', 'physical'], ['米', 'physical'], ['千瓦时', 'physical'],
];

/** Quantities that are better when lower (their completion is target / actual). */
export const LOWER_IS_BETTER: readonly string[] = [
  '差错率', '错误率', '误差率', '误差', '控制率', '调整率', '调剂率', '超支率', '结转率', '结余率', '投诉率', '事故率', '发生率', '偏差率', '偏差', '偏离度', '空置率',
  '返工率', '流失率', '失败率', '违约率', '不合格率', '次品率', '损耗率', '能耗', '排放量', '浓度', '死亡率', '发病率', '辍学率', '逾期率', '闲置率',
  '超标率', '案发率', '复发率', '延误率', '滞留', '漏报率', '迟报率', '缺陷率', '故障率', '等待时间', '办理时限', '响应时间', '时长', '成本',
];

/** Units of occurrences: a count of them is banded even without 发现/出现 ("三次(含)以上"). */
export const OCCURRENCE_UNITS: readonly string[] = ['次', '处', '例', '起', '宗', '件', '人次'];

/** Points per item ("每项1分", "各2分", "以上每项1分") and an item's total ("共1分"). */
export const EACH_WORDS: readonly string[] = ['以上每项', '以上各项', '以上各', '每个指标', '每项指标', '每一项', '各项指标', '各项', '每项', '每个', '每指标', '各指标', '各'];
export const TOTAL_WORDS: readonly string[] = ['共计', '合计', '共', '小计', '总计'];

/** Words that leave the rest of a ladder to the reader ("完成90%得9分，完成80%得8分，依次类推"): the steps not written cannot be read. */
export const EXTRAPOLATION_WORDS: readonly string[] = ['依次类推', '以此类推', '依此类推', '依次递推', '类推'];

/** A text that only refers elsewhere. */
export const REFERENCE_WORDS: readonly string[] = [
  '详见', '见附件', '参见', '参照附件', '参考附件', '具体见', '按附件', '另行制定', '另行规定', '计分方法同上', '评分标准同上', '同上',
];

/** Connectives of conditions. */
export const AND_WORDS: readonly string[] = ['并且', '而且', '同时', '且', '并'];
export const OR_WORDS: readonly string[] = ['或者', '或'];
/** Words that open a condition ("若…", "如果…", "对于…"). */
export const IF_WORDS: readonly string[] = ['如果', '若', '凡', '对于', '对', '当', '其中', '但'];
/** No deduction: "可不扣分". */
export const EXEMPT_WORDS: readonly string[] = ['可不扣分', '不予扣分', '不扣分', '免于扣分', '可不扣', '不扣'];
/** A single deduction, not per occurrence: "一经发现…扣1分". */
export const ONE_OFF_WORDS: readonly string[] = ['一经发现', '一经查实', '一经核实', '一旦发现', '一经'];
/** Tiers given in order: "依次赋予60分、57分…", "分别计2分、1.9分". */
export const ORDER_WORDS: readonly string[] = ['依次', '分别'];
/** Interpolation between the bounds of a band. */
export const INTERPOLATE_WORDS: readonly string[] = ['按插值计分', '插值计分', '线性插值', '插值法', '插值'];
/** Deductions beyond this indicator go to the total score ("扣完10分后扣项目考核总分"). */
export const OVERFLOW_WORDS: readonly string[] = ['后扣项目考核总分', '后扣考核总分', '后扣总分', '后从总分中扣除', '扣项目考核总分', '扣考核总分'];

/** A reference level a condition compares with when it names no figure. */
export const REFERENCE_LEVELS: readonly string[] = [
  '年度指标值', '年度目标值', '预期目标值', '绩效目标值', '指标值', '目标值', '预期目标', '年度目标', '目标任务', '目标', '计划数', '计划', '标准',
  '平均水平', '平均值', '平均数', '平均', '基准水平', '标杆水平', '上年', '去年',
];

/**
 * Ordinary words that contain a one-character lexicon word ("行为" holds 为, "评价" holds 评,
 * "有效" holds 有): read as plain text so the single character never takes a scoring meaning.
 */
export const PLAIN_WORDS: readonly string[] = [
  '视为', '作为', '认为', '行为', '成为', '因为', '为了', '以为', '为准', '为主', '为本', '为民', '更为', '称为', '确认为', '为期',
  '评价', '评审', '评估', '评定', '评比', '评选', '评议', '测评', '考评', '打造', '打击', '设计', '统计', '会计', '计划', '计算机', '合计数',
  '供给', '给予支持', '登记', '记录', '记载', '书记', '有效', '有关', '所有', '没有', '具有', '拥有', '有限', '有序', '有力', '有利', '有机',
  '推进', '促进', '进行', '进一步', '先进', '引进', '改进', '进度', '退休', '退役', '缺陷', '是否', '但是', '凡是', '合并', '公共', '共享', '共同',
  '对象', '针对', '面对', '相对', '核对', '对接', '对照', '当地', '相当', '当年', '当期', '当前', '目前', '前期', '提前', '落后', '以后', '目的',
  '甚至', '至少', '到位', '受到', '做到', '到期', '参与', '与会', '所以', '可以', '予以', '以及', '加以', '难以', '以此', '差异', '多元', '许多',
  '低碳', '高效', '提高', '超市', '减少', '降低', '按时', '按期', '按照', '得以', '取得', '懂得', '记得', '心得', '使得', '占比', '占用',
  '占有', '占地', '分值计算', '计分错误', '计分正确',
  // "制度健全扣1分" is 健全 + 扣1分, not 全扣.
  '健全', '齐全', '完全', '安全', '周全', '全面', '全部', '全年', '全省', '全市', '全县', '全区', '全国', '全体', '全员', '全程', '全额',
];

/** Proportional to the figure full points need: "低于12000元/人采用比率法计分" → points × value / 12000. */
export const RATIO_METHOD_WORDS: readonly string[] = ['采用比率法计分', '采取比率法计分', '按比率法计分', '比率法计分', '采用比率法', '采取比率法', '比率法'];

/** Constructs the reader knows it cannot score, said instead of guessed. */
export const UNSUPPORTED_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['实行倒扣分', '规则允许扣成负分（倒扣分），暂不支持'],
  ['倒扣分', '规则允许扣成负分（倒扣分），暂不支持'],
  ['扣成负分', '规则允许扣成负分，暂不支持'],
];

/** Steps that go over a figure (lower is better) or under it (higher is better). */
/** Step verbs of falling short ("每低1个百分点", "每减少一项"): the quantity loses points below its figure. */
export const SHORTFALL_VERBS: readonly string[] = ['下降', '降低', '减少', '下滑', '低于', '少于', '低', '降', '少', '缺少', '缺', '差'];

export const EXCESS_VERBS: readonly string[] = ['超过', '超出', '超', '高于', '多于', '高', '多', '增加', '增长', '增多', '上升', '升', '提高', '提升', '延期', '延迟', '推迟', '滞后', '逾期', '晚'];

/**
 * Scoring methods the reader does not implement (coefficients, weighting, ranking of scores): a
 * text that uses one outside a known construct is not understood rather than half-read.
 */
export const UNKNOWN_METHOD_WORDS: readonly string[] = ['系数', '折合', '换算', '加权', '标准化', '排序', '平均后', '调节'];
