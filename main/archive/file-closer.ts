import fs from 'node:fs';

/**
 * The close of a stream's file, put off while the one read or write in flight on it runs, as fs's
 * own streams do: a number closed under I/O in the thread pool could be given to another file
 * before that I/O runs, and the bytes would go there.
 */
export class FileCloser {
  private inFlight = false;
  private waiting: (() => void) | null = null;

  /** Whether a read or write is in flight. */
  get busy(): boolean {
    return this.inFlight;
  }

  /** Before each read or write. */
  begin(): void {
    this.inFlight = true;
  }

  /** When that I/O is done; true if the file has been closed meanwhile (its result goes nowhere). */
  end(): boolean {
    this.inFlight = false;
    const close = this.waiting;
    this.waiting = null;
    close?.();
    return close !== null;
  }

  close(fd: number, callback: (error: NodeJS.ErrnoException | null) => void): void {
    const close = () => fs.close(fd, callback);
    if (this.inFlight) this.waiting = close;
    else close();
  }
}
