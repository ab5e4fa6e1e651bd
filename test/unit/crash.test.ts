import { spawn } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-store.js';
import { recordsWithoutAudit } from '../helpers/audit-orphans.js';

const repo = path.resolve(import.meta.dirname, '../..');

describe('a writer killed mid-way', () => {
  it('loses no committed record and leaves an intact file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'crash.db');
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/crash-writer.ts', file, '10000'], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const committed: number[] = [];
    let buffer = '';
    const killAfter = 1500;
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const match = /^committed (\d+)$/.exec(line);
        if (match) committed.push(Number(match[1]));
      }
      if (committed.length >= killAfter && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    const signal = await exited;
    expect(signal).toBe('SIGKILL');
    expect(committed.length).toBeGreaterThanOrEqual(killAfter);
    expect(committed.length).toBeLessThan(10000);

    const db = new Database(file);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = new Set((db.prepare('SELECT id FROM records').all() as { id: number }[]).map((r) => r.id));
      const missing = committed.filter((id) => !ids.has(id));
      expect(missing).toEqual([]);
      // Every record that exists is whole, with its audit row written in the same transaction.
      expect(recordsWithoutAudit(db)).toBe(0);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
