/**
 * Detection of the table kinds of issue 11 item 4 on tables transcribed from public documents
 * (test/fixtures/kinds: each table names its source), each in two layouts: kind, extent, header
 * block, role columns, indicator count, and what each kind carries of its own (experts, 行次 lines,
 * grades, the points a self-evaluation block states). Expectations are written by hand from the
 * printed tables (and the collectors' labels in collect/tables2 where they exist).
 */
import { detectWorkbook } from '../../src/core/layout/detect';
import { tableToJSON, TableJSON } from '../../src/core/layout/json';
import { readWorkbook } from '../../src/io/reader';
import { bookOf, GridTable, LAYOUTS, Layout, shifted } from '../fixtures/kinds/grid';
import { budgetLinesForm, EXPERT_SCORES, EXPERT_TRIMMED_SCORES, expertSummary, expertTrimmed, fundArrival, REVIEW_FORM, REVIEW_SCORED } from '../fixtures/kinds/new-kinds';
import { SELF_EVALUATION_FORMS } from '../fixtures/kinds/selfeval-forms';

interface ExpectedTable {
  kind: string;
  range: string;
  /** First and last row of the header block. */
  header: [number, number];
  columns: Record<string, string>;
  indicators: number;
  totals?: number[];
  /** The block's own points (selfeval). */
  points?: number;
  extra?: (t: TableJSON, layout: Layout) => void;
}

interface Case {
  table: GridTable & { id: string };
  tables: ExpectedTable[];
}

const form = (id: string): GridTable & { id: string } => {
  const f = SELF_EVALUATION_FORMS.find((x) => x.id === id);
  if (!f) throw new Error(`no form ${id}`);
  return f;
};

const LEVELS_TARGET = { level1: 'B', level2: 'C', level3: 'D' };
const HUBEI_BUDGET: ExpectedTable['columns'] = { name: 'A', budget: 'B', executed: 'C', rate: 'D', score: 'E' };
const HUBEI_INDICATORS: ExpectedTable['columns'] = { ...LEVELS_TARGET, target: 'E', actual: 'F', score: 'G' };
const NATIONAL_BUDGET: ExpectedTable['columns'] = { name: 'B', initialBudget: 'D', budget: 'E', executed: 'F', weight: 'G', rate: 'H', score: 'I' };
const NATIONAL_INDICATORS: ExpectedTable['columns'] = { ...LEVELS_TARGET, target: 'E', actual: 'F', weight: 'G', score: 'H', deviation: 'I' };
const ANHUI_BUDGET: ExpectedTable['columns'] = { name: 'B', initialBudget: 'C', budget: 'D', executed: 'E', weight: 'F', rate: 'G', score: 'H' };
const SICHUAN_BUDGET: ExpectedTable['columns'] = { name: 'B', initialBudget: 'C', budget: 'D', executed: 'E', rate: 'F', weight: 'G', score: 'H', reason: 'I' };
const SICHUAN_INDICATORS: ExpectedTable['columns'] = { ...LEVELS_TARGET, target: 'F', actual: 'H', weight: 'I', score: 'J', deviation: 'K' };

/** 湖北's 20+40+40 variant: the 黄石 住建 form with 产出指标(40分) and 效益指标(40分), 满意度 under 效益 (the level-1 names as 黄石图书馆's form writes them). */
function hubei204040(): GridTable & { id: string } {
  const zjj = form('huangshi-zjj-haimian-selfeval-2022');
  const grid = zjj.grid.map((r) => [...r]);
  grid[8][1] = '产出指标(40分)';
  grid[12][1] = '效益指标(40分)';
  grid[15][1] = null;
  return { id: 'hubei-20-40-40', grid, merges: ['A8:A16', 'B9:B12', 'B13:B16'] };
}

