import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { AppendToFile } from '../../main/archive/append-to-file.js';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('appending a backup body to its file', () => {
  it('puts every piece after what is there, and says so only once the piece is in the file', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-append-'));
    const file = path.join(dir, 'body.tmp');
    const head = Buffer.from('TAIZHANG-BACKUP\n');
    fs.writeFileSync(file, head);
    const pieces = [randomBytes(1024 * 1024), randomBytes(512), randomBytes(3 * 1024 * 1024 + 7), Buffer.alloc(0)];
    const expected = Buffer.concat([head, ...pieces]);
    const told: Buffer[] = [];
    let end = head.length;
    await pipeline(
      Readable.from(pieces),
      new AppendToFile(file, (piece) => {
        told.push(piece);
        end += piece.length;
        // Read by another handle: the piece is in the file when its slot is given back.
        const now = fs.readFileSync(file);
        expect(now.length).toBeGreaterThanOrEqual(end);
        expect(now.subarray(0, end).equals(expected.subarray(0, end))).toBe(true);
      }),
    );

    // The very pieces given, each once, in order (compared as objects: they are slots to refill).
    const nonEmpty = pieces.filter((piece) => piece.length > 0);
    expect(told.filter((piece) => piece.length > 0).every((piece, i) => piece === nonEmpty[i])).toBe(true);
    expect(told.filter((piece) => piece.length > 0)).toHaveLength(nonEmpty.length);
    expect(fs.readFileSync(file).equals(expected)).toBe(true);
  });

  it('fails with the file system’s code, telling of no piece, when the file cannot be opened', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-append-'));
    const told: Buffer[] = [];
    const writing = pipeline(
      Readable.from([Buffer.from('x')]),
      new AppendToFile(path.join(dir, 'gone', 'body.tmp'), (piece) => told.push(piece)),
    );
    await expect(writing).rejects.toMatchObject({ code: 'ENOENT' });
    expect(told).toEqual([]);
  });
});
