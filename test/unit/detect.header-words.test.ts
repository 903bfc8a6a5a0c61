/**
 * A hand-made 农村人居环境整治 scoring sheet (our own, not a seed) with eleven rule-based faults,
 * audited under the header words people use for the criteria column: the faults must be found the
 * same way whatever the word, and a word the vocabulary does not know is decided from the cells.
 * The summary beside it is headed 一级指标 / 分值 / 得分 / 得分率 and must be read as a summary.
 */
import ExcelJS from 'exceljs';
import { auditWorkbook } from '../../src/core/audit/audit';
import { readWorkbook } from '../../src/io/reader';

/** [一级, 二级, 分值, 评分标准, 得分, 扣分理由]: the scores marked ✗ contradict their rule. */
const ROWS: Array<[string, string, number, string, number, string]> = [
  ['组织保障', '工作机制', 5, '成立领导小组并制定实施方案的得5分，否则不得分。', 3, ''], // ✗ 0 or 5
  ['组织保障', '经费投入', 5, '整治经费足额纳入预算的得5分；未足额的，每少10%扣1分，扣完为止。', 5, ''],
  ['组织保障', '宣传发动', 4, '开展宣传活动得4分，未开展不得分。', 4.5, ''], // ✗ above the weight
  ['垃圾治理', '收运体系', 10, '垃圾收运处置体系覆盖率达到100%的得10分；每低5个百分点扣2分。', 7, '覆盖率为90%'], // ✗ 90% gives 6
  ['垃圾治理', '保洁队伍', 6, '每村配备保洁员的得6分，每缺一村扣0.5分，扣完为止。', 5.2, ''], // ✗ not whole steps
  ['垃圾治理', '分类试点', 4, '开展垃圾分类试点得4分，否则不得分。', 2, ''], // ✗ 0 or 4
  ['污水治理', '治理率', 10, '生活污水治理率达到60%以上的得10分，40%-60%的得6分，40%以下不得分。', 8, ''], // ✗ 0, 6 or 10
  ['污水治理', '设施运行', 6, '设施正常运行的得6分，发现一处未正常运行扣1分。', 6, ''],
  ['厕所革命', '改厕完成', 10, '完成年度改厕任务的得10分，未完成的按完成比例得分。', 10, ''],
  ['厕所革命', '公厕管护', 5, '公厕管护到位得5分，否则不得分。', 2.5, ''], // ✗ 0 or 5
  ['村容村貌', '乱堆乱放', 5, '发现一处乱堆乱放扣0.5分，扣完为止。', 4.7, ''], // ✗ not whole steps
  ['村容村貌', '绿化美化', 5, '村庄绿化覆盖率达到30%的得5分，否则不得分。', 6, ''], // ✗ above the weight
  ['村容村貌', '长效管护', 5, '建立长效管护机制得5分，未建立不得分。', 1, ''], // ✗ 0 or 5
  ['群众满意', '满意度', 20, '群众满意度达到90%以上得20分，80%-90%得15分，80%以下得10分。', 12, ''], // ✗ 10, 15 or 20
];
const FAULTY_ROWS = [0, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13].map((i) => i + 3);

async function workbook(criteriaWord: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('评分表');
  ws.getCell('A1').value = '农村人居环境整治绩效评价评分表';
  ws.mergeCells('A1:F1');
  ws.addRow(['一级指标', '二级指标', '分值', criteriaWord, '得分', '扣分理由']);
  for (const r of ROWS) ws.addRow(r);
  const sum = ROWS.reduce((a, r) => a + r[4], 0);
  ws.addRow(['合计', '', 100, '', Number(sum.toFixed(2)), '']);
  const s = wb.addWorksheet('汇总');
  s.addRow(['一级指标', '分值', '得分', '得分率']);
  const groups = [...new Set(ROWS.map((r) => r[0]))];
  for (const g of groups) {
    const rows = ROWS.filter((r) => r[0] === g);
    const w = rows.reduce((a, r) => a + r[2], 0);
    const sc = rows.reduce((a, r) => a + r[4], 0);
    s.addRow([g, w, Number(sc.toFixed(2)), g === '垃圾治理' ? 0.9 : Number((sc / w).toFixed(4))]); // 垃圾治理's rate is wrong
  }
  for (let r = 2; r <= groups.length + 1; r++) s.getCell(r, 4).numFmt = '0.00%';
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function auditWith(word: string) {
  return auditWorkbook(await readWorkbook(await workbook(word), `${word}.xlsx`));
}

const rowFaults = (r: Awaited<ReturnType<typeof auditWith>>) =>
  r.findings.filter((f) => f.sheet === '评分表' && f.severity === 'error' && /^(score|reason)\./.test(f.code)).map((f) => Number(/\d+$/.exec(f.cell)![0]));

describe('the criteria column under any of its names', () => {
  let reference: Awaited<ReturnType<typeof auditWith>>;
  beforeAll(async () => {
    reference = await auditWith('评分标准');
  });

  it('finds the eleven rule faults under 评分标准', () => {
    expect([...new Set(rowFaults(reference))].sort((a, b) => a - b)).toEqual(FAULTY_ROWS);
  });

  it.each(['评分要点', '评分依据', '考评标准', '计分标准', '评价内容及评分标准', '打分细则说明'])('finds the same faults when it is headed %s', async (word) => {
    const r = await auditWith(word);
    const table = r.tables.find((t) => t.sheet === '评分表')!;
    expect(table.kind).toBe('scoring');
    expect(table.columns.criteria).toBe(4);
    expect(new Set(rowFaults(r))).toEqual(new Set(rowFaults(reference)));
  });

  it('says how the column was found when the word is unknown', async () => {
    const r = await auditWith('打分细则说明');
    const inferred = r.tables.find((t) => t.sheet === '评分表')!.inference!.find((i) => i.col === 4)!;
    expect(inferred).toMatchObject({ role: 'criteria', source: 'content' });
    expect(inferred.confidence).toBeGreaterThanOrEqual(0.9);
    expect(inferred.why).toMatch(/可识别为评分标准/);
  });

  it('reads 一级指标 / 分值 / 得分 / 得分率 as a summary and checks its rate', () => {
    const summary = reference.tables.find((t) => t.sheet === '汇总')!;
    expect(summary.kind).toBe('summary');
    expect(reference.findings.some((f) => f.sheet === '汇总' && f.code === 'summary.rate' && f.cell === 'D3')).toBe(true);
  });
});
