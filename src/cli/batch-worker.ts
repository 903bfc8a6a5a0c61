/**
 * A batch worker: a child process of `score-audit batch` that audits the files it is sent, one
 * at a time in the order sent, and reports each result. The parent limits its time and memory;
 * all file access happens here, so a file that blocks (a pipe, a stalled network drive) stalls
 * only this process.
 */
import { createHash } from 'node:crypto';
import { openSync, readFileSync, writeSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { auditWorkbook } from '../core/audit/audit';
import { writeAnnotatedCopy } from '../io/annotate';
import { formatName, sniffFormat } from '../io/format';
import { readAnyWorkbook } from '../io/read-any';
import { WorkbookReadError } from '../io/reader';
import { formatInHand, InHand } from './batch-inhand';
import { auditedRecord, BatchRecord, failedRecord, RecordBase } from './batch-record';
import { convertWithLibreOffice, CONVERTIBLE } from './convert';
import { nodeInflate } from './inflate';

export interface WorkerJob {
  type: 'job';
  id: number;
  path: string;
  /** The path shown in results and messages. */
  display: string;
  /** Where to write the annotated copy, when --annotate. */
  annotatePath?: string;
  convert: boolean;
  /** Ask the parent, by content hash, whether the file is done already (--resume). */
  resume: boolean;
}

export type ParentMessage = WorkerJob | { type: 'decision'; id: number; skip: boolean };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'hashed'; id: number; sha256: string; size: number }
  | { type: 'skipped'; id: number }
  | { type: 'done'; id: number; record: BatchRecord };

function send(m: WorkerMessage): void {
  process.send?.(m);
}

let inHandFd: number | undefined;

/** Best effort: without the note (a full or read-only temp folder) a stopped file's record only lacks its hash. */
function noteInHand(h: InHand): void {
  if (inHandFd === undefined) return;
  try {
    writeSync(inHandFd, formatInHand(h), 0);
  } catch {
    inHandFd = undefined;
  }
}

const decisions = new Map<number, (skip: boolean) => void>();

async function audit(job: WorkerJob): Promise<WorkerMessage> {
  const started = Date.now();
  // Synchronously: this process does one file at a time, and the parent's time limit covers a read that blocks.
  let bytes: Uint8Array = readFileSync(job.path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  noteInHand({ id: job.id, sha256, size: bytes.length });
  // Only --resume needs the parent's word on the hash before the work; otherwise go straight on.
  if (job.resume) {
    const decision = new Promise<boolean>((resolve) => decisions.set(job.id, resolve));
    send({ type: 'hashed', id: job.id, sha256, size: bytes.length });
    if (await decision) return { type: 'skipped', id: job.id };
  }
  const sniffed = await sniffFormat(bytes, job.display);
  const base: RecordBase = { file: job.display, sha256, size: bytes.length, format: sniffed.kind, formatName: formatName(sniffed).zh, ms: 0 };
  try {
    const convert = job.convert && CONVERTIBLE.has(sniffed.kind);
    // --convert: LibreOffice turns .ods into .xlsx and .doc/.wps/.odt into .docx first.
    if (convert) bytes = await convertWithLibreOffice(job.path, sniffed.kind);
    // Node's native inflater, as `score-audit audit` reads (src/cli/io.ts): the reader's default is jszip's, several times slower.
    const read = await readAnyWorkbook(bytes, job.display, convert ? undefined : sniffed, { inflate: nodeInflate });
    const result = auditWorkbook(read.workbook);
    const shownFormat = convert ? `${formatName(sniffed).zh}，经 LibreOffice 转换` : formatName(read.format).zh;
    const record = auditedRecord({ ...base, format: read.format.kind, formatName: shownFormat }, read.workbook, result);
    if (job.annotatePath) {
      try {
        const copyBase = await (await import('../io/model-to-xlsx')).annotationBase(bytes, read);
        await mkdir(dirname(job.annotatePath), { recursive: true });
        await writeFile(job.annotatePath, await writeAnnotatedCopy(copyBase, result, { inflate: nodeInflate }));
        record.annotated = job.annotatePath;
      } catch (err) {
        // The findings stand without the copy; the record says why there is none.
        record.annotateError = err instanceof Error ? err.message : String(err);
      }
    }
    record.ms = Date.now() - started;
    return { type: 'done', id: job.id, record };
  } catch (err) {
    const ms = Date.now() - started;
    if (err instanceof WorkbookReadError) return { type: 'done', id: job.id, record: failedRecord({ ...base, ms }, 'unreadable', `${err.messageZh} (${err.messageEn})`) };
    const message = err instanceof Error ? err.message : String(err);
    return { type: 'done', id: job.id, record: failedRecord({ ...base, ms }, 'crashed', `内部错误，请报告此问题 (internal error): ${message}`) };
  }
}

/** The worker's message loop; the process ends when the parent disconnects. `inHandPath`: where to note the file in hand. */
export function runBatchWorker(inHandPath?: string): void {
  try {
    if (inHandPath) inHandFd = openSync(inHandPath, 'w');
  } catch {
    // as above: no note, the audit goes on
  }
  let queue = Promise.resolve();
  process.on('message', (m: ParentMessage) => {
    if (m.type === 'decision') {
      decisions.get(m.id)?.(m.skip);
      decisions.delete(m.id);
      return;
    }
    // The parent sends the next file before this one is done: one at a time, in order.
    queue = queue.then(() =>
      audit(m).then(send, (err: unknown) => {
        // Reading the file itself failed (permissions, a directory, a vanished file).
        const code = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
        send({ type: 'done', id: m.id, record: failedRecord({ file: m.display, ms: 0 }, 'unreadable', `无法读取文件（${code}） (cannot read the file: ${code})`) });
      }),
    );
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}
