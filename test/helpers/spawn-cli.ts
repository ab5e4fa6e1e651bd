import {
  spawn,
  spawnSync,
  type ChildProcess,
  type SpawnOptions,
  type SpawnSyncOptionsWithStringEncoding,
  type SpawnSyncReturns,
} from 'node:child_process';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');

/** The CLI as test/setup/build-workers.mjs built it for this run: what `npm run build` makes of these sources. */
function command(args: string[]): string[] {
  const built = process.env.TAIZHANG_WORKER_DIR;
  if (!built) throw new Error('spawnCli: TAIZHANG_WORKER_DIR is not set; run the tests through vitest.config.ts');
  return [path.join(built, 'cli.js'), ...args];
}

/**
 * Starts the taizhang CLI as a process of its own, for what an in-process runCli cannot show: a
 * process killed mid-way, one running as another user, a `serve` left running, the real exit code.
 */
export function spawnCli(args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, command(args), { cwd: repo, ...options });
}

/** spawnCli, waiting for the process to end. */
export function spawnCliSync(
  args: string[],
  options: Omit<SpawnSyncOptionsWithStringEncoding, 'encoding'> = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, command(args), { cwd: repo, timeout: 120_000, ...options, encoding: 'utf8' });
}
