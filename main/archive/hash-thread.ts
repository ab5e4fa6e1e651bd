import { Transform, type TransformCallback } from 'node:stream';
import { Worker } from 'node:worker_threads';

/*
 * The SHA-256 of every part of a backup, computed in a thread of its own while this thread reads,
 * packs (and encrypts) and writes: on one thread the hash took 0.6 s of a 3.7 s backup of 1.3 GB.
 * Each piece is copied once and handed over; at most IN_FLIGHT bytes wait for the hash thread, so a
 * slow thread holds the stream back instead of filling the memory. Plain CommonJS with only Node's
 * own modules, given as source, so every host (Node, the CLI's bundle, Electron's archive worker)
 * starts it without a bundle entry of its own.
 */
const SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
parentPort.on('message', ({ id, piece }) => {
  let hash = hashes.get(id);
  if (!hash) hashes.set(id, (hash = createHash('sha256')));
  if (piece) {
    hash.update(piece);
    parentPort.postMessage({ id, hashed: piece.byteLength });
  } else {
    hashes.delete(id);
    parentPort.postMessage({ id, digest: hash.digest('hex') });
  }
});
`;

const IN_FLIGHT = 8 * 1024 * 1024;

type Reply = { id: number; hashed: number } | { id: number; digest: string };

export class HashThread {
  private readonly worker: Worker;
  private nextId = 0;
  private inFlight = 0;
  private failure: Error | null = null;
  private readonly waiting: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  private readonly digests = new Map<number, { resolve: (hex: string) => void; reject: (error: Error) => void }>();

  constructor() {
    this.worker = new Worker(SOURCE, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 },
    });
    this.worker.on('message', (reply: Reply) => {
      if ('digest' in reply) {
        this.digests.get(reply.id)?.resolve(reply.digest);
        this.digests.delete(reply.id);
        return;
      }
      this.inFlight -= reply.hashed;
      while (this.inFlight < IN_FLIGHT && this.waiting.length > 0) this.waiting.shift()!.resolve();
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`hash thread exited with code ${code}`)));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.splice(0)) waiter.reject(this.failure);
    for (const digest of this.digests.values()) digest.reject(this.failure);
    this.digests.clear();
  }

  /** A pass-through stream whose bytes are hashed here; `digest` settles once they all have been. */
  tap(): HashTap {
    return new HashTap(this, this.nextId++);
  }

  /** Resolves when the thread can take more, at once while it is not behind. */
  update(id: number, piece: Buffer): Promise<void> | null {
    if (this.failure) return Promise.reject(this.failure);
    // A copy of just these bytes, moved, not cloned: a piece may be a view into a larger buffer.
    const copy = new Uint8Array(piece);
    this.inFlight += copy.byteLength;
    this.worker.postMessage({ id, piece: copy }, [copy.buffer]);
    if (this.inFlight < IN_FLIGHT) return null;
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  digest(id: number): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.digests.set(id, { resolve, reject });
      this.worker.postMessage({ id });
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('hash thread closed');
    await this.worker.terminate();
  }
}

/** Passes bytes through unchanged, counting them, while the hash thread hashes them. */
export class HashTap extends Transform {
  size = 0;

  constructor(
    private readonly thread: HashThread,
    private readonly id: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    const room = this.thread.update(this.id, chunk);
    if (!room) return done(null, chunk);
    room.then(
      () => done(null, chunk),
      (error: Error) => done(error),
    );
  }

  /** The SHA-256 (hex) of every byte that went through; ask once the stream has ended. */
  digest(): Promise<string> {
    return this.thread.digest(this.id);
  }
}
