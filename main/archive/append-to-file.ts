import fs from 'node:fs';
import { Writable } from 'node:stream';
import { FileCloser } from './file-closer.js';

/** Writes every byte of `pieces`, going on where a write stopped short (a disk nearly full). */
function writeAll(fd: number, pieces: Buffer[], callback: (error: Error | null) => void): void {
  fs.writev(fd, pieces, (error, written) => {
    if (error) return callback(error);
    const rest: Buffer[] = [];
    for (const piece of pieces) {
      if (written >= piece.length) written -= piece.length;
      else {
        rest.push(piece.subarray(written));
        written = 0;
      }
    }
    if (rest.length === 0) return callback(null);
    writeAll(fd, rest, callback);
  });
}

/**
 * The last stage of a backup's stream: appends what comes in to a file, and tells `written(piece)`
 * once each piece is in the file, so that a reader lending out a few buffers (HashThread.readInto)
 * can fill them again. fs's own write stream gives no word of which piece it has written.
 */
export class AppendToFile extends Writable {
  private fd: number | null = null;
  private readonly closer = new FileCloser();

  constructor(
    private readonly file: string,
    private readonly written: (piece: Buffer) => void,
  ) {
    super();
  }

  override _construct(callback: (error?: Error | null) => void): void {
    fs.open(this.file, 'a', 0o600, (error, fd) => {
      if (!error) this.fd = fd;
      callback(error);
    });
  }

  override _writev(chunks: Array<{ chunk: Buffer }>, callback: (error?: Error | null) => void): void {
    const pieces = chunks.map(({ chunk }) => chunk);
    this.closer.begin();
    writeAll(this.fd!, pieces, (error) => {
      if (this.closer.end()) return;
      if (!error) pieces.forEach((piece) => this.written(piece));
      callback(error);
    });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this._writev([{ chunk }], callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const fd = this.fd;
    if (fd === null) return callback(error);
    this.fd = null;
    this.closer.close(fd, (closeError) => callback(error ?? closeError));
  }
}
