import type { Db } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { writeAudit } from '../store/audit.js';
import { getLedgerDefinition } from '../store/ledger-types.js';
import { deleteRecord, getRecord } from '../store/records.js';
import { searchesField } from '../store/search-index.js';
import type { LedgerDefinition } from '../../shared/ledger-definition.js';
import type { BulkUpdateAudit } from './bulk-update.js';
import type { PasteAudit } from './paste.js';
import { idsOfRuns, lastAuditId, RecordRewriter } from './record-rewrite.js';

export interface RevertResult {
  batch: number;
  deleted: number;
  restored: number;
}

interface BatchRow {
  entity: string;
  entity_id: string;
  after: string | null;
}

/**
 * Undoes a paste or a bulk update (the undo of the grid's Ctrl+Z): deletes the records it created
 * and puts back the values it changed, in one transaction, audited. Refused when one of them has
 * been changed since (its updated_at is no longer the batch's), or lies in a submitted period.
 */
export function revertBatch(db: Db, batch: number, operator: string): RevertResult {
  return db.transaction((): RevertResult => {
    const row = db.prepare('SELECT entity, entity_id, after FROM audit_log WHERE id = ?').get(batch) as
      BatchRow | undefined;
    const after = row?.after ? (JSON.parse(row.after) as { kind?: string }) : null;
    if (!row || row.entity !== 'ledger' || (after?.kind !== 'paste' && after?.kind !== 'bulk-update')) {
      throw new TaizhangError('not-found', `修改记录 #${batch} 不是一次粘贴或批量修改，无法撤销`);
    }
    if (db.prepare(`SELECT 1 FROM audit_log WHERE entity = 'ledger' AND after ->> '$.of' = ?`).get(batch)) {
      throw new TaizhangError('conflict', `修改记录 #${batch} 已经撤销过了`);
    }
    const def = getLedgerDefinition(db, row.entity_id);
    const result =
      after.kind === 'paste'
        ? revertPaste(db, def, after as PasteAudit, operator)
        : revertBulkUpdate(db, def, after as BulkUpdateAudit);
    writeAudit(db, {
      operator,
      action: 'update',
      entity: 'ledger',
      entityId: def.key,
      after: { kind: 'revert', of: batch, ...result },
    });
    return { batch: lastAuditId(db), ...result };
  })();
}

/** How many records undoing the batch touches (0 when it is not one): to choose where to run it. */
export function batchSize(db: Db, batch: number): number {
  const after = db.prepare('SELECT after FROM audit_log WHERE id = ?').pluck().get(batch) as string | null | undefined;
  const details = after ? (JSON.parse(after) as { count?: number; inserted?: number; updated?: unknown[] }) : {};
  return (details.count ?? 0) + (details.inserted ?? 0) + (details.updated?.length ?? 0);
}

function changedSince(id: number): TaizhangError {
  return new TaizhangError('conflict', `编号 ${id} 的记录之后又被修改过，无法撤销这一步`);
}

function revertBulkUpdate(db: Db, def: LedgerDefinition, audit: BulkUpdateAudit): Omit<RevertResult, 'batch'> {
  const rewriter = new RecordRewriter(db, def);
  const field = def.fields.find((f) => f.key === audit.field);
  const reindex = field ? searchesField(field) : true;
  let restored = 0;
  for (const group of audit.previous) {
    for (const id of idsOfRuns(group.ids)) {
      const before = rewriter.get(id);
      if ((before.values[audit.field] ?? null) !== audit.value) throw changedSince(id);
      // The value as it was, even one today's checks would refuse: an undo restores, it does not judge.
      rewriter.put(before, { ...before.values, [audit.field]: group.value }, reindex);
      restored++;
    }
  }
  return { deleted: 0, restored };
}

function revertPaste(db: Db, def: LedgerDefinition, audit: PasteAudit, operator: string): Omit<RevertResult, 'batch'> {
  const rewriter = new RecordRewriter(db, def);
  let deleted = 0;
  for (const id of idsOfRuns(audit.created)) {
    const record = getRecord(db, id);
    if (record.updatedAt !== record.createdAt) {
      throw new TaizhangError('conflict', `编号 ${id} 的记录在粘贴后又被修改过，无法撤销这次粘贴`);
    }
    deleteRecord(db, id, operator);
    deleted++;
  }
  for (const old of audit.updated) {
    const now = rewriter.get(old.id);
    if (JSON.stringify(now.values) !== JSON.stringify(old.after)) throw changedSince(old.id);
    const before = getRecord(db, old.id);
    rewriter.put(now, old.values);
    writeAudit(db, {
      operator,
      action: 'update',
      entity: 'record',
      entityId: old.id,
      before,
      after: getRecord(db, old.id),
    });
  }
  return { deleted, restored: audit.updated.length };
}
