import { _electron as electron, expect, test } from '@playwright/test';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The installed Electron program, found without triggering electron's download-on-require. */
function electronBinary(): string | null {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test.describe('the Electron shell', () => {
  test.skip(binary === null, "Electron's program is not installed on this machine (its download is unreachable)");

  test('opens the app sandboxed, with no Node in the page, and talks through the preload', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-electron-'));
    const env = { ...process.env, TAIZHANG_DB: path.join(dir, 'ledger.db') } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE;
    const app = await electron.launch({ executablePath: binary!, args: [path.resolve('.')], env });
    try {
      const window = await app.firstWindow();
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      const info = await window.evaluate(() =>
        (window as unknown as { taizhang: { call(m: string, i: unknown): Promise<unknown> } }).taizhang.call(
          'app.info',
          {},
        ),
      );
      expect(info).toMatchObject({ ok: true, value: { transport: 'electron' } });
      const refused = await window.evaluate(() =>
        (window as unknown as { taizhang: { call(m: string, i: unknown): Promise<unknown> } }).taizhang.call(
          'fs.read',
          {},
        ),
      );
      expect(refused).toMatchObject({ ok: false });
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
