import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { TaizhangError } from '../store/errors.js';
import { EVIDENCE_MAX_MB, evidenceTooLargeMessage } from '../../shared/attachment-api.js';
import { discardTempStream } from '../export/atomic-file.js';
import { forgetTempFile, noteTempFile } from '../export/temp-registry.js';

export const MAX_EVIDENCE_BYTES = EVIDENCE_MAX_MB * 1024 * 1024;

export interface StoredEvidence {
  sha256: string;
  size: number;
}

/** Where a file with this hash lives: `ab/cdef…` under the ledger's evidence folder. */
export function evidencePath(folder: string, sha256: string): string {
  return path.join(folder, sha256.slice(0, 2), sha256.slice(2));
}

class HashTap extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  constructor(private readonly name: string) {
    super();
  }
  override _transform(chunk: Buffer, _e: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > MAX_EVIDENCE_BYTES) return done(tooLarge(this.name));
    this.hash.update(chunk);
    done(null, chunk);
  }
}

const tooLarge = (name: string) => new TaizhangError('validation', evidenceTooLargeMessage(name));

function privateFolder(folder: string): void {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  fs.chmodSync(folder, 0o700);
}

/**
 * Copies a stream of bytes into the evidence folder under its SHA-256, streaming (never the whole
 * file in memory). The bytes go to a private temp file first and are renamed into place only when
 * complete, so a failure or a kill never leaves a wrong file under a hash name; a file that is
 * already there (the same photo on two records) is stored once.
 */
export async function storeEvidence(
  folder: string,
  source: NodeJS.ReadableStream,
  name: string,
): Promise<StoredEvidence> {
  privateFolder(folder);
  const temp = path.join(folder, `.~taizhang-attach-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const tap = new HashTap(name);
  noteTempFile(temp);
  const out = fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 });
  try {
    await pipeline(source, tap, out);
    const sha256 = tap.hash.digest('hex');
    const final = evidencePath(folder, sha256);
    if (fs.existsSync(final)) {
      fs.rmSync(temp, { force: true });
    } else {
      privateFolder(path.dirname(final));
      const fd = fs.openSync(temp, 'r+');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, final);
    }
    return { sha256, size: tap.size };
  } catch (error) {
    await discardTempStream(out, temp);
    throw error;
  } finally {
    forgetTempFile(temp);
  }
}

/** A file the user picked, checked before a byte is copied: there, readable, a file, not too big. */
export function openPickedFile(file: string): fs.ReadStream {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new TaizhangError('bad-file', `找不到文件 ${file}：它可能已被移动、改名或删除，未附上任何文件`);
  }
  if (!stat.isFile()) throw new TaizhangError('bad-file', `${file} 不是一个文件，未附上任何文件`);
  if (stat.size > MAX_EVIDENCE_BYTES) throw tooLarge(path.basename(file));
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    throw new TaizhangError('bad-file', `无法读取文件 ${file}：没有读取权限，未附上任何文件`);
  }
  return fs.createReadStream(file, { highWaterMark: 1024 * 1024 });
}

/** Removes a stored file once no attachment refers to it any more; never throws. */
export function removeEvidence(folder: string, sha256: string): void {
  try {
    fs.rmSync(evidencePath(folder, sha256), { force: true });
  } catch {
    // A file left behind is found by the verify check as unreferenced, not as missing.
  }
}
