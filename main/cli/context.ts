import { openStore, defaultOperator } from '../store/index.js';
import type { Db } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { parsePeriod, PERIOD_HELP, type Period } from '../../shared/period.js';

/** --db FILE, or TAIZHANG_DB when the option is left out. */
export function dbPathFrom(options: { db?: string }): string {
  const file = options.db ?? process.env.TAIZHANG_DB;
  if (!file) throw new TaizhangError('bad-request', '请用 --db 指定台账文件，或设置环境变量 TAIZHANG_DB');
  return file;
}

export function openExisting(options: { db?: string }): { db: Db; file: string; operator: string } {
  const file = dbPathFrom(options);
  return {
    db: openStore(file, { mustExist: true }),
    file,
    operator: defaultOperator(),
  };
}

export function openOrCreate(options: { db?: string }): { db: Db; file: string; operator: string } {
  const file = dbPathFrom(options);
  return { db: openStore(file), file, operator: defaultOperator() };
}

export function periodFrom(text: string | undefined): Period | undefined {
  if (text === undefined) return undefined;
  const period = parsePeriod(text);
  if (!period) throw new TaizhangError('bad-request', `无法识别的期间“${text}”。${PERIOD_HELP}`);
  return period;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
