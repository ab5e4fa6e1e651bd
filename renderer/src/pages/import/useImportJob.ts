import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput } from '../../../../shared/api.js';
import { call, errorMessage } from '../../api.js';
import type { ImportOutcome } from './importRequest.js';

/** Where one import stands, from the user's side. */
export type ImportJobState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'running'; rowsRead: number; fraction: number }
  | { phase: 'cancelling' }
  | { phase: 'cancelled' }
  | { phase: 'done'; outcome: ImportOutcome }
  | { phase: 'failed'; message: string };

const POLL_MS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one import through the core: import.start, then import.status every 300 ms for the
 * progress bar until it is done, failed or cancelled. Leaving the page does not stop it: the
 * rows land in the ledger all the same.
 */
export function useImportJob() {
  const [state, setState] = useState<ImportJobState>({ phase: 'idle' });
  // Each start or reset takes a new ticket; a polling loop holding an old one stops.
  const ticket = useRef(0);
  const running = useRef<string | null>(null);

  const start = useCallback(async (request: ApiInput<'import.start'>) => {
    const mine = ++ticket.current;
    setState({ phase: 'starting' });
    try {
      const { jobId } = await call('import.start', request);
      running.current = jobId;
      for (;;) {
        if (mine !== ticket.current) return;
        const status = await call('import.status', { jobId });
        if (mine !== ticket.current) return;
        if (status.state === 'running') {
          setState((now) =>
            now.phase === 'cancelling'
              ? now
              : { phase: 'running', rowsRead: status.rowsRead, fraction: status.fraction },
          );
          await sleep(POLL_MS);
          continue;
        }
        running.current = null;
        if (status.state === 'done' && status.outcome) setState({ phase: 'done', outcome: status.outcome });
        else if (status.state === 'cancelled') setState({ phase: 'cancelled' });
        else setState({ phase: 'failed', message: status.error ?? '导入失败，没有写入任何记录' });
        return;
      }
    } catch (error) {
      if (mine === ticket.current) setState({ phase: 'failed', message: errorMessage(error) });
    }
  }, []);

  /** Stops the import; the polling loop reports 'cancelled' once it has rolled back. */
  const cancel = useCallback(async () => {
    const jobId = running.current;
    if (!jobId) return;
    setState({ phase: 'cancelling' });
    try {
      await call('import.cancel', { jobId });
    } catch (error) {
      setState({ phase: 'failed', message: `取消导入失败：${errorMessage(error)}` });
    }
  }, []);

  const reset = useCallback(() => {
    ticket.current++;
    running.current = null;
    setState({ phase: 'idle' });
  }, []);

  useEffect(
    () => () => {
      ticket.current++;
    },
    [],
  );

  return { state, start, cancel, reset };
}
