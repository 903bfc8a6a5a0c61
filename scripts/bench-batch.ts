/**
 * The batch and legacy-reader part of `npm run bench`:
 * - batch throughput: 1,000 typical scoring workbooks (30–60 indicators, as the seed tables have)
 *   through `score-audit batch --jobs 2` (worker start-up, audit, results.jsonl, 汇总.xlsx
 *   included), against reading the same files alone, one after another in this process, the
 *   way the CLI reads them (Node's zlib);
 * - reader timings: each seed workbook as .xls and as .xlsx, and the seed report as .docx.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
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
  /** The machine's 1-minute load average when the batch finished: above the core count, --jobs 2 gains nothing. */
  loadAverage: number;
}

function runBatch(dir: string, jobs: number): number {
  const out = mkdtempSync(join(tmpdir(), 'bench-batch-out-'));
  const t0 = performance.now();
  execFileSync(process.execPath, [CLI, 'batch', dir, '--jobs', String(jobs), '--out-dir', out], { stdio: 'ignore' });
  const ms = performance.now() - t0;
  rmSync(out, { recursive: true, force: true });
  return ms;
}

export async function measureBatch(files = 1000): Promise<BatchBench> {
  if (!existsSync(join(ROOT, 'lib/score-audit.js'))) execFileSync('npm', ['run', 'build:cli', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'bench-batch-'));
  try {
    for (let i = 0; i < files; i++) writeFileSync(join(dir, `wb-${String(i).padStart(4, '0')}.xlsx`), await syntheticWorkbook(30 + (i % 31), 1000 + i));
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
    const batchMs = runBatch(dir, 2);
    const batchJobs1Ms = runBatch(dir, 1);
    return {
      files,
      readOnlyMs: Math.round(readOnlyMs),
      batchMs: Math.round(batchMs),
      batchJobs1Ms: Math.round(batchJobs1Ms),
      filesPerSecond: Number((files / (batchMs / 1000)).toFixed(1)),
      batchOverReadOnly: Number((batchMs / readOnlyMs).toFixed(2)),
      readAuditMs: Math.round(readAuditMs),
      batchOverReadAudit: Number((batchMs / readAuditMs).toFixed(2)),
      loadAverage: Number(loadavg()[0].toFixed(2)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
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
