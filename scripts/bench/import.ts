import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeCsvFloor } from './csv-floor.js';
import { writeImportSource } from './import-source.js';
import { runInChild } from './child.js';
import type { ImportRunReport, RunMode } from './import-run.js';
import type { SavesReport } from './import-saves.js';

/*
 * The import bench: the ledger's rows written as an attachment-table .xlsx, then imported into a
 * fresh ledger through the real path (planImport: zip check, streaming read, normalise, validate,
 * duplicates; commitImport: one transaction), in a child process whose peak memory is its own.
 * Measured against writing the same rows as CSV, and against importing that CSV (the same
 * insertRecordsBulk with nothing to parse), which is the floor any import format pays.
 *
 * Then the same import once more while saves go through the API in a loop: none may fail, and
 * the slowest 1% must still answer within a second.
 *
 * Standalone: tsx scripts/bench/import.ts [--rows N] [--keep]
 */

export const IMPORT_GOALS = { overCsvWrite: 5, peakRssMb: 400, saveP99Ms: 1000 };

export interface ImportBenchOptions {
  /** A ledger holding the rows to import (the bench's seeded ledger). */
  dbFile: string;
  /** Scratch folder for the files the bench writes. */
  dir: string;
  ledger?: string;
  /** Time index.ts measured for writing the same rows as CSV; measured here when left out. */
  csvWriteMs?: number;
  /** Also import once more on the runner's own thread, to see what the worker costs (default true). */
  inline?: boolean;
  log?: (line: string) => void;
}

type Run = ImportRunReport & { totalMs: number };

