/**
 * A small pool of worker processes for `score-audit batch`. Each worker audits one file at a
 * time under a time limit and a memory limit (V8's heap limit, and the process's resident memory
 * checked on Linux), with the next file already in hand; a worker that runs over either is killed,
 * its file reported, and a fresh worker takes the files after it. One bad file never stops the batch.
 */
import { ChildProcess, fork } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchStatus } from './batch-record';
import { parseInHand } from './batch-inhand';
import type { ParentMessage, WorkerJob, WorkerMessage } from './batch-worker';
import type { BatchRecord } from './batch-record';

export interface PoolOptions {
  jobs: number;
  timeoutMs: number;
  memoryMb: number;
  /** The CLI script the workers run (its hidden `__batch-worker` command). */
  entry: string;
}

export type Task = Omit<WorkerJob, 'type' | 'id'>;

export type Outcome =
  | { kind: 'done'; record: BatchRecord }
  | { kind: 'skipped'; sha256: string }
  | { kind: 'stopped'; status: Extract<BatchStatus, 'timeout' | 'memory' | 'crashed'>; reason: string; sha256?: string; size?: number; ms: number };

/**
 * Resident memory is checked this often; past the heap limit plus this allowance (code, buffers,
 * the young generation: a worker that has read nothing already holds about 70 MB) it is stopped.
 */
const RSS_POLL_MS = 200;
const RSS_ALLOWANCE_MB = 256;
/** What a worker printed last, kept to tell an out-of-memory abort from another crash. */
const STDERR_TAIL = 4096;

function residentMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined; // not Linux, or the process is gone
  }
}

/**
 * Files a worker holds at once: the one it audits and those after it, which it starts as soon as
 * the one before is done instead of waiting for the parent to hear of it and answer. A typical
 * workbook takes 2–3 ms, less than that round trip while the parent writes records and draws
 * progress (for one worker or two): holding one file ahead still left a worker waiting 140–215 ms per 500 files; seven
 * ahead, 20–50 ms (timed inside the workers, 1,000 files of the bench). Files not yet begun carry
 * no time limit, and a fresh worker takes them if this one is stopped.
 */
const FILES_PER_WORKER = 8;

export interface RunHooks {
  /** With --resume: is the file of this content hash done already? */
  decide: (sha256: string) => boolean;
  /** A worker has begun this file (its time limit runs from now). */
  onStart: (task: Task) => void;
  /** A file is finished, in finishing order. */
  onOutcome: (task: Task, outcome: Outcome) => void;
}

interface Job {
  id: number;
  task: Task;
  hooks: RunHooks;
  settle: (o: Outcome) => void;
  /** When the worker began it; unset while it waits behind another file. */
  started?: number;
  sha256?: string;
  size?: number;
  stoppedFor?: { status: 'timeout' | 'memory'; reason: string };
  timer?: NodeJS.Timeout;
}

let slotSerial = 0;

class Slot {
  private child?: ChildProcess;
  /** Where the worker notes the file in hand and its hash (read only when the worker is stopped). */
  private readonly inHandPath = join(tmpdir(), `score-audit-${process.pid}-${slotSerial++}.inhand`);
  private ready = false;
  /** The files sent to (or waiting for) this worker, in the order it does them: the first is being audited. */
  private readonly jobs: Job[] = [];
  private stderr = '';
  private poll?: NodeJS.Timeout;

  constructor(private readonly opts: PoolOptions) {}

  /** Start the worker process now, so that its start-up overlaps the parent's work. */
  start(): void {
    if (!this.child) this.spawn();
  }

