/**
 * A scoring table printed over two pages and pasted onto two sheets (续表): the audit of the two
 * parts finds what the audit of the table in one piece finds — the closing 合计 is the sum of the
 * rows of both parts, a group the page break cut is checked with its rows on both sheets — and no
 * more (without the link, the 合计 and the cut group would be false errors).
 * The table is our own, in the shape of the 项目支出绩效评价指标体系 of 财预〔2020〕10号.
 */
import ExcelJS from 'exceljs';
import { auditWorkbook } from '../../src/core/audit/audit';
import { detectWorkbook } from '../../src/core/layout/detect';
import { readWorkbook } from '../../src/io/reader';

type Row = [string, string, number, string, number];
/** [一级指标 (merged over its rows), 二级指标, 分值, 评分标准, 得分] */
const ROWS: Row[] = [
  ['决策（20分）', '立项依据充分性', 5, '立项依据充分的得5分，否则不得分。', 5],
  ['决策（20分）', '绩效目标合理性', 5, '目标明确合理的得5分，每发现一处不合理扣1分，扣完为止。', 4],
  ['决策（20分）', '资金分配合理性', 10, '分配办法健全的得5分；分配结果合理的得5分。', 10],
  ['过程（20分）', '资金到位率', 5, '到位率100%的得5分，每低1个百分点扣0.5分。', 5],
  ['过程（20分）', '预算执行率', 5, '执行率达到90%以上的得5分，80%-90%的得3分，80%以下不得分。', 3],
  ['过程（20分）', '管理制度健全性', 10, '制度健全得5分；执行有效得5分。', 10],
  ['产出（40分）', '产出数量', 10, '完成目标的得10分，未完成的按完成比例得分。', 10],
  ['产出（40分）', '产出质量', 10, '验收合格的得10分，否则不得分。', 10],
  ['产出（40分）', '产出时效', 10, '按期完成的得10分，每延期一个月扣2分。', 8],
  ['产出（40分）', '产出成本', 10, '成本控制在预算内的得10分，否则不得分。', 10],
  ['效益（20分）', '社会效益', 10, '效益明显的得10分，较明显的得6分，不明显不得分。', 6],
  ['效益（20分）', '满意度', 10, '满意度达到90%以上得10分，80%-90%得8分，80%以下得5分。', 8],
];
const HEADER = ['一级指标', '二级指标', '分值', '评分标准', '得分'];

interface Options {
  /** Score of row i changed (a fault the row checks find). */
  score?: { index: number; value: number };
  /** The 合计 score written wrong by this much. */
  totalOff?: number;
  /** Split before this row index onto a second sheet; none: one sheet. */
  splitAt?: number;
}

async function workbook(o: Options): Promise<Uint8Array> {
  const rows = ROWS.map((r, i) => (o.score?.index === i ? ([...r.slice(0, 4), o.score.value] as Row) : r));
  const total = rows.reduce((a, r) => a + r[4], 0) + (o.totalOff ?? 0);
  const wb = new ExcelJS.Workbook();
  const parts = o.splitAt === undefined ? [rows] : [rows.slice(0, o.splitAt), rows.slice(o.splitAt)];
  parts.forEach((part, p) => {
    const ws = wb.addWorksheet(p === 0 ? '评分表' : '评分表（续）');
    ws.addRow([p === 0 ? '项目支出绩效评价指标评分表' : '续表']);
    ws.addRow(HEADER);
    const first = 3;
    part.forEach((r, i) => {
      // A group cut by the page break goes on unnamed on the second sheet, as printed.
      const named = i === 0 ? p === 0 || r[0] !== parts[0][parts[0].length - 1][0] : r[0] !== part[i - 1][0];
      ws.addRow([named ? r[0] : null, ...r.slice(1)]);
    });
    // Merge each named group down over its rows.
    let start = first;
    for (let i = 1; i <= part.length; i++) {
      if (i === part.length || ws.getCell(first + i, 1).value !== null) {
        if (first + i - 1 > start && ws.getCell(start, 1).value !== null) ws.mergeCells(start, 1, first + i - 1, 1);
        start = first + i;
      }
    }
    if (p === parts.length - 1) ws.addRow(['合计', '', 100, '', Number(total.toFixed(2))]);
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function auditOf(o: Options) {
  const wb = await readWorkbook(await workbook(o), 'continued.xlsx');
  return { tables: detectWorkbook(wb), result: auditWorkbook(wb) };
}

/** What a finding says, apart from where it is. */
const said = (r: Awaited<ReturnType<typeof auditOf>>['result']) =>
  r.findings.map((f) => `${f.code} ${JSON.stringify(f.expected)} ${JSON.stringify(f.actual)}`).sort();

// Row 8 (产出时效) is inside 产出（40分）: the break cuts that group.
const SPLIT = 8;

describe.each([
  ['clean', {}],
  ['a score above its weight', { score: { index: 4, value: 6 } }],
  ['a 合计 written 2 off', { totalOff: 2 }],
  ['a score the rule does not allow, in the cut group', { score: { index: 9, value: 7 } }],
] as Array<[string, Options]>)('%s', (_name, o) => {
  it('the two parts are found, the second continuing the first under the cut group', async () => {
    const { tables } = await auditOf({ ...o, splitAt: SPLIT });
    const [a, b] = tables.filter((t) => t.kind === 'scoring');
    expect(b.continues).toEqual({ sheet: a.sheet, headerRow: a.headerRow });
    expect(a.indicators.length + b.indicators.length).toBe(ROWS.length);
    expect(b.indicators[0].path).toEqual(['产出', '产出时效']);
  });

  it('finds what the table in one piece finds, and nothing more', async () => {
    const whole = await auditOf(o);
    const split = await auditOf({ ...o, splitAt: SPLIT });
    expect(said(split.result)).toEqual(said(whole.result));
  });
});

it('the clean table gives no error in two parts; a 合计 2 off is one total error there', async () => {
  const clean = await auditOf({ splitAt: SPLIT });
  expect(clean.result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  const off = await auditOf({ totalOff: 2, splitAt: SPLIT });
  expect(off.result.findings.filter((f) => f.severity === 'error').map((f) => [f.sheet, f.code])).toEqual([['评分表（续）', 'total.sum-mismatch']]);
});
