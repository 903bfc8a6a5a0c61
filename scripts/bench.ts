/**
 * npm run bench [-- --json] [-- --repeats 5]
 * Measures, in one run on this machine: the reader's parse time and detection + audit time of
 * synthetic scoring workbooks (1k, 10k, 50k indicator rows: rule texts of every family, merged
 * levels, subtotals, faults on ~5% of rows), their ratio, exceljs's load of the same bytes as a
 * yardstick, the 50k/10k growth, 100k evaluations of PERF.LINEAR and PERF.RULESCORE in
 * HyperFormula against equivalent native IF formulas; then, as separate processes, a cold
 * `score-audit audit` of the sample against `node -e 0`, and the peak RSS of the CLI auditing the
 * 50k-row workbook. Only ratios from the same run are meaningful: the machines are noisy.
 * The CLI figures need `npm run build:cli` first.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { nodeInflate } from '../src/cli/inflate';
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
  const wb = await readWorkbook(bytes, `synthetic-${rows}.xlsx`, { inflate: nodeInflate });
  const t1 = performance.now();
  const result = auditWorkbook(wb);
  const t2 = performance.now();
  return { parseMs: t1 - t0, auditMs: t2 - t1, findings: result.findings.length };
}

/**
 * exceljs loading the same bytes (merges skipped, as the old reader did): the yardstick the
 * audit targets were set against. Measured after our runs, so that its garbage does not land in them.
 */
async function measureExceljs(files: Uint8Array[]): Promise<number> {
  const runs: number[] = [];
  for (const bytes of files) {
    const t0 = performance.now();
    await new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer, { ignoreNodes: ['mergeCells'] } as never);
    runs.push(performance.now() - t0);
  }
  return median(runs.slice(1));
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
async function measureSize(rows: number, repeats: number): Promise<{ median: AuditRun; first: AuditRun; files: Uint8Array[] }> {
  // Generate first: writing a workbook with exceljs must not share a measured interval.
  const files: Uint8Array[] = [];
  for (let i = 0; i <= repeats; i++) files.push(await syntheticWorkbook(rows, i + 1));
  const runs: AuditRun[] = [];
  for (const bytes of files) runs.push(await measureAudit(bytes, rows));
  const [first, ...measured] = runs;
  return {
    median: { parseMs: median(measured.map((r) => r.parseMs)), auditMs: median(measured.map((r) => r.auditMs)), findings: first.findings },
    first,
    files,
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

const CLI = join(__dirname, '..', 'bin', 'score-audit.js');
const SAMPLE = join(__dirname, '..', 'samples', '韶关绩效评价评分表.xlsx');
const COLD_RUNS = 15;

function wallMs(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return performance.now() - t0;
}

/** Cold `score-audit audit` of the sample against a bare `node -e 0`, interleaved, medians of COLD_RUNS. */
function measureColdStart(): { nodeMs: number; auditMs: number } {
  const node: number[] = [];
  const audit: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    node.push(wallMs(['-e', '0']));
    audit.push(wallMs([CLI, 'audit', SAMPLE, '--json']));
  }
  return { nodeMs: median(node), auditMs: median(audit) };
}

/** Peak RSS and wall time of the CLI auditing one workbook in a process of its own. */
function measureCliMemory(bytes: Uint8Array, rows: number): { rssMB: number; ms: number } {
  const file = join(mkdtempSync(join(tmpdir(), 'score-audit-bench-')), `synthetic-${rows}.xlsx`);
  writeFileSync(file, bytes);
  // The process's own high-water mark (VmHWM): getrusage's maxRSS can carry the parent's over exec.
  const probe =
    `const fs = require('fs'); const peak = () => { try { return Number(/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]); } catch { return process.resourceUsage().maxRSS; } };` +
    `require(${JSON.stringify(join(__dirname, '..', 'lib', 'score-audit.js'))}).main(['audit', ${JSON.stringify(file)}, '--json'], () => {}, (s) => process.stderr.write(s))` +
    `.then((code) => { process.stdout.write(JSON.stringify({ code, rss: peak() })); })`;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  const { code, rss } = JSON.parse(r.stdout) as { code: number; rss: number };
  if (code !== 0) throw new Error(`CLI audit of ${rows} rows exited ${code}: ${r.stderr}`);
  return { rssMB: Math.round(rss / 1024), ms: Math.round(ms) };
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
  const exceljsTenMs = await measureExceljs(runs.get(10000)!.files);
  for (const m of runs.values()) m.files.length = 0;
  const fn = measureFunctions(100_000);
  const cold = measureColdStart();
  const cli50k = measureCliMemory(await syntheticWorkbook(50_000, 99), 50_000);
  const ten = runs.get(10000)!.median;
  const fifty = runs.get(50000)!.median;
  const firstTen = runs.get(10000)!.first;
  const out = {
    rows: 10000,
    parseMs: Math.round(ten.parseMs),
    auditMs: Math.round(ten.auditMs),
    auditOverParse: Number((ten.auditMs / ten.parseMs).toFixed(3)),
    exceljsLoadMs: Math.round(exceljsTenMs),
    auditOverExceljsLoad: Number((ten.auditMs / exceljsTenMs).toFixed(3)),
    growth50kOver10k: Number(((fifty.parseMs + fifty.auditMs) / (ten.parseMs + ten.auditMs)).toFixed(2)),
    fnOverNative: Number((fn.linear / fn.native).toFixed(2)),
    rulescoreOverNative: Number((fn.rulescore / fn.native).toFixed(2)),
    rssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    coldAuditMs: Math.round(cold.auditMs),
    nodeStartMs: Math.round(cold.nodeMs),
    coldAuditOverNode: Number((cold.auditMs / cold.nodeMs).toFixed(2)),
    cli50kRssMB: cli50k.rssMB,
    cli50kMs: cli50k.ms,
    firstRunAuditOverParse: Number((firstTen.auditMs / firstTen.parseMs).toFixed(3)),
    repeats,
  };
  // Batch throughput and the legacy readers (scripts/bench-batch.ts): their own line.
  const batch = { ...(await measureBatch()), ...(await measureReaders()) };
  if (json) console.log(JSON.stringify(out));
  else {
    console.log(`100k cells in HyperFormula: PERF.LINEAR ${fn.linear.toFixed(0)} ms, PERF.RULESCORE ${fn.rulescore.toFixed(0)} ms, native IF ${fn.native.toFixed(0)} ms`);
    console.log(`cold CLI: audit of the sample ${cold.auditMs.toFixed(0)} ms, node -e 0 ${cold.nodeMs.toFixed(0)} ms (medians of ${COLD_RUNS}); CLI audit of 50k rows: ${cli50k.ms} ms, peak RSS ${cli50k.rssMB} MB`);
    console.log(JSON.stringify(out));
  }
  console.log(JSON.stringify({ batch }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
