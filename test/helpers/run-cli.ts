import { format } from 'node:util';
import { runCli as runCommandLine } from '../../main/cli/index.js';
import { sweepStaleTempFiles } from '../../main/export/temp-registry.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

let running = false;

/**
 * Replaces stream.write with one that keeps the text; returns the undo. The console's methods are
 * rerouted too, since vitest gives the tests a console of its own, not one on these streams.
 */
function capture(stream: NodeJS.WriteStream, keep: (text: string) => void): () => void {
  const original = stream.write;
  const methods = stream === process.stdout ? (['log', 'info'] as const) : (['error', 'warn'] as const);
  const saved = methods.map((name) => console[name]);
  for (const name of methods) console[name] = (...args: unknown[]) => keep(`${format(...args)}\n`);
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    keep(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((arg) => typeof arg === 'function') as ((error?: Error | null) => void) | undefined;
    if (done) process.nextTick(done);
    return true;
  }) as typeof stream.write;
  return () => {
    stream.write = original;
    methods.forEach((name, i) => (console[name] = saved[i]!));
  };
}

/**
 * Runs the taizhang CLI in this process, as bin/taizhang.mjs does (main/cli/main.ts: the sweep of
 * dead processes' temp files, then the command), with `env` set for the call only and what it
 * writes to stdout and stderr captured. Starting a process per call took over a second each; tests
 * that need a real process (a kill, a crash, a running `serve`) use spawnCli (./spawn-cli.ts).
 */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  // The streams and the environment belong to the whole process: calls must not overlap.
  if (running) throw new Error('runCli: the previous call has not finished; await each call');
  running = true;
  const saved = Object.keys(env).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, env);
  let stdout = '';
  let stderr = '';
  const restoreOut = capture(process.stdout, (text) => (stdout += text));
  const restoreErr = capture(process.stderr, (text) => (stderr += text));
  try {
    sweepStaleTempFiles();
    const code = await runCommandLine(args);
    return { code, stdout, stderr };
  } finally {
    restoreOut();
    restoreErr();
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    running = false;
  }
}
