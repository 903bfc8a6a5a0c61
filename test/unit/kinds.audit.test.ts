/**
 * The checks of issue 12 items 3, 5 and 6, each on a fault fixture and its clean twin: rows defined
 * by 行次, self-evaluation forms (empty 偏差原因, budget score above its points, spending above the
 * budget, the 20-point block against 20 × 执行率) and expert tables (averages, trimmed averages,
 * scores above the weight). Faults marked "real" are in the published tables as collected.
 */
import { auditWorkbook, AuditResult } from '../../src/core/audit/audit';
import { readWorkbook } from '../../src/io/reader';
import { bookOf, GridTable, LAYOUTS } from '../fixtures/kinds/grid';
import { budgetLinesForm, EXPERT_SCORES, EXPERT_TRIMMED_SCORES, expertSummary, expertTrimmed, fundArrival, REVIEW_FORM, REVIEW_SCORED } from '../fixtures/kinds/new-kinds';
import { SELF_EVALUATION_FORMS } from '../fixtures/kinds/selfeval-forms';

type Grid = GridTable['grid'];

const form = (id: string): GridTable => SELF_EVALUATION_FORMS.find((x) => x.id === id)!;

/** The table with some printed cells replaced ("E7" → "21"). */
function edited(t: GridTable, cells: Record<string, string | null>): GridTable {
  const grid: Grid = t.grid.map((r) => [...r]);
  for (const [a1, v] of Object.entries(cells)) {
    const m = /^([A-Z])(\d+)$/.exec(a1)!;
    grid[Number(m[2]) - 1][m[1].charCodeAt(0) - 65] = v;
  }
  return { ...t, grid };
}

async function audit(t: GridTable): Promise<AuditResult> {
  const buf = await bookOf(t, LAYOUTS[0]).xlsx.writeBuffer();
  return auditWorkbook(await readWorkbook(new Uint8Array(buf as ArrayBuffer), 'kinds.xlsx'));
}

interface Fault {
  name: string;
  code: string;
  fault: GridTable;
  clean: GridTable;
  /** Cells the finding must be reported at, with the expected value where there is one. */
  at: Array<{ cell: string; expected?: number | string }>;
  /** Errors the same fault causes by arithmetic, allowed beside it. */
  consequences?: string[];
}

const JISHAN = form('jishan-yibao-jdlk-selfeval-2020');
const YONGDE = form('yongde-langming-nutrition-selfeval-2022');
const ZJJ = form('huangshi-zjj-haimian-selfeval-2022');
const LONGYANG = form('longyang-turang-huafei-selfeval-2022');
const JINZHAI = form('jinzhai-chagu-dept-selfeval-2023');

const withAverage = (row: number, average: number): Array<[string, number, number[], number]> => EXPERT_SCORES.map((r, i) => (i === row ? [r[0], r[1], r[2], average] : r));

