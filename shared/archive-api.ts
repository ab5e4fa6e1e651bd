import { z } from 'zod';

/** The archive.* methods of the contract (shared/api.ts spreads them in): backups, restore and 四性检测. */

/** No good backup for this many days, and the app warns (the 四性检测 check says the same). */
export const BACKUP_WARN_DAYS = 7;

/**
 * A path on the computer that runs the app, as the user types it; main/ checks it is a full path.
 * The browser host and the page are on one machine (127.0.0.1 only), so both mean the same file.
 */
export const localPath = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `请填写${what}`)
    .max(1000, `${what}过长`)
    .refine((p) => !p.includes('\0'), { message: `${what}含有无效字符` });

const password = z.string().min(6, '备份密码至少 6 个字符').max(200, '备份密码不能超过 200 个字符');

const BackupRecordSchema = z.object({ at: z.string(), file: z.string(), bytes: z.number(), encrypted: z.boolean() });

/** What a backup says of itself (its manifest), in the words the page shows. */
export const BackupSummarySchema = z.object({
  createdAt: z.string(),
  operator: z.string(),
  appVersion: z.string(),
  units: z.array(z.string()),
  /** Records per ledger key. */
  records: z.record(z.string(), z.number()),
  attachments: z.number(),
  encrypted: z.boolean(),
});
export type BackupSummary = z.infer<typeof BackupSummarySchema>;

const AutoBackupSchema = z.object({
  on: z.boolean(),
  /** The folder automatic backups go to; kept when they are turned off. */
  folder: z.string().nullable(),
  /** The last automatic backup that failed (a USB stick not plugged in), until one succeeds. */
  problem: z.object({ at: z.string(), message: z.string() }).nullable(),
});

const CheckSchema = z.object({
  key: z.string(),
  aspect: z.enum(['真实性', '完整性', '可用性', '安全性']),
  label: z.string(),
  status: z.enum(['pass', 'fail', 'warn']),
  summary: z.string(),
  details: z.array(z.string()),
});

export const ARCHIVE_API = {
  'archive.status': {
    input: z.object({}).strict(),
    output: z.object({
      last: BackupRecordSchema.nullable(),
      /** Whole days since the last good backup; null when there is none. */
      daysSince: z.number().nullable(),
      /** True when there is no good backup from the last BACKUP_WARN_DAYS days. */
      overdue: z.boolean(),
      /** The folder the last backup from the page went to, offered again. */
      folder: z.string().nullable(),
      auto: AutoBackupSchema,
    }),
  },
  /** Writes 台账备份-<单位>-<YYYYMMDD-HHmmss>.tzbak into the folder and records it as the last backup. */
  'archive.backup': {
    input: z.object({ folder: localPath('备份文件夹'), password: password.optional() }).strict(),
    output: z.object({ file: z.string(), bytes: z.number(), summary: BackupSummarySchema }),
  },
  /** Whether a file is a backup of this program, encrypted or not; its summary when it can be read. */
  'archive.inspect': {
    input: z.object({ file: localPath('备份文件路径'), password: password.optional() }).strict(),
    output: z.object({ encrypted: z.boolean(), createdAt: z.string(), summary: BackupSummarySchema.nullable() }),
  },
  /** Restores into a NEW ledger file, checking everything first; never overwrites. */
  'archive.restore': {
    input: z
      .object({ file: localPath('备份文件路径'), target: localPath('新台账文件路径'), password: password.optional() })
      .strict(),
    output: z.object({ dbFile: z.string(), summary: BackupSummarySchema }),
  },
  /** 四性检测 of the open ledger. */
  'archive.verify': {
    input: z.object({}).strict(),
    output: z.object({ ok: z.boolean(), checkedAt: z.string(), checks: z.array(CheckSchema) }),
  },
  /** A folder turns automatic backups on; null turns them off (the folder is remembered). */
  'archive.setAuto': {
    input: z.object({ folder: localPath('自动备份文件夹').nullable() }).strict(),
    output: AutoBackupSchema,
  },
};
