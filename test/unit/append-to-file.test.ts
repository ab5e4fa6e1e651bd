import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppendToFile } from '../../main/archive/append-to-file.js';

let dir: string;
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

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

  it('closes its file only once the write in flight is done, when destroyed under it', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-append-'));
    const events: string[] = [];
    const realWritev = fs.writev;
    const realClose = fs.close;
    vi.spyOn(fs, 'writev').mockImplementation(((
      fd: number,
      pieces: Buffer[],
      done: (error: NodeJS.ErrnoException | null, written: number, buffers: NodeJS.ArrayBufferView[]) => void,
    ) => {
      realWritev(fd, pieces, (error, written, buffers) => {
        events.push('written');
        done(error, written, buffers);
      });
      // A backup failing elsewhere destroys the writer while this write is in the thread pool.
      setImmediate(() => writer.destroy());
    }) as typeof fs.writev);
    vi.spyOn(fs, 'close').mockImplementation(((fd: number, done: fs.NoParamCallback) => {
      events.push('close');
      realClose(fd, done);
    }) as typeof fs.close);
    const writer = new AppendToFile(path.join(dir, 'body.tmp'), () => undefined);
    const closed = new Promise((resolve) => writer.on('close', resolve));
    writer.write(Buffer.alloc(64 * 1024 * 1024, 1));
    await closed;
    expect(events).toEqual(['written', 'close']);
  });

  it('goes on where a write stopped short, as on a disk nearly full', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-append-'));
    const file = path.join(dir, 'body.tmp');
    const realWritev = fs.writev;
    let calls = 0;
    vi.spyOn(fs, 'writev').mockImplementation(((
      fd: number,
      pieces: Buffer[],
      done: (error: NodeJS.ErrnoException | null, written: number, buffers: NodeJS.ArrayBufferView[]) => void,
    ) => {
      // Every write takes only the first 1,000 bytes offered, whatever the pieces.
      calls++;
      const first: Buffer[] = [];
      for (let left = 1000, i = 0; left > 0 && i < pieces.length; i++) {
        first.push(pieces[i]!.subarray(0, left));
        left -= first.at(-1)!.length;
      }
      realWritev(fd, first, done);
    }) as typeof fs.writev);
    const pieces = [randomBytes(2500), randomBytes(10), randomBytes(4000)];
    const told: Buffer[] = [];
    await pipeline(Readable.from(pieces), new AppendToFile(file, (piece) => told.push(piece)));
    expect(fs.readFileSync(file).equals(Buffer.concat(pieces))).toBe(true);
    expect(calls).toBeGreaterThanOrEqual(7);
    expect(told).toHaveLength(3);
  });
});
