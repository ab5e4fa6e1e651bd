import dayjs from 'dayjs';
import type { ReadonlyDb } from '../store/readonly-db.js';
import { listLedgerSummaries, getLedgerDefinition } from '../store/ledger-types.js';
import { evidencePath } from '../attachments/evidence-store.js';
import { findChainBreak } from '../store/audit-chain.js';
import { attachmentFolderOf } from './attachment-folder.js';
import { lastBackup } from './backup-log.js';
import { BACKUP_WARN_DAYS } from '../../shared/archive-api.js';
import { checkSubmissionFiles } from '../submissions/check-files.js';
import { checkFileHashes, type HashVerdict } from './hash-files.js';
import { checkIntegrityInThread } from './integrity-thread.js';

/**
 * 四性检测 after DA/T 70-2018: 真实性 (authenticity), 完整性 (integrity), 可用性 (usability),
 * 安全性 (security). Each check names what failed, so an archivist can act on it; a warning (an old
 * backup) is shown but does not fail the ledger.
 */
export type Aspect = '真实性' | '完整性' | '可用性' | '安全性';

export interface CheckResult {
  key: string;
  aspect: Aspect;
  label: string;
  status: 'pass' | 'fail' | 'warn';
  /** One line: what was found. */
  summary: string;
  /** The first problems by name (at most MAX_DETAILS). */
  details: string[];
}

const MAX_DETAILS = 20;

function result(
  key: string,
  aspect: Aspect,
  label: string,
  problems: string[],
  passSummary: string,
  failSummary: (n: number) => string,
): CheckResult {
  return problems.length === 0
    ? { key, aspect, label, status: 'pass', summary: passSummary, details: [] }
    : {
        key,
        aspect,
        label,
        status: 'fail',
        summary: failSummary(problems.length),
        details: problems.slice(0, MAX_DETAILS),
      };
}

/**
 * SQLite's integrity check, table by table: every b-tree, every index against its table, NOT NULL and
 * CHECK constraints. Checking the whole file at once would also re-tokenise every record to test the
 * full-text index, which takes most of the time on a large ledger; that index only serves search and
 * is derived from the records, so `searchIndex` checks it by count instead. The shadow tables it is
 * stored in are ordinary tables and are checked here. The check runs in a thread of its own
 * (integrity-thread.ts); the result is awaited after the other database checks.
 */
async function sqliteIntegrity(db: ReadonlyDb, dbFile: string, nativeBinding?: string): Promise<CheckResult> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const problems = await checkIntegrityInThread({ dbFile, tables, nativeBinding });
  return result(
    'integrity',
    '可用性',
    '数据库文件结构完好',
    problems,
    '数据库结构检查通过',
    (n) => `发现 ${n} 处结构损坏`,
  );
}

/** Every record, hidden import batches included, has its row in the full-text index and no more. */
function searchIndex(db: ReadonlyDb): CheckResult {
  const { records, indexed } = db
    .prepare(`SELECT (SELECT count(*) FROM records) AS records, (SELECT count(*) FROM records_fts_docsize) AS indexed`)
    .get() as { records: number; indexed: number };
  const base = { key: 'search-index', aspect: '可用性' as const, label: '检索索引覆盖全部记录', details: [] };
  if (records === indexed) return { ...base, status: 'pass', summary: `${records} 条记录都在检索索引中` };
  return {
    ...base,
    status: 'fail',
    summary:
      indexed < records
        ? `检索索引缺少 ${records - indexed} 条记录：搜索会漏掉它们`
        : `检索索引多出 ${indexed - records} 条已不存在的记录`,
  };
}

function foreignKeys(db: ReadonlyDb): CheckResult {
  const rows = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
  const problems = rows.map((r) => `${r.table} 第 ${r.rowid} 行指向不存在的 ${r.parent}`);
  return result(
    'foreign-keys',
    '完整性',
    '记录之间的引用一致',
    problems,
    '没有悬空的引用',
    (n) => `${n} 处引用指向不存在的数据`,
  );
}

function auditChain(db: ReadonlyDb): CheckResult {
  const { rows, broken } = findChainBreak(db);
  const problems = broken
    ? [`修改记录第 ${broken.id} 条（${broken.at.slice(0, 19).replace('T', ' ')}）：${broken.why}`]
    : [];
  return result(
    'audit-chain',
    '真实性',
    '修改记录未被改动',
    problems,
    `${rows} 条修改记录的校验链完整`,
    () => '修改记录的校验链断裂：有记录在程序之外被改动或删除',
  );
}

const EVIDENCE_PROBLEM: Record<Exclude<HashVerdict, 'ok'>, string> = {
  missing: '的文件缺失',
  altered: '的文件已被改动（校验值不符）',
  unreadable: '的文件无法读取',
};

/** Hashes every evidence file in a thread of its own, so the calling thread's event loop stays free. */
async function evidenceFiles(db: ReadonlyDb, dbFile: string): Promise<CheckResult> {
  const folder = attachmentFolderOf(dbFile);
  const rows = db
    .prepare(
      `SELECT a.sha256, a.size, group_concat('“' || a.name || '”（记录 ' || a.record_id || '）', '、') AS used
       FROM attachments a GROUP BY a.sha256, a.size ORDER BY min(a.id)`,
    )
    .all() as Array<{ sha256: string; size: number; used: string }>;
  const verdicts = await checkFileHashes(
    rows.map((row) => ({ file: evidencePath(folder, row.sha256), size: row.size, sha256: row.sha256 })),
  );
  const problems = rows.flatMap((row, i) => {
    const verdict = verdicts[i]!;
    return verdict === 'ok' ? [] : [`附件${row.used}${EVIDENCE_PROBLEM[verdict]}`];
  });
  return result(
    'evidence',
    '真实性',
    '佐证材料齐全且未被改动',
    problems,
    `${rows.length} 个附件文件齐全，校验值一致`,
    (n) => `${n} 个附件文件缺失或被改动`,
  );
}