const CASES: Case[] = [
  {
    // 山西: 财预〔2020〕10号 附1, 10-point budget block with 分值, the indicator block's level-1 names carry (50分)/(30分)/(10分).
    table: form('jishan-yibao-jdlk-selfeval-2020'),
    tables: [
      { kind: 'selfeval-budget', range: 'A3:I7', header: [3, 3], columns: NATIONAL_BUDGET, indicators: 1 },
      { kind: 'selfeval-indicators', range: 'A10:I17', header: [10, 10], columns: NATIONAL_INDICATORS, indicators: 6, totals: [17] },
    ],
  },
  {
    // 四川 510000_0013zp: 预算执行情况(10分) with 年初预算/调整后预算数, 绩效指标(90分) with 指标性质/指标值/度量单位.
    table: form('qingshen-fgj-selfeval-2023'),
    tables: [
      { kind: 'selfeval-budget', range: 'A6:K11', header: [6, 6], columns: SICHUAN_BUDGET, indicators: 1, points: 10 },
      {
        kind: 'selfeval-indicators',
        range: 'A12:K15',
        header: [12, 12],
        columns: SICHUAN_INDICATORS,
        indicators: 2,
        totals: [15],
        points: 90,
        extra: (t, l) => expect(t.targetParts).toEqual({ comparator: shifted('E', l), unit: shifted('G', l) }),
      },
    ],
  },
  {
    // 四川, filled, cut after the indicator block's header.
    table: form('daying-sifa-anke-selfeval-2023'),
    tables: [
      { kind: 'selfeval-budget', range: 'A7:I12', header: [7, 7], columns: SICHUAN_BUDGET, indicators: 1, points: 10 },
      { kind: 'selfeval-indicators', range: 'A13:K13', header: [13, 13], columns: SICHUAN_INDICATORS, indicators: 0, points: 90 },
    ],
  },
  {
    // 安徽: 年度总体目标完成情况 (prose) between the blocks, template rows 指标2:/…… kept.
    table: form('tianchang-water-selfeval-2022'),
    tables: [
      { kind: 'selfeval-budget', range: 'A3:I7', header: [3, 3], columns: NATIONAL_BUDGET, indicators: 1 },
      { kind: 'selfeval-indicators', range: 'A10:I38', header: [10, 10], columns: NATIONAL_INDICATORS, indicators: 9, totals: [38] },
    ],
  },
  {
    // 安徽 部门整体支出: title rows inside the table, 执行率 102.59%.
    table: form('jinzhai-chagu-dept-selfeval-2023'),
    tables: [
      { kind: 'selfeval-budget', range: 'A4:H8', header: [4, 4], columns: ANHUI_BUDGET, indicators: 1 },
      { kind: 'selfeval-indicators', range: 'A11:I19', header: [11, 11], columns: NATIONAL_INDICATORS, indicators: 8 },
    ],
  },
  {
    table: form('tangxi-weituo-selfeval-2022'),
    tables: [
      { kind: 'selfeval-budget', range: 'A3:H7', header: [3, 3], columns: ANHUI_BUDGET, indicators: 1 },
      { kind: 'selfeval-indicators', range: 'A10:I20', header: [10, 10], columns: NATIONAL_INDICATORS, indicators: 9 },
    ],
  },
  {
    // 云南 公开14表: 年度指标值 split into 指标性质/指标值/度量单位 on a second header row.
    table: form('yongde-langming-nutrition-selfeval-2022'),
    tables: [
      { kind: 'selfeval-budget', range: 'A3:K7', header: [3, 3], columns: { name: 'B', initialBudget: 'E', budget: 'G', executed: 'H', weight: 'I', rate: 'J', score: 'K' }, indicators: 1 },
      {
        kind: 'selfeval-indicators',
        range: 'A10:K23',
        header: [10, 11],
        columns: SICHUAN_INDICATORS,
        indicators: 9,
        totals: [23],
        extra: (t, l) => expect(t.targetParts).toEqual({ comparator: shifted('E', l), unit: shifted('G', l) }),
      },
    ],
  },
  {
    // 四川 中江: 分值 before 年度指标值, 总分 closing the block.
    table: form('zhongjiang-water-xianjie-selfeval-2022'),
    tables: [
      { kind: 'selfeval-budget', range: 'A3:I6', header: [3, 3], columns: { name: 'B', budget: 'D', executed: 'E', weight: 'F', rate: 'H', score: 'I' }, indicators: 1 },
      { kind: 'selfeval-indicators', range: 'A9:I21', header: [9, 9], columns: { ...LEVELS_TARGET, weight: 'E', target: 'F', actual: 'G', score: 'H', deviation: 'I' }, indicators: 9, totals: [21] },
    ],
  },
  {
    // 湖南: no 分值/得分 at all: a budget block and a completion table.
    table: form('hengshan-grain-reserve-target-selfeval-2020'),
    tables: [
      { kind: 'selfeval-budget', range: 'A3:G6', header: [3, 3], columns: { name: 'B', budget: 'D', executed: 'E', rate: 'F' }, indicators: 0 },
      { kind: 'completion', range: 'A9:G20', header: [9, 9], columns: { ...LEVELS_TARGET, target: 'E', actual: 'F', deviation: 'G' }, indicators: 11 },
    ],
  },
  {
    // 湖北 20+80: 预算执行情况(万元)(20分) with 得分(20分*执行率), 年度绩效目标1(80分) without a 分值 column.
    table: form('huangshi-zjj-haimian-selfeval-2022'),
    tables: [
      { kind: 'selfeval-budget', range: 'A6:E7', header: [6, 6], columns: HUBEI_BUDGET, indicators: 1, points: 20 },
      { kind: 'selfeval-indicators', range: 'A8:G17', header: [8, 8], columns: HUBEI_INDICATORS, indicators: 8, totals: [17], points: 80 },
    ],
  },
  {
    table: hubei204040(),
    tables: [
      { kind: 'selfeval-budget', range: 'A6:E7', header: [6, 6], columns: HUBEI_BUDGET, indicators: 1, points: 20 },
      { kind: 'selfeval-indicators', range: 'A8:G17', header: [8, 8], columns: HUBEI_INDICATORS, indicators: 8, totals: [17], points: 80 },
    ],
  },
  {
    // 湖北, one 得分 merged over two 三级 rows.
    table: form('huangshi-library-gongxiang-selfeval-2022'),
    tables: [
      { kind: 'selfeval-budget', range: 'A6:E7', header: [6, 6], columns: HUBEI_BUDGET, indicators: 1, points: 20 },
      {
        kind: 'selfeval-indicators',
        range: 'A8:G20',
        header: [8, 8],
        columns: HUBEI_INDICATORS,
        indicators: 12,
        points: 80,
        // Every 三级 row is an indicator; a 得分 merged over two rows is the first row's, the second has none.
        extra: (t, l) => {
          const scored = (t.indicators as Array<{ row: number; score?: number }>).map((i) => [i.row - l.top + 1, i.score ?? null]);
          expect(scored).toEqual([[9, 10], [10, null], [11, 10], [12, 10], [13, null], [14, 10], [15, 10], [16, null], [17, null], [18, 10], [19, null], [20, 10]]);
        },
      },
    ],
  },
  {
    // 云南 保山: 20分*执行率, group rows 一、二、 in the 三级 column carrying the sum of their 1、2、 rows.
    table: form('longyang-turang-huafei-selfeval-2022'),
    tables: [
      { kind: 'selfeval-budget', range: 'A5:E6', header: [5, 5], columns: HUBEI_BUDGET, indicators: 1, points: 20 },
      {
        kind: 'selfeval-indicators',
        range: 'A7:G21',
        header: [7, 7],
        columns: HUBEI_INDICATORS,
        indicators: 12,
        points: 80,
        // 一、示范区建立 and 二、化肥减量增效田间试验 head the 1、2、… rows under them (groups with their 15 points); 三、 and 四、 are leaves.
        extra: (t, l) => {
          const output = (t.groups as Array<{ name: string; children?: Array<{ name: string; children?: unknown[] }> }>)[0];
          const quantity = output.children![0] as { name: string; children?: Array<{ level: number; name: string; code?: string; score?: number; rows: number[] }> };
          expect(quantity.name).toBe('数量指标');
          expect(quantity.children!.map((g) => ({ ...g, rows: g.rows.map((r) => r - l.top + 1) }))).toEqual([
            { level: 3, name: '示范区建立', code: '一', score: 15, rows: [8, 11] },
            { level: 3, name: '化肥减量增效田间试验', code: '二', score: 15, rows: [12, 16] },
          ]);
        },
      },
    ],
  },
  {
    table: { ...expertSummary(EXPERT_SCORES) },
    tables: [
      {
        kind: 'expert',
        range: 'A1:I8',
        header: [1, 1],
        columns: { name: 'A', weight: 'B', score: 'I' },
        indicators: 4,
        totals: [8],
        extra: (t, l) => {
          expect(t.experts).toEqual(['C', 'D', 'E', 'F', 'G'].map((c, i) => ({ label: `专家${i + 1}`, column: shifted(c, l) })));
          expect(t.averaging).toEqual({ method: 'mean', stated: '' });
        },
      },
    ],
  },
  {
    table: expertTrimmed(EXPERT_TRIMMED_SCORES),
    tables: [
      {
        kind: 'expert',
        range: 'A1:I8',
        header: [1, 1],
        columns: { name: 'A', weight: 'B', score: 'I' },
        indicators: 4,
        totals: [8],
        extra: (t) => expect(t.averaging).toEqual({ method: 'trimmed', stated: '去掉最高分和最低分后的平均分' }),
      },
    ],
  },
  {
    table: REVIEW_FORM,
    tables: [
      {
        kind: 'review',
        range: 'A1:E16',
        header: [1, 2],
        columns: { name: 'A', criteria: 'C', weight: 'D', reason: 'E' },
        indicators: 8,
        totals: [6, 9, 13, 16],
        extra: (t) => expect(t.grades).toEqual(['优', '良', '中', '差']),
      },
    ],
  },
  {
    table: REVIEW_SCORED,
    tables: [{ kind: 'review', range: 'A1:G6', header: [1, 1], columns: { level1: 'A', level2: 'B', criteria: 'D', weight: 'E', reason: 'F', score: 'G' }, indicators: 4, totals: [6], extra: (t) => expect(t.grades).toEqual(['优', '良', '中', '差']) }],
  },
  {
    table: budgetLinesForm({ line1: 12, line24: 2100 }),
    tables: [
      {
        kind: 'budget-lines',
        range: 'A1:F13',
        header: [1, 1],
        columns: { label: 'A' },
        indicators: 24,
        extra: (t, l) => {
          expect(t.panels).toEqual([
            { label: shifted('A', l), line: shifted('B', l), values: [shifted('C', l)] },
            { label: shifted('D', l), line: shifted('E', l), values: [shifted('F', l)] },
          ]);
          expect(t.lines!.map((x) => x.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33]);
          expect(t.definitions).toEqual([
            { cell: shifted('B2', l), expr: '(2)+(3)', text: '1=2+3' },
            { cell: shifted('B8', l), expr: '(8)+(9)', text: '7=8+9' },
            { cell: shifted('B11', l), expr: '(11)+(12)+(13)', text: '10=11+12+13' },
            { cell: shifted('E4', l), expr: '(25)+(31)', text: '24=25+31' },
            { cell: shifted('E5', l), expr: '(26)+(27)+(28)+(29)+(30)', text: '25=26+27+28+29+30' },
          ]);
        },
      },
    ],
  },
  {
    table: fundArrival('93.75%'),
    tables: [
      {
        kind: 'budget-lines',
        range: 'A1:C7',
        header: [1, 1],
        columns: { label: 'A' },
        indicators: 5,
        extra: (t, l) => {
          expect(t.panels).toEqual([{ label: shifted('A', l), values: [shifted('B', l), shifted('C', l)] }]);
          expect(t.lines!.map((x) => [x.row, x.line])).toEqual([2, 3, 4, 6, 7].map((r, i) => [r + l.top - 1, i + 1]));
          expect(t.definitions!.map((d) => [d.cell, d.expr])).toEqual([
            [shifted('A5', l), '(3)÷(2)'],
            [shifted('A7', l), '(3)-(4)'],
          ]);
        },
      },
    ],
  },
];

