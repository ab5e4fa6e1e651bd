import { pathToFileURL } from 'node:url';
import { openStore } from '../../main/store/index.js';
import { queryRecords, recordTotals } from '../../main/store/record-query.js';
import type { RecordQuery } from '../../main/store/record-query-sql.js';
import { SELECT_RECORD } from '../../main/store/record-row.js';
import type { Db } from '../../main/store/database.js';

/*
 * The grid's queries on the bench ledger, as the API answers them (records.query, records.totals),
 * beside the paged query the table used before (count + ORDER BY … LIMIT/OFFSET), measured in the
 * same run on the same file. Each step is timed cold, on a connection of its own, as a user meets
 * it: nothing of the query is kept yet. The goals are the UI's (page to rows on screen); the API's
 * share must stay well under them.
 *
 * Standalone: tsx scripts/bench/records-query.ts LEDGER.db [--runs N]
 */

export const QUERY_GOALS = { firstRowsMs: 300, searchMs: 150, filterMs: 150, sortMs: 300, endMs: 300 };
const BLOCK = 100;
const LEDGER = 'student-aid';

interface Step {
  label: string;
  goalMs: number;
  query: RecordQuery;
  /** Which rows: the first block, or the last one. */
  end?: boolean;
}

/** The table's query before the grid: count, then a page by OFFSET, sorting on the JSON values. */
function offsetPage(db: Db, query: RecordQuery, last: boolean): number {
  const params: unknown[] = [LEDGER];
  let where = 'r.ledger_key = ?';
  for (const f of query.filters ?? []) {
    if (f.op !== 'in') continue;
    where += ` AND CAST(json_extract(r.data, '$.' || ?) AS TEXT) = ?`;
    params.push(f.field, f.values[0]);
  }
  if (query.search) {
    where += ' AND r.id IN (SELECT rowid FROM records_fts WHERE body LIKE ?)';
    params.push(`%${query.search}%`);
  }
  const order = query.sort
    ? `json_extract(r.data, '$.${query.sort.field}') ${query.sort.direction}, r.id ${query.sort.direction}`
    : 'r.id DESC';
  const total = db
    .prepare(`SELECT count(*) FROM visible_records r WHERE ${where}`)
    .pluck()
    .get(...params) as number;
  const offset = last ? Math.max(0, total - 20) : 0;
  return db.prepare(`${SELECT_RECORD} WHERE ${where} ORDER BY ${order} LIMIT 20 OFFSET ?`).all(...params, offset)
    .length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(step: () => unknown): number {
  const start = performance.now();
  step();
  return performance.now() - start;
}

export interface QueryBenchRow {
  label: string;
  goalMs: number;
  blockMs: number;
  totalsMs: number;
  baselineMs: number;
  rows: number;
}

export function benchRecordsQuery(options: {
  dbFile: string;
  runs?: number;
  log?: (line: string) => void;
}): QueryBenchRow[] {
  const log = options.log ?? console.log;
  const runs = options.runs ?? 3;
  const openStart = performance.now();
  const first = openStore(options.dbFile, { mustExist: true });
  const name = first
    .prepare(`SELECT data ->> '$.name' FROM records WHERE ledger_key = ? LIMIT 1`)
    .pluck()
    .get(LEDGER) as string;
  first.close();
  log(
    `grid queries: ledger opened (migrations, field indexes, statistics) in ${((performance.now() - openStart) / 1000).toFixed(1)} s — not part of the figures`,
  );

  const byAmount = { field: 'amount', direction: 'desc' } as const;
  const steps: Step[] = [
    { label: 'first rows', goalMs: QUERY_GOALS.firstRowsMs, query: { ledger: LEDGER } },
    {
      label: `search “${name.slice(0, 2)}”`,
      goalMs: QUERY_GOALS.searchMs,
      query: { ledger: LEDGER, search: name.slice(0, 2) },
    },
    {
      label: 'filter 家庭类型=建档立卡',
      goalMs: QUERY_GOALS.filterMs,
      query: { ledger: LEDGER, filters: [{ field: 'family_type', op: 'in', values: ['建档立卡'] }] },
    },
    { label: 'sort 资助金额', goalMs: QUERY_GOALS.sortMs, query: { ledger: LEDGER, sort: byAmount } },
    { label: 'last block (sorted)', goalMs: QUERY_GOALS.endMs, query: { ledger: LEDGER, sort: byAmount }, end: true },
    { label: 'last block', goalMs: QUERY_GOALS.endMs, query: { ledger: LEDGER }, end: true },
  ];

  const results: QueryBenchRow[] = [];
  for (const step of steps) {
    const block: number[] = [];
    const totals: number[] = [];
    const baseline: number[] = [];
    let rows = 0;
    for (let run = 0; run < runs; run++) {
      // A connection of its own: nothing of this query is kept, as when the user first asks it.
      const db = openStore(options.dbFile, { mustExist: true });
      try {
        baseline.push(time(() => offsetPage(db, step.query, step.end ?? false)));
        block.push(
          time(() => {
            let startRow = 0;
            if (step.end) {
              // The grid learns the row count from its first block, then asks for the last one.
              startRow = Math.max(0, queryRecords(db, step.query, 0, BLOCK).total - BLOCK);
            }
            const result = queryRecords(db, step.query, startRow, startRow + BLOCK);
            rows = result.total;
          }),
        );
        totals.push(time(() => recordTotals(db, step.query)));
      } finally {
        db.close();
      }
    }
    results.push({
      label: step.label,
      goalMs: step.goalMs,
      blockMs: median(block),
      totalsMs: median(totals),
      baselineMs: median(baseline),
      rows,
    });
  }

  const fmt = (ms: number) => ms.toFixed(1).padStart(9);
  log(`grid queries on ${LEDGER}, block of ${BLOCK} rows, median of ${runs} cold runs (ms):`);
  log(
    `${'step'.padEnd(26)}${'rows'.padStart(9)}${'block'.padStart(9)}${'totals'.padStart(9)}${'OFFSET'.padStart(9)}   UI goal`,
  );
  for (const r of results) {
    log(
      `${r.label.padEnd(26)}${String(r.rows).padStart(9)}${fmt(r.blockMs)}${fmt(r.totalsMs)}${fmt(r.baselineMs)}   < ${r.goalMs} ms ${r.blockMs < r.goalMs / 2 ? 'met (under half)' : r.blockMs < r.goalMs ? 'met' : 'MISSED'}`,
    );
  }
  log(
    '(block: records.query; totals: records.totals, asked beside it; OFFSET: the former count + LIMIT 20 OFFSET page)',
  );
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dbFile] = process.argv.slice(2);
  if (!dbFile) throw new Error('usage: records-query.ts LEDGER.db [--runs N]');
  const at = process.argv.indexOf('--runs');
  benchRecordsQuery({ dbFile, runs: at === -1 ? 3 : Number(process.argv[at + 1]) });
}
