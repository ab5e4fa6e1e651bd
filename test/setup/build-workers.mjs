// Builds the CLI and its worker threads once per test run, as `npm run build` does (the same entries
// and options, scripts/node-entries.mjs), into a folder of this run's own. Started from sources, a
// worker would load tsx first and take a second or more to answer; main/jobs/worker-file.ts takes
// the workers from TAIZHANG_WORKER_DIR instead, and test/helpers/spawn-cli.ts starts this cli.js.
import fs from 'node:fs';
import path from 'node:path';
import { context } from 'esbuild';
import { cliBundleOptions } from '../../scripts/node-entries.mjs';
import { removeAbandonedRuns } from './abandoned-runs.mjs';

const repo = path.resolve(import.meta.dirname, '../..');
// Inside the repository, so the bundles find their packages in node_modules.
const parent = path.join(repo, 'node_modules/.cache/taizhang-test-build');

/** @param {import('vitest/node').TestProject} project */
export default async function setup(project) {
  removeAbandonedRuns(parent);
  fs.mkdirSync(parent, { recursive: true });
  // Several people may run the tests of one tree at once: each run builds into its own folder.
  const dir = fs.mkdtempSync(path.join(parent, `${process.pid}-`));
  // Readable by all: a test runs the CLI as `nobody` (test/unit/error-messages.test.ts).
  fs.chmodSync(dir, 0o755);
  const build = await context({ ...cliBundleOptions(dir), absWorkingDir: repo });
  await build.rebuild();
  process.env.TAIZHANG_WORKER_DIR = dir;
  // In watch mode the sources change between runs: rebuild before each rerun.
  project.onTestsRerun(async () => {
    await build.rebuild();
  });
  return async () => {
    await build.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
