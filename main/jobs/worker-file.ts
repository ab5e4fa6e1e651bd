import fs from 'node:fs';
import path from 'node:path';
import { TaizhangError } from '../store/errors.js';

/**
 * The script a worker thread runs, looked for in `dir`: `<name>.js` (or `.cjs`) emitted by
 * scripts/build.mjs beside the bundle that starts it (dist/cli.js, dist/electron/main.cjs), or
 * from sources `<name>-dev.mjs`, which registers tsx and imports `<name>.ts`. The caller passes
 * its own folder (from import.meta.url or __dirname), since only it knows where it was bundled.
 */
export function findWorkerFile(dir: string, name: string, label: string): string {
  const candidates = [`${name}.js`, `${name}.cjs`, `${name}-dev.mjs`].map((file) => path.join(dir, file));
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new TaizhangError('internal', `找不到${label}文件 ${candidates[0]}，程序安装不完整，请重新安装`);
  return found;
}
