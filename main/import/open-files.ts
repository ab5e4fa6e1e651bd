import { randomUUID } from 'node:crypto';
import { TaizhangError } from '../store/errors.js';

/** A workbook the page has sent once, kept for its previews, import and rejected-rows download. */
export interface OpenFile {
  fileName: string;
  /**
   * The bytes, in memory the import threads share with this one: each job reads them where they
   * are instead of being sent its own copy.
   */
  bytes: SharedArrayBuffer;
}

export interface OpenFileLimits {
  /** Files kept at once; the one used least recently goes first. */
  maxFiles: number;
  /** Bytes kept at once, all files together. */
  maxBytes: number;
  /** A file not used for this long is let go. */
  idleMs: number;
}

const MB = 1024 * 1024;

/**
 * A page works on one file at a time; three leave room for a second window or a file picked
 * again. 64 MB holds two of the largest the page may send (IMPORT_FILE_MAX_BYTES). Half an hour
 * covers a long look at the preview; after that the file is chosen again.
 */
export const OPEN_FILE_LIMITS: OpenFileLimits = { maxFiles: 3, maxBytes: 64 * MB, idleMs: 30 * 60_000 };

interface Kept extends OpenFile {
  usedAt: number;
}

function gone(idleMs: number): TaizhangError {
  const minutes = Math.round(idleMs / 60_000);
  return new TaizhangError(
    'not-found',
    `所选文件已超过 ${minutes} 分钟未使用，或已被之后选择的文件替换，请重新选择要导入的文件`,
  );
}

/**
 * The workbooks the page has opened for import, by a random id, so the bytes cross from the page
 * once however many times the mapping changes. Bounded in count, bytes and idle time.
 */
export class OpenFiles {
  private readonly files = new Map<string, Kept>();
  private readonly sweep: NodeJS.Timeout;

  constructor(private readonly limits: OpenFileLimits = OPEN_FILE_LIMITS) {
    // Idle files are also let go when nothing asks for them, so their memory does not wait for a request.
    this.sweep = setInterval(() => this.forgetIdle(), Math.min(60_000, limits.idleMs));
    this.sweep.unref();
  }

  /** Keeps a file sent as base64; returns its id. */
  open(base64: string, fileName: string): { fileId: string; size: number } {
    this.forgetIdle();
    const size = Buffer.byteLength(base64, 'base64');
    if (size > this.limits.maxBytes) {
      throw new TaizhangError('bad-request', `“${fileName}”超过 ${Math.round(this.limits.maxBytes / MB)} MB，无法导入`);
    }
    const bytes = new SharedArrayBuffer(size);
    Buffer.from(bytes).write(base64, 'base64');
    for (const id of this.files.keys()) {
      if (this.files.size < this.limits.maxFiles && this.totalBytes() + size <= this.limits.maxBytes) break;
      this.files.delete(id);
    }
    const fileId = randomUUID();
    this.files.set(fileId, { fileName, bytes, usedAt: Date.now() });
    return { fileId, size };
  }

  /** The file by its id; one that has been let go is an error asking to choose it again. */
  get(fileId: string): OpenFile {
    this.forgetIdle();
    const file = this.files.get(fileId);
    if (!file) throw gone(this.limits.idleMs);
    // Used last, so it goes last.
    this.files.delete(fileId);
    file.usedAt = Date.now();
    this.files.set(fileId, file);
    return { fileName: file.fileName, bytes: file.bytes };
  }

  dispose(): void {
    clearInterval(this.sweep);
    this.files.clear();
  }

  private totalBytes(): number {
    let total = 0;
    for (const file of this.files.values()) total += file.bytes.byteLength;
    return total;
  }

  private forgetIdle(): void {
    const now = Date.now();
    for (const [id, file] of this.files) if (now - file.usedAt > this.limits.idleMs) this.files.delete(id);
  }
}
