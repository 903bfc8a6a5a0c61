/**
 * npm run bench [-- --json] [-- --rows 10000]
 * Measures, in one run on this machine: exceljs parse time and detection + audit time of
 * synthetic scoring workbooks (1k, 10k, 50k indicator rows: rule texts of every family, merged
 * levels, subtotals, ~2% injected faults), their ratio, the 50k/10k growth, 100k evaluations of
 * PERF.LINEAR and PERF.RULESCORE in HyperFormula against equivalent native IF formulas, peak RSS.
 * Only ratios from the same run are meaningful: the machines are noisy.
 */
import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { auditWorkbook } from '../src/core/audit/audit';
import { readWorkbook } from '../src/io/reader';
import { perfSheet, registerPerfPlugin } from '../test/insheet/perfPlugin';

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

async function syntheticWorkbook(rows: number): Promise<Uint8Array> {
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
      ws.addRow([`一级${Math.floor(g / 10)}`, `二级${g}`, `指标${k}`, w, text, score(k), k % 37 === 0 ? '扣1分' : '']);
      r++;
    }
    ws.mergeCells(`B${start}:B${r - 1}`);
    ws.addRow(['小计', null, null, { formula: `SUM(D${start}:D${r - 1})` }, null, { formula: `SUM(F${start}:F${r - 1})` }, null]);
    r++;
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function measureAudit(rows: number): Promise<{ parseMs: number; auditMs: number; findings: number }> {
  const bytes = await syntheticWorkbook(rows);
  const t0 = performance.now();
  const wb = await readWorkbook(bytes, `synthetic-${rows}.xlsx`);
  const t1 = performance.now();
  const result = auditWorkbook(wb);
  const t2 = performance.now();
  return { parseMs: t1 - t0, auditMs: t2 - t1, findings: result.findings.length };
}

function measureFunctions(cells: number): { linear: number; rulescore: number; native: number } {
  registerPerfPlugin();
  const rate = (i: number) => 0.5 + (i % 60) / 100;
  // Four formula columns per row: HyperFormula's default sheet has at most 40,000 rows.
  const build = (formula: (row: number) => string) => {
    const data = Array.from({ length: cells / 4 }, (_, i) => [rate(i), formula(i + 1), formula(i + 1), formula(i + 1), formula(i + 1)]);
    const t0 = performance.now();
    const hf = perfSheet(data);
    const t = performance.now() - t0;
    hf.destroy();
    return t;
  };
  const linear = build((r) => `=PERF.LINEAR(A${r},2)`);
  const rulescore = build((r) => `=PERF.RULESCORE("达到或超过指标值得满分；否则指标得分=（完成率-60%）/(100%-60%)×指标分值；指标值低于60%，不得分。",2,A${r})`);
  const native = build((r) => `=IF(A${r}>=1,2,IF(A${r}<0.6,0,2*(A${r}-0.6)/0.4))`);
  return { linear, rulescore, native };
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const sizes = [1000, 10000, 50000];
  const runs = new Map<number, Awaited<ReturnType<typeof measureAudit>>>();
  for (const n of sizes) {
    runs.set(n, await measureAudit(n));
    if (!json) {
      const m = runs.get(n)!;
      console.log(`${String(n).padStart(6)} rows: parse ${m.parseMs.toFixed(0)} ms, detect+audit ${m.auditMs.toFixed(0)} ms (${(m.auditMs / m.parseMs).toFixed(3)} of parse), ${m.findings} findings`);
    }
  }
  const fn = measureFunctions(100_000);
  const ten = runs.get(10000)!;
  const fifty = runs.get(50000)!;
  const out = {
    rows: 10000,
    parseMs: Math.round(ten.parseMs),
    auditMs: Math.round(ten.auditMs),
    auditOverParse: Number((ten.auditMs / ten.parseMs).toFixed(3)),
    growth50kOver10k: Number(((fifty.parseMs + fifty.auditMs) / (ten.parseMs + ten.auditMs)).toFixed(2)),
    fnOverNative: Number((fn.linear / fn.native).toFixed(2)),
    rulescoreOverNative: Number((fn.rulescore / fn.native).toFixed(2)),
    rssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  if (json) console.log(JSON.stringify(out));
  else {
    console.log(`100k cells in HyperFormula: PERF.LINEAR ${fn.linear.toFixed(0)} ms, PERF.RULESCORE ${fn.rulescore.toFixed(0)} ms, native IF ${fn.native.toFixed(0)} ms`);
    console.log(JSON.stringify(out));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
