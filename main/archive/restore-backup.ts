import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { openDatabase, SCHEMA_VERSION } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { listLedgerSummaries } from '../store/ledger-types.js';
import { attachmentFolderOf } from './attachment-folder.js';
import { readHeader } from './backup-file.js';
import { CHUNK_SIZE, DecryptChunks, keyFor } from './chunked-gcm.js';
import { HashThread } from './hash-thread.js';
import { LentReads } from './lent-reads.js';
import {
  FILES_PREFIX,
  isSafePartName,
  LEDGER_PART,
  MANIFEST_PART,
  ManifestSchema,
  type BackupManifest,
} from './manifest.js';
import { makeWorkFolder, removeWorkFolder } from './work-folder.js';

export interface RestoreOptions {
  inFile: string;
  /** The new ledger file; restore never overwrites an existing one. */
  dbFile: string;
  password?: string;
  nativeBinding?: string;
}

export interface RestoreResult {
  dbFile: string;
  manifest: BackupManifest;
}

const MAX_MANIFEST = 16 * 1024 * 1024;

const damaged = (why: string) => new TaizhangError('bad-file', `备份文件已损坏或被改动（${why}），未恢复任何内容`);

/** A disk that is full or a folder we may not write is no fault of the backup file. */
function isFileSystemError(error: unknown): boolean {
  return /^E[A-Z]+$/.test(String((error as NodeJS.ErrnoException | null)?.code ?? ''));
}

interface Received {
  size: number;
  sha256: string;
}

/** Reads the tar body into the work folder, hashing every part; the manifest is kept in memory. */
async function unpack(
  source: NodeJS.ReadableStream,
  work: string,
): Promise<{ received: Map<string, Received>; manifestText: string | null }> {
  const hashing = new Map<string, { size: number; sha256: Promise<string> }>();
  let manifestText: string | null = null;
  const hashes = new HashThread();
  const flushing: Array<Promise<void>> = [];
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const fail = (error: unknown) => {
      stream.resume();
      next(error instanceof TaizhangError || isFileSystemError(error) ? error : damaged(`读取“${header.name}”失败`));
    };
    const name = header.name;
    if (header.type !== 'file' || !isSafePartName(name) || hashing.has(name) || manifestText !== null) {
      return fail(damaged(`含有不应出现的内容“${name.slice(0, 80)}”`));
    }
    if (name === MANIFEST_PART) {
      if ((header.size ?? 0) > MAX_MANIFEST) return fail(damaged('清单过大'));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        manifestText = Buffer.concat(chunks).toString('utf8');
        next();
      });
      stream.on('error', fail);
      return;
    }
    const target = path.join(work, ...name.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    const tap = hashes.tap();
    // Each part is on the disk before the ledger is put in place (flush: fsync before close), as an
    // export, a backup and an uploaded file are: else a power cut soon after a restore could leave
    // the restored ledger, and what was entered into it since, half written. The next part is read
    // once this one is written; its fsync is awaited with the others, so the disk flushes meanwhile.
    const out = fs.createWriteStream(target, { flags: 'wx', mode: 0o600, flush: true });
    let written = false;
    out.once('finish', () => {
      written = true;
      const sha256 = tap.digest();
      // Awaited with the others below; a later part's failure must not leave it unhandled.
      sha256.catch(() => undefined);
      hashing.set(name, { size: tap.size, sha256 });
      next();
    });
    const flushed = pipeline(stream, tap, out);
    flushed.catch((error: unknown) => {
      if (!written) fail(error);
    });
    flushing.push(flushed);
  });
  try {
    await pipeline(source, extract);
    await Promise.all(flushing);
    const received = new Map<string, Received>();
    for (const [name, part] of hashing) received.set(name, { size: part.size, sha256: await part.sha256 });
    return { received, manifestText };
  } finally {
    // No file may still be open when the work folder is removed (Windows refuses to remove it then).
    await Promise.allSettled(flushing);
    await hashes.close();
  }
}

function checkParts(manifest: BackupManifest, received: Map<string, Received>): void {
  const listed = new Set<string>();
  for (const part of manifest.parts) {
    listed.add(part.name);
    const got = received.get(part.name);
    if (!got) throw damaged(`缺少“${part.name}”`);
    if (got.size !== part.size || got.sha256 !== part.sha256) throw damaged(`“${part.name}”的校验值不符`);
  }
  for (const name of received.keys()) if (!listed.has(name)) throw damaged(`“${name}”不在清单中`);
  if (!listed.has(LEDGER_PART)) throw damaged('缺少台账数据');
}

