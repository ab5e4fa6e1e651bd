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

  it('fails the stream, not the process, once the thread is gone', async () => {
    thread = new HashThread();
    const tap = thread.tap();
    await thread.close();
    await expect(pipeline(Readable.from([Buffer.from('x')]), tap, collector([]))).rejects.toThrow('hash thread');
    await expect(tap.digest()).rejects.toThrow('hash thread');
  });
});
