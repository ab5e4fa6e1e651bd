// A temp folder of this test run's own, in which each vitest worker takes a folder of its own as
// TMPDIR (./worker-temp.ts). The app sweeps the temp files that dead processes left, found through
// markers in the temp folder: with one temp folder for all, a file that kills a CLI on purpose (to
// find its leftovers) could have them swept by a command another worker runs at the same moment.
//
// In memory where the system has a tmpfs with room: the tests' ledgers sync every commit
// (synchronous = FULL), which on a disk cost the suite a tenth of its time. No test can tell a
// synced page from one in memory: the crash tests kill processes, not the machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeAbandonedRuns } from './abandoned-runs.mjs';

const PREFIX = 'taizhang-unit-';

const TMPFS = '/dev/shm';
// The most the suite holds at once is some hundreds of MB (evidence files, backups, exports).
const TMPFS_ROOM = 4 * 1024 ** 3;

function parentFolder() {
  try {
    const stat = fs.statfsSync(TMPFS);
    fs.accessSync(TMPFS, fs.constants.W_OK);
    if (stat.bavail * stat.bsize >= TMPFS_ROOM) return TMPFS;
  } catch {
    // No tmpfs there (not Linux, or a container without one): the system's temp folder.
  }
  return os.tmpdir();
}

export default function setup() {
  const parent = parentFolder();
  removeAbandonedRuns(parent, PREFIX);
  const dir = fs.mkdtempSync(path.join(parent, `${PREFIX}${process.pid}-`));
  // As the system's temp folder is: a test runs the CLI as `nobody` (test/unit/error-messages.test.ts).
  fs.chmodSync(dir, 0o1777);
  process.env.TAIZHANG_TEST_TMP = dir;
  return () => {
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
