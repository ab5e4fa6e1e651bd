import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { SCHEMA_VERSION } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { listLedgerSummaries } from '../store/ledger-types.js';
import { listUnits } from '../store/units.js';
import { openReadOnly } from '../export/read-only-db.js';
import { commitTempFile, removeQuietly } from '../export/atomic-file.js';
import { forgetTempFile, noteTempFile } from '../export/temp-registry.js';
import { APP_VERSION } from '../version.js';
import { attachmentFolderOf, listAttachmentFiles } from './attachment-folder.js';
import { headerBytes, type BackupHeader } from './backup-file.js';
import { AppendToFile } from './append-to-file.js';
import { HashThread } from './hash-thread.js';
import { SnapshotThread } from './snapshot-thread.js';
import { EncryptChunks, newCipher } from './chunked-gcm.js';
import { FILES_PREFIX, LEDGER_PART, MANIFEST_PART, type BackupManifest, type BackupPart } from './manifest.js';
import { makeWorkFolder, removeWorkFolder } from './work-folder.js';

export interface BackupOptions {
  dbFile: string;
  out: string;
  operator: string;
  /** Encrypts the backup (AES-256-GCM, key from scrypt) when given. */
  password?: string;
  /** Replace an existing file at `out`; automatic backups never need to. */
  overwrite?: boolean;
  nativeBinding?: string;
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: BackupManifest;
}

/** What the manifest says of the ledger, read from its copy: the records per ledger and the units. */
function summaryOf(snapshotFile: string, nativeBinding?: string) {
  const copy = new Database(snapshotFile, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    const records = Object.fromEntries(listLedgerSummaries(copy).map((l) => [l.key, l.count]));
    const units = listUnits(copy).map((u) => u.name);
    return { records, units };
  } finally {
    copy.close();
  }
}

/**
 * A new entry of the pack, and a promise that settles once it is all in the pack. A pack destroyed
 * under it (the writer failed) rejects the promise and emits the entry's error event, which unheard
 * would end the process: the promise is what says it, and callers that stop early need not await it.
 */
function entryOf(pack: tar.Pack, header: tar.Headers, content?: string): { entry: Writable; packed: Promise<void> } {
  let settle: (error?: Error | null) => void = () => undefined;
  const packed = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve());
  });
  packed.catch(() => undefined);
  const entry: Writable =
    content === undefined ? pack.entry(header, (error) => settle(error)) : pack.entry(header, content, settle);
  entry.on('error', () => undefined);
  return { entry, packed };
}

/**
 * Packs one file, read into the hash thread's slots: each piece is hashed there and passed on as it
 * is, and its slot is refilled once the piece is in the backup (encrypted or written). Its SHA-256,
 * of the very bytes packed, settles when the hash thread is through.
 */
async function addPart(
  pack: tar.Pack,
  name: string,
  file: string,
  hashes: HashThread,
): Promise<Omit<BackupPart, 'sha256'> & { sha256: Promise<string> }> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const id = hashes.newHash();
    const { entry, packed } = entryOf(pack, { name, size, mode: 0o600, mtime: new Date(0) });
    let at = 0;
    // No wait for the entry to drain: the slots (8 MB) are all that can be on the way.
    for (let piece; at < size && (piece = await hashes.readInto(id, handle, at, size - at)); at += piece.length) {
      entry.write(piece);
    }
    if (at !== size || (await handle.stat()).size !== size) {
      throw new TaizhangError('bad-file', `备份时文件 ${file} 被改动，请重新备份`);
    }
    entry.end();
    await packed;
    const sha256 = hashes.digest(id);
    // Awaited with the others before the manifest; a later part's failure must not leave it unhandled.
    sha256.catch(() => undefined);
    return { name, size, sha256 };
  } finally {
    await handle.close();
  }
}