function submissionFiles(db: ReadonlyDb): CheckResult {
  const checks = checkSubmissionFiles(db);
  const problems = checks.flatMap((c) => c.problems);
  const files = checks.reduce((sum, c) => sum + c.checked, 0);
  return result(
    'submissions',
    '真实性',
    '报送文件与报送时一致',
    problems,
    `${checks.length} 次报送的 ${files} 个文件齐全，校验值一致`,
    (n) => `${n} 个报送文件缺失或被改动`,
  );
}

function requiredFields(db: ReadonlyDb): CheckResult {
  const ledgers = listLedgerSummaries(db)
    .filter((ledger) => ledger.count > 0)
    .map((ledger) => getLedgerDefinition(db, ledger.key))
    .map((def) => ({ def, required: def.fields.filter((f) => f.required) }))
    .filter((ledger) => ledger.required.length > 0);
  const problems: string[] = [];
  if (ledgers.length === 0) return result('required', '完整性', '必填项齐全', [], '所有记录的必填项齐全', () => '');
  // One pass over every record, whichever its ledger: walking each ledger's index and reading its rows
  // one by one costs twice as much on a large ledger. A value is missing when absent, null or blank.
  const blankWhen = ledgers
    .map(({ required }) => {
      const blank = required
        .map((f) => `coalesce(trim(CAST(json_extract(data, '$.${f.key}') AS TEXT)), '') = ''`)
        .join(' OR ');
      return `WHEN ? THEN (${blank})`;
    })
    .join(' ');
  const rows = db
    .prepare(
      `SELECT id, ledger_key, data FROM visible_records WHERE CASE ledger_key ${blankWhen} ELSE 0 END ORDER BY id`,
    )
    .iterate(...ledgers.map(({ def }) => def.key)) as IterableIterator<{
    id: number;
    ledger_key: string;
    data: string;
  }>;
  let missing = 0;
  for (const row of rows) {
    if (missing++ >= MAX_DETAILS) continue;
    const { def, required } = ledgers.find((ledger) => ledger.def.key === row.ledger_key)!;
    const values = JSON.parse(row.data) as Record<string, unknown>;
    const empty = required.filter(
      (f) => values[f.key] === undefined || values[f.key] === null || String(values[f.key]).trim() === '',
    );
    problems.push(`${def.label} 记录 ${row.id} 缺少 ${empty.map((f) => `“${f.label}”`).join('、')}`);
  }
  return result(
    'required',
    '完整性',
    '必填项齐全',
    problems,
    '所有记录的必填项齐全',
    () => `${missing} 条记录缺少必填项`,
  );
}

// Said in the computer's own time, as the backup's file name is.
function backupAge(db: ReadonlyDb, now: Date): CheckResult {
  const last = lastBackup(db);
  const base = { key: 'backup', aspect: '安全性' as const, label: '近期有备份', details: [] };
  if (!last) return { ...base, status: 'warn', summary: '还没有做过备份：请尽快备份台账和佐证材料' };
  const days = Math.floor((now.getTime() - Date.parse(last.at)) / 86_400_000);
  if (days >= BACKUP_WARN_DAYS) {
    return {
      ...base,
      status: 'warn',
      summary: `最近一次备份是 ${days} 天前（${dayjs(last.at).format('YYYY-MM-DD')}），请尽快备份`,
    };
  }
  return {
    ...base,
    status: 'pass',
    summary: `最近一次备份于 ${dayjs(last.at).format('YYYY-MM-DD HH:mm')}（${days} 天前）`,
  };
}

export interface VerifyReport {
  ok: boolean;
  checkedAt: string;
  checks: CheckResult[];
}

/**
 * Runs every check on an open ledger; `ok` is true only when none failed (warnings allowed).
 * `nativeBinding`: better-sqlite3 built for Electron's ABI, for the integrity check's own connection.
 */
export async function verifyLedger(
  db: ReadonlyDb,
  dbFile: string,
  options: { now?: Date; nativeBinding?: string } = {},
): Promise<VerifyReport> {
  const now = options.now ?? new Date();
  // SQLite's check of the file is the longest step (2–2.5 s on 300,000 records) and runs in a thread
  // of its own from the start. The other checks share one more core: the evidence is hashed in its
  // thread once the checks below are done, not beside them. Three busy threads on a two-core computer
  // slowed the integrity check by a third (四性检测 from the disk: 2.5–3.2 s against 2.3–2.7 s).
  const integrity = sqliteIntegrity(db, dbFile, options.nativeBinding);
  // Awaited last; a failure must not go unhandled while the other checks run.
  void integrity.catch(() => undefined);
  const chain = auditChain(db);
  const submissions = submissionFiles(db);
  const required = requiredFields(db);
  const keys = foreignKeys(db);
  const search = searchIndex(db);
  const evidence = await evidenceFiles(db, dbFile);
  // In the order of DA/T 70: 真实性, 完整性, 可用性, 安全性.
  const checks = [chain, evidence, submissions, required, keys, await integrity, search, backupAge(db, now)];
  return { ok: checks.every((c) => c.status !== 'fail'), checkedAt: now.toISOString(), checks };
}
