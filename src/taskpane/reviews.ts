/**
 * 已复核 / 忽略 per finding, remembered through the host's ReviewStore. A finding is known again
 * by its sheet, cell, check and message: when the numbers in the sheet change, the message
 * changes, and the verdict no longer applies.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Finding } from '../core/audit/types';
import type { ReviewState, ReviewStore } from './host';

/** FNV-1a, 32 bits: a short, stable digest of the message (not a security measure). */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function reviewKey(f: Pick<Finding, 'sheet' | 'cell' | 'code' | 'message'>): string {
  return `${f.sheet}!${f.cell}|${f.code}|${digest(f.message)}`;
}

export interface Reviews {
  stateOf(f: Finding): ReviewState | undefined;
  /** Set a state, or clear it with undefined; saved at once. */
  set(f: Finding, state: ReviewState | undefined): void;
  /** The last save failed (the pane says so; the state stays for the session). */
  error?: unknown;
}

export function useReviews(store: ReviewStore): Reviews {
  const [states, setStates] = useState<Record<string, ReviewState>>({});
  const [error, setError] = useState<unknown>();
  const latest = useRef(states);

  useEffect(() => {
    let live = true;
    store.load().then(
      (loaded) => {
        if (!live) return;
        latest.current = loaded;
        setStates(loaded);
      },
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [store]);

  const set = useCallback(
    (f: Finding, state: ReviewState | undefined) => {
      const key = reviewKey(f);
      const next = { ...latest.current };
      if (state) next[key] = state;
      else delete next[key];
      latest.current = next;
      setStates(next);
      store.save(next).then(
        () => setError(undefined),
        (e) => setError(e),
      );
    },
    [store],
  );

  const stateOf = useCallback((f: Finding) => states[reviewKey(f)], [states]);
  return { stateOf, set, error };
}
