/**
 * The PERF worksheet functions as Excel users see them, defined once. The build writes
 * functions.json (Chinese, the manifest's default) and functions-en.json (the en-US override) from
 * this table; the add-in builds every formula it writes or shows (review columns, help) from it.
 *
 * A function's `id` is also its `name`: ASCII and upper case, typed as `=PERF.RULESCORE(…)` in
 * every display language (as Chinese Excel users type `=SUM`). Excel resolves a formula by the
 * displayed name, so a localized name would break every formula written in another language
 * (office-js#891). Only descriptions and parameter names are localized.
 *
 * webpack.config.js loads this file at build time (through tsx).
 */
import { PERF_IDS, type PerfId } from './ids';

export { PERF_IDS, type PerfId };
export const PERF_NAMESPACE = 'PERF';

export type MetadataLanguage = 'zh' | 'en';
export type Localized = Record<MetadataLanguage, string>;


export interface PerfParameter {
  /** Shown in Excel's IntelliSense. */
  name: Localized;
  description: Localized;
  optional?: boolean;
  /** A range: the function receives a matrix (dimensionality "matrix"). */
  range?: boolean;
}

export interface PerfFunction {
  id: PerfId;
  description: Localized;
  parameters: PerfParameter[];
  result: { type: 'number' | 'string'; description: Localized };
  /** Arguments of the example shown in the help (cell references of a typical scoring sheet). */
  example: string[];
}

const p = (zh: string, en: string): Localized => ({ zh, en });

