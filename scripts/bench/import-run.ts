import fs from 'node:fs';
import readline from 'node:readline';
import { openStore } from '../../main/store/index.js';
import { createUnit } from '../../main/store/units.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { insertRecordsBulk, type BulkRow } from '../../main/store/bulk.js';
import { importRecords } from '../../main/import/import-commit.js';
import { runImportInWorker } from '../../main/import/import-in-worker.js';

/*
 * One measured import, in a process of its own so its peak memory is the import's alone:
 * `import-run.ts xlsx|xlsx-inline|csv FILE NEW_DB LEDGER`. Reports timings and maxRSS to the parent.
 * xlsx runs the import as the app and the CLI do, in the import worker (maxRSS covers its thread
 * too); xlsx-inline runs the same one-pass import on this thread. An xlsx import reads, checks and
 * writes each row in turn, so only the CSV import has a read and a write to time apart.
 */

export type RunMode = 'xlsx' | 'xlsx-inline' | 'csv';

export interface ImportRunReport {
  mode: RunMode;
  imported: number;
  skipped: number;
  rejected: number;
  planMs: number;
  commitMs: number;
  /** CPU time of the whole run (this process, all threads): steadier than wall time on a busy machine. */
  cpuMs: number;
  baselineRss: number;
  maxRss: number;
}

/** One line of the CSV floor: fields quoted only when they hold a comma, a quote or a line break. */
function splitCsv(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

async function csvRows(file: string, keyOf: Map<string, string>): Promise<BulkRow[]> {
  const rows: BulkRow[] = [];
  let keys: Array<string | undefined> = [];
  for await (const line of readline.createInterface({
    input: fs.createReadStream(file, 'utf8'),
    crlfDelay: Infinity,
  })) {
    const cells = splitCsv(line.replace(/^\uFEFF/, ''));
    if (keys.length === 0) {
      keys = cells.map((c) => keyOf.get(c));
      continue;
    }
    const values: Record<string, string | null> = {};
    cells.forEach((c, i) => {
      const key = keys[i];
      if (key) values[key] = c === '' ? null : c;
    });
    rows.push({ values });
  }
  return rows;
}

const [mode, file, dbFile, ledger] = process.argv.slice(2) as [RunMode, string, string, string];
const baselineRss = process.memoryUsage().rss;
const db = openStore(dbFile);
try {
  const unit = createUnit(db, '建始县高坪镇中心小学', 'bench');
  const def = getLedgerDefinition(db, ledger);
  let report: ImportRunReport;
  const cpu = process.cpuUsage();
  const start = performance.now();
  if (mode === 'xlsx') {
    const output = await runImportInWorker({
      dbFile,
      operator: 'bench',
      ledger,
      unit: { id: unit.id },
      source: { path: file },
      action: { kind: 'commit', allowDuplicates: false },
    });
    report = {
      mode,
      imported: output.imported,
      skipped: output.skipped,
      rejected: output.rejected.length,
      planMs: performance.now() - start,
      commitMs: 0,
      cpuMs: 0,
      baselineRss,
      maxRss: 0,
    };
  } else if (mode === 'xlsx-inline') {
    const { plan, result } = await importRecords(
      db,
      { ledger, unitId: unit.id, source: { path: file } },
      { operator: 'bench' },
    );
    report = {
      mode,
      imported: result?.imported ?? 0,
      skipped: result?.skipped ?? 0,
      rejected: plan.rejected.length,
      planMs: performance.now() - start,
      commitMs: 0,
      cpuMs: 0,
      baselineRss,
      maxRss: 0,
    };
  } else {
    const rows = await csvRows(file, new Map(def.fields.map((f) => [f.label, f.key])));
    const planned = performance.now();
    const result = insertRecordsBulk(db, def, unit.id, rows, { operator: 'bench', source: 'csv' });
    report = {
      mode,
      imported: result.inserted,
      skipped: 0,
      rejected: 0,
      planMs: planned - start,
      commitMs: performance.now() - planned,
      cpuMs: 0,
      baselineRss,
      maxRss: 0,
    };
  }
  const used = process.cpuUsage(cpu);
  report.cpuMs = (used.user + used.system) / 1000;
  report.maxRss = process.resourceUsage().maxRSS * 1024;
  process.send?.(report);
} finally {
  db.close();
}
