import path from 'node:path';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-store.js';
import { runCli } from '../helpers/run-cli.js';

const dir = tempDir();
const db = path.join(dir, 'cli.db');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the taizhang CLI', () => {
  it('prints help in Chinese and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('新建台账文件');
    expect(result.stdout).toMatch(/init[\s\S]*ledgers[\s\S]*demo[\s\S]*stats[\s\S]*serve/);
  });

  it('exits 1 with one Chinese line when the file cannot be used', async () => {
    const result = await runCli(['ledgers', '--db', path.join(dir, 'missing.db')]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('台账文件不存在');
  });

  it('creates a ledger file for a unit, and refuses to overwrite it', async () => {
    const first = await runCli(['init', '--db', db, '--unit', '建始县高坪镇中心小学']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('建始县高坪镇中心小学');
    const again = await runCli(['init', '--db', db, '--unit', '别的单位']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('文件已存在');
  });

  it('fills demo data with exactly N student-aid records and counts them', async () => {
    const demo = await runCli(['demo', '--db', db, '--rows', '1234']);
    expect(demo.code).toBe(0);
    expect(JSON.parse(demo.stdout)['student-aid']).toBe(1234);
    const stats = JSON.parse((await runCli(['stats', '--db', db])).stdout);
    expect(stats['student-aid']).toBe(1234);
    const firstHalf = JSON.parse((await runCli(['stats', '--db', db, '--period', '2019H1'])).stdout)['student-aid'];
    const secondHalf = JSON.parse((await runCli(['stats', '--db', db, '--period', '2019下半年'])).stdout)[
      'student-aid'
    ];
    expect(firstHalf).toBeGreaterThan(0);
    expect(firstHalf + secondHalf).toBe(1234);
  });

  it('lists ledger types as JSON with counts', async () => {
    const result = await runCli(['ledgers', '--json'], { TAIZHANG_DB: db });
    expect(result.code).toBe(0);
    const ledgers = JSON.parse(result.stdout) as Array<{ key: string; label: string; count: number }>;
    expect(Object.keys(ledgers[0]!)).toEqual(['key', 'label', 'count']);
    expect(ledgers.find((l) => l.key === 'student-aid')).toEqual({
      key: 'student-aid',
      label: '学生资助台账',
      count: 1234,
    });
  });

  it('rejects a period it cannot read', async () => {
    const result = await runCli(['stats', '--db', db, '--period', '2019-13']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('无法识别的期间');
  });
});