/** The restored ledger opens, is current (migrated if older) and holds what the manifest counts. */
function checkLedger(file: string, manifest: BackupManifest, nativeBinding?: string): void {
  if (manifest.schemaVersion > SCHEMA_VERSION) {
    throw new TaizhangError('newer-file', '这个备份由更新版本的台账归档生成，请升级程序后再恢复');
  }
  const db = openDatabase(file, { mustExist: true, nativeBinding });
  try {
    const counts = Object.fromEntries(listLedgerSummaries(db).map((l) => [l.key, l.count]));
    for (const [ledger, count] of Object.entries(manifest.records)) {
      if ((counts[ledger] ?? 0) !== count) {
        throw damaged(`台账“${ledger}”应有 ${count} 条记录，实有 ${counts[ledger] ?? 0} 条`);
      }
    }
  } finally {
    db.close();
  }
}

/** Puts the checked ledger (and its attachments) at their final names, never over existing ones. */
function place(work: string, dbFile: string): void {
  const folder = attachmentFolderOf(dbFile);
  try {
    fs.linkSync(path.join(work, LEDGER_PART), dbFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw targetExists(dbFile);
    // File systems without hard links (FAT): the name was checked free just before.
    fs.renameSync(path.join(work, LEDGER_PART), dbFile);
  }
  const files = path.join(work, FILES_PREFIX.slice(0, -1));
  if (fs.existsSync(files)) {
    try {
      fs.renameSync(files, folder);
    } catch (error) {
      fs.rmSync(dbFile, { force: true });
      throw error;
    }
  }
}

function targetExists(file: string): TaizhangError {
  return new TaizhangError(
    'conflict',
    `${file} 已存在：恢复从不覆盖已有的台账，请指定一个新的文件名（恢复后可在程序中切换到它）`,
  );
}

/**
 * Restores a backup into a NEW ledger file. Everything is checked before the ledger appears: the
 * password, every chunk's authentication (encrypted backups), every part's SHA-256 against the
 * manifest, no part missing or extra, and the record counts. The parts are unpacked into a private
 * work folder beside the target and moved into place only when all checks pass; on any failure
 * the folder is removed and nothing is left.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const inFile = path.resolve(options.inFile);
  const dbFile = path.resolve(options.dbFile);
  if (!fs.existsSync(inFile)) throw new TaizhangError('bad-file', `备份文件不存在：${inFile}`);
  if (fs.existsSync(dbFile)) throw targetExists(dbFile);
  if (fs.existsSync(attachmentFolderOf(dbFile))) throw targetExists(attachmentFolderOf(dbFile));
  const { header, raw, bodyOffset } = readHeader(inFile);
  let key: Buffer | null = null;
  if (header.cipher) {
    if (!options.password) {
      throw new TaizhangError('bad-request', '这个备份已加密，请输入备份密码后再恢复');
    }
    key = await keyFor(options.password, header.cipher);
  }
  const work = makeWorkFolder(path.dirname(dbFile), 'restore');
  try {
    // Reads of one sealed chunk each. Encrypted, each is given back once opened and read into
    // again; plain, tar-stream passes views of the pieces on, so each read needs a buffer of its own.
    const pieceSize = CHUNK_SIZE + 20;
    let source: NodeJS.ReadableStream;
    if (key && header.cipher) {
      const body = new LentReads(inFile, bodyOffset, pieceSize);
      const decrypt = new DecryptChunks(key, header.cipher, raw, (piece) => body.giveBack(piece));
      body.on('error', (error) => decrypt.destroy(error));
      // pipe() leaves the reader open when what it feeds fails: its file would stay open for good.
      decrypt.on('close', () => body.destroy());
      source = body.pipe(decrypt);
    } else {
      source = fs.createReadStream(inFile, { start: bodyOffset, highWaterMark: pieceSize });
    }
    let unpacked: Awaited<ReturnType<typeof unpack>>;
    try {
      unpacked = await unpack(source, work);
    } catch (error) {
      if (error instanceof TaizhangError || isFileSystemError(error)) throw error;
      throw damaged('文件不完整或格式不对');
    }
    if (unpacked.manifestText === null) throw damaged('缺少清单，文件可能不完整');
    let parsed: unknown;
    try {
      parsed = JSON.parse(unpacked.manifestText);
    } catch {
      throw damaged('清单无法读取');
    }
    const manifest = ManifestSchema.safeParse(parsed);
    if (!manifest.success) throw damaged('清单内容不对');
    checkParts(manifest.data, unpacked.received);
    checkLedger(path.join(work, LEDGER_PART), manifest.data, options.nativeBinding);
    place(work, dbFile);
    return { dbFile, manifest: manifest.data };
  } finally {
    removeWorkFolder(work);
  }
}
