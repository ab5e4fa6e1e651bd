import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { TaizhangError } from './errors.js';
import { LEDGER_APPLICATION_ID, MIGRATIONS } from './migrations.js';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_SIZE = 100;
// Offset of PRAGMA application_id in the database header (https://sqlite.org/fileformat.html).
const APPLICATION_ID_OFFSET = 68;

/** Every table a migration creates, and the tables FTS5 keeps beside a full-text index. */
const OUR_TABLES = new Set(
  MIGRATIONS.flatMap((sql) => [...sql.matchAll(/CREATE (?:VIRTUAL )?TABLE (\w+)/g)].map((m) => m[1]!)),
);
const FTS5_SHADOW = /^(\w+)_(?:data|idx|content|docsize|config)$/;

function isOurTable(name: string): boolean {
  const shadowOf = FTS5_SHADOW.exec(name)?.[1];
  return OUR_TABLES.has(name) || (shadowOf !== undefined && OUR_TABLES.has(shadowOf));
}

function notALedger(file: string, why: string): TaizhangError {
  return new TaizhangError(
    'bad-file',
    `无法打开台账文件 ${file}：它不是台账归档的台账文件（${why}），为免损坏其中的数据未作任何修改；请指定台账文件，或换一个新文件名新建台账`,
  );
}

function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(HEADER_SIZE);
    return header.subarray(0, fs.readSync(fd, header, 0, HEADER_SIZE, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** What SQLite itself says, read-only: the header on disk may lag behind a WAL not yet checkpointed. */
function inspect(
  file: string,
  nativeBinding?: string,
): { applicationId: number; userVersion: number; tables: string[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return {
      applicationId: db.pragma('application_id', { simple: true }) as number,
      userVersion: db.pragma('user_version', { simple: true }) as number,
      tables: (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
          name: string;
        }[]
      ).map((row) => row.name),
    };
  } finally {
    db.close();
  }
}

/** Why an SQLite file that is not marked as a ledger cannot be one; null when it can. */
function foreignReason(found: ReturnType<typeof inspect>): string | null {
  if (found.applicationId === LEDGER_APPLICATION_ID) return null;
  if (found.applicationId !== 0) return '是其他程序的数据库';
  if (found.tables.length === 0) return null;
  const foreign = found.tables.find((name) => !isOurTable(name));
  if (found.userVersion >= 1 && foreign === undefined && found.tables.includes('records')) return null;
  return `是其他程序的数据库，含数据表“${(foreign ?? found.tables[0]!).slice(0, 40)}”`;
}

/**
 * Refuses, before anything is written, an existing file that is not a ledger. A 0-byte file is
 * accepted: SQLite reads it as an empty database, and it holds nothing to lose (a new ledger is
 * often made that way). A file that is not SQLite, or another program's database (a different
 * application_id, or tables that are not ours), is refused untouched. A ledger from before the
 * application_id (user_version ≥ 1, only our tables) opens and gets the id by migration; so does
 * an SQLite database with no tables at all.
 */
export function refuseForeignFile(file: string, nativeBinding?: string): void {
  const header = readHeader(file);
  if (header.length === 0) return;
  if (header.length < HEADER_SIZE || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw notALedger(file, '不是 SQLite 数据库');
  }
  if (header.readUInt32BE(APPLICATION_ID_OFFSET) === LEDGER_APPLICATION_ID) return;
  // A reader of a WAL-mode file may make these; a refused file keeps nothing of ours beside it.
  const sidecars = ['-wal', '-shm'].map((suffix) => file + suffix).filter((each) => !fs.existsSync(each));
  let reason: string | null;
  try {
    reason = foreignReason(inspect(file, nativeBinding));
  } catch {
    reason = '无法作为 SQLite 数据库读取，可能已损坏';
  }
  if (reason === null) return;
  for (const each of sidecars) fs.rmSync(each, { force: true });
  throw notALedger(file, reason);
}

/**
 * Creates a new ledger file empty and readable by this user only, before SQLite writes a byte
 * into it: SQLite would create it 0644, and its -wal and -shm take the file's mode. A folder made
 * for it is private too; an existing folder is left as it is.
 */
export function createPrivateFile(file: string): void {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.chmodSync(dir, 0o700);
  }
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  restrictToOwner(file);
}

/** The ledger file and its -wal and -shm readable by this user only, whatever the umask. */
export function restrictToOwner(file: string): void {
  for (const each of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.chmodSync(each, 0o600);
    } catch {
      // Absent (no WAL yet), not this user's file, or a file system without modes: nothing to tighten.
    }
  }
}
