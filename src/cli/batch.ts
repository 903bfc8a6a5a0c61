/**
 * score-audit batch PATH… — every supported file under the given files and folders, audited in
 * a small pool of worker processes with a time and a memory limit each; results appended to
 * DIR/results.jsonl as they finish (--resume skips what it already holds, by content hash); at the
 * end DIR/汇总.xlsx. A file that cannot be read, hangs or exhausts memory is reported and skipped.
 */
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { mkdir, readdir, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { READABLE_EXTENSIONS } from '../io/format';
import { Task, WorkerPool } from './batch-pool';
import { BatchRecord, failedRecord, parseResults } from './batch-record';
import { findSoffice } from './convert';
import { CliError, EXIT_FINDINGS, EXIT_OK } from './io';

export const RESULTS_FILE = 'results.jsonl';
const DEFAULT_OUT_DIR = 'score-audit-out';
const DEFAULT_TIMEOUT_S = 120;
const DEFAULT_MEMORY_MB = 2048;
const MAX_JOBS = 16;
/** Extensions picked up in folders with --convert (converted by LibreOffice first). */
const CONVERTIBLE_EXTENSIONS = ['.ods', '.doc', '.wps', '.odt'];
/** The script the workers run: bin/ beside lib/ (the bundled CLI, lib/score-audit.js) or two levels up (src/cli under ts). */
const CLI_ENTRY = [resolve(__dirname, '../bin/score-audit.js'), resolve(__dirname, '../../bin/score-audit.js')].find((p) => existsSync(p)) ?? resolve(__dirname, '../bin/score-audit.js');

type Err = (s: string) => void;

interface Input {
  path: string;
  display: string;
}

/** Excel's lock files (~$报表.xlsx) and hidden files are not inputs. */
const isCandidate = (name: string, extensions: string[]) => !name.startsWith('~$') && !name.startsWith('.') && extensions.includes(extname(name).toLowerCase());

async function collect(paths: string[], extensions: string[], skipDir: string): Promise<{ inputs: Input[]; missing: string[] }> {
  const inputs: Input[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const display = (p: string) => {
    const rel = relative(process.cwd(), p);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
  };
  const add = async (p: string) => {
    const real = await realpath(p).catch(() => p);
    if (seen.has(real)) return;
    seen.add(real);
    inputs.push({ path: p, display: display(p) });
  };
  const walk = async (dir: string): Promise<void> => {
    if ((await realpath(dir).catch(() => dir)) === skipDir) return;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (isCandidate(e.name, extensions)) await add(p);
    }
  };
  for (const p of paths) {
    const st = await stat(p).catch(() => undefined);
    if (!st) missing.push(p);
    else if (st.isDirectory()) await walk(resolve(p));
    else await add(resolve(p)); // a file named on the command line is tried whatever its extension
  }
  return { inputs, missing };
}

/** Where an input's annotated copy goes: its path under DIR/annotated, ".审核.xlsx" at the end. */
function annotatedPath(outDir: string, display: string): string {
  const safe = display.split(/[\\/]+/).filter((part) => part !== '..' && part !== '.' && part !== '').join(sep);
  return join(outDir, 'annotated', `${safe.replace(/\.[^./\\]+$/, '')}.审核.xlsx`);
}

class Progress {
  private done = 0;
  private failed = 0;
  private errors = 0;
  private lastDraw = 0;
  private lastStep = -1;
  private readonly tty: boolean;

  constructor(
    private readonly total: number,
    private readonly err: Err,
    private readonly write: (s: string) => void,
  ) {
    this.tty = !!process.stderr.isTTY;
  }

  start(file: string): void {
    this.draw(file);
  }

  finish(record: BatchRecord | undefined): void {
    this.done++;
    if (record && record.status !== 'ok') this.failed++;
    this.errors += record?.errors ?? 0;
    this.draw('');
  }

  private line(current: string): string {
    const width = 24;
    const filled = this.total === 0 ? width : Math.round((this.done / this.total) * width);
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total}  无法审核 ${this.failed}  错误 ${this.errors}${current ? `  当前：${current}` : ''}`;
  }

  private draw(current: string): void {
    const now = Date.now();
    if (this.tty) {
      if (this.done < this.total && now - this.lastDraw < 100) return;
      this.lastDraw = now;
      this.write(`\r\x1b[K${this.line(current)}${this.done === this.total ? '\n' : ''}`);
      return;
    }
    // Not a terminal (a log, CI): a line at every tenth of the way and at the end.
    const step = this.total === 0 ? 10 : Math.floor((this.done / this.total) * 10);
    if (step !== this.lastStep && current === '') {
      this.lastStep = step;
      this.err(this.line(''));
    }
  }
}

function positiveNumber(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`${name} 应为正数：${text}`, `${name} must be a positive number`);
  return n;
}

export async function runBatch(args: string[], out: (s: string) => void, err: Err, writeErr: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      jobs: { type: 'string' },
      'out-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      resume: { type: 'boolean', default: false },
      annotate: { type: 'boolean', default: false },
      'fail-on': { type: 'string' },
      convert: { type: 'boolean', default: false },
      timeout: { type: 'string' },
      memory: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new CliError('batch 需要至少一个文件或文件夹参数', 'batch takes one or more files or folders');
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'error' && failOn !== 'warning') throw new CliError('--fail-on 只能是 error 或 warning', '--fail-on must be error or warning');
  const jobs = Math.min(MAX_JOBS, Math.floor(positiveNumber(values.jobs, 2, '--jobs')));
  const timeoutMs = positiveNumber(values.timeout, DEFAULT_TIMEOUT_S, '--timeout') * 1000;
  const memoryMb = Math.floor(positiveNumber(values.memory, DEFAULT_MEMORY_MB, '--memory'));
  if (values.convert && !findSoffice()) {
    err('score-audit: --convert 需要 LibreOffice，本机未安装；.ods/.doc/.wps 文件将列为无法读取。安装：apt-get install libreoffice-calc-nogui（.ods）、libreoffice-writer-nogui（.doc/.wps）');
    err('  (--convert needs LibreOffice, which is not installed; .ods/.doc/.wps files will be listed as unreadable. Install: apt-get install libreoffice-calc-nogui for .ods, libreoffice-writer-nogui for .doc/.wps)');
  }
  const outDir = resolve(values['out-dir'] ?? DEFAULT_OUT_DIR);
  await mkdir(outDir, { recursive: true });
  const resultsPath = join(outDir, RESULTS_FILE);

  // The workers start up while the folders are walked.
  const pool = new WorkerPool({ jobs, timeoutMs, memoryMb, entry: CLI_ENTRY });
  /** results.jsonl, open while the files are audited. */
  let resultsFd: number | undefined;
  try {
    const extensions = [...READABLE_EXTENSIONS, ...(values.convert ? CONVERTIBLE_EXTENSIONS : [])];
    const { inputs, missing } = await collect(positionals, extensions, await realpath(outDir));
    if (inputs.length === 0) {
      if (missing.length > 0) throw new CliError(`找不到文件或文件夹：${missing.join('、')}`, `not found: ${missing.join(', ')}`);
      throw new CliError(`${positionals.join('、')} 中没有可审核的文件（${extensions.join(' ')}）`, `no file to audit in ${positionals.join(', ')} (${extensions.join(' ')})`);
    }

    // --resume: what results.jsonl already holds is done; without it the batch starts afresh.
    const previous = values.resume && existsSync(resultsPath) ? parseResults(readFileSync(resultsPath, 'utf8')) : [];
    // Open once: each record is one write as it arrives, not an open, a write and a close.
    resultsFd = openSync(resultsPath, values.resume ? 'a' : 'w');
    const done = new Map(previous.filter((r) => r.sha256).map((r) => [r.sha256!, r]));
    const records: BatchRecord[] = [...previous];
    const append = (r: BatchRecord) => {
      records.push(r);
      writeSync(resultsFd!, `${JSON.stringify(r)}\n`);
    };
    for (const m of missing) append(failedRecord({ file: m, ms: 0 }, 'unreadable', `找不到文件：${m} (not found)`));

    const tasks: Task[] = inputs.map((i) => ({ path: i.path, display: i.display, convert: values.convert ?? false, resume: values.resume ?? false, annotatePath: values.annotate ? annotatedPath(outDir, i.display) : undefined }));
    const progress = new Progress(tasks.length, err, writeErr);
    let skipped = 0;
    await pool.run(tasks, {
      decide: (sha256) => done.has(sha256),
      onStart: (task) => progress.start(task.display),
      onOutcome: (task, outcome) => {
        if (outcome.kind === 'skipped') {
          skipped++;
          // The same content under another name still gets its own row.
          const before = done.get(outcome.sha256)!;
          if (before.file !== task.display && !records.some((r) => r.file === task.display && r.sha256 === outcome.sha256)) append({ ...before, file: task.display });
          progress.finish(undefined);
          return;
        }
        const record = outcome.kind === 'done' ? outcome.record : failedRecord({ file: task.display, sha256: outcome.sha256, size: outcome.size, ms: outcome.ms }, outcome.status, outcome.reason);
        append(record);
        progress.finish(record);
      },
    });

    closeSync(resultsFd);
    resultsFd = undefined;

    // One row per file: a file audited again (after --resume, or changed) keeps its latest record.
    const latest = new Map<string, BatchRecord>();
    for (const r of records) latest.set(r.file, r);
    const rows = [...latest.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    // The summary writer is loaded only now, while the workers could start without waiting for it.
    const { SUMMARY_WORKBOOK, writeSummaryWorkbook } = await import('./batch-summary');
    const summaryPath = join(outDir, SUMMARY_WORKBOOK);
    await writeSummaryWorkbook(rows, summaryPath);

    const audited = rows.filter((r) => r.status === 'ok');
    const notAudited = rows.filter((r) => r.status !== 'ok');
    const totals = { errors: 0, warnings: 0, infos: 0 };
    for (const r of audited) {
      totals.errors += r.errors;
      totals.warnings += r.warnings;
      totals.infos += r.infos;
    }
    if (values.json) {
      out(JSON.stringify({ outDir, summary: summaryPath, results: resultsPath, files: rows.length, audited: audited.length, notAudited: notAudited.length, skipped, ...totals, records: rows.map(({ findings: _f, ...r }) => r) }));
    } else {
      out(`共 ${rows.length} 个文件：已审核 ${audited.length} 个${skipped ? `（其中 ${skipped} 个已在上次完成，跳过）` : ''}，无法审核 ${notAudited.length} 个；错误 ${totals.errors}，警告 ${totals.warnings}，提示 ${totals.infos}`);
      for (const r of notAudited) out(`  无法审核 ${r.file}：${r.reason ?? r.status}`);
      out(`汇总：${summaryPath}`);
      out(`逐个结果：${resultsPath}`);
    }
    // Exit code over the whole batch: with --fail-on, findings at or above it, or a file not audited at all, fail it.
    if (failOn === undefined) return EXIT_OK;
    const failing = audited.some((r) => r.errors > 0 || (failOn === 'warning' && r.warnings > 0)) || notAudited.length > 0;
    return failing ? EXIT_FINDINGS : EXIT_OK;
  } finally {
    pool.close();
    if (resultsFd !== undefined) closeSync(resultsFd);
  }
}
