import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findWorkerFile } from '../jobs/worker-file.js';

/** The file the export worker thread runs, beside the bundle that imports this module (see findWorkerFile). */
export function exportWorkerFile(): string {
  // A CommonJS bundle (Electron's main) has __dirname; an ES module has import.meta.url.
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  return findWorkerFile(here, 'export-worker', '导出线程');
}
