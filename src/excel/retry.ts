/**
 * Retry an Excel batch while the user is editing a cell: Excel rejects every request with
 * OfficeExtension.Error code "InvalidOperationInCellEditMode" until the edit ends. Other errors
 * propagate at once.
 */
export const CELL_EDIT_MODE = 'InvalidOperationInCellEditMode';

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

export function isCellEditModeError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === CELL_EDIT_MODE;
}

/** Excel on the web refuses a batch whose request or response passes 5 MB. */
const PAYLOAD_LIMIT_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

export function isPayloadLimitError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && PAYLOAD_LIMIT_CODES.has(String((error as { code?: unknown }).code));
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runWithRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, opts.attempts ?? 5);
  const delayMs = Math.max(0, opts.delayMs ?? 500);
  const sleep = opts.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isCellEditModeError(error) || attempt >= attempts) throw error;
      opts.onRetry?.(attempt, error);
      await sleep(delayMs * 2 ** (attempt - 1));
    }
  }
}
