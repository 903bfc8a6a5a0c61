/**
 * The scan state of the pane: read through the host, audit, keep the outcome. One scan at a time;
 * a newer scan makes an older one's answer stale (it is dropped).
 */
import { useCallback, useRef, useState } from 'react';
import { auditWorkbook } from '../core/audit/audit';
import { detectWorkbook } from '../core/layout/detect';
import { describeError, type Host, type Notice, type ReadProgress, type ScanOutcome, type ScanScope } from './host';

export type ScanStatus = 'idle' | 'reading' | 'auditing' | 'done' | 'error';

export interface ScanState {
  status: ScanStatus;
  /** Number of the scan the state belongs to (a new result gets a new number). */
  scanId: number;
  scope?: ScanScope;
  progress?: ReadProgress;
  outcome?: ScanOutcome;
  error?: { zh: string; en?: string };
}

/** Let React paint (the progress bar) before the synchronous audit takes the thread. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

export function useScan(host: Host): {
  state: ScanState;
  scan: (scope: ScanScope) => Promise<void>;
  reset: () => void;
  busy: boolean;
} {
  const [state, setState] = useState<ScanState>({ status: 'idle', scanId: 0 });
  const run = useRef(0);

  const scan = useCallback(
    async (scope: ScanScope) => {
      const id = ++run.current;
      setState((s) => ({ status: 'reading', scanId: id, scope, outcome: s.outcome }));
      const notices: Notice[] = [];
      try {
        const workbook = await host.read(
          scope,
          (progress) => {
            if (run.current === id) setState((s) => ({ ...s, progress }));
          },
          (notice) => notices.push(notice),
        );
        if (run.current !== id) return;
        setState((s) => ({ ...s, status: 'auditing' }));
        await nextFrame();
        const overrides = host.columns ? await host.columns.load() : [];
        const result = auditWorkbook(workbook, detectWorkbook(workbook, overrides));
        if (run.current !== id) return;
        setState({ status: 'done', scanId: id, scope, outcome: { result, workbook, notices } });
      } catch (error) {
        if (run.current !== id) return;
        setState({ status: 'error', scanId: id, scope, error: describeError(error) });
      }
    },
    [host],
  );

  const reset = useCallback(() => {
    const id = ++run.current;
    setState({ status: 'idle', scanId: id });
  }, []);

  return { state, scan, reset, busy: state.status === 'reading' || state.status === 'auditing' };
}
