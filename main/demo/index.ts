import type { Db } from '../store/database.js';
import { insertRecordsBulk, type BulkRow } from '../store/bulk.js';
import { getLedgerDefinition, listLedgerSummaries } from '../store/ledger-types.js';
import { DemoRandom } from './random.js';
import { studentAidRows } from './student-aid.js';

type Generator = (rnd: DemoRandom, count: number) => Iterable<BulkRow>;

/** Demo rows per ledger key, with the count each gets when none is asked for. */
const GENERATORS: Record<string, { rows: Generator; defaultCount: number }> = {
  'student-aid': { rows: studentAidRows, defaultCount: 500 },
};

export interface DemoOptions {
  unitId: number;
  operator: string;
  /** Exactly this many student-aid records. */
  studentAidRows?: number;
  seed?: number;
}

/** Fills every built-in ledger that has a generator; returns the records added per ledger. */
export function fillDemo(db: Db, options: DemoOptions): Record<string, number> {
  const rnd = new DemoRandom(options.seed ?? 20190423);
  const added: Record<string, number> = {};
  const present = new Set(listLedgerSummaries(db).map((l) => l.key));
  for (const [key, generator] of Object.entries(GENERATORS)) {
    if (!present.has(key)) continue;
    const count = key === 'student-aid' && options.studentAidRows !== undefined ? options.studentAidRows : generator.defaultCount;
    const def = getLedgerDefinition(db, key);
    added[key] = insertRecordsBulk(db, def, options.unitId, generator.rows(rnd, count), {
      operator: options.operator,
      source: 'demo',
    }).inserted;
  }
  return added;
}
