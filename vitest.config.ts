import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Builds the CLI and the worker threads once per run, so workers start compiled, not through tsx.
    globalSetup: ['test/setup/build-workers.mjs'],
    // Settings a test saves (the operator's name) go to the run's own folder, never the user's.
    env: { TAIZHANG_HOME: path.join(os.tmpdir(), 'taizhang-unit-home') },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
