import { monitorEventLoopDelay } from 'node:perf_hooks';
import { dispatch, type ApiContext } from '../../main/api.js';
import { ImportJobs } from '../../main/import/import-jobs.js';
import { openStore } from '../../main/store/index.js';
import { createUnit } from '../../main/store/units.js';
import { DemoRandom } from '../../main/demo/random.js';
import { studentAidRows } from '../../main/demo/student-aid.js';

/*
 * Saves through the API while an import runs: `import-saves.ts FILE NEW_DB LEDGER`, in a process
 * of its own. The .xlsx is imported by the import worker as the app's import.start runs it, and
 * meanwhile this thread creates, updates and deletes a record through dispatch (the entry both
 * transports end in), one call after another, timing each. Reports to the parent.
 */

export interface SavesReport {
  imported: number;
  importMs: number;
  saves: number;
  failures: number;
  /** The first failure's message, to say what went wrong. */
  firstFailure: string | null;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The longest the event loop was held up while the import ran. */
  loopMaxMs: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const [file, dbFile, ledger] = process.argv.slice(2) as [string, string, string];
const db = openStore(dbFile);
const imports = new ImportJobs();
try {
  const unit = createUnit(db, '建始县高坪镇中心小学', 'bench');
  const ctx: ApiContext = { db, dbFile, operator: 'bench', transport: 'test', imports };
  const typed = [...studentAidRows(new DemoRandom(7), 1)][0]!.values;
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | null = null;
  const call = async (method: string, input: unknown): Promise<unknown> => {
    const start = performance.now();
    const result = await dispatch(ctx, method, input);
    latencies.push(performance.now() - start);
    if (result.ok) return result.value;
    failures++;
    firstFailure ??= `${result.error.code}: ${result.error.message}`;
    return null;
  };

  const delay = monitorEventLoopDelay({ resolution: 10 });
  const started = performance.now();
  const { jobId } = imports.start({
    dbFile,
    operator: 'bench',
    ledger,
    unit: { id: unit.id },
    source: { path: file },
    action: { kind: 'commit', allowDuplicates: false },
  });
  delay.enable();
  while (imports.status(jobId).state === 'running') {
    // A save that finds the lock free settles without a timer; the turn through the event loop
    // that each request takes in the app lets the worker's messages in.
    await new Promise((resolve) => setImmediate(resolve));
    const created = (await call('records.create', { ledger, values: typed })) as { id: number } | null;
    if (!created) continue;
    await call('records.update', { id: created.id, values: { ...typed, remark: '导入期间修改' } });
    await call('records.delete', { id: created.id });
  }
  delay.disable();
  const status = imports.status(jobId);
  if (status.state !== 'done') throw new Error(`import ended ${status.state}: ${status.error ?? ''}`);
  const sorted = [...latencies].sort((a, b) => a - b);
  const report: SavesReport = {
    imported: status.outcome?.imported ?? 0,
    importMs: performance.now() - started,
    saves: latencies.length,
    failures,
    firstFailure,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[sorted.length - 1] ?? 0,
    loopMaxMs: delay.max / 1e6,
  };
  process.send?.(report);
} finally {
  await imports.dispose();
  db.close();
}
