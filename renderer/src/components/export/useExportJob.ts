import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput } from '../../../../shared/api.js';
import { call, errorMessage } from '../../api.js';
import { saveFromUrl } from './saveFromUrl.js';

export type ExportRequest = ApiInput<'export.start'>;

/** Where one export stands, from the user's side. */
export type ExportState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'running'; fileName: string; written: number; total: number }
  | { phase: 'saving'; fileName: string }
  | { phase: 'saved'; fileName: string; savedTo: string }
  | { phase: 'downloaded'; fileName: string }
  /** The save dialog was closed without saving; the file waits for another try. */
  | { phase: 'unsaved'; fileName: string }
  | { phase: 'cancelling' }
  | { phase: 'cancelled' }
  /** `canSave`: the file was written but saving it failed; the user may try saving again. */
  | { phase: 'failed'; message: string; canSave?: boolean };

const POLL_MS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one export through the core: export.start, export.status every 300 ms for the progress bar,
 * then export.deliver (a download in the browser, the save dialog on the desktop). Cancelling, or
 * leaving while the export runs or waits to be saved, stops it and discards its file.
 */
export function useExportJob() {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  // Each start, cancel or unmount takes a new ticket; a loop holding an old one stops.
  const ticket = useRef(0);
  // The job whose file has not yet reached the user (running, or done and not saved).
  const pending = useRef<{ jobId: string; fileName: string } | null>(null);

  const discard = (jobId: string) => void call('export.cancel', { jobId }).catch(() => undefined);

  const deliver = useCallback(async (jobId: string, fileName: string, mine: number) => {
    setState({ phase: 'saving', fileName });
    const outcome = await call('export.deliver', { jobId });
    if (mine !== ticket.current) return;
    if ('cancelled' in outcome) {
      setState({ phase: 'unsaved', fileName });
      return;
    }
    if ('downloadUrl' in outcome) {
      // Kept pending until the bytes are in: a failed download can be tried again.
      await saveFromUrl(outcome.downloadUrl, fileName);
      pending.current = null;
      if (mine !== ticket.current) return;
      setState({ phase: 'downloaded', fileName });
    } else {
      pending.current = null;
      setState({ phase: 'saved', fileName, savedTo: outcome.savedTo });
    }
  }, []);

  const start = useCallback(
    async (request: ExportRequest) => {
      const mine = ++ticket.current;
      setState({ phase: 'starting' });
      try {
        const { jobId, fileName } = await call('export.start', request);
        if (mine !== ticket.current) return discard(jobId);
        pending.current = { jobId, fileName };
        setState({ phase: 'running', fileName, written: 0, total: 0 });
        for (;;) {
          await sleep(POLL_MS);
          if (mine !== ticket.current) return;
          const status = await call('export.status', { jobId });
          if (mine !== ticket.current) return;
          if (status.state === 'running') {
            setState({ phase: 'running', fileName, written: status.written, total: status.total });
            continue;
          }
          if (status.state === 'done') break;
          pending.current = null;
          setState(
            status.state === 'cancelled'
              ? { phase: 'cancelled' }
              : { phase: 'failed', message: status.error ?? `“${fileName}”导出失败` },
          );
          return;
        }
        await deliver(jobId, fileName, mine);
      } catch (error) {
        if (mine === ticket.current) {
          setState({ phase: 'failed', message: errorMessage(error), canSave: pending.current !== null });
        }
      }
    },
    [deliver],
  );

  const cancel = useCallback(async () => {
    const job = pending.current;
    const mine = ++ticket.current;
    pending.current = null;
    if (!job) return setState({ phase: 'cancelled' });
    setState({ phase: 'cancelling' });
    try {
      await call('export.cancel', { jobId: job.jobId });
      if (mine === ticket.current) setState({ phase: 'cancelled' });
    } catch (error) {
      if (mine === ticket.current) setState({ phase: 'failed', message: `取消导出失败：${errorMessage(error)}` });
    }
  }, []);

  /** After the save dialog was closed without saving: ask again. */
  const saveAgain = useCallback(async () => {
    const job = pending.current;
    if (!job) return;
    const mine = ++ticket.current;
    try {
      await deliver(job.jobId, job.fileName, mine);
    } catch (error) {
      if (mine === ticket.current) setState({ phase: 'failed', message: errorMessage(error), canSave: true });
    }
  }, [deliver]);

  /** Back to the form, discarding a file that was written but not saved. */
  const reset = useCallback(() => {
    ticket.current++;
    if (pending.current) discard(pending.current.jobId);
    pending.current = null;
    setState({ phase: 'idle' });
  }, []);

  useEffect(
    () => () => {
      ticket.current++;
      if (pending.current) discard(pending.current.jobId);
      pending.current = null;
    },
    [],
  );

  return { state, start, cancel, saveAgain, reset };
}
