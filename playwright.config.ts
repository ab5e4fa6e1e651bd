import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// The hosts the tests start sign their writes with this name, so the page does not ask for one; the
// first-use question has its own test (audit-log.spec.ts), which clears it for its hosts.
process.env.TAIZHANG_OPERATOR ??= '测试员';
// Settings a test saves (the operator's name) go to a folder of the test run, never the user's own.
process.env.TAIZHANG_HOME ??= path.join(os.tmpdir(), 'taizhang-e2e-home');

/**
 * Tests that bound a wall-clock time (a keystroke drawn within 50 ms, a save within 2 s): with
 * another test on the other core they measure the machine as much as the app, so `npm run test:e2e`
 * runs them after the others, one at a time (scripts/e2e.mjs). Tagged `@latency`;
 * report-typing.spec.ts is such a test as a whole.
 */
const LATENCY = [/@latency/, /report-typing\.spec\.ts/];

// Debian's Chromium, never a downloaded browser.
const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  },
};

// Every test starts its own host on its own ledger file, so two run side by side: one per core.
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/fixtures/global-setup.ts',
  workers: 2,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  },
  projects: [
    { name: 'chromium', grepInvert: LATENCY, use: chromium },
    // A folder of its own: its run, the second, would otherwise empty the first run's.
    { name: 'latency', grep: LATENCY, workers: 1, use: chromium, outputDir: 'test-results/latency' },
  ],
});
