import { createHash } from 'node:crypto';
import dayjs from 'dayjs';
import fs from 'node:fs';
import type { Db } from '../store/database.js';
import type { ReadonlyDb } from '../store/readonly-db.js';
import { listLedgerSummaries, getLedgerDefinition } from '../store/ledger-types.js';
import { evidencePath } from '../attachments/evidence-store.js';
import { findChainBreak } from '../store/audit-chain.js';
import { attachmentFolderOf } from './attachment-folder.js';
import { lastBackup } from './backup-log.js';
import { BACKUP_WARN_DAYS } from '../../shared/archive-api.js';
import { checkSubmissionFiles } from '../submissions/check-files.js';

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

function sqliteIntegrity(db: ReadonlyDb): CheckResult {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
  return result(
    'integrity',
    '可用性',
    '数据库文件结构完好',
    problems,
    '数据库结构检查通过',
    (n) => `发现 ${n} 处结构损坏`,
  );
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

function sha256Of(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
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

function evidenceFiles(db: Db, dbFile: string): CheckResult {
  const folder = attachmentFolderOf(dbFile);
  const rows = db
    .prepare(
      `SELECT a.sha256, a.size, group_concat('“' || a.name || '”（记录 ' || a.record_id || '）', '、') AS used
       FROM attachments a GROUP BY a.sha256, a.size ORDER BY min(a.id)`,
    )
    .all() as Array<{ sha256: string; size: number; used: string }>;
  const problems: string[] = [];
  for (const row of rows) {
    const file = evidencePath(folder, row.sha256);
    if (!fs.existsSync(file)) problems.push(`附件${row.used}的文件缺失`);
    else if (fs.statSync(file).size !== row.size || sha256Of(file) !== row.sha256) {
      problems.push(`附件${row.used}的文件已被改动（校验值不符）`);
    }
  }
  return result(
    'evidence',
    '真实性',
    '佐证材料齐全且未被改动',
    problems,
    `${rows.length} 个附件文件齐全，校验值一致`,
    (n) => `${n} 个附件文件缺失或被改动`,
  );
}

function submissionFiles(db: Db): CheckResult {
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

function requiredFields(db: Db): CheckResult {
  const problems: string[] = [];
  let missing = 0;
  for (const ledger of listLedgerSummaries(db)) {
    if (ledger.count === 0) continue;
    const def = getLedgerDefinition(db, ledger.key);
    const required = def.fields.filter((f) => f.required);
    if (required.length === 0) continue;
    // One pass in SQL per ledger: a required value is missing when it is absent, null or blank.
    const blank = required
      .map((f) => `coalesce(trim(CAST(json_extract(data, '$.${f.key}') AS TEXT)), '') = ''`)
      .join(' OR ');
    const rows = db
      .prepare(`SELECT id, data FROM visible_records WHERE ledger_key = ? AND (${blank}) ORDER BY id`)
      .all(ledger.key) as Array<{ id: number; data: string }>;
    missing += rows.length;
    for (const row of rows.slice(0, MAX_DETAILS - problems.length)) {
      const values = JSON.parse(row.data) as Record<string, unknown>;
      const empty = required.filter(
        (f) => values[f.key] === undefined || values[f.key] === null || String(values[f.key]).trim() === '',
      );
      problems.push(`${def.label} 记录 ${row.id} 缺少 ${empty.map((f) => `“${f.label}”`).join('、')}`);
    }
  }
  const check = result(
    'required',
    '完整性',
    '必填项齐全',
    problems,
    '所有记录的必填项齐全',
    () => `${missing} 条记录缺少必填项`,
  );
  return check;
}

// Said in the computer's own time, as the backup's file name is.
function backupAge(db: Db, now: Date): CheckResult {
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

/** Runs every check on an open ledger; `ok` is true only when none failed (warnings allowed). */
export function verifyLedger(db: Db, dbFile: string, now = new Date()): VerifyReport {
  // In the order of DA/T 70: 真实性, 完整性, 可用性, 安全性.
  const checks = [
    auditChain(db),
    evidenceFiles(db, dbFile),
    submissionFiles(db),
    requiredFields(db),
    foreignKeys(db),
    sqliteIntegrity(db),
    backupAge(db, now),
  ];
  return { ok: checks.every((c) => c.status !== 'fail'), checkedAt: now.toISOString(), checks };
}
