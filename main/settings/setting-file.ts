import fs from 'node:fs';
import path from 'node:path';
import { TaizhangError } from '../store/errors.js';

/*
 * The installation's small settings (operator.json, ledger.json) live in one folder that is this
 * user's alone: they name the files that hold minors' ID numbers.
 */

/** The parsed JSON of a setting, or undefined when there is none yet or another program mangled it. */
export function readSettingFile(folder: string, name: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Writes a setting atomically, readable by this user only; `what` names it in the one-line refusal. */
export function writeSettingFile(folder: string, name: string, value: unknown, what: string): void {
  const file = path.join(folder, name);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    fs.writeFileSync(temp, `${JSON.stringify(value)}\n`, { mode: 0o600 });
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new TaizhangError(
      'bad-file',
      `无法保存${what}到 ${file}（${(error as NodeJS.ErrnoException).code ?? '写入失败'}）`,
    );
  }
}