export const PERF_FUNCTIONS: readonly PerfFunction[] = [
  {
    id: 'COMPLETION',
    description: p('完成率：实际值与目标值之比；越低越好的指标（≤、下降、排名）取目标值/实际值。', 'Completion rate: actual over target; for lower-is-better targets (≤, decreases, ranks) target over actual.'),
    parameters: [
      { name: p('实际值', 'actual'), description: p('实际完成值，数值或文字，如“192.35亿元”“95.25%”“第3名”', 'Actual value, a number or text such as "192.35亿元", "95.25%", "第3名"') },
      {
        name: p('目标值', 'target'),
        description: p('目标值，数值或文字，如“≥3个”“前4名”“≤90万元”“不低于发展基金出资额的 1.5 倍”', 'Target, a number or text such as "≥3个", "前4名", "≤90万元"'),
      },
      {
        name: p('方向', 'direction'),
        description: p('方向：higher/lower 或 越高越好/越低越好；省略时按目标值的写法判断', 'higher/lower (or 越高越好/越低越好); read from the target when omitted'),
        optional: true,
      },
    ],
    result: { type: 'number', description: p('完成率（小数，1 表示 100%）', 'Completion rate (a fraction, 1 = 100%)') },
    example: ['F5', 'E5'],
  },
  {
    id: 'LINEAR',
    description: p('门槛线性得分：达到满分线得满分，低于起评线不得分，其间按比例计分。', 'Threshold-linear score: full points at the full line, none below the floor, proportional between.'),
    parameters: [
      { name: p('完成率', 'rate'), description: p('完成率（小数或百分数文字）', 'Completion rate (a fraction or a percent text)') },
      { name: p('分值', 'points'), description: p('指标分值', "The indicator's points") },
      { name: p('起评线', 'floor'), description: p('起评线，默认 60%', 'Floor, 60% by default'), optional: true },
      { name: p('满分线', 'full'), description: p('满分线，默认 100%', 'Full-points line, 100% by default'), optional: true },
    ],
    result: { type: 'number', description: p('得分', 'Score') },
    example: ['G5', 'D5'],
  },
  {
    id: 'SATISFACTION',
    description: p('满意率：各选项人数（或比例）按权重加权，非常满意/比较满意/一般/不满意 顺序。', 'Satisfaction rate: answer counts (or shares) weighted, in the order 非常满意/比较满意/一般/不满意.'),
    parameters: [
      { name: p('答卷数', 'answers'), description: p('一行或一列的人数或比例', 'A row or column of counts or shares'), range: true },
      {
        name: p('权重', 'weights'),
        description: p('各选项权重；默认 4 个选项为 100/80/60/0，5 个选项为 100/75/50/25/0', 'Weight per answer; by default 100/80/60/0 for 4 answers, 100/75/50/25/0 for 5'),
        optional: true,
        range: true,
      },
    ],
    result: { type: 'number', description: p('满意率（小数）', 'Satisfaction rate (a fraction)') },
    example: ['B3:E3'],
  },
  {
    id: 'RULESCORE',
    description: p('按评分标准文字计算得分。', 'The score the rule text (评分标准) gives for the measured value.'),
    parameters: [
      { name: p('评分标准', 'ruleText'), description: p('评分标准文字', 'The rule text (评分标准)') },
      { name: p('分值', 'points'), description: p('指标分值', "The indicator's points") },
      {
        name: p('实际值', 'value'),
        description: p('实际值：完成率、满意率、延期月数等；多项指标可给一个区域，每项一个值', 'Measured value: completion rate, satisfaction rate, months of delay …; a range for a multi-item rule, one value per item'),
        range: true,
      },
    ],
    result: { type: 'number', description: p('得分', 'Score') },
    example: ['E5', 'D5', 'H5'],
  },
  {
    id: 'CHECK',
    description: p('核对得分与评分标准、评分理由是否一致。', 'Checks a score against its rule text and its reason.'),
    parameters: [
      { name: p('评分标准', 'ruleText'), description: p('评分标准文字', 'The rule text (评分标准)') },
      { name: p('分值', 'points'), description: p('指标分值', "The indicator's points") },
      { name: p('得分', 'score'), description: p('得分', 'The score given') },
      { name: p('评分理由', 'reason'), description: p('评分理由（可选），用于核对其中写明的扣分和完成率', 'The reason (optional): deductions and rates it states are checked too'), optional: true },
    ],
    result: { type: 'string', description: p('一致时为空，否则为问题说明', 'Empty when consistent, otherwise what is wrong (in Chinese)') },
    example: ['E5', 'D5', 'F5', 'G5'],
  },
  {
    id: 'GRADE',
    description: p('评价等级：默认按财预〔2020〕10号（≥90 优，≥80 良，≥60 中，其余差）。', 'Grade, by default per 财预〔2020〕10号 (≥90 优, ≥80 良, ≥60 中, else 差).'),
    parameters: [
      { name: p('总分', 'total'), description: p('总分', 'Total score') },
      {
        name: p('等级方案', 'scheme'),
        description: p('等级方案：“四级”（默认）或“五级”（≥90 优，≥80 良，≥70 中，≥60 低，其余差）', 'Scheme: "四级" (default) or "五级" (≥90 优, ≥80 良, ≥70 中, ≥60 低, else 差)'),
        optional: true,
      },
    ],
    result: { type: 'string', description: p('等级', 'Grade') },
    example: ['F30'],
  },
  {
    id: 'RATE',
    description: p('得分率 = 得分 / 分值。', 'Score rate = score / points.'),
    parameters: [
      { name: p('得分', 'score'), description: p('得分', 'Score') },
      { name: p('分值', 'points'), description: p('分值', 'Points') },
    ],
    result: { type: 'number', description: p('得分率（小数）', 'Score rate (a fraction)') },
    example: ['C3', 'B3'],
  },
  {
    id: 'WEIGHTED',
    description: p('加权得分 = Σ 得分 × 占比，占比合计须为 100%。', 'Weighted score = Σ score × share; the shares must add up to 100%.'),
    parameters: [
      { name: p('得分', 'scores'), description: p('各部分得分', 'Scores of the parts'), range: true },
      { name: p('占比', 'shares'), description: p('各部分占比：百分数（56.86）、小数（0.5686）或文字（“56.86%”）', 'Shares of the parts: percentages (56.86), fractions (0.5686) or text ("56.86%")'), range: true },
    ],
    result: { type: 'number', description: p('加权得分', 'Weighted score') },
    example: ['B2:D2', 'B3:D3'],
  },
];

export function perfFunction(id: PerfId): PerfFunction {
  const f = PERF_FUNCTIONS.find((x) => x.id === id);
  if (!f) throw new Error(`unknown PERF function ${id}`);
  return f;
}

/** One entry of functions.json (the documented metadata schema, written by hand as localization requires). */
export interface FunctionsJsonEntry {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: Array<{ name: string; description: string; type: 'any'; dimensionality: 'scalar' | 'matrix'; optional?: true }>;
  result: { type: 'number' | 'string'; dimensionality: 'scalar' };
}

/**
 * functions.json in one language. `helpUrl`, when given, is the help page; each function links to
 * its own anchor there.
 */
export function functionsJson(lang: MetadataLanguage, helpUrl?: string): { functions: FunctionsJsonEntry[] } {
  return {
    functions: PERF_FUNCTIONS.map((f) => ({
      id: f.id,
      name: f.id,
      description: f.description[lang],
      ...(helpUrl ? { helpUrl: `${helpUrl}#${f.id}` } : {}),
      parameters: f.parameters.map((x) => ({
        name: x.name[lang],
        description: x.description[lang],
        type: 'any' as const,
        dimensionality: x.range ? ('matrix' as const) : ('scalar' as const),
        ...(x.optional ? { optional: true as const } : {}),
      })),
      result: { type: f.result.type, dimensionality: 'scalar' as const },
    })),
  };
}
