import type { Db } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { writeAudit } from '../store/audit.js';
import { getLedgerDefinition } from '../store/ledger-types.js';
import { checkValues, keepArchivedValues } from '../store/records.js';
import { matchingIds } from '../store/record-query.js';
import type { RecordQuery } from '../store/record-query-sql.js';
import { searchesField } from '../store/search-index.js';
import type { FieldDefinition, LedgerDefinition } from '../../shared/ledger-definition.js';
import { validateField } from '../../shared/validation.js';
import { NewChoices, newChoiceError } from './new-choices.js';
import { idRuns, lastAuditId, RecordRewriter } from './record-rewrite.js';

type Value = string | number | null;

export interface BulkUpdate {
  ledger: string;
  /** The selected records, or else every record of the filter. */
  ids?: number[];
  filter?: RecordQuery;
  field: string;
  value: Value;
  /** The user confirmed the value as a new choice of an extensible choice field. */
  acceptNewChoice?: boolean;
}

export interface BulkUpdateResult {
  batch: number;
  updated: number;
  ids: number[];
}

/** What the batch's audit row keeps: enough to show it, and to put every value back (records.revert). */
export interface BulkUpdateAudit {
  kind: 'bulk-update';
  field: string;
  value: Value;
  count: number;
  /** The values before, each with the runs of ids that held it. */
  previous: Array<{ value: Value; ids: Array<[number, number]> }>;
}

export function bulkField(def: LedgerDefinition, key: string): FieldDefinition {
  const field = def.fields.find((f) => f.key === key);
  if (!field) throw new TaizhangError('bad-request', `台账“${def.label}”没有字段“${key}”，无法批量修改`);
  if (field.type === 'attachments') {
    throw new TaizhangError('bad-request', `“${field.label}”是附件字段，请在记录中逐条添加或移除附件`);
  }
  return field;
}

/**
 * Sets one field to one value on many records in one transaction, audited as one batch: every
 * record is checked as the form checks it (the value, and rules across fields such as 性别 against
 * the ID number), and a record in a submitted period refuses the whole batch, naming the
 * submission. Records already holding the value are left as they are.
 */
export function bulkUpdateRecords(db: Db, input: BulkUpdate, operator: string): BulkUpdateResult {
  const def = getLedgerDefinition(db, input.ledger);
  const field = bulkField(def, input.field);
  if (input.filter && input.filter.ledger !== def.key) {
    throw new TaizhangError('bad-request', `筛选条件不属于${def.label}`);
  }
  const ids = [...new Set(input.ids ?? (input.filter ? matchingIds(db, input.filter) : []))].sort((a, b) => a - b);
  if (ids.length === 0) throw new TaizhangError('validation', '没有选中任何记录，未做修改');
  // A value wrong in itself is wrong for every record: said once, without naming one.
  const own = validateField(field, input.value);
  if ('error' in own) {
    throw new TaizhangError('validation', `${field.label}：${own.error}，未做修改`, [
      { field: field.key, label: field.label, message: own.error },
    ]);
  }
  if (!input.acceptNewChoice && new NewChoices(db, def).isNew(field, input.value)) {
    throw newChoiceError(field, String(input.value).trim());
  }
  const reindex = searchesField(field);
  return db.transaction((): BulkUpdateResult => {
    const rewriter = new RecordRewriter(db, def);
    const previous = new Map<string, { value: Value; ids: number[] }>();
    let updated = 0;
    // The value as stored (1,200 becomes 1200), which the first checked record tells.
    let stored: Value = input.value;
    for (const id of ids) {
      const before = rewriter.get(id);
      let checked;
      try {
        checked = checkValues(def, { ...liveValues(def, before.values), [field.key]: input.value });
      } catch (error) {
        if (error instanceof TaizhangError) {
          throw new TaizhangError(error.code, `编号 ${id} 的记录无法修改：${error.message}`, error.fieldErrors);
        }
        throw error;
      }
      stored = checked[field.key] ?? null;
      const old = (before.values[field.key] ?? null) as Value;
      if (old === checked[field.key]) continue;
      rewriter.put(before, keepArchivedValues(def, before.values, checked), reindex);
      const group = previous.get(JSON.stringify(old)) ?? { value: old, ids: [] };
      group.ids.push(id);
      previous.set(JSON.stringify(old), group);
      updated++;
    }
    const after: BulkUpdateAudit = {
      kind: 'bulk-update',
      field: field.key,
      value: stored,
      count: updated,
      previous: [...previous.values()].map((g) => ({ value: g.value, ids: idRuns(g.ids) })),
    };
    writeAudit(db, { operator, action: 'update', entity: 'ledger', entityId: def.key, after });
    return { batch: lastAuditId(db), updated, ids };
  })();
}

/** The values of the type's live fields: those a check of the record looks at. */
export function liveValues(def: LedgerDefinition, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(def.fields.map((f) => [f.key, values[f.key] ?? null]));
}
