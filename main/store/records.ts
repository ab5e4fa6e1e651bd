import type { Db } from './database.js';
import { nowIso } from './database.js';
import { TaizhangError } from './errors.js';
import { writeAudit } from './audit.js';
import { recordIndexer } from './search-index.js';
import { getLedgerDefinition } from './ledger-types.js';
import { resolveUnit } from './units.js';
import { validateRecord, formatFieldError } from '../../shared/validation.js';
import { todayIso, parseIsoDate } from '../../shared/dates.js';
import type { LedgerDefinition, RecordValues } from '../../shared/ledger-definition.js';
import { SELECT_RECORD, toRecord, type LedgerRecord, type RecordRow } from './record-row.js';
import { assertNotLocked } from '../submissions/locks.js';

export type { LedgerRecord } from './record-row.js';

/** Validates values or throws one error listing every problem, each naming its field. */
export function checkValues(def: LedgerDefinition, values: Record<string, unknown>): RecordValues {
  const result = validateRecord(def, values);
  if (!result.ok) {
    throw new TaizhangError(
      'validation',
      `${def.label}：${result.errors.map(formatFieldError).join('；')}`,
      result.errors,
    );
  }
  return result.values;
}

/** The date that places a record in a period: its date field, else the date given, else today. */
export function recordDateOf(def: LedgerDefinition, values: RecordValues, given?: string): string {
  const fromField = def.dateField ? values[def.dateField] : null;
  if (typeof fromField === 'string') return fromField;
  if (given !== undefined) {
    const iso = parseIsoDate(given);
    if (!iso) throw new TaizhangError('validation', `归属日期“${given}”不是真实的日期，应写作 2019-04-12`);
    return iso;
  }
  return todayIso();
}

export function getRecord(db: Db, id: number): LedgerRecord {
  const row = db.prepare(`${SELECT_RECORD} WHERE r.id = ?`).get(id) as RecordRow | undefined;
  if (!row) throw new TaizhangError('not-found', `记录不存在（编号 ${id}），可能已被删除`);
  return toRecord(row);
}

export interface NewRecord {
  ledger: string;
  values: Record<string, unknown>;
  unitId?: number;
  recordDate?: string;
}

export function createRecord(db: Db, input: NewRecord, operator: string): LedgerRecord {
  const def = getLedgerDefinition(db, input.ledger);
  const values = checkValues(def, input.values);
  const unit = resolveUnit(db, { id: input.unitId });
  const recordDate = recordDateOf(def, values, input.recordDate);
  return db.transaction(() => {
    assertNotLocked(db, def.key, unit.id, recordDate);
    const now = nowIso();
    const id = Number(
      db
        .prepare(
          `INSERT INTO records (ledger_key, unit_id, record_date, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(def.key, unit.id, recordDate, JSON.stringify(values), now, now).lastInsertRowid,
    );
    recordIndexer(db)(id, def, values);
    const created = getRecord(db, id);
    writeAudit(db, { operator, action: 'create', entity: 'record', entityId: id, after: created });
    return created;
  })();
}

export interface RecordChange {
  id: number;
  values: Record<string, unknown>;
  unitId?: number;
  recordDate?: string;
}

/**
 * Stored values of keys that are not live fields (those of archived fields) carried into the new
 * values: the form does not show them, so an edit must not drop them.
 */
export function keepArchivedValues(def: LedgerDefinition, stored: RecordValues, values: RecordValues): RecordValues {
  const live = new Set(def.fields.map((f) => f.key));
  const kept: RecordValues = { ...values };
  for (const [key, value] of Object.entries(stored)) if (!live.has(key)) kept[key] = value;
  return kept;
}

export function updateRecord(db: Db, input: RecordChange, operator: string): LedgerRecord {
  return db.transaction(() => {
    const before = getRecord(db, input.id);
    const def = getLedgerDefinition(db, before.ledger);
    const values = keepArchivedValues(def, before.values, checkValues(def, input.values));
    const unitId = input.unitId === undefined ? before.unitId : resolveUnit(db, { id: input.unitId }).id;
    const recordDate = recordDateOf(def, values, input.recordDate ?? before.recordDate);
    // Neither where the record was nor where it would go may be in a submitted period.
    assertNotLocked(db, before.ledger, before.unitId, before.recordDate);
    assertNotLocked(db, def.key, unitId, recordDate);
    db.prepare(`UPDATE records SET unit_id = ?, record_date = ?, data = ?, updated_at = ? WHERE id = ?`).run(
      unitId,
      recordDate,
      JSON.stringify(values),
      nowIso(),
      input.id,
    );
    recordIndexer(db)(input.id, def, values);
    const after = getRecord(db, input.id);
    writeAudit(db, { operator, action: 'update', entity: 'record', entityId: input.id, before, after });
    return after;
  })();
}

export function deleteRecord(db: Db, id: number, operator: string): void {
  db.transaction(() => {
    const before = getRecord(db, id);
    assertNotLocked(db, before.ledger, before.unitId, before.recordDate);
    db.prepare('DELETE FROM records WHERE id = ?').run(id);
    writeAudit(db, { operator, action: 'delete', entity: 'record', entityId: id, before });
  })();
}
