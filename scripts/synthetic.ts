/** Synthetic scoring workbooks for the benchmark and for profiling: rule texts of every family,
 * merged 一级 and 二级 cells, a 小计 row per 一级 block of 200 indicators, faults on ~5% of rows
 * (a partial score under all-or-nothing, half a deduction step, a reason that disagrees, a 小计 off). */
import ExcelJS from 'exceljs';

const RULES: Array<[string, number, (i: number) => number]> = [
  ['达到或超过指标值得满分；否则指标得分=（完成率-60%）/(100%-60%)×指标分值；指标值低于60%，不得分。', 2, (i) => (i % 3 === 0 ? 2 : 1.5)],
  ['1.满意率≥90%，2分；\n2.满意率低于90%，本指标得分=（满意率-60%）/(90%-60%)×2分；\n3.满意率低于60%，不得分。', 2, () => 1.97],
  ['评分等于支出率*6分。', 6, () => 5.5],
  ['完成得2分，未完成不计分。', 2, (i) => (i % 50 === 3 ? 1 : 2)], // fault: 1 of 2 under all-or-nothing
  ['1.2018年服务券发放企业200家以上。完成得1分，未完成不计分。\n2.2019年创业创新服务300人次以上。完成得1分，未完成不计分。', 2, () => 1],
  ['1、项目开工率为100%的，得3分。开工率为90%-100%之间的，得2分；开工率为70%-90%之间的，得1分；开工率为70%及以下的，得0分。', 3, () => 2],
  ['1.政策审批程序规范，得4分；\n2.有集体会议协商的得3分；\n3.程序不够规范，得1-2分。\n4.程序不规范，得0分。', 4, () => 3],
  ['至2019年比重达到34%，得满分；占比每下降1个百分点，扣1分，扣完为止。', 4, (i) => (i % 50 === 17 ? 2.5 : 3)], // fault: half a step
  ['要点①②③④各占指标分值的1/4，符合相关要点得相应权重分值，否则扣除相应权重分值。', 4, () => 3],
  ['1.预算执行规范性2分，否则酌情扣分。\n2.事项支出的合规性2分，视情节严重情况扣分。\n3.会计核算规范性2分，视具体情况扣分。', 6, () => 5],
];

/**
 * Row k uses RULES[k % 10], so a fault condition must agree with that index: i % 50 === 3 falls on
 * the all-or-nothing rule (k % 10 === 3), i % 50 === 17 on the step rule (k % 10 === 7).
 * `variant` renames every level and indicator, so repeated runs of one size meet new strings,
 * as a batch of different workbooks would (rule texts repeat across workbooks, names do not).
 */
export async function syntheticWorkbook(rows: number, variant = 0): Promise<Uint8Array> {
  const v = variant === 0 ? '' : `样本${variant}`;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('评分表');
  ws.addRow(['合成评分表']);
  ws.addRow(['一级指标', '二级指标', '三级指标', '权重（%）', '评分标准', '评分', '评分理由及依据']);
  // Ten 二级 groups of 20 indicators make one 一级 block; both levels are merged, as in real
  // sheets, and each 一级 block closes with a 小计 whose formulas carry their cached results.
  const groupSize = 20;
  const groupsPerBlock = 10;
  let r = 3;
  let k = 0;
  for (let b = 0; k < rows; b++) {
    const blockStart = r;
    let weights = 0;
    let scores = 0;
    for (let g = 0; g < groupsPerBlock && k < rows; g++) {
      const groupStart = r;
      for (let i = 0; i < groupSize && k < rows; i++, k++, r++) {
        const [text, w, score] = RULES[k % RULES.length];
        ws.addRow([`${v}一级${b}`, `${v}二级${b}-${g}`, `${v}指标${k}`, w, text, score(k), k % 37 === 0 ? '扣1分' : '']);
        weights += w;
        scores += score(k);
      }
      if (r - 1 > groupStart) ws.mergeCells(`B${groupStart}:B${r - 1}`);
    }
    if (r - 1 > blockStart) ws.mergeCells(`A${blockStart}:A${r - 1}`);
    ws.addRow([
      '小计',
      null,
      null,
      { formula: `SUM(D${blockStart}:D${r - 1})`, result: weights },
      null,
      // fault: every fifth 小计 shows a score half a point off its rows
      { formula: `SUM(F${blockStart}:F${r - 1})`, result: Number((scores + (b % 5 === 4 ? 0.5 : 0)).toFixed(2)) },
      null,
    ]);
    r++;
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
