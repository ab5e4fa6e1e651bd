import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../main/version.js';
import { tempDir } from '../helpers/temp-store.js';
import { spawnCliSync } from '../helpers/spawn-cli.js';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// The other CLI tests run the commands in-process (test/helpers/run-cli.ts); this one starts the
// built entry as a user does, for what only a process shows: its exit code and its two streams.
describe('the taizhang process', () => {
  it('exits 0, 2 or 1, with the output on stdout and one Chinese line on stderr', () => {
    const version = spawnCliSync(['--version']);
    expect([version.status, version.stdout, version.stderr]).toEqual([0, `${APP_VERSION}\n`, '']);

    const usage = spawnCliSync(['stats', '--bogus']);
    expect([usage.status, usage.stdout, usage.stderr]).toEqual([
      2,
      '',
      '错误：不认识的选项 --bogus。用 --help 查看用法\n',
    ]);

    const db = path.join(dir, 'ledger.db');
    const init = spawnCliSync(['init', '--db', db, '--unit', '建始县高坪镇中心小学']);
    expect([init.status, init.stderr]).toEqual([0, '']);
    expect(init.stdout).toBe(`已创建台账文件 ${db}，填报单位：建始县高坪镇中心小学\n`);

    const missing = path.join(dir, 'missing.db');
    const failed = spawnCliSync(['stats', '--db', missing]);
    expect([failed.status, failed.stdout]).toEqual([1, '']);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    expect(failed.stderr).toMatch(/^错误：.*台账文件不存在/);
  });

  it('loads no heavy package before a command needs it, so --version and --help start at once', () => {
    const built = process.env.TAIZHANG_WORKER_DIR!;
    const packages = new Set<string>();
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = fs.readFileSync(path.join(built, file), 'utf8');
      // The bundle's static imports, at the start of a line; `await import()` inside an action is not one.
      for (const [, target] of code.matchAll(/^import\s+(?:[^'"]*?\sfrom\s+)?["']([^"']+)["'];$/gms)) {
        if (target!.startsWith('./')) visit(target!.slice(2));
        else packages.add(target!);
      }
    };
    visit('cli.js');
    expect(seen.size).toBeGreaterThan(1);
    expect(packages).toContain('commander');
    for (const heavy of ['exceljs', 'docx', 'better-sqlite3', 'zod', 'saxes', 'tar-stream']) {
      expect(packages).not.toContain(heavy);
    }
  });
});
