import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCsvFloor } from './csv-floor.js';
import { runInChild } from './child.js';
import type { ExportRunReport } from './export-run.js';
import { benchImport } from './import.js';
import { benchUiGrid } from './ui-grid.js';
import { benchRecordsQuery } from './records-query.js';
import { benchReportDraft } from './report-draft.js';

/*
 * npm run bench [-- --rows N] [-- --evidence-mb M] [-- --keep] [-- --report-db FILE]
 * Builds a temp ledger with N (default 300,000) student-aid records, then times the CSV floor and
 * the real .xlsx export of the same rows, and reports peak memory. A benchmark, not a test: it
 * prints figures against the goals and does not fail.
 */

const GOALS = { exportOverCsv: 4, peakRssMb: 400 };
const UNIT = '建始县高坪镇中心小学';
const LEDGER = 'student-aid';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

const rows = Number(argValue('--rows') ?? 300_000);
const keep = process.argv.includes('--keep');
const mb = (bytes: number) => bytes / 1024 / 1024;
const fmt = (n: number, digits = 1) => n.toFixed(digits);

interface Timed<T> {
  value: T;
  ms: number;
  cpuMs: number;
}

/** Wall time and CPU time (all threads of this process) of one step. */
async function timed<T>(step: () => Promise<T>): Promise<Timed<T>> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await step();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-bench-'));
const dbFile = path.join(dir, 'bench.db');
try {
  console.log(
    `台账归档 bench: ${rows.toLocaleString('en-US')} ${LEDGER} records, ${os.cpus().length} cores, node ${process.version}`,
  );
  const seeded = await timed(() => runInChild('seed.ts', [dbFile, String(rows), UNIT], 'seeding'));
  console.log(
    `seeded ledger in ${fmt(seeded.ms / 1000)} s (${fmt(mb(fs.statSync(dbFile).size))} MB) — not part of the figures`,
  );

  const csv = await timed(() => writeCsvFloor(dbFile, LEDGER, path.join(dir, 'floor.csv')));
  const xlsx = await runInChild<ExportRunReport>(
    'export-run.ts',
    [dbFile, LEDGER, path.join(dir, 'export.xlsx')],
    'export bench',
  );

  const ratio = xlsx.ms / csv.ms;
  const peak = mb(xlsx.maxRss);
  const table: Array<[string, string, string, string]> = [
    ['step', 'rows', 'wall s', 'cpu s'],
    ['CSV floor', csv.value.toLocaleString('en-US'), fmt(csv.ms / 1000, 2), fmt(csv.cpuMs / 1000, 2)],
    ['xlsx export', xlsx.rows.toLocaleString('en-US'), fmt(xlsx.ms / 1000, 2), fmt(xlsx.cpuMs / 1000, 2)],
  ];
  console.log('');
  for (const [a, b, c, d] of table) console.log(`${a.padEnd(14)}${b.padStart(10)}${c.padStart(10)}${d.padStart(10)}`);
  console.log('');
  console.log(
    `files: CSV ${fmt(mb(fs.statSync(path.join(dir, 'floor.csv')).size))} MB, xlsx ${fmt(mb(fs.statSync(xlsx.file).size))} MB`,
  );
  console.log(
    `export / CSV (wall):   ${fmt(ratio, 2)}×   goal ≤ ${GOALS.exportOverCsv}×   ${ratio <= GOALS.exportOverCsv ? 'met' : 'MISSED'}`,
  );
  console.log(`export / CSV (cpu):    ${fmt(xlsx.cpuMs / csv.cpuMs, 2)}×`);
  console.log(
    `peak RSS of the export process (worker included): ${fmt(peak, 0)} MB (at start ${fmt(mb(xlsx.baselineRss), 0)} MB)   goal < ${GOALS.peakRssMb} MB   ${peak < GOALS.peakRssMb ? 'met' : 'MISSED'}`,
  );

  console.log('');
  await benchImport({ dbFile, dir, csvWriteMs: csv.ms });

  console.log('');
  await runInChild('archive-run.ts', [dbFile, dir, argValue('--evidence-mb') ?? '1024'], 'archive bench');

  console.log('');
  benchRecordsQuery({ dbFile });

  console.log('');
  await benchUiGrid({ dbFile });

  console.log('');
  await benchReportDraft({ dir, rows, keepFile: argValue('--report-db') });
} finally {
  if (keep) console.log(`kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
