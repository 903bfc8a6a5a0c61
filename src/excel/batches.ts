/**
 * Writes in batches that stay under the request limit of Excel on the web (5 MB): items are
 * grouped by an estimate of their request size, one sync per group, and a group Excel refuses for
 * its size is sent again in halves (as the reader does for responses).
 */
import { DEFAULT_BUDGET_BYTES } from './plan';
import { isPayloadLimitError } from './retry';

/** Estimated request bytes of one write, besides its text: the action's object path, method and ids. */
export const ACTION_BYTES = 256;
/** A conditional format is four actions (add, rule formula, fill, font) plus its formula and colours. */
export const CF_BYTES = 4 * ACTION_BYTES + 128;

/** Bytes of a text in a JSON request (UTF-8; quotes and escapes are within the per-action margin). */
export function textBytes(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Consecutive groups of items whose estimated bytes stay within the budget (an item alone may exceed it). */
export function groupByBytes<T>(items: readonly T[], bytes: (item: T) => number, budget = DEFAULT_BUDGET_BYTES): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const b = bytes(item);
    if (current.length > 0 && size + b > budget) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += b;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Queue each group and sync it. A group refused for its payload is queued again in two halves (a
 * refused request ran none of its commands); a single item refused is Excel's error.
 */
export async function syncInGroups<T>(
  context: Excel.RequestContext,
  groups: readonly T[][],
  queue: (group: T[]) => void,
  onSynced?: (group: T[]) => void,
): Promise<void> {
  const pending = [...groups];
  while (pending.length > 0) {
    const group = pending.shift()!;
    queue(group);
    try {
      // One sync per group is the point: each request stays under the limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      onSynced?.(group);
    } catch (error) {
      if (!isPayloadLimitError(error) || group.length < 2) throw error;
      const mid = Math.ceil(group.length / 2);
      pending.unshift(group.slice(0, mid), group.slice(mid));
    }
  }
}
