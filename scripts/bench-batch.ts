/**
 * The batch and legacy-reader part of `npm run bench`:
 * - batch throughput: 1,000 typical scoring workbooks (30–60 indicators, as the seed tables have)
 *   through `score-audit batch --jobs 2` (worker start-up, audit, results.jsonl, 汇总.xlsx
 *   included), against reading the same files alone, one after another in this process, the
 *   way the CLI reads them (Node's zlib); beside it --jobs 1, two --jobs 1 batches over halves of
 *   the files at once (does this machine give two cores' worth to this work?), and exceljs's load
 *   of the same files;
 * - reader timings: each seed workbook as .xls and as .xlsx, and the seed report as .docx.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { nodeInflate } from '../src/cli/inflate';
import { auditWorkbook } from '../src/core/audit/audit';
import { readAnyWorkbook } from '../src/io/read-any';
import { syntheticWorkbook } from './synthetic';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'bin/score-audit.js');

export interface BatchBench {
  files: number;
  readOnlyMs: number;
  batchMs: number;
  batchJobs1Ms: number;
  filesPerSecond: number;
  batchOverReadOnly: number;
  /** Reading and auditing the same files one after another in this process: the batch's own work. */
  readAuditMs: number;
  /** The batch against that work done alone: what the processes, records and 汇总.xlsx cost (below 1 when --jobs 2 gains). */
  batchOverReadAudit: number;
  /**
   * exceljs loading the same 1,000 files, one after another (what the open checkers and this tool's
   * first reader read with), and the batch against it: a yardstick for readers of exceljs's speed,
   * not the goal's baseline, which is our own reader (readOnlyMs).
   */
  exceljsReadOnlyMs: number;
  batchOverExceljsRead: number;
  /** --jobs 1 over --jobs 2: what the second worker gains (2 at best). */
  jobs2Speedup: number;
  /**
   * Two `batch --jobs 1` runs over two halves of the files at the same time, against one of them
   * alone: 1 when the machine's two cores each do this work at full speed, 2 when they share one
   * core's worth (memory or a CPU quota), the case where no pool can gain.
   */
  twoProcessSlowdown: number;
  /** The machine's 1-minute load average when the batch finished: above the core count, --jobs 2 gains nothing. */
  loadAverage: number;
}

const execFileAsync = promisify(execFile);

/** Wall time of `batch --jobs N` over each of `dirs`, all at the same time. */
async function runBatches(dirs: string[], jobs: number): Promise<number> {
  const outs = dirs.map(() => mkdtempSync(join(tmpdir(), 'bench-batch-out-')));
  const t0 = performance.now();
  await Promise.all(dirs.map((d, i) => execFileAsync(process.execPath, [CLI, 'batch', d, '--jobs', String(jobs), '--out-dir', outs[i]])));
  const ms = performance.now() - t0;
  for (const o of outs) rmSync(o, { recursive: true, force: true });
  return ms;
}

export async function measureBatch(files = 1000): Promise<BatchBench> {
  if (!existsSync(join(ROOT, 'lib/score-audit.js'))) execFileSync('npm', ['run', 'build:cli', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'bench-batch-'));
  // The same files once more, split into two halves, for the two-process measure.
  const halves = [`${dir}-a`, `${dir}-b`];
  try {
    for (const h of halves) mkdirSync(h);
    for (let i = 0; i < files; i++) {
      const bytes = await syntheticWorkbook(30 + (i % 31), 1000 + i);
      const name = `wb-${String(i).padStart(4, '0')}.xlsx`;
      writeFileSync(join(dir, name), bytes);
      writeFileSync(join(halves[i % 2], name), bytes);
    }
    const names = readdirSync(dir).sort();
    // Read alone: every file from disk into the sheet model, one after another (one warm-up file first),
    // inflated by Node's zlib as the CLI and the batch workers read them.
    const read = (n: string) => readAnyWorkbook(readFileSync(join(dir, n)), n, undefined, { inflate: nodeInflate });
    await read(names[0]);
    const t0 = performance.now();
    for (const n of names) await read(n);
    const readOnlyMs = performance.now() - t0;
    // Read and audit alone: the work the batch does, without its processes, records and summary.
    const t1 = performance.now();
    for (const n of names) auditWorkbook((await read(n)).workbook);
    const readAuditMs = performance.now() - t1;
    const batchMs = await runBatches([dir], 2);
    const batchJobs1Ms = await runBatches([dir], 1);
    const halfAloneMs = await runBatches([halves[0]], 1);
    const halvesTogetherMs = await runBatches(halves, 1);
    // Last, so that its garbage lands in no other interval.
    const t2 = performance.now();
    for (const n of names) await new ExcelJS.Workbook().xlsx.load(readFileSync(join(dir, n)) as unknown as ArrayBuffer);
    const exceljsReadOnlyMs = performance.now() - t2;
    return {
      files,
      readOnlyMs: Math.round(readOnlyMs),
      batchMs: Math.round(batchMs),
      batchJobs1Ms: Math.round(batchJobs1Ms),
      filesPerSecond: Number((files / (batchMs / 1000)).toFixed(1)),
      batchOverReadOnly: Number((batchMs / readOnlyMs).toFixed(2)),
      readAuditMs: Math.round(readAuditMs),
      batchOverReadAudit: Number((batchMs / readAuditMs).toFixed(2)),
      exceljsReadOnlyMs: Math.round(exceljsReadOnlyMs),
      batchOverExceljsRead: Number((batchMs / exceljsReadOnlyMs).toFixed(2)),
      jobs2Speedup: Number((batchJobs1Ms / batchMs).toFixed(2)),
      twoProcessSlowdown: Number((halvesTogetherMs / halfAloneMs).toFixed(2)),
      loadAverage: Number(loadavg()[0].toFixed(2)),
    };
  } finally {
    for (const d of [dir, ...halves]) rmSync(d, { recursive: true, force: true });
  }
}

export interface ReaderBench {
  /** Median of `repeats` reads of all nine seed workbooks, per format. */
  xlsMs: number;
  xlsxMs: number;
  xlsOverXlsx: number;
  docxReportMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export async function measureReaders(repeats = 9): Promise<ReaderBench> {
  const xlsDir = join(ROOT, 'test/fixtures/xls');
  const pairs = readdirSync(xlsDir)
    .filter((f) => f.endsWith('.xls') && existsSync(join(ROOT, 'test/fixtures/xlsx', f.replace(/\.xls$/, '.xlsx'))))
    .map((f) => ({ xls: readFileSync(join(xlsDir, f)), xlsx: readFileSync(join(ROOT, 'test/fixtures/xlsx', f.replace(/\.xls$/, '.xlsx'))) }));
  const report = readFileSync(join(ROOT, 'test/fixtures/docx/seed003-report.docx'));
  const time = async (read: () => Promise<unknown>) => {
    const runs: number[] = [];
    await read(); // warm-up
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      await read();
      runs.push(performance.now() - t0);
    }
    return median(runs);
  };
  const xlsMs = await time(async () => {
    for (const p of pairs) await readAnyWorkbook(p.xls, 'a.xls');
  });
  const xlsxMs = await time(async () => {
    for (const p of pairs) await readAnyWorkbook(p.xlsx, 'a.xlsx');
  });
  const docxReportMs = await time(() => readAnyWorkbook(report, 'report.docx'));
  return { xlsMs: Number(xlsMs.toFixed(1)), xlsxMs: Number(xlsxMs.toFixed(1)), xlsOverXlsx: Number((xlsMs / xlsxMs).toFixed(3)), docxReportMs: Number(docxReportMs.toFixed(1)) };
}
