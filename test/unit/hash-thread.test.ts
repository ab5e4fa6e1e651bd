import { createHash, randomBytes } from 'node:crypto';
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
});