const FAULTS: Fault[] = [
  {
    name: '行次 definition 1=2+3 in the 财建企02表 form',
    code: 'lines.definition',
    fault: budgetLinesForm({ line1: 13, line24: 2100 }),
    clean: budgetLinesForm({ line1: 12, line24: 2100 }),
    at: [{ cell: 'C2', expected: 12 }],
  },
  {
    name: '行次 definition 24=25+31 across the second panel',
    code: 'lines.definition',
    fault: budgetLinesForm({ line1: 12, line24: 2000 }),
    clean: budgetLinesForm({ line1: 12, line24: 2100 }),
    at: [{ cell: 'F4', expected: 2100 }],
  },
  {
    name: '实际到位率=(3)÷(2) in every column',
    code: 'lines.definition',
    fault: fundArrival('95.00%'),
    clean: fundArrival('93.75%'),
    at: [{ cell: 'C5', expected: 0.9375 }],
  },
  {
    // Real: 稷山 医保局 2020, 27 of 30 and 9 of 10 with no 偏差原因 (the 8676/8755 row gives one).
    name: 'lost points with an empty 偏差原因分析及改进措施 (稷山, real)',
    code: 'selfeval.deviation-missing',
    fault: JISHAN,
    clean: edited(JISHAN, { I15: '部分建档立卡人员仍反映就医负担较重,下年加强政策宣传', I16: '个别服务对象不满意报销进度,已督促经办机构提速' }),
    at: [{ cell: 'I15' }, { cell: 'I16' }],
    // The published form's own errors, unrelated to the 偏差原因: scores against completion, 总分 94 vs 93.
    consequences: ['H11 selfeval.indicator-score', 'H15 selfeval.indicator-score', 'H16 selfeval.indicator-score', 'H17 total.sum-mismatch'],
  },
  {
    // Real: 永德县明朗中学 2022, 7 of 10 and 9 of 10 with the column left empty.
    name: 'lost points with an empty 偏差原因 (永德, real)',
    code: 'selfeval.deviation-missing',
    fault: YONGDE,
    clean: edited(YONGDE, { K14: '资金到位较计划晚一个月', K17: '部分家长未参加政策宣讲' }),
    at: [{ cell: 'K14' }, { cell: 'K17' }],
    // The same rows' scores against completion (100% met yet 7 of 10; 98% gives 9.8, not 9), real too.
    consequences: ['J14 selfeval.indicator-score', 'J17 selfeval.indicator-score'],
  },
  {
    name: 'a 10-point budget block scored 11 (稷山 form)',
    code: 'selfeval.budget-above-weight',
    fault: edited(JISHAN, { I4: '11' }),
    clean: JISHAN,
    at: [{ cell: 'I4', expected: '≤ 10' }],
    consequences: ['H11 selfeval.indicator-score', 'H15 selfeval.indicator-score', 'H16 selfeval.indicator-score', 'H17 total.sum-mismatch'],
  },
  {
    name: 'a 20-point block (得分(20分*执行率)) scored 21 (黄石 住建 form)',
    code: 'selfeval.budget-above-weight',
    fault: edited(ZJJ, { E7: '21' }),
    clean: ZJJ,
    at: [{ cell: 'E7', expected: '≤ 20' }],
  },
  {
    // Real: 金寨县茶谷中心 2023, 338.31 spent of 329.77.
    name: 'spending above the budget of a scored block (金寨, real)',
    code: 'selfeval.budget-over-100',
    fault: JINZHAI,
    clean: edited(JINZHAI, { E5: '329.77', E6: '329.77', G5: '100.00%', G6: '100.00%', H5: '10' }),
    at: [{ cell: 'G5', expected: '≤ 100%' }],
  },
  {
    name: 'the 20-point block against 20 × 执行率 (隆阳 form, 2.5 for 10.77%)',
    code: 'selfeval.budget-score',
    fault: edited(LONGYANG, { E6: '2.5' }),
    // As published: 2.16 for 20 × 30/278.4449 = 2.1548, within rounding.
    clean: LONGYANG,
    at: [{ cell: 'E6', expected: 2.1548 }],
  },
  {
    // The heading rows 一、 of the 三级 column carry the sum of their 1、2、… rows.
    name: 'a heading row 一、示范区建立 of the 三级 column against its 1、2、3、 rows (隆阳 form)',
    code: 'group.sum-mismatch',
    fault: edited(LONGYANG, { G8: '16.0' }),
    clean: LONGYANG,
    at: [{ cell: 'G8', expected: 15 }],
  },
  {
    name: 'a review item scored above its 分值 (绩效目标评审表)',
    code: 'score.above-weight',
    fault: edited(REVIEW_SCORED, { G2: '6', G6: '19' }),
    clean: REVIEW_SCORED,
    at: [{ cell: 'G2', expected: '≤ 5' }],
  },
  {
    // The template's 合计 row filled in: each expert's column total, the weights' and the averages' sums.
    name: "an expert's column total on the 合计 row (专家评分汇总表 filled in)",
    code: 'expert.column-total',
    fault: edited(expertSummary(EXPERT_SCORES), { B8: '100', C8: '87', D8: '89', E8: '91', F8: '81', G8: '92', I8: '87.8' }),
    clean: edited(expertSummary(EXPERT_SCORES), { B8: '100', C8: '87', D8: '88', E8: '91', F8: '81', G8: '92', I8: '87.8' }),
    at: [{ cell: 'D8', expected: 88 }],
  },
  {
    name: "a review table's 合计 against its items (绩效目标评审表)",
    code: 'total.sum-mismatch',
    fault: edited(REVIEW_SCORED, { G6: '18' }),
    clean: REVIEW_SCORED,
    at: [{ cell: 'G6', expected: 17 }],
  },
  {
    name: 'expert average (专家1…专家5)',
    code: 'expert.average',
    fault: expertSummary(withAverage(0, 26.2)),
    clean: expertSummary(EXPERT_SCORES),
    at: [{ cell: 'I3', expected: 26.6 }],
  },
  {
    name: 'trimmed expert average written as the plain mean (去掉最高分和最低分)',
    code: 'expert.average',
    fault: expertTrimmed(EXPERT_TRIMMED_SCORES.map((r, i) => (i === 0 ? [r[0], r[1], r[2], 26.6] : r))),
    clean: expertTrimmed(EXPERT_TRIMMED_SCORES),
    at: [{ cell: 'I3', expected: 26.6667 }],
  },
  {
    name: "an expert's score above the row's weight",
    code: 'expert.above-weight',
    fault: expertSummary(EXPERT_SCORES.map((r, i) => (i === 0 ? [r[0], r[1], [27, 26, 32, 25, 27], 27.4] : r))),
    clean: expertSummary(EXPERT_SCORES),
    at: [{ cell: 'E3', expected: '≤ 30' }],
  },
];

