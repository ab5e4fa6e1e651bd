// Folders that a test run names after its process (`<prefix><pid>-…`) and removes in its teardown.
import fs from 'node:fs';
import path from 'node:path';

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Removes the folders under `parent` of runs that ended without their teardown (a killed vitest). */
export function removeAbandonedRuns(parent, prefix = '') {
  if (!fs.existsSync(parent)) return;
  for (const name of fs.readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (pid && !alive(pid)) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}
