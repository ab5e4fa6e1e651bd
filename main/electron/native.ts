import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 is compiled for one ABI at a time. Tests and the CLI use Node's build in
 * node_modules; a packaged app gets node_modules rebuilt for Electron by electron-builder.
 * `npm start` on a developer machine uses a separate Electron build in .electron-native/
 * (scripts/rebuild-electron-native.mjs), so neither run breaks the other.
 */
export function electronNativeBinding(appRoot: string, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined;
  const candidate = path.join(appRoot, '.electron-native', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}
