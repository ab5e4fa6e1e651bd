import type { Db } from '../store/database.js';
import { insertRecordsBulk, type BulkRow } from '../store/bulk.js';
import { TaizhangError } from '../store/errors.js';
import { rememberMapping } from './mapping-memory.js';
import { planCounts, type ImportPlan } from './import-plan.js';

export interface CommitResult {
  imported: number;
  skipped: number;
  firstId: number | null;
  lastId: number | null;
}

function* rowsToWrite(plan: ImportPlan, allowDuplicates: boolean): Generator<BulkRow> {
  for (const row of plan.accepted) if (allowDuplicates || !row.duplicate) yield { values: row.values };
}

/**
 * Writes a plan's good rows (already validated by the plan, so not checked a second time) in one transaction (insertRecordsBulk: all or none), together with
 * the user's column choices for this header layout. A plan with blocking problems writes nothing.
 */
export function commitImport(
  db: Db,
  plan: ImportPlan,
  options: { operator: string; allowDuplicates?: boolean },
): CommitResult {
  if (plan.blocking.length > 0) {
    throw new TaizhangError('validation', `未导入任何记录：${plan.blocking.join('；')}`);
  }
  const allow = options.allowDuplicates ?? false;
  const { toImport, skipped } = planCounts(plan, allow);
  return db.transaction(() => {
    rememberMapping(db, plan.layoutKey, plan.choices);
    if (toImport === 0) return { imported: 0, skipped, firstId: null, lastId: null };
    const result = insertRecordsBulk(
      db,
      plan.def,
      plan.unitId,
      rowsToWrite(plan, allow),
      {
        operator: options.operator,
        source: `xlsx:${plan.fileName}!${plan.sheet}`,
      },
      { prevalidated: true },
    );
    return { imported: result.inserted, skipped, firstId: result.firstId, lastId: result.lastId };
  })();
}
