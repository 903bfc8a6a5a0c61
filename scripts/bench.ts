/**
 * npm run bench [-- --json] [-- --repeats 5]
 * Measures, in one run on this machine: exceljs parse time and detection + audit time of
 * synthetic scoring workbooks (1k, 10k, 50k indicator rows: rule texts of every family, merged
 * levels, subtotals, faults on ~5% of rows), their ratio, the 50k/10k growth, 100k evaluations of
 * PERF.LINEAR and PERF.RULESCORE in HyperFormula against equivalent native IF formulas, peak RSS.
 * Only ratios from the same run are meaningful: the machines are noisy.
 */
import { performance } from 'node:perf_hooks';
import { auditWorkbook } from '../src/core/audit/audit';
import { readWorkbook } from '../src/io/reader';
import { perfSheet, registerPerfPlugin } from '../test/insheet/perfPlugin';
import { measureBatch, measureReaders } from './bench-batch';
import { syntheticWorkbook } from './synthetic';

interface AuditRun {
  parseMs: number;
  auditMs: number;
  findings: number;
}

async function measureAudit(bytes: Uint8Array, rows: number): Promise<AuditRun> {
  const t0 = performance.now();
  const wb = await readWorkbook(bytes, `synthetic-${rows}.xlsx`);
  const t1 = performance.now();
  const result = auditWorkbook(wb);
  const t2 = performance.now();
  return { parseMs: t1 - t0, auditMs: t2 - t1, findings: result.findings.length };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Each size: one warm-up run, then `repeats` measured runs, each on a differently named workbook;
 * the medians of parse and of audit are the figures (one slow GC or JIT tier-up does not decide a
 * ratio). The warm-up run is reported too: it pays the JIT and fresh caches, as a single CLI
 * call on one workbook does.
 */
async function measureSize(rows: number, repeats: number): Promise<{ median: AuditRun; first: AuditRun }> {
  // Generate first: writing a workbook with exceljs must not share a measured interval.
  const files: Uint8Array[] = [];
  for (let i = 0; i <= repeats; i++) files.push(await syntheticWorkbook(rows, i + 1));
  const runs: AuditRun[] = [];
  for (const bytes of files) runs.push(await measureAudit(bytes, rows));
  const [first, ...measured] = runs;
  return {
    median: { parseMs: median(measured.map((r) => r.parseMs)), auditMs: median(measured.map((r) => r.auditMs)), findings: first.findings },
    first,
  };
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
  const repeats = Number(process.argv[process.argv.indexOf('--repeats') + 1]) || 5;
  const runs = new Map<number, Awaited<ReturnType<typeof measureSize>>>();
  for (const n of sizes) {
    const m = await measureSize(n, repeats);
    runs.set(n, m);
    if (!json) {
      console.log(
        `${String(n).padStart(6)} rows (median of ${repeats} after a warm-up run): parse ${m.median.parseMs.toFixed(0)} ms, detect+audit ${m.median.auditMs.toFixed(0)} ms ` +
          `(${(m.median.auditMs / m.median.parseMs).toFixed(3)} of parse); warm-up run ${m.first.parseMs.toFixed(0)} / ${m.first.auditMs.toFixed(0)} ms; ${m.median.findings} findings`,
      );
    }
  }
  const fn = measureFunctions(100_000);
  const ten = runs.get(10000)!.median;
  const fifty = runs.get(50000)!.median;
  const firstTen = runs.get(10000)!.first;
  const out = {
    rows: 10000,
    parseMs: Math.round(ten.parseMs),
    auditMs: Math.round(ten.auditMs),
    auditOverParse: Number((ten.auditMs / ten.parseMs).toFixed(3)),
    growth50kOver10k: Number(((fifty.parseMs + fifty.auditMs) / (ten.parseMs + ten.auditMs)).toFixed(2)),
    fnOverNative: Number((fn.linear / fn.native).toFixed(2)),
    rulescoreOverNative: Number((fn.rulescore / fn.native).toFixed(2)),
    rssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    firstRunAuditOverParse: Number((firstTen.auditMs / firstTen.parseMs).toFixed(3)),
    repeats,
  };
  // Batch throughput and the legacy readers (scripts/bench-batch.ts): their own line.
  const batch = { ...(await measureBatch()), ...(await measureReaders()) };
  if (json) console.log(JSON.stringify(out));
  else {
    console.log(`100k cells in HyperFormula: PERF.LINEAR ${fn.linear.toFixed(0)} ms, PERF.RULESCORE ${fn.rulescore.toFixed(0)} ms, native IF ${fn.native.toFixed(0)} ms`);
    console.log(JSON.stringify(out));
  }
  console.log(JSON.stringify({ batch }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
