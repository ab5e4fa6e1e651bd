import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TaizhangError } from '../store/errors.js';

/**
 * The file the export worker thread runs. In a build, export-worker.js (or .cjs beside a CommonJS
 * bundle) is emitted next to the bundle that imports this module (dist/cli.js → dist/export-worker.js,
 * dist/electron/main.cjs → dist/electron/export-worker.cjs). From sources there is no
 * compiled worker, so a small .mjs registers tsx and imports export-worker.ts.
 */
export function exportWorkerFile(): string {
  // A CommonJS bundle (Electron's main) has __dirname; an ES module has import.meta.url.
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  const candidates = ['export-worker.js', 'export-worker.cjs', 'export-worker-dev.mjs'].map((name) =>
    path.join(here, name),
  );
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new TaizhangError('internal', `找不到导出线程文件 ${candidates[0]}，程序安装不完整，请重新安装`);
  return found;
}
