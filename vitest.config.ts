import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const UNIT = 'test/unit/**/*.test.ts';
const root = import.meta.dirname;
const unitFiles = fs
  .readdirSync(path.join(root, 'test/unit'), { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `test/unit/${name.split(path.sep).join('/')}`);
const uses = (pattern: RegExp) =>
  unitFiles.filter((file) => pattern.test(fs.readFileSync(path.join(root, file), 'utf8')));

/**
 * Run one at a time, after all the others, each in a process of its own:
 * - files that bound how long this thread's event loop stops (100 ms while a worker parses or
 *   saves): with a file on the other core, the worker threads they start wait for a core and
 *   the bound measures the machine, not the app;
 * - the upload test that collects all garbage every 20 ms: with another file on the other core
 *   each collection takes longer than that, and the test takes 5 to 15 s of CPU instead of 0.5 s.
 */
const ALONE = [
  ...new Set([...uses(/monitorEventLoopDelay|longestGap|ticker\(\)/), 'test/unit/evidence-routes.test.ts']),
];

/**
 * Files that need a process of their own. The others share one per worker: importing the app's
 * modules once per worker instead of once per file takes a sixth off the suite's CPU time.
 */
const ISOLATED = [
  ...new Set([
    // Asserts which packages a fresh process has loaded.
    'test/unit/host-without-exceljs.test.ts',
    // A vi.mock replaces the module for every later file of the process.
    ...uses(/\bvi\.(mock|doMock)\(/),
  ]),
].filter((file) => !ALONE.includes(file));

const SHARED_EXCLUDE = [...ISOLATED, ...ALONE];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    // vitest takes one core less than the machine has, one worker on two cores. The files wait on
    // threads, processes and the disk as much as they compute: two workers take half the time.
    maxWorkers: Math.max(2, os.availableParallelism()),
    // Builds the CLI and the worker threads once per run, so workers start compiled, not through tsx;
    // and makes the run's temp folder, in which each worker takes its own TMPDIR and settings folder.
    globalSetup: ['test/setup/build-workers.mjs', 'test/setup/temp-root.mjs'],
    setupFiles: ['test/setup/worker-temp.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'shared', include: [UNIT], exclude: SHARED_EXCLUDE, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
      {
        extends: true,
        test: { name: 'alone', include: ALONE, isolate: true, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