export interface ImportBenchResult {
  rows: number;
  xlsxMb: number;
  csvWriteMs: number;
  /** The same rows from the CSV straight into insertRecordsBulk: what any import pays to write. */
  csv: Run;
  /** The real import, in the import worker as the app and the CLI run it. */
  xlsx: Run;
  /** The same import on the runner's own thread (no worker, no heap cap); null when not run. */
  xlsxInline: Run | null;
  overCsvWrite: number;
  overCsvImport: number;
  peakRssMb: number;
  /** Saves through the API while the xlsx import runs. */
  saves: SavesReport;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

async function runImport(mode: RunMode, file: string, dir: string, ledger: string): Promise<Run> {
  const target = path.join(dir, `import-${mode}.db`);
  fs.rmSync(target, { force: true });
  const report = await runInChild<ImportRunReport>(
    'import-run.ts',
    [mode, file, target, ledger],
    `import bench (${mode})`,
  );
  if (!report) throw new Error(`import bench (${mode}) sent no report`);
  return { ...report, totalMs: report.planMs + report.commitMs };
}

async function runSaves(file: string, dir: string, ledger: string): Promise<SavesReport> {
  const target = path.join(dir, 'import-saves.db');
  fs.rmSync(target, { force: true });
  const report = await runInChild<SavesReport>(
    'import-saves.ts',
    [file, target, ledger],
    'import bench (saves during import)',
  );
  if (!report) throw new Error('import bench (saves during import) sent no report');
  return report;
}

function reportSaves(saves: SavesReport, log: (line: string) => void): void {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const perSecond = saves.saves / (saves.importMs / 1000);
  const met = saves.failures === 0 && saves.p99Ms < IMPORT_GOALS.saveP99Ms;
  log(
    `saves during the xlsx import (${(saves.importMs / 1000).toFixed(2)} s, ${saves.imported} rows): ${saves.saves} saves, ${perSecond.toFixed(1)}/s, ${saves.failures} failed`,
  );
  log(
    `save latency: p50 ${ms(saves.p50Ms)}, p99 ${ms(saves.p99Ms)}, max ${ms(saves.maxMs)}; event loop held up at most ${ms(saves.loopMaxMs)}   goal: none fails, p99 < ${ms(IMPORT_GOALS.saveP99Ms)}   ${met ? 'met' : 'MISSED'}`,
  );
  if (saves.firstFailure) log(`first failure: ${saves.firstFailure}`);
}

function report(result: ImportBenchResult, log: (line: string) => void): void {
  const s = (ms: number) => (ms / 1000).toFixed(2).padStart(8);
  const split = (r: Run) => (r.commitMs > 0 ? `${s(r.planMs)}${s(r.commitMs)}` : '       —       —');
  const line = (name: string, r: Run) =>
    `${name.padEnd(26)}${String(r.imported).padStart(8)}${String(r.skipped).padStart(6)}${split(r)}${s(r.totalMs)}${s(r.cpuMs)}${mb(r.maxRss).toFixed(0).padStart(9)}`;
  log('');
  log(
    `${'step'.padEnd(26)}${'rows'.padStart(8)}${'skip'.padStart(6)}${'read s'.padStart(8)}${'write s'.padStart(8)}${'total s'.padStart(8)}${'cpu s'.padStart(8)}${'peak MB'.padStart(9)}`,
  );
  log(`${'CSV write (floor)'.padEnd(26)}${String(result.rows).padStart(8)}${''.padStart(22)}${s(result.csvWriteMs)}`);
  log(line('CSV import', result.csv));
  log(line('xlsx import', result.xlsx));
  if (result.xlsxInline) log(line('xlsx import, in-process', result.xlsxInline));
  log('');
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const { overCsvWrite: goal, peakRssMb: limit } = IMPORT_GOALS;
  log(
    `xlsx import / CSV write:  ${result.overCsvWrite.toFixed(2)}×   goal ≤ ${goal}×   ${met(result.overCsvWrite <= goal)}`,
  );
  log(
    `xlsx import / CSV import: ${result.overCsvImport.toFixed(2)}×   (cpu ${(result.xlsx.cpuMs / result.csv.cpuMs).toFixed(2)}×)`,
  );
  log(
    `peak RSS of the import process (worker included): ${result.peakRssMb.toFixed(0)} MB (at start ${mb(result.xlsx.baselineRss).toFixed(0)} MB)   goal < ${limit} MB   ${met(result.peakRssMb < limit)}`,
  );
  if (result.xlsx.rejected > 0) log(`rejected rows: ${result.xlsx.rejected}`);
  reportSaves(result.saves, log);
}

export async function benchImport(options: ImportBenchOptions): Promise<ImportBenchResult> {
  const ledger = options.ledger ?? 'student-aid';
  const log = options.log ?? ((line: string) => console.log(line));
  const source = path.join(options.dir, 'import-source.xlsx');
  const csvFile = path.join(options.dir, 'import-floor.csv');

  let started = performance.now();
  const rows = await writeImportSource(options.dbFile, ledger, source);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    `wrote ${path.basename(source)} (${mb(fs.statSync(source).size).toFixed(1)} MB) in ${seconds} s — not part of the figures`,
  );
  started = performance.now();
  await writeCsvFloor(options.dbFile, ledger, csvFile);
  const csvWriteMs = options.csvWriteMs ?? performance.now() - started;

  const csv = await runImport('csv', csvFile, options.dir, ledger);
  const xlsx = await runImport('xlsx', source, options.dir, ledger);
  const xlsxInline = options.inline === false ? null : await runImport('xlsx-inline', source, options.dir, ledger);
  const saves = await runSaves(source, options.dir, ledger);
  const result: ImportBenchResult = {
    rows,
    xlsxMb: mb(fs.statSync(source).size),
    csvWriteMs,
    csv,
    xlsx,
    xlsxInline,
    overCsvWrite: xlsx.totalMs / csvWriteMs,
    overCsvImport: xlsx.totalMs / csv.totalMs,
    peakRssMb: mb(xlsx.maxRss),
    saves,
  };
  report(result, log);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--rows');
  const rows = at === -1 ? 300_000 : Number(process.argv[at + 1]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-import-bench-'));
  try {
    const dbFile = path.join(dir, 'bench.db');
    await runInChild('seed.ts', [dbFile, String(rows), '建始县高坪镇中心小学'], 'seeding');
    console.log(
      `台账归档 import bench: ${rows.toLocaleString('en-US')} student-aid rows, ${os.cpus().length} cores, node ${process.version}`,
    );
    await benchImport({ dbFile, dir });
  } finally {
    if (process.argv.includes('--keep')) console.log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}
