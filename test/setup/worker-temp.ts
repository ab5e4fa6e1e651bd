// Runs before each test file: this worker's own temp folder (see ./temp-root.mjs) and settings
// folder, which the threads and processes the tests start inherit. Two files running at once
// never share one; files that run one after the other in a worker do, as all files did when the
// suite ran one file at a time.
import fs from 'node:fs';
import path from 'node:path';

const root = process.env.TAIZHANG_TEST_TMP;
if (!root) throw new Error('TAIZHANG_TEST_TMP is not set; run the tests through vitest.config.ts');
// VITEST_POOL_ID is unique among the workers running at a time (1 to maxWorkers).
const dir = path.join(root, `worker-${process.env.VITEST_POOL_ID ?? process.pid}`);
const home = path.join(dir, 'taizhang-home');
fs.mkdirSync(home, { recursive: true });
fs.chmodSync(dir, 0o1777);
process.env.TMPDIR = dir;
// Settings a test saves (the operator's name) go to this folder, never the user's.
process.env.TAIZHANG_HOME = home;
