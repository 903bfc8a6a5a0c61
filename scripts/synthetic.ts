/** Synthetic scoring workbooks for the benchmark and for profiling: rule texts of every family,
 * merged second-level cells, a 小计 row per group of 20, ~2% injected faults. */
import ExcelJS from 'exceljs';

const RULES: Array<[string, number, (i: number) => number]> = [
  ['达到或超过指标值得满分；否则指标得分=（完成率-60%）/(100%-60%)×指标分值；指标值低于60%，不得分。', 2, (i) => (i % 3 === 0 ? 2 : 1.5)],
  ['1.满意率≥90%，2分；\n2.满意率低于90%，本指标得分=（满意率-60%）/(90%-60%)×2分；\n3.满意率低于60%，不得分。', 2, () => 1.97],
  ['评分等于支出率*6分。', 6, () => 5.5],
  ['完成得2分，未完成不计分。', 2, (i) => (i % 50 === 7 ? 1 : 2)],
  ['1.2018年服务券发放企业200家以上。完成得1分，未完成不计分。\n2.2019年创业创新服务300人次以上。完成得1分，未完成不计分。', 2, () => 1],
  ['1、项目开工率为100%的，得3分。开工率为90%-100%之间的，得2分；开工率为70%-90%之间的，得1分；开工率为70%及以下的，得0分。', 3, () => 2],
  ['1.政策审批程序规范，得4分；\n2.有集体会议协商的得3分；\n3.程序不够规范，得1-2分。\n4.程序不规范，得0分。', 4, () => 3],
  ['至2019年比重达到34%，得满分；占比每下降1个百分点，扣1分，扣完为止。', 4, (i) => (i % 50 === 11 ? 2.5 : 3)],
  ['要点①②③④各占指标分值的1/4，符合相关要点得相应权重分值，否则扣除相应权重分值。', 4, () => 3],
  ['1.预算执行规范性2分，否则酌情扣分。\n2.事项支出的合规性2分，视情节严重情况扣分。\n3.会计核算规范性2分，视具体情况扣分。', 6, () => 5],
];

/**
 * `variant` renames every level and indicator, so repeated runs of one size meet new strings,
 * as a batch of different workbooks would (rule texts repeat across workbooks, names do not).
 */
export async function syntheticWorkbook(rows: number, variant = 0): Promise<Uint8Array> {
  const v = variant === 0 ? '' : `样本${variant}`;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('评分表');
  ws.addRow(['合成评分表']);
  ws.addRow(['一级指标', '二级指标', '三级指标', '权重（%）', '评分标准', '评分', '评分理由及依据']);
  const groupSize = 20;
  let r = 3;
  for (let g = 0; g * groupSize < rows; g++) {
    const start = r;
    const n = Math.min(groupSize, rows - g * groupSize);
    for (let i = 0; i < n; i++) {
      const k = g * groupSize + i;
      const [text, w, score] = RULES[k % RULES.length];
      ws.addRow([`${v}一级${Math.floor(g / 10)}`, `${v}二级${g}`, `${v}指标${k}`, w, text, score(k), k % 37 === 0 ? '扣1分' : '']);
      r++;
    }
    ws.mergeCells(`B${start}:B${r - 1}`);
    ws.addRow(['小计', null, null, { formula: `SUM(D${start}:D${r - 1})` }, null, { formula: `SUM(F${start}:F${r - 1})` }, null]);
    r++;
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
