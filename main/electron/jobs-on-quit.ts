import { app } from 'electron';

/**
 * Holds the quit until running exports and imports have stopped: exports remove the files never
 * saved, imports roll back. Nothing half-written stays behind.
 */
export function disposeJobsOnQuit(jobs: Array<{ dispose(): Promise<void> }>): void {
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    void Promise.all(jobs.map((j) => j.dispose())).finally(() => {
      disposed = true;
      app.quit();
    });
  });
}
