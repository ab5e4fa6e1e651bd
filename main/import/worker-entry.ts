import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TaizhangError } from '../store/errors.js';

/**
 * The file the import worker thread runs: import-worker.js (or .cjs) emitted beside the bundle that
 * imports this module (dist/cli.js, dist/electron/main.cjs), or from sources a small .mjs that
 * registers tsx and imports import-worker.ts.
 */
export function importWorkerFile(): string {
  // A CommonJS bundle (Electron's main) has __dirname; an ES module has import.meta.url.
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  const candidates = ['import-worker.js', 'import-worker.cjs', 'import-worker-dev.mjs'].map((name) =>
    path.join(here, name),
  );
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new TaizhangError('internal', `找不到导入线程文件 ${candidates[0]}，程序安装不完整，请重新安装`);
  return found;
}
