import fs from 'node:fs';
import { z } from 'zod';
import { TaizhangError } from '../store/errors.js';

/**
 * A backup file: a fixed magic, the length of a small JSON header, the header, then the body — a
 * tar stream of the ledger's parts, plain or in encrypted chunks (chunked-gcm.ts). The header is
 * readable without the password, so a wrong password and a foreign file are told apart from a
 * damaged one; when the body is encrypted the header is authenticated with every chunk.
 */

const MAGIC = Buffer.from('TAIZHANG-BACKUP\n', 'latin1');
const MAX_HEADER = 64 * 1024;
export const BACKUP_EXTENSION = '.tzbak';

const CipherParamsSchema = z.object({
  kdf: z.object({ name: z.literal('scrypt'), N: z.number(), r: z.number(), p: z.number(), salt: z.string() }),
  noncePrefix: z.string(),
  keyCheck: z.string(),
});

export const BackupHeaderSchema = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  cipher: CipherParamsSchema.nullable(),
});
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

/** The bytes that open a backup file; also the associated data of every encrypted chunk. */
export function headerBytes(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, length, json]);
}

const notBackup = (file: string) =>
  new TaizhangError('bad-file', `${file} 不是台账归档的备份文件（或文件开头已损坏），未恢复任何内容`);

/** Reads the header of a backup file; the body starts at `bodyOffset`. */
export function readHeader(file: string): { header: BackupHeader; raw: Buffer; bodyOffset: number } {
  const fd = fs.openSync(file, 'r');
  try {
    const start = Buffer.alloc(MAGIC.length + 4);
    if (fs.readSync(fd, start, 0, start.length, 0) < start.length) throw notBackup(file);
    if (!start.subarray(0, MAGIC.length).equals(MAGIC)) throw notBackup(file);
    const length = start.readUInt32BE(MAGIC.length);
    if (length === 0 || length > MAX_HEADER) throw notBackup(file);
    const json = Buffer.alloc(length);
    if (fs.readSync(fd, json, 0, length, start.length) < length) throw notBackup(file);
    let parsed: unknown;
    try {
      parsed = JSON.parse(json.toString('utf8'));
    } catch {
      throw notBackup(file);
    }
    const header = BackupHeaderSchema.safeParse(parsed);
    if (!header.success) {
      const format = (parsed as { format?: unknown } | null)?.format;
      if (typeof format === 'number' && format > 1) {
        throw new TaizhangError('newer-file', `备份文件 ${file} 由更新版本的台账归档生成，请升级程序后再恢复`);
      }
      throw notBackup(file);
    }
    return { header: header.data, raw: Buffer.concat([start, json]), bodyOffset: start.length + length };
  } finally {
    fs.closeSync(fd);
  }
}