describe.each(FAULTS.map((f) => [f.name, f] as const))('%s', (_n, f) => {
  let fault: AuditResult;
  let clean: AuditResult;
  beforeAll(async () => {
    [fault, clean] = await Promise.all([audit(f.fault), audit(f.clean)]);
  });

  it(`reports ${f.code} on the fault`, () => {
    for (const at of f.at) {
      const hit = fault.findings.find((x) => x.code === f.code && x.cell === at.cell);
      expect(hit && { cell: hit.cell, code: hit.code }).toEqual({ cell: at.cell, code: f.code });
      if (typeof at.expected === 'number') expect(Number(hit!.expected)).toBeCloseTo(at.expected, 4);
      else if (at.expected !== undefined) expect(hit!.expected).toBe(at.expected);
      expect(hit!.message).toMatch(/[\u4e00-\u9fa5]/);
      // The English message is the catalogue's own template, not the Chinese one again.
      expect(hit!.messageEn).toMatch(/\b(the|is|of|above|cannot)\b/);
    }
    expect(fault.findings.filter((x) => x.code === f.code).map((x) => x.cell)).toEqual(f.at.map((a) => a.cell));
  });

  it('reports no other error on the fault', () => {
    const allowed = new Set([...f.at.map((a) => `${a.cell} ${f.code}`), ...(f.consequences ?? [])]);
    expect(fault.findings.filter((x) => x.severity === 'error' && !allowed.has(`${x.cell} ${x.code}`)).map((x) => `${x.cell} ${x.code}: ${x.message}`)).toEqual([]);
  });

  it(`reports no ${f.code} on the clean twin`, () => {
    expect(clean.findings.filter((x) => x.code === f.code).map((x) => `${x.cell}: ${x.message}`)).toEqual([]);
  });
});

test('a definition that refers to a line the table does not hold says it cannot be checked', async () => {
  const r = await audit(budgetLinesForm({ line1: 12, line24: 2100 }));
  const missing = r.findings.filter((x) => x.code === 'lines.reference-missing');
  expect(missing.map((x) => [x.cell, x.severity])).toEqual([['B11', 'info']]);
  expect(missing[0].message).toContain('(13)');
});

test('spending above a scored budget is one error, not also a warning on each part', async () => {
  const r = await audit(JINZHAI);
  expect(r.findings.filter((x) => x.code === 'selfeval.over-budget')).toEqual([]);
  // Without a score or weight the overspending stays the warning it was.
  const unscored = await audit(edited(JINZHAI, { F5: null, H5: null }));
  expect(unscored.findings.filter((x) => x.code === 'selfeval.budget-over-100')).toEqual([]);
  expect(unscored.findings.filter((x) => x.code === 'selfeval.over-budget').map((x) => x.cell)).toEqual(['E5', 'E6']);
});

