import type { Db } from '../store/database.js';
import { insertRecordsBulk, type BulkRow } from '../store/bulk.js';
import { getLedgerDefinition, listLedgerSummaries } from '../store/ledger-types.js';
import type { LedgerDefinition } from '../../shared/ledger-definition.js';
import { DemoRandom } from './random.js';
import { studentAidRows } from './student-aid.js';
import { exchangeRows } from './exchange.js';
import { pairingRows } from './pairing.js';
import { dropoutRows } from './dropout.js';
import { procurementRows } from './procurement.js';
import { teacherTrainingRows } from './teacher-training.js';
import { publicityRows } from './publicity.js';
import { donationRows } from './donation.js';
import { activityRows } from './activity.js';
import { householdVisitRows } from './household-visit.js';
import { vocationalReferralRows } from './vocational-referral.js';
import { rectificationRows } from './rectification.js';
import { taskRows } from './task.js';
import { liaisonRows } from './liaison.js';
import { NOTICE_TABLES, noticeTableRows } from './notice-tables.js';

const DEFAULT_STUDENT_AID_ROWS = 500;

/** Demo rows per built-in ledger: generated ones, and the notices' own tables (project, training-plan, expert-training). */
const GENERATORS: Record<string, (rnd: DemoRandom) => BulkRow[]> = {
  exchange: exchangeRows,
  pairing: pairingRows,
  dropout: dropoutRows,
  procurement: procurementRows,
  'teacher-training': teacherTrainingRows,
  publicity: publicityRows,
  donation: donationRows,
  activity: activityRows,
  'household-visit': householdVisitRows,
  'vocational-referral': vocationalReferralRows,
  rectification: rectificationRows,
  task: taskRows,
  liaison: liaisonRows,
  ...Object.fromEntries(NOTICE_TABLES.map((table) => [table.ledger, () => noticeTableRows(table)])),
};

export interface DemoOptions {
  unitId: number;
  operator: string;
  /** Exactly this many student-aid records (500 when not given). */
  studentAidRows?: number;
  seed?: number;
}

/** Record ledgers are kept in the order things happened, as people write them; plan tables in their own order. */
function inDateOrder(def: LedgerDefinition, rows: BulkRow[]): BulkRow[] {
  const field = def.dateField;
  if (!field) return rows;
  return [...rows].sort((a, b) => String(a.values[field]).localeCompare(String(b.values[field])));
}

/**
 * Fills every built-in ledger with 2019 demo records for one unit, all or nothing;
 * returns the records added per ledger.
 */
export function fillDemo(db: Db, options: DemoOptions): Record<string, number> {
  const rnd = new DemoRandom(options.seed ?? 20190423);
  const catalogue = listLedgerSummaries(db).map((l) => l.key);
  const present = new Set(catalogue);
  const audit = { operator: options.operator, source: 'demo' };
  return db.transaction(() => {
    const added: Record<string, number> = {};
    for (const [key, generate] of Object.entries(GENERATORS)) {
      if (!present.has(key)) continue;
      const def = getLedgerDefinition(db, key);
      added[key] = insertRecordsBulk(db, def, options.unitId, inDateOrder(def, generate(rnd)), audit).inserted;
    }
    if (present.has('student-aid')) {
      const count = options.studentAidRows ?? DEFAULT_STUDENT_AID_ROWS;
      const def = getLedgerDefinition(db, 'student-aid');
      added['student-aid'] = insertRecordsBulk(db, def, options.unitId, studentAidRows(rnd, count), audit).inserted;
    }
    return Object.fromEntries(catalogue.filter((key) => key in added).map((key) => [key, added[key]!]));
  })();
}