/**
 * Writes ONE file holding a consistent copy of the ledger and every attachment, with a manifest of
 * their hashes and counts. It is written beside `out` under a temporary name and put in place only
 * when complete, so a crash or a kill leaves any previous backup untouched and no partial file.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const out = path.resolve(options.out);
  const dbFile = path.resolve(options.dbFile);
  if (!options.overwrite && fs.existsSync(out)) {
    throw new TaizhangError('conflict', `文件已存在，未作覆盖：${out}。请换一个文件名，或确认覆盖（命令行加 --force）`);
  }
  // The snapshot is the whole ledger in clear: it stays beside the ledger, never on the backup's
  // medium (a USB stick), and only the finished (maybe encrypted) stream is written there.
  const work = makeWorkFolder(path.dirname(dbFile), 'backup');
  const temp = path.join(path.dirname(out), `${path.basename(work)}.tmp`);
  const hashes = new HashThread();
  let snapshot: SnapshotThread | null = null;
  let removing: Promise<void> | null = null;
  try {
    // Refuses a missing, foreign or older ledger with its Chinese message before any work starts.
    openReadOnly(dbFile, options.nativeBinding).close();
    const snapshotFile = path.join(work, LEDGER_PART);
    snapshot = new SnapshotThread({ dbFile, target: snapshotFile, nativeBinding: options.nativeBinding });
    let snapshotFailure: unknown = null;
    snapshot.done.catch((error: unknown) => (snapshotFailure = error));
    const folder = attachmentFolderOf(dbFile);
    const listed = listAttachmentFiles(folder);
    // Before the writer opens: past that point every failure must go through the catch below.
    const cipher = options.password ? await newCipher(options.password) : null;
    const header: BackupHeader = { format: 1, createdAt: new Date().toISOString(), cipher: cipher?.params ?? null };
    const head = headerBytes(header);
    noteTempFile(temp);
    fs.writeFileSync(temp, head, { mode: 0o600, flag: 'wx' });

    const pack = tar.pack();
    const giveBack = (piece: Buffer) => hashes.giveBack(piece);
    const stages: Array<NodeJS.ReadableStream | NodeJS.WritableStream> = [pack];
    if (cipher) stages.push(new EncryptChunks(cipher.key, cipher.params, head, giveBack));
    stages.push(new AppendToFile(temp, giveBack));
    const written = pipeline(stages);
    // A failure while packing must also end the writer, or `written` never settles; a failure of
    // the writer must stop the reading, which would wait for slots it no longer gives back.
    let writerFailure: Error | null = null;
    written.catch((error: Error) => {
      writerFailure ??= error;
      hashes.abandon(error);
    });

    try {
      // The evidence is packed while the ledger is copied. Files are stored before the records that
      // refer to them and never change, so the files listed again once the copy is complete hold
      // every file the copy refers to.
      const packed = [];
      const files = new Set<string>();
      const packFiles = async (relatives: string[]) => {
        for (const relative of relatives) {
          // A failed copy of the ledger fails the backup now, not after a gigabyte of evidence.
          if (snapshotFailure) throw snapshotFailure;
          if (files.has(relative)) continue;
          files.add(relative);
          packed.push(await addPart(pack, `${FILES_PREFIX}${relative}`, path.join(folder, relative), hashes));
        }
      };
      await packFiles(listed);
      await snapshot.done;
      const { records, units } = summaryOf(snapshotFile, options.nativeBinding);
      await packFiles(listAttachmentFiles(folder));
      packed.unshift(await addPart(pack, LEDGER_PART, snapshotFile, hashes));
      // Removed while the backup is flushed to the disk, not after it: freeing the pages of a 290 MB
      // copy took 0.1-0.4 s. What fails here is left to the removal of the work folder below.
      removing = fs.promises.rm(snapshotFile, { force: true }).catch(() => undefined);
      const parts: BackupPart[] = await Promise.all(
        packed.map(async (part) => ({ ...part, sha256: await part.sha256 })),
      );
      const manifest: BackupManifest = {
        format: 1,
        app: '台账归档',
        appVersion: APP_VERSION,
        schemaVersion: SCHEMA_VERSION,
        createdAt: header.createdAt,
        operator: options.operator,
        sourceName: path.basename(dbFile),
        units,
        records,
        attachments: files.size,
        encrypted: cipher !== null,
        parts,
      };
      const listing = JSON.stringify(manifest, null, 2);
      entryOf(pack, { name: MANIFEST_PART, mode: 0o600, mtime: new Date(0) }, listing);
      pack.finalize();
      await written;
      commitTempFile(temp, out, options.overwrite ?? false);
      return { file: out, bytes: fs.statSync(out).size, manifest };
    } catch (error) {
      pack.destroy(error as Error);
      await written.catch(() => undefined);
      // A failed writer (a full disk) is the cause of what failed after it: a part refused by the
      // destroyed pack, a reader let go.
      throw writerFailure ?? error;
    }
  } finally {
    await Promise.all([hashes.close(), snapshot?.close(), removing]);
    removeWorkFolder(work);
    removeQuietly(temp);
    forgetTempFile(temp);
  }
}
