import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/**
 * Runs one bench script (beside this file) in a process of its own, so the memory it reports is
 * that step's alone, not what earlier steps left in the bench's process; resolves with the last
 * message the script sent, or with nothing when it sends none.
 */
export async function runInChild<T = undefined>(script: string, args: string[], what: string): Promise<T> {
  const child = fork(fileURLToPath(new URL(`./${script}`, import.meta.url)), args, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let report: T | undefined;
  child.on('message', (message) => {
    report = message as T;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${what} failed (exit ${code})`);
  return report as T;
}
