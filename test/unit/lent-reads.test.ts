import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LentReads } from '../../main/archive/lent-reads.js';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function fileOf(data: Buffer): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-lent-'));
  const file = path.join(dir, 'backup.tzbak');
  fs.writeFileSync(file, data);
  return file;
}

describe('reading a backup into lent buffers', () => {
  it('gives the file from its start offset, in pieces, and reads into a buffer again only once it is given back', async () => {
    const data = randomBytes(10 * 1000 + 37);
    const stream = new LentReads(fileOf(data), 100, 1000, 3);
    const got: Buffer[] = [];
    const copies: Buffer[] = [];
    let giveAtOnce = false;
    const ended = new Promise((resolve, reject) => stream.on('end', resolve).on('error', reject));
    stream.on('data', (piece: Buffer) => {
      got.push(piece);
      copies.push(Buffer.from(piece));
      if (giveAtOnce) stream.giveBack(piece);
    });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
    await settle();
    // Every buffer is out: no fourth piece comes, and the three stay as they were read.
    expect(got).toHaveLength(3);
    expect(Buffer.concat(got).equals(data.subarray(100, 3100))).toBe(true);

    stream.giveBack(Buffer.from(got[0]!)); // not lent: frees nothing
    await settle();
    expect(got).toHaveLength(3);
    stream.giveBack(got[1]!);
    await settle();
    expect(got).toHaveLength(4);
    expect(got[3]!.equals(data.subarray(3100, 4100))).toBe(true);
    expect(got[0]!.equals(data.subarray(100, 1100))).toBe(true);
    expect(got[2]!.equals(data.subarray(2100, 3100))).toBe(true);

    giveAtOnce = true;
    for (const i of [0, 2, 3]) stream.giveBack(got[i]!);
    await ended;
    expect(Buffer.concat(copies).equals(data.subarray(100))).toBe(true);
    expect(copies.every((piece) => piece.length <= 1000)).toBe(true);
  });

  it('fails with the file system’s code when the file is not there', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-lent-'));
    const stream = new LentReads(path.join(dir, 'gone.tzbak'), 0, 1000);
    stream.resume();
    await expect(new Promise((resolve, reject) => stream.on('end', resolve).on('error', reject))).rejects.toMatchObject(
      {
        code: 'ENOENT',
      },
    );
  });
});