  private spawn(): void {
    this.stderr = '';
    this.ready = false;
    const child = fork(this.opts.entry, ['__batch-worker', this.inHandPath], { execArgv: [`--max-old-space-size=${this.opts.memoryMb}`], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.child = child;
    child.stderr?.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString('utf8')).slice(-STDERR_TAIL);
    });
    child.on('message', (m: WorkerMessage) => {
      // A worker being killed is heard no more: its file is reported by the reason it was stopped.
      if (child !== this.child || this.jobs[0]?.stoppedFor) return;
      if (m.type !== 'ready') this.onMessage(m);
      else {
        this.ready = true;
        for (const job of this.jobs) this.send(job);
      }
    });
    child.on('exit', (code, signal) => this.onExit(child, code, signal));
    this.poll = setInterval(() => {
      const job = this.jobs[0];
      const mb = child.pid ? residentMb(child.pid) : undefined;
      const ceiling = this.opts.memoryMb + RSS_ALLOWANCE_MB;
      if (job?.started !== undefined && mb !== undefined && mb > ceiling) this.stop(job, 'memory', `内存占用超过 ${ceiling} MB 的上限，已跳过 (over the memory limit of ${ceiling} MB; skipped)`);
    }, RSS_POLL_MS);
  }

  private send(job: Job): void {
    this.child!.send({ type: 'job', id: job.id, ...job.task } satisfies ParentMessage);
    if (job === this.jobs[0]) this.begin(job);
  }

  /** The worker does its files in order: the first of them runs from now, under the time limit. */
  private begin(job: Job): void {
    const seconds = Math.round(this.opts.timeoutMs / 1000);
    job.started = Date.now();
    job.timer = setTimeout(() => this.stop(job, 'timeout', `超过 ${seconds} 秒的时间上限仍未完成，已跳过 (not done within the time limit of ${seconds} s; skipped)`), this.opts.timeoutMs);
    job.hooks.onStart(job.task);
  }

  private stop(job: Job, status: 'timeout' | 'memory', reason: string): void {
    if (job.stoppedFor) return;
    job.stoppedFor = { status, reason };
    this.child?.kill('SIGKILL');
  }

  /** The first file is finished; the worker has gone on to the next. */
  private settle(outcome: Outcome): void {
    const job = this.jobs.shift();
    if (!job) return;
    clearTimeout(job.timer);
    const next = this.jobs[0];
    if (next && this.ready) this.begin(next);
    job.settle(outcome);
  }

  private onMessage(m: WorkerMessage): void {
    const job = this.jobs[0];
    if (!job || !('id' in m) || m.id !== job.id) return;
    if (m.type === 'hashed') {
      job.sha256 = m.sha256;
      job.size = m.size;
      if (job.task.resume) this.child?.send({ type: 'decision', id: job.id, skip: job.hooks.decide(m.sha256) } satisfies ParentMessage);
    } else if (m.type === 'skipped') this.settle({ kind: 'skipped', sha256: job.sha256! });
    else if (m.type === 'done') this.settle({ kind: 'done', record: m.record });
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (child !== this.child) return;
    clearInterval(this.poll);
    this.child = undefined;
    this.ready = false;
    const job = this.jobs[0];
    if (!job) return;
    const ms = job.started === undefined ? 0 : Date.now() - job.started;
    const inHand = this.readInHand();
    const hashed = job.sha256 === undefined && inHand?.id === job.id ? inHand : job;
    const known = { sha256: hashed.sha256, size: hashed.size, ms };
    if (job.stoppedFor) this.settle({ kind: 'stopped', status: job.stoppedFor.status, reason: job.stoppedFor.reason, ...known });
    else {
      const oom = /heap limit|out of memory|Allocation failed/i.test(this.stderr);
      this.settle(
        oom
          ? { kind: 'stopped', status: 'memory', reason: `内存用尽（V8 堆上限 ${this.opts.memoryMb} MB），已跳过 (ran out of memory at the ${this.opts.memoryMb} MB heap limit; skipped)`, ...known }
          : { kind: 'stopped', status: 'crashed', reason: `审核进程意外退出（${signal ?? `退出码 ${code}`}），已跳过 (the worker exited unexpectedly: ${signal ?? `code ${code}`}; skipped)`, ...known },
      );
    }
    // The files queued behind it were never begun: a fresh worker takes them.
    if (this.jobs.length > 0) this.spawn();
  }

  /** Audit one file in this slot's worker (started when there is none), after the files before it. */
  run(id: number, task: Task, hooks: RunHooks): Promise<Outcome> {
    return new Promise<Outcome>((settle) => {
      const job: Job = { id, task, hooks, settle };
      this.jobs.push(job);
      if (!this.child) this.spawn();
      else if (this.ready) this.send(job);
    });
  }

  /** What the stopped worker last noted; nothing when it never got as far as hashing a file. */
  private readInHand() {
    try {
      return parseInHand(readFileSync(this.inHandPath, 'utf8'));
    } catch {
      return undefined;
    }
  }

  close(): void {
    clearInterval(this.poll);
    this.child?.disconnect();
    this.child = undefined;
    rmSync(this.inHandPath, { force: true });
  }
}

/** `jobs` worker processes, started as soon as the pool is made (before the inputs are known). */
export class WorkerPool {
  private readonly slots: Slot[];

  constructor(opts: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, opts.jobs) }, () => new Slot(opts));
    for (const slot of this.slots) slot.start();
  }

  /** Run every task through the workers, each kept `FILES_PER_WORKER` files ahead; resolves when all are finished. */
  async run(tasks: Task[], hooks: RunHooks): Promise<void> {
    const used = this.slots.slice(0, Math.max(1, Math.min(this.slots.length, tasks.length)));
    for (const idle of this.slots.slice(used.length)) idle.close();
    let next = 0;
    const feed = async (slot: Slot) => {
      while (next < tasks.length) {
        const id = next++;
        hooks.onOutcome(tasks[id], await slot.run(id, tasks[id], hooks));
      }
    };
    await Promise.all(used.flatMap((slot) => Array.from({ length: FILES_PER_WORKER }, () => feed(slot))));
    this.close();
  }

  close(): void {
    for (const slot of this.slots) slot.close();
  }
}
