import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { TaizhangError } from '../store/errors.js';

/**
 * Backups travel on USB sticks and hold minors' ID numbers, so a password encrypts them with
 * AES-256-GCM. One GCM message cannot be checked before it has all been read, and restore must not
 * use a byte it has not authenticated, so the stream is cut into chunks, each its own GCM message
 * (the STREAM construction): the nonce is a random prefix, the chunk's number and a flag on the
 * last chunk, so chunks cannot be reordered, dropped or the file cut short without detection, and
 * the file's header is authenticated with every chunk.
 */

export const CHUNK_SIZE = 1024 * 1024;
const TAG_SIZE = 16;
const PREFIX_SIZE = 7;
// scrypt at N=2^15, r=8 needs 32 MiB; a little room above it.
const KDF = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_CHECK_LABEL = 'taizhang-backup-key-check';

export interface CipherParams {
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  noncePrefix: string;
  /** An HMAC of a fixed label under the key: tells a wrong password apart from a damaged file. */
  keyCheck: string;
}

function deriveKey(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, 32, { ...params, maxmem: KDF.maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function keyCheckOf(key: Buffer): Buffer {
  return createHmac('sha256', key).update(KEY_CHECK_LABEL).digest().subarray(0, 16);
}

/** A fresh key for a new backup, with what the header must carry to derive it again. */
export async function newCipher(password: string): Promise<{ key: Buffer; params: CipherParams }> {
  const salt = randomBytes(16);
  const key = await deriveKey(password, salt, KDF);
  return {
    key,
    params: {
      kdf: { name: 'scrypt', N: KDF.N, r: KDF.r, p: KDF.p, salt: salt.toString('base64') },
      noncePrefix: randomBytes(PREFIX_SIZE).toString('base64'),
      keyCheck: keyCheckOf(key).toString('base64'),
    },
  };
}

/** The key of an existing backup; a wrong password is refused here, before any byte is read. */
export async function keyFor(password: string, params: CipherParams): Promise<Buffer> {
  const { N, r, p } = params.kdf;
  // A forged header must not make us spend gigabytes: only the parameters we write are accepted.
  if (N !== KDF.N || r !== KDF.r || p !== KDF.p) {
    throw new TaizhangError('bad-file', '备份文件的加密参数无法识别，文件可能已损坏或不是本程序生成的');
  }
  const key = await deriveKey(password, Buffer.from(params.kdf.salt, 'base64'), params.kdf);
  const expected = Buffer.from(params.keyCheck, 'base64');
  const actual = keyCheckOf(key);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new TaizhangError('bad-request', '备份密码不正确，未恢复任何内容');
  }
  return key;
}

function nonce(prefix: Buffer, counter: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(counter, PREFIX_SIZE);
  n[11] = last ? 1 : 0;
  return n;
}

/** Plain bytes in, [u32 length][ciphertext][tag] chunks out; the last chunk is flagged. */
export class EncryptChunks extends Transform {
  /**
   * The plain bytes of the chunk being filled. They are copied here, into one buffer for the whole
   * stream, so each piece that comes in can be given back at once (a backup reads into a few lent
   * slots); holding on to the pieces, or joining them, cost more than the cipher.
   */
  private readonly plain = Buffer.allocUnsafe(CHUNK_SIZE);
  private filled = 0;
  private counter = 0;
  private readonly prefix: Buffer;

  /** `done(piece)` is told when a piece that came in has been copied and is not read again. */
  constructor(
    private readonly key: Buffer,
    params: CipherParams,
    private readonly aad: Buffer,
    private readonly done: (piece: Buffer) => void = () => undefined,
  ) {
    super();
    this.prefix = Buffer.from(params.noncePrefix, 'base64');
  }

  private seal(last: boolean): void {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.prefix, this.counter++, last));
    cipher.setAAD(this.aad);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(this.filled);
    this.push(length);
    this.push(cipher.update(this.plain.subarray(0, this.filled)));
    // GCM's final() gives no bytes; it computes the tag.
    cipher.final();
    this.push(cipher.getAuthTag());
    this.filled = 0;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    for (let at = 0; at < chunk.length;) {
      // A chunk is sealed once a byte after it has come: only then is it known not to be the last.
      if (this.filled === CHUNK_SIZE) this.seal(false);
      const taken = chunk.copy(this.plain, this.filled, at);
      this.filled += taken;
      at += taken;
    }
    this.done(chunk);
    callback();
  }

  override _flush(callback: TransformCallback): void {
    this.seal(true);
    callback();
  }
}

const damaged = (why: string) => new TaizhangError('bad-file', `备份文件已损坏或被改动（${why}），未恢复任何内容`);

/** The inverse of EncryptChunks: every chunk is authenticated before a byte of it is passed on. */
export class DecryptChunks extends Transform {
  /**
   * A chunk cut between two pieces, copied here as it comes, so that every piece can be given back
   * once it has been through (LentReads); a chunk whole in its piece is opened where it is.
   */
  private readonly carry = Buffer.allocUnsafe(4 + CHUNK_SIZE + TAG_SIZE);
  private carried = 0;
  private counter = 0;
  private sawLast = false;
  private readonly prefix: Buffer;

  /** `done(piece)` is told when a piece that came in has been read and is not read again. */
  constructor(
    private readonly key: Buffer,
    params: CipherParams,
    private readonly aad: Buffer,
    private readonly done: (piece: Buffer) => void = () => undefined,
  ) {
    super();
    this.prefix = Buffer.from(params.noncePrefix, 'base64');
  }

  /** The whole size of the chunk whose length field starts at `at`. */
  private totalAt(bytes: Buffer, at: number): number {
    const length = bytes.readUInt32BE(at);
    if (length > CHUNK_SIZE) throw damaged('数据块长度异常');
    return 4 + length + TAG_SIZE;
  }

  private openAt(bytes: Buffer, at: number, total: number): void {
    if (this.sawLast) throw damaged('结尾之后还有数据');
    this.push(
      this.open(bytes.subarray(at + 4, at + total - TAG_SIZE), bytes.subarray(at + total - TAG_SIZE, at + total)),
    );
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      for (let at = 0; at < chunk.length;) {
        if (this.carried === 0 && chunk.length - at >= 4) {
          const total = this.totalAt(chunk, at);
          if (chunk.length - at >= total) {
            this.openAt(chunk, at, total);
            at += total;
            continue;
          }
        }
        const need = this.carried < 4 ? 4 - this.carried : this.totalAt(this.carry, 0) - this.carried;
        const taken = chunk.copy(this.carry, this.carried, at, at + need);
        this.carried += taken;
        at += taken;
        if (this.carried >= 4 && this.carried === this.totalAt(this.carry, 0)) {
          this.openAt(this.carry, 0, this.carried);
          this.carried = 0;
        }
      }
      this.done(chunk);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  private open(body: Buffer, tag: Buffer): Buffer {
    // The last chunk is the one whose tag checks with the "last" flag set; a cut file has none.
    for (const last of [false, true]) {
      const decipher = createDecipheriv('aes-256-gcm', this.key, nonce(this.prefix, this.counter, last));
      decipher.setAAD(this.aad);
      decipher.setAuthTag(tag);
      const plain = decipher.update(body);
      try {
        decipher.final();
      } catch {
        continue;
      }
      this.counter++;
      this.sawLast = last;
      return plain;
    }
    throw damaged(`第 ${this.counter + 1} 个数据块校验失败`);
  }

  override _flush(callback: TransformCallback): void {
    if (this.carried > 0 || !this.sawLast) return callback(damaged('文件不完整'));
    callback();
  }
}
