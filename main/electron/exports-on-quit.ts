import { app } from 'electron';
import type { ExportJobs } from '../export/export-jobs.js';

/** Holds the quit until running exports have stopped and files never saved are removed. */
export function disposeExportsOnQuit(exports: ExportJobs): void {
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    void exports.dispose().finally(() => {
      disposed = true;
      app.quit();
    });
  });
}
