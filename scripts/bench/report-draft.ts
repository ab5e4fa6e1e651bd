import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../../main/store/index.js';
import { createUnit, findUnitByName } from '../../main/store/units.js';
import { fillDemo } from '../../main/demo/index.js';
import { openReadOnly } from '../../main/export/read-only-db.js';
import { runReportJob } from '../../main/reports/report-worker-job.js';
import { parsePeriod } from '../../shared/period.js';

/*
 * Drafting the 2019H1 half-year summary of the demo ledger with N (default 300,000) student-aid
 * records: the figures the editor opens with and the preview it shows, each timed as the report
 * worker runs it, beside the plain work no report can beat — reading the period's student-aid
 * records once with a SELECT.
 */

const GOAL_MS = 3000;
const UNIT = '建始县教育局';
const PERIOD = '2019H1';

const fmt = (ms: number) => (ms / 1000).toFixed(2);

/** The demo ledger at `file`, made once: `npm run bench -- --report-db FILE` keeps it for the next run. */
function demoLedger(file: string, rows: number): number {
  const fresh = !fs.existsSync(file);
  const db = openStore(file);
  try {
    const existing = findUnitByName(db, UNIT);
    if (existing && !fresh) return 0;
    const start = performance.now();
    const unit = existing ?? createUnit(db, UNIT, 'bench');
    fillDemo(db, { unitId: unit.id, operator: 'bench', studentAidRows: rows });
    return performance.now() - start;
  } finally {
    db.close();
  }
}

/** Reads every student-aid record of the period once, as plainly as SQLite can. */
function plainScan(dbFile: string): { ms: number; rows: number } {
  const db = openReadOnly(dbFile);
  try {
    const period = parsePeriod(PERIOD)!;
    const start = performance.now();
    let rows = 0;
    for (const row of db
      .prepare(
        `SELECT r.id, r.data FROM records r JOIN units u ON u.id = r.unit_id
         WHERE r.ledger_key = 'student-aid' AND u.name = ? AND r.record_date BETWEEN ? AND ?`,
      )
      .iterate(UNIT, period.from, period.to)) {
      if (row) rows++;
    }
    return { ms: performance.now() - start, rows };
  } finally {
    db.close();
  }
}

async function timedJob(dbFile: string, kind: 'figures' | 'preview'): Promise<number> {
  const start = performance.now();
  await runReportJob({ dbFile, job: { kind, ref: { type: 'half-year-summary', period: PERIOD, unitName: UNIT } } });
  return performance.now() - start;
}

export async function benchReportDraft(options: { dir: string; rows: number; keepFile?: string }): Promise<void> {
  const file = options.keepFile ? path.resolve(options.keepFile) : path.join(options.dir, 'report-demo.db');
  const builtMs = demoLedger(file, options.rows);
  console.log(
    builtMs > 0
      ? `report draft: built the demo ledger (${options.rows.toLocaleString('en-US')} student-aid records) in ${fmt(builtMs)} s — not part of the figures`
      : `report draft: reusing the demo ledger ${file}`,
  );
  plainScan(file); // warms the page cache for both, so neither pays for the disk
  const scan = plainScan(file);
  const figures = await timedJob(file, 'figures');
  const preview = await timedJob(file, 'preview');
  console.log(`${'step'.padEnd(34)}${'wall s'.padStart(10)}`);
  console.log(`${`SELECT scan (${scan.rows.toLocaleString('en-US')} records)`.padEnd(34)}${fmt(scan.ms).padStart(10)}`);
  console.log(`${`draft figures ${PERIOD}`.padEnd(34)}${fmt(figures).padStart(10)}`);
  console.log(`${`draft preview ${PERIOD}`.padEnd(34)}${fmt(preview).padStart(10)}`);
  const worst = Math.max(figures, preview);
  console.log(
    `draft / scan: ${(figures / scan.ms).toFixed(2)}×   draft ${fmt(worst)} s   goal < ${fmt(GOAL_MS)} s   ${worst < GOAL_MS ? 'met' : 'MISSED'}`,
  );
}

// `tsx scripts/bench/report-draft.ts [--rows N] [--report-db FILE]` runs this step alone.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i === -1 ? undefined : process.argv[i + 1];
  };
  const dir = fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'taizhang-bench-report-'));
  try {
    await benchReportDraft({ dir, rows: Number(arg('--rows') ?? 300_000), keepFile: arg('--report-db') });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
