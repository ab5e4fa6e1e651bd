import fs from 'node:fs';
import path from 'node:path';
import { TaizhangError } from '../store/errors.js';

/**
 * The script a worker thread runs, looked for in `dir`: `<name>.js` (or `.cjs`) emitted by
 * scripts/build.mjs beside the bundle that starts it (dist/cli.js, dist/electron/main.cjs), or,
 * when running from sources, `<name>.js` in TAIZHANG_WORKER_DIR (the unit tests build the workers
 * there once per run, test/setup/build-workers.ts) and else `<name>-dev.mjs`, which registers tsx
 * and imports `<name>.ts` (a second or more to start). The caller passes its own folder (from
 * import.meta.url or __dirname), since only it knows where it was bundled.
 */
export function findWorkerFile(dir: string, name: string, label: string): string {
  const built = process.env.TAIZHANG_WORKER_DIR;
  const candidates = [
    path.join(dir, `${name}.js`),
    path.join(dir, `${name}.cjs`),
    ...(built ? [path.join(built, `${name}.js`)] : []),
    path.join(dir, `${name}-dev.mjs`),
  ];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new TaizhangError('internal', `找不到${label}文件 ${candidates[0]}，程序安装不完整，请重新安装`);
  return found;
}
