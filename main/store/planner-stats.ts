import type { Db } from './database.js';

/*
 * SQLite chooses between a ledger's field index (main/store/field-indexes.ts) and its
 * (ledger, date) index by the statistics in sqlite_stat1. Without them it takes every ledger to
 * hold about ten records and sorts 300,000 of them in a temp b-tree rather than read them in order
 * from the field's index (measured: 230 ms a block instead of under 1 ms). ANALYZE writes them;
 * sampled statistics (analysis_limit) are not enough here, as they too make a ledger look small.
 */

/** Statistics further than this factor from the real number of records are written again. */
const STALE_FACTOR = 2;

/** Writes the planner's statistics of the records table when there are none or they are stale. */
export function refreshPlannerStats(db: Db): void {
  const rows = db.prepare('SELECT count(*) FROM records').pluck().get() as number;
  const hasStats = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`).get() !== undefined;
  const stat = hasStats
    ? (db
        .prepare(`SELECT stat FROM sqlite_stat1 WHERE tbl = 'records' AND idx = 'records_by_ledger_id'`)
        .pluck()
        .get() as string | undefined)
    : undefined;
  const counted = stat === undefined ? null : Number(stat.split(' ')[0]);
  const stale =
    counted === null
      ? rows > 0
      : Math.max(rows, 1) / Math.max(counted, 1) > STALE_FACTOR ||
        Math.max(counted, 1) / Math.max(rows, 1) > STALE_FACTOR ||
        // An index made since (a new type's, or one rebuilt for a changed definition) has none.
        (rows > 0 && indexesWithoutStats(db) > 0);
  if (stale) db.exec('ANALYZE records');
}

function indexesWithoutStats(db: Db): number {
  return db
    .prepare(
      `SELECT count(*) FROM sqlite_master i
       WHERE i.type = 'index' AND i.tbl_name = 'records' AND i.sql IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM sqlite_stat1 s WHERE s.tbl = 'records' AND s.idx = i.name)`,
    )
    .pluck()
    .get() as number;
}
