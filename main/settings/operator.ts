import os from 'node:os';
import path from 'node:path';
import { TaizhangError } from '../store/errors.js';
import { readSettingFile, writeSettingFile } from './setting-file.js';

/*
 * The operator's name belongs to the installation, not to a ledger file: one person keeps several
 * ledger files (a restored backup, a copy for another unit) and signs every change the same way.
 */

const FILE_NAME = 'operator.json';
export const OPERATOR_NAME_MAX = 20;

/** Where the name came from: the environment, the stored choice, or only the OS user (never asked yet). */
export type OperatorSource = 'env' | 'stored' | 'system';

/** The app's data folder when nothing else names one: the browser host's default ledger folder. */
export function defaultSettingsFolder(): string {
  return process.env.TAIZHANG_HOME || path.join(os.homedir(), '.taizhang');
}

export function systemUserName(): string {
  try {
    return os.userInfo().username || '本机用户';
  } catch {
    return '本机用户';
  }
}

/** The trimmed name, or the Chinese reason it cannot sign a change. */
export function operatorNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return '请输入您的姓名';
  if ([...trimmed].length > OPERATOR_NAME_MAX) return `姓名不能超过 ${OPERATOR_NAME_MAX} 个字`;
  if ([...trimmed].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return '姓名不能含有控制字符';
  return null;
}

/** The stored name, or undefined when none was chosen yet or the file cannot be used. */
export function readStoredOperator(folder: string): string | undefined {
  // No file yet, or one another program mangled: the name is asked again.
  const name = (readSettingFile(folder, FILE_NAME) as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && operatorNameProblem(name) === null ? name.trim() : undefined;
}

/** Writes the name atomically, readable by this user only. */
export function storeOperator(folder: string, name: string): string {
  const problem = operatorNameProblem(name);
  if (problem) throw new TaizhangError('bad-request', problem);
  const trimmed = name.trim();
  writeSettingFile(folder, FILE_NAME, { name: trimmed }, '操作人姓名');
  return trimmed;
}

/** TAIZHANG_OPERATOR first, then the stored name, then the OS user. */
export function resolveOperator(folder: string): { name: string; source: OperatorSource } {
  const fromEnv = process.env.TAIZHANG_OPERATOR?.trim();
  if (fromEnv) return { name: fromEnv, source: 'env' };
  const stored = readStoredOperator(folder);
  if (stored) return { name: stored, source: 'stored' };
  return { name: systemUserName(), source: 'system' };
}

/**
 * The name every audited write of a running host or window carries, kept in step with 设置: a
 * change applies to the very next write.
 */
export class OperatorSetting {
  private current: { name: string; source: OperatorSource };

  constructor(readonly folder: string) {
    this.current = resolveOperator(folder);
  }

  get name(): string {
    return this.current.name;
  }

  get source(): OperatorSource {
    return this.current.source;
  }

  set(name: string): string {
    const stored = storeOperator(this.folder, name);
    this.current = { name: stored, source: 'stored' };
    return stored;
  }
}
