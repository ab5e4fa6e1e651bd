import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// The hosts the tests start sign their writes with this name, so the page does not ask for one; the
// first-use question has its own test (audit-log.spec.ts), which clears it for its hosts.
process.env.TAIZHANG_OPERATOR ??= '测试员';
// Settings a test saves (the operator's name) go to a folder of the test run, never the user's own.
process.env.TAIZHANG_HOME ??= path.join(os.tmpdir(), 'taizhang-e2e-home');

// Debian's Chromium, never a downloaded browser; every test starts its own host on its own ledger file.
export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
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
      },
    },
  ],
});
