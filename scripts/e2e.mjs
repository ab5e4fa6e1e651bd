// The UI tests in two runs: all but the latency-bound ones on two workers, then those one at a time
// with nothing beside them (playwright.config.ts says why). Both runs share one folder of ledgers
// made with the CLI. Arguments (a file, -g …) go to both runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-e2e-made-'));
const env = { ...process.env, TAIZHANG_E2E_MADE: made };
const args = process.argv.slice(2);
const run = (project) =>
  spawnSync('npx', ['playwright', 'test', `--project=${project}`, '--pass-with-no-tests', ...args], {
    stdio: 'inherit',
    env,
  }).status ?? 1;

let others, latency;
try {
  // The second run goes on after a failure of the first: a run reports all it found.
  others = run('chromium');
  latency = run('latency');
} finally {
  fs.rmSync(made, { recursive: true, force: true });
}
process.exit(others || latency);
