/**
 * Retry an Excel batch refused because the user is editing a cell. Batches run with
 * `delayForCellEdit` (see runExcel), so Excel normally waits for the edit to end; this retry is the
 * fallback where it does not. The docs name two codes for the refusal: the error-handling list
 * gives "InvalidOperationInCellEditMode", the delayForCellEdit article "InvalidOperation". The
 * second is also Excel's generic code, so it is retried only when the batch failed at its first
 * sync (before anything was read or written); other errors propagate at once.
 */
export const CELL_EDIT_MODE = 'InvalidOperationInCellEditMode';
export const INVALID_OPERATION = 'InvalidOperation';

export interface RetryOptions {
  /** Total attempts, the first included (default 5). */
  attempts?: number;
  /** Delay before the first retry; doubled for each further retry (default 500 ms). */
  delayMs?: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Called before each retry (attempt is 1-based: the attempt that failed). */
  onRetry?: (attempt: number, error: unknown) => void;
}

/** What one attempt got through before it failed. */
export interface Attempt {
  /** At least one context.sync of this attempt succeeded. */
  synced: boolean;
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '';
}

/** A refusal because of cell-edit mode: the specific code always, the generic one only before the first sync. */
export function isCellEditModeError(error: unknown, attempt: Attempt = { synced: true }): boolean {
  const code = codeOf(error);
  return code === CELL_EDIT_MODE || (code === INVALID_OPERATION && !attempt.synced);
}

/** Excel on the web refuses a batch whose request or response passes 5 MB. */
const PAYLOAD_LIMIT_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

export function isPayloadLimitError(error: unknown): boolean {
  return PAYLOAD_LIMIT_CODES.has(codeOf(error));
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runWithRetry<T>(fn: (attempt: Attempt) => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, opts.attempts ?? 5);
  const delayMs = Math.max(0, opts.delayMs ?? 500);
  const sleep = opts.sleep ?? defaultSleep;
  for (let n = 1; ; n++) {
    const attempt: Attempt = { synced: false };
    try {
      return await fn(attempt);
    } catch (error) {
      if (!isCellEditModeError(error, attempt) || n >= attempts) throw error;
      opts.onRetry?.(n, error);
      await sleep(delayMs * 2 ** (n - 1));
    }
  }
}