test('a budget score above its points is one finding on its cell, which also gives the score by the rate', async () => {
  const r = await audit(edited(JISHAN, { I4: '11' }));
  const onCell = r.findings.filter((x) => x.cell === 'I4');
  expect(onCell.map((x) => x.code)).toEqual(['selfeval.budget-above-weight']);
  // 稷山: 65.07 of 65.66 万元 spent, 99.10%.
  expect(onCell[0].message).toContain('按执行率 99.10% 应得 9.9101 分');
});

describe('coverage says, for each new kind, which families of checks ran and which could not and why', () => {
  const coverage = async (t: GridTable): Promise<Array<[string, Array<[string, boolean, string]>]>> =>
    (await audit(t)).coverage.tables.map((c) => [c.kind, c.checks.map((k) => [k.check, k.ran, k.note ?? ''] as [string, boolean, string])]);

  it('an expert table: averages, each expert within the weight, the average within the weight', async () => {
    expect(await coverage(expertSummary(EXPERT_SCORES))).toEqual([
      [
        'expert',
        [
          ['expert-average', true, ''],
          ['expert-within-weight', true, ''],
          ['score-within-weight', true, ''],
          ['expert-column-totals', false, '合计行未填写各专家的评分'],
        ],
      ],
    ]);
  });

  it('a 行次 table: the definitions; a table with none says only its lines were read', async () => {
    expect(await coverage(budgetLinesForm({ line1: 12, line24: 2100 }))).toEqual([['budget-lines', [['line-definitions', true, '']]]]);
    const undefinedLines = budgetLinesForm({ line1: 12, line24: 2100 });
    const plain = { ...undefinedLines, grid: undefinedLines.grid.map((r) => r.map((v) => (typeof v === 'string' && /^\d+=/.test(v) ? v.split('=')[0] : v))) };
    const [[kind, [[check, ran, note]]]] = await coverage(plain);
    expect([kind, check, ran]).toEqual(['budget-lines', 'line-definitions', false]);
    expect(note).toContain('没有由其他行次定义的行');
  });

  it('a review table: scores and totals where it has them, the opinion never checked against them', async () => {
    const [[, opinionOnly]] = await coverage(REVIEW_FORM);
    // Its 得分小计 rows are blank: the totals check had nothing to check, and says so.
    expect(opinionOnly.filter(([, ran]) => !ran)).toEqual([
      ['score-within-weight', false, '表中无得分列'],
      ['totals', false, '合计或小计行未填写得分或分值'],
      ['review-groups', false, '未核对'],
      ['review-opinion', false, '优/良/中/差只识别，不与得分核对'],
    ]);
    const [[, scored]] = await coverage(REVIEW_SCORED);
    expect(scored.filter(([, ran]) => ran).map(([c]) => c)).toEqual(['score-within-weight', 'totals']);
  });

  it('self-evaluation blocks: every family on the national form; a 湖北 form without 分值 or 偏差原因 columns says what it could not check', async () => {
    const national = await coverage(JISHAN);
    expect(national.map(([kind, checks]) => [kind, checks.filter(([, ran]) => !ran)])).toEqual([
      ['selfeval-budget', []],
      ['selfeval-indicators', []],
    ]);
    expect(national.flatMap(([, checks]) => checks.map(([c]) => c))).toEqual(['budget-rate', 'budget-score', 'budget-within-weight', 'budget-overspend', 'indicator-completion', 'indicator-score', 'deviation', 'form-total']);
    const hubei = await coverage(ZJJ);
    // The 20-point block's points come from its header (得分(20分*执行率)): its score is checked.
    expect(hubei[0][1].filter(([, ran]) => !ran)).toEqual([]);
    expect(hubei[1][1].filter(([, ran]) => !ran)).toEqual([
      ['indicator-score', false, '表中无分值列'],
      ['deviation', false, '表中无偏差原因列'],
    ]);
  });
});
