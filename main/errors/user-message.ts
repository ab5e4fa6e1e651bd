import fs from 'node:fs';
import path from 'node:path';
import { TaizhangError, type ErrorCode } from '../store/errors.js';

/*
 * The one table that turns a failure into what the user reads: one Chinese line that says what
 * went wrong and with which file or field. SQLite and the file system report in English with
 * codes; those codes are mapped here, once, for the API, the CLI and the worker threads alike.
 */

/** The longest message shown; a longer one is cut (a sheet of 16,384 columns, a path of 4,000). */
export const MESSAGE_MAX_CHARS = 300;

/** Shown for a failure this table does not know; its detail goes to the log only. */
export const UNKNOWN_FAILURE = '操作失败，请重试；如仍失败请联系维护人员';

/** What the caller knows about the failed operation, for errors that do not name their file. */
export interface FailureContext {
  /** The ledger file in use: SQLite's errors never name it. */
  dbFile?: string;
  /**
   * The file or folder to name for a file-system error instead of the one the error carries: what
   * the user chose (the export's folder), not a hidden temp file beside it.
   */
  file?: string;
  /** Where it happened, for the log: a method name or a command, never a payload. */
  where?: string;
  /** The line for a failure this table does not know, when the caller can say more than UNKNOWN_FAILURE. */
  fallback?: string;
}

const PATH_MAX_CHARS = 120;

/** Long paths keep their start and their file name; the middle is dropped. */
function shortPath(file: string): string {
  if (file.length <= PATH_MAX_CHARS) return file;
  const half = Math.floor((PATH_MAX_CHARS - 1) / 2);
  return `${file.slice(0, half)}…${file.slice(-half)}`;
}

/** One line of at most MESSAGE_MAX_CHARS characters. */
export function oneLine(message: string): string {
  const line = message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length <= MESSAGE_MAX_CHARS ? line : `${chars.slice(0, MESSAGE_MAX_CHARS - 1).join('')}…`;
}

// --- SQLite -------------------------------------------------------------------------------------

interface Mapped {
  code: ErrorCode;
  message: string;
}

/** better-sqlite3's SqliteError codes (SQLITE_READONLY_DBMOVED …) to a message about `file`. */
function sqliteFailure(sqliteCode: string, dbFile: string | undefined): Mapped | null {
  const file = dbFile ? `台账文件 ${shortPath(dbFile)}` : '台账文件';
  const base = sqliteCode.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1');
  switch (base) {
    case 'SQLITE_READONLY':
      if (sqliteCode === 'SQLITE_READONLY_DBMOVED') {
        return { code: 'bad-file', message: `${file} 已被移动或删除，无法保存：请重新打开台账文件` };
      }
      return { code: 'bad-file', message: `${file} 是只读的，无法保存：请检查文件权限或换一个位置` };
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return { code: 'busy', message: `${file} 正被其他操作或程序占用，暂时无法写入：请稍后重试` };
    case 'SQLITE_FULL':
      return { code: 'bad-file', message: `磁盘空间不足，无法写入${file}：请清理磁盘后重试` };
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return { code: 'bad-file', message: `${file} 已损坏或不是台账文件：请换用备份的台账文件` };
    case 'SQLITE_CANTOPEN':
      return { code: 'bad-file', message: `无法打开${file}：请检查文件及其所在文件夹是否存在、是否有读写权限` };
    case 'SQLITE_IOERR':
      return { code: 'bad-file', message: `读写${file}时出错：请检查磁盘或移动存储设备是否正常` };
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return { code: 'bad-file', message: `没有权限写入${file}：请检查文件权限` };
    case 'SQLITE_NOMEM':
      return { code: 'internal', message: '内存不足，操作未完成：请关闭其他程序后重试' };
    case 'SQLITE_TOOBIG':
      return { code: 'validation', message: `内容过大，无法保存到${file}：请缩短后重试` };
    case 'SQLITE_CONSTRAINT':
      return { code: 'conflict', message: constraintMessage(sqliteCode) };
    default:
      return null;
  }
}

function constraintMessage(sqliteCode: string): string {
  switch (sqliteCode) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return '已有相同的内容，未保存：请检查是否重复';
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return '引用的内容不存在或已被删除，未保存：请刷新后重试';
    case 'SQLITE_CONSTRAINT_NOTNULL':
      return '缺少必需的内容，未保存：请补全后重试';
    default:
      return '内容不符合台账文件的约束，未保存：请检查后重试';
  }
}

// --- File system --------------------------------------------------------------------------------

/** The nearest ancestor of `file` that exists and is not a folder: why ENOTDIR happened. */
function fileInTheWay(file: string): string | null {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const stat = fs.statSync(dir, { throwIfNoEntry: false });
    if (stat) return stat.isDirectory() ? null : dir;
  }
  return null;
}

