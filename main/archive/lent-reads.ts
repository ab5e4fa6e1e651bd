import fs from 'node:fs';
import { Readable } from 'node:stream';
import { FileCloser } from './file-closer.js';

/**
 * A file, from `start`, read as a stream into a few buffers used over and over. fs's read stream
 * gives a new buffer to every read: the 1.3 GB read by a restore were garbage the GC had to free,
 * a quarter of its time. Here a piece is read into again only once the stage that took it gives it
 * back (`giveBack`), so that stage must not keep it; until then, reading waits.
 */
export class LentReads extends Readable {
  private fd: number | null = null;
  private position: number;
  private readonly free: Buffer[];
  private readonly lent = new Map<Buffer, Buffer>();
  private wanted = false;
  private ended = false;
  private readonly closer = new FileCloser();

  constructor(
    private readonly file: string,
    start: number,
    private readonly pieceSize: number,
    count = 4,
  ) {
    super();
    this.position = start;
    this.free = Array.from({ length: count }, () => Buffer.allocUnsafe(pieceSize));
  }

  override _construct(callback: (error?: Error | null) => void): void {
    fs.open(this.file, 'r', (error, fd) => {
      if (!error) this.fd = fd;
      callback(error);
    });
  }

  override _read(): void {
    if (this.ended) return;
    this.wanted = true;
    if (this.closer.busy || this.free.length === 0 || this.destroyed) return;
    this.wanted = false;
    this.closer.begin();
    const buffer = this.free.pop()!;
    fs.read(this.fd!, buffer, 0, this.pieceSize, this.position, (error, bytesRead) => {
      if (this.closer.end()) return;
      if (error) return this.destroy(error);
      if (bytesRead === 0) {
        this.free.push(buffer);
        this.ended = true;
        this.wanted = false;
        this.push(null);
        return;
      }
      this.position += bytesRead;
      const piece = buffer.subarray(0, bytesRead);
      this.lent.set(piece, buffer);
      if (this.push(piece) || this.wanted) this._read();
    });
  }

  /** Returns a piece that came out of this stream; any other buffer is ignored. */
  giveBack(piece: Buffer): void {
    const buffer = this.lent.get(piece);
    if (buffer === undefined) return;
    this.lent.delete(piece);
    this.free.push(buffer);
    if (this.wanted && !this.ended) this._read();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const fd = this.fd;
    if (fd === null) return callback(error);
    this.fd = null;
    this.closer.close(fd, (closeError) => callback(error ?? closeError));
  }
}
