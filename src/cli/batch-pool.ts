/**
 * A small pool of worker processes for `score-audit batch`. Each worker audits one file at a
 * time under a time limit and a memory limit (V8's heap limit, and the process's resident memory
 * checked on Linux); a worker that runs over either is killed, its file reported, and a fresh
 * worker takes the next file. One bad file never stops the batch.
 */
import { ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { BatchStatus } from './batch-record';
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

interface Running {
  id: number;
  task: Task;
  started: number;
  sha256?: string;
  size?: number;
  stoppedFor?: { status: 'timeout' | 'memory'; reason: string };
  timer: NodeJS.Timeout;
}

class Slot {
  private child?: ChildProcess;
  private ready?: Promise<void>;
  private running?: Running;
  private stderr = '';
  private poll?: NodeJS.Timeout;
  private finish?: (o: Outcome) => void;

  constructor(
    private readonly opts: PoolOptions,
    private readonly decide: (sha256: string) => boolean,
  ) {}

  private spawn(): Promise<void> {
    this.stderr = '';
    const child = fork(this.opts.entry, ['__batch-worker'], { execArgv: [`--max-old-space-size=${this.opts.memoryMb}`], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.child = child;
    child.stderr?.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString('utf8')).slice(-STDERR_TAIL);
    });
    const ready = new Promise<void>((resolve) => {
      child.on('message', (m: WorkerMessage) => {
        if (m.type === 'ready') resolve();
        else this.onMessage(m);
      });
    });
    child.on('exit', (code, signal) => this.onExit(child, code, signal));
    this.poll = setInterval(() => {
      const r = this.running;
      const mb = child.pid ? residentMb(child.pid) : undefined;
      const ceiling = this.opts.memoryMb + RSS_ALLOWANCE_MB;
      if (r && mb !== undefined && mb > ceiling) this.stop(r, 'memory', `内存占用超过 ${ceiling} MB 的上限，已跳过 (over the memory limit of ${ceiling} MB; skipped)`);
    }, RSS_POLL_MS);
    return ready;
  }

  private stop(r: Running, status: 'timeout' | 'memory', reason: string): void {
    if (r.stoppedFor) return;
    r.stoppedFor = { status, reason };
    this.child?.kill('SIGKILL');
  }

  private settle(outcome: Outcome): void {
    const r = this.running;
    if (!r) return;
    clearTimeout(r.timer);
    this.running = undefined;
    const finish = this.finish;
    this.finish = undefined;
    finish?.(outcome);
  }

  private onMessage(m: WorkerMessage): void {
    const r = this.running;
    if (!r || !('id' in m) || m.id !== r.id) return;
    if (m.type === 'hashed') {
      r.sha256 = m.sha256;
      r.size = m.size;
      if (r.task.resume) this.child?.send({ type: 'decision', id: r.id, skip: this.decide(m.sha256) } satisfies ParentMessage);
    } else if (m.type === 'skipped') this.settle({ kind: 'skipped', sha256: r.sha256! });
    else if (m.type === 'done') this.settle({ kind: 'done', record: m.record });
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (child !== this.child) return;
    clearInterval(this.poll);
    this.child = undefined;
    this.ready = undefined;
    const r = this.running;
    if (!r) return;
    const ms = Date.now() - r.started;
    if (r.stoppedFor) {
      this.settle({ kind: 'stopped', status: r.stoppedFor.status, reason: r.stoppedFor.reason, sha256: r.sha256, size: r.size, ms });
      return;
    }
    const oom = /heap limit|out of memory|Allocation failed/i.test(this.stderr);
    this.settle(
      oom
        ? { kind: 'stopped', status: 'memory', reason: `内存用尽（V8 堆上限 ${this.opts.memoryMb} MB），已跳过 (ran out of memory at the ${this.opts.memoryMb} MB heap limit; skipped)`, sha256: r.sha256, size: r.size, ms }
        : { kind: 'stopped', status: 'crashed', reason: `审核进程意外退出（${signal ?? `退出码 ${code}`}），已跳过 (the worker exited unexpectedly: ${signal ?? `code ${code}`}; skipped)`, sha256: r.sha256, size: r.size, ms },
    );
  }

  /** Audit one file in this slot's worker, starting a worker first when there is none. */
  async run(id: number, task: Task): Promise<Outcome> {
    if (!this.child || !this.ready) this.ready = this.spawn();
    await this.ready;
    return new Promise<Outcome>((resolve) => {
      this.finish = resolve;
      const seconds = Math.round(this.opts.timeoutMs / 1000);
      const r: Running = {
        id,
        task,
        started: Date.now(),
        timer: setTimeout(() => this.stop(r, 'timeout', `超过 ${seconds} 秒的时间上限仍未完成，已跳过 (not done within the time limit of ${seconds} s; skipped)`), this.opts.timeoutMs),
      };
      this.running = r;
      this.child!.send({ type: 'job', id, ...task } satisfies ParentMessage);
    });
  }

  close(): void {
    clearInterval(this.poll);
    this.child?.disconnect();
    this.child = undefined;
  }
}

/** Run every task through `jobs` workers; `onOutcome` hears of each as it finishes, in finishing order. */
export async function runPool(tasks: Task[], opts: PoolOptions, decide: (sha256: string) => boolean, onStart: (task: Task) => void, onOutcome: (task: Task, outcome: Outcome) => void): Promise<void> {
  let next = 0;
  const slots = Array.from({ length: Math.max(1, Math.min(opts.jobs, tasks.length)) }, () => new Slot(opts, decide));
  await Promise.all(
    slots.map(async (slot) => {
      while (next < tasks.length) {
        const id = next++;
        onStart(tasks[id]);
        onOutcome(tasks[id], await slot.run(id, tasks[id]));
      }
      slot.close();
    }),
  );
}
