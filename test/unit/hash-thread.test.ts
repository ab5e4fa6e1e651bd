import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { HashThread } from '../../main/archive/hash-thread.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Collects what comes out of the tap, to check it passes every byte on unchanged. */
function collector(into: Buffer[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      into.push(chunk);
      done();
    },
  });
}

let thread: HashThread | undefined;
afterEach(async () => {
  await thread?.close();
  thread = undefined;
});

describe('the hash thread', () => {
  it('hashes each stream apart, pieces that are views into a larger buffer included, and passes them on unchanged', async () => {
    thread = new HashThread();
    const big = randomBytes(20 * 1024 * 1024);
    // Views into one buffer, as a tar reader hands them out: only each view's bytes count.
    const views = [big.subarray(5, 3_000_000), big.subarray(3_000_000, 3_000_001), big.subarray(3_000_001)];
    const small = Buffer.from('扫描件：收据');
    const a = thread.tap();
    const b = thread.tap();
    const out: Buffer[] = [];
    await Promise.all([
      pipeline(Readable.from(views), a, collector(out)),
      pipeline(Readable.from([small]), b, collector([])),
    ]);

    expect(Buffer.concat(out).equals(big.subarray(5))).toBe(true);
    expect(a.size).toBe(big.length - 5);
    expect(await a.digest()).toBe(sha256(big.subarray(5)));
    expect(await b.digest()).toBe(sha256(small));
    const empty = thread.tap();
    await pipeline(Readable.from([]), empty, collector([]));
    expect(await empty.digest()).toBe(sha256(Buffer.alloc(0)));
  });

  it('hashes many streams at once when they want more slots than there are, each piece in order', async () => {
    thread = new HashThread();
    // Twelve streams of pieces from one byte to three megabytes, more than the slots hold at once.
    const streams = Array.from({ length: 12 }, (_, i) => {
      const data = randomBytes(1_000_000 + i * 400_000);
      const sizes = [1, 3 * 1024 * 1024, 777_777, 1024 * 1024];
      const pieces: Buffer[] = [];
      for (let at = 0, k = i; at < data.length; k++) {
        const size = sizes[k % sizes.length]!;
        pieces.push(data.subarray(at, at + size));
        at += size;
      }
      return { data, pieces, tap: thread!.tap() };
    });
    await Promise.all(streams.map(({ pieces, tap }) => pipeline(Readable.from(pieces), tap, collector([]))));
    for (const { data, tap } of streams) expect(await tap.digest()).toBe(sha256(data));
  });

  it('fails the stream, not the process, once the thread is gone', async () => {
    thread = new HashThread();
    const tap = thread.tap();
    await thread.close();
    await expect(pipeline(Readable.from([Buffer.from('x')]), tap, collector([]))).rejects.toThrow('hash thread');
    await expect(tap.digest()).rejects.toThrow('hash thread');
  });

  describe('reading a file straight into its slots', () => {
    let dir: string;
    let file: fs.promises.FileHandle | undefined;
    const data = randomBytes(10 * 1024 * 1024 + 12_345);
    const SLOTS = 8;
    const SLOT_SIZE = 1024 * 1024;

    afterEach(async () => {
      await file?.close();
      file = undefined;
      fs.rmSync(dir, { recursive: true, force: true });
    });

    async function open(): Promise<fs.promises.FileHandle> {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-slots-'));
      fs.writeFileSync(path.join(dir, 'evidence.bin'), data);
      file = await fs.promises.open(path.join(dir, 'evidence.bin'), 'r');
      return file;
    }

    const settledWithin = async (promise: Promise<unknown>, ms: number) => {
      let settled = false;
      promise.then(
        () => (settled = true),
        () => (settled = true),
      );
      await new Promise((resolve) => setTimeout(resolve, ms));
      return settled;
    };

    it('hands out each piece of the file as it is on the disk, and hashes them all', async () => {
      thread = new HashThread();
      const handle = await open();
      const id = thread.newHash();
      let at = 0;
      for (let piece; (piece = await thread.readInto(id, handle, at, data.length - at)); at += piece.length) {
        expect(piece.length).toBeLessThanOrEqual(SLOT_SIZE);
        expect(piece.equals(data.subarray(at, at + piece.length))).toBe(true);
        thread.giveBack(piece);
      }
      expect(at).toBe(data.length);
      expect(await thread.digest(id)).toBe(sha256(data));
    });

    it('lends a slot until it is given back: a reader waits while all are out, and is let go on abandon', async () => {
      thread = new HashThread();
      const handle = await open();
      const id = thread.newHash();
      const out: Buffer[] = [];
      for (let i = 0; i < SLOTS; i++) out.push((await thread.readInto(id, handle, i * SLOT_SIZE, SLOT_SIZE))!);
      // Hashed by now, but still lent: none may be filled again.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const ninth = thread.readInto(id, handle, SLOTS * SLOT_SIZE, SLOT_SIZE);
      expect(await settledWithin(ninth, 200)).toBe(false);
      for (const [i, piece] of out.entries()) {
        expect(piece.equals(data.subarray(i * SLOT_SIZE, (i + 1) * SLOT_SIZE))).toBe(true);
      }

      thread.giveBack(out[0]!);
      // A buffer that was not lent, or one given back twice, frees nothing.
      thread.giveBack(Buffer.from(out[1]!));
      thread.giveBack(out[0]!);
      const piece = (await ninth)!;
      expect(piece.equals(data.subarray(SLOTS * SLOT_SIZE, (SLOTS + 1) * SLOT_SIZE))).toBe(true);
      for (const [i, held] of out.slice(1).entries()) {
        expect(held.equals(data.subarray((i + 1) * SLOT_SIZE, (i + 2) * SLOT_SIZE))).toBe(true);
      }

      const tenth = thread.readInto(id, handle, 0, SLOT_SIZE);
      expect(await settledWithin(tenth, 200)).toBe(false);
      thread.abandon(new Error('写入备份失败'));
      await expect(tenth).rejects.toThrow('写入备份失败');
    });
  });
});