describe.each(CASES.flatMap((c) => LAYOUTS.map((l) => [`${c.table.id}, ${l.name}`, c, l] as const)))('%s', (_name, c, layout) => {
  let found: TableJSON[];
  beforeAll(async () => {
    const buf = await bookOf(c.table, layout).xlsx.writeBuffer();
    found = detectWorkbook(await readWorkbook(new Uint8Array(buf as ArrayBuffer), `${c.table.id}.xlsx`)).map(tableToJSON);
  });

  it('finds exactly the tables of the printed page', () => {
    expect(found.map((t) => `${t.kind} ${t.range}`)).toEqual(c.tables.map((e) => `${e.kind} ${shifted(e.range, layout)}`));
  });

  describe.each(c.tables.map((e) => [`${e.kind} ${e.range}`, e] as const))('%s', (_t, e) => {
    const table = (): TableJSON => found.find((t) => t.range === shifted(e.range, layout))!;
    const row = (r: number): number => r + layout.top - 1;

    it('has its header block, role columns and totals', () => {
      const t = table();
      expect({ headerTop: t.headerRow - t.headerRows + 1, headerRow: t.headerRow }).toEqual({ headerTop: row(e.header[0]), headerRow: row(e.header[1]) });
      expect(t.columns).toEqual(Object.fromEntries(Object.entries(e.columns).map(([k, v]) => [k, shifted(v, layout)])));
      expect(t.totals.map((x) => x.row)).toEqual((e.totals ?? []).map(row));
      expect(t.blockPoints?.points).toBe(e.points);
      e.extra?.(t, layout);
    });

    it(`has ${e.indicators} indicators`, () => {
      expect(table().indicatorCount).toBe(e.indicators);
    });
  });
});