function fsFailure(error: NodeJS.ErrnoException, context: FailureContext): Mapped | null {
  const raw = context.file ?? error.path;
  const named = raw === undefined ? null : shortPath(raw);
  // The path after a verb ("找不到 /x") or as the subject ("/x 是文件夹"); words when there is none.
  const object = (fallback: string) => (named ? ` ${named}` : fallback);
  const subject = (fallback: string) => (named ? `${named} ` : fallback);
  const bad = (message: string): Mapped => ({ code: 'bad-file', message });
  switch (error.code) {
    case 'ENOENT':
      return bad(`找不到${object('所需的文件')}：文件或所在文件夹不存在，请检查路径`);
    case 'EACCES':
    case 'EPERM':
      return bad(`没有权限访问${object('该文件')}：请检查文件权限或换一个位置`);
    case 'EEXIST':
      return error.syscall === 'mkdir'
        ? bad(`无法创建文件夹${object('')}：同名文件已存在`)
        : bad(`${subject('该文件')}已存在，未作覆盖`);
    case 'ENOTDIR': {
      const inTheWay = raw === undefined ? null : fileInTheWay(raw);
      return inTheWay
        ? bad(`无法使用${object('该位置')}：其中的 ${shortPath(inTheWay)} 是文件而不是文件夹，请换一个位置`)
        : bad(`无法使用${object('该位置')}：路径中有一段不是文件夹，请换一个位置`);
    }
    case 'EISDIR':
      return bad(`${subject('该位置')}是文件夹，不是文件：请选择一个文件`);
    case 'ENOSPC':
    case 'EDQUOT':
      return bad(`磁盘空间不足，无法写入${object('文件')}：请清理磁盘后重试`);
    case 'EROFS':
      return bad(`${subject('该位置')}所在的磁盘是只读的，无法写入：请换一个位置`);
    case 'EMFILE':
    case 'ENFILE':
      return bad(`同时打开的文件过多，无法打开${object('文件')}：请关闭部分程序后重试`);
    case 'ENAMETOOLONG':
      return bad(`路径过长${object('')}：请换用较短的文件名或位置`);
    case 'EBUSY':
      return bad(`${subject('该文件')}正被其他程序占用：请关闭后重试`);
    case 'EIO':
      return bad(`读写${object('文件')}时出错：请检查磁盘或移动存储设备是否正常`);
    default:
      return null;
  }
}

// --- Unknown failures ---------------------------------------------------------------------------

/**
 * An English detail with anything that could be record data taken out: quoted text (JSON.parse
 * quotes its input), every non-ASCII character (names, addresses) and runs of 4+ digits (ID
 * numbers, phone numbers).
 */
function scrubbed(text: string): string {
  return text
    .replace(/"[^"]*"|'[^']*'|“[^”]*”|‘[^’]*’/g, '"…"')
    .replace(/[^\x20-\x7e]+/g, '?')
    .replace(/\d{4,}/g, '#')
    .slice(0, 200);
}

/** Logs a failure nobody foresaw: where, its class and code, a scrubbed detail and the stack frames. */
function logUnknown(error: unknown, where: string | undefined): void {
  const kind = error instanceof Error ? error.constructor.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  const detail = error instanceof Error ? scrubbed(error.message) : '';
  const frames = error instanceof Error ? (error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)) : [];
  console.error(
    `[taizhang] ${where ?? 'operation'} failed: ${kind}${typeof code === 'string' ? ` ${code}` : ''}: ${detail}`,
    ...(frames.length > 0 ? [`\n${frames.slice(0, 8).map(scrubbed).join('\n')}`] : []),
  );
}

// --- The table ------------------------------------------------------------------------------------

/**
 * Any failure as a TaizhangError with one Chinese line: a TaizhangError keeps its code and gets
 * its message made one line and capped; SQLite and file-system errors are worded by their codes;
 * anything else becomes UNKNOWN_FAILURE and its (scrubbed) detail goes to the log.
 */
export function toUserError(error: unknown, context: FailureContext = {}): TaizhangError {
  if (error instanceof TaizhangError) {
    const message = oneLine(error.message);
    return message === error.message ? error : new TaizhangError(error.code, message, error.fieldErrors);
  }
  const code = (error as { code?: unknown } | null)?.code;
  let mapped: Mapped | null = null;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    mapped = { code: 'internal', message: '内存不足，操作未完成：请把数据分成较小的几部分后重试' };
  } else if (typeof code === 'string' && code.startsWith('SQLITE_')) mapped = sqliteFailure(code, context.dbFile);
  else if (typeof code === 'string' && error instanceof Error) mapped = fsFailure(error, context);
  else if (
    error instanceof TypeError &&
    /^Cannot open database because the directory does not exist/.test(error.message)
  ) {
    // better-sqlite3 checks the folder itself and says so without an errno.
    mapped = fsFailure(
      Object.assign(new Error(), { code: 'ENOENT', path: context.dbFile && path.dirname(context.dbFile) }),
      context,
    );
  }
  if (mapped) return new TaizhangError(mapped.code, oneLine(mapped.message));
  logUnknown(error, context.where);
  return new TaizhangError('internal', oneLine(context.fallback ?? UNKNOWN_FAILURE));
}

/** The user's line for any failure; see toUserError. */
export function userMessage(error: unknown, context: FailureContext = {}): string {
  return toUserError(error, context).message;
}
