import type { Db } from './database.js';
import type { ReadonlyDb } from './readonly-db.js';
import { nowIso } from './database.js';
import { TaizhangError } from './errors.js';
import { writeAudit } from './audit.js';
import { LedgerDefinitionSchema, type LedgerDefinition } from '../../shared/ledger-definition.js';

export interface LedgerSummary {
  key: string;
  label: string;
  category: string;
  builtin: boolean;
  count: number;
}

/** Writes the shipped definitions; user-defined types and user copies are left alone. */
export function syncBuiltinLedgers(db: Db, definitions: LedgerDefinition[]): void {
  const upsert = db.prepare(
    `INSERT INTO ledger_types (key, label, category, builtin, definition, updated_at)
     VALUES (@key, @label, @category, 1, @definition, @now)
     ON CONFLICT(key) DO UPDATE SET label = excluded.label, category = excluded.category,
       definition = excluded.definition, updated_at = excluded.updated_at,
       revision = revision + 1
     WHERE builtin = 1 AND definition <> excluded.definition`,
  );
  const current = db.prepare('SELECT definition FROM ledger_types WHERE key = ? AND builtin = 1');
  db.transaction(() => {
    for (const def of definitions) {
      const before = current.get(def.key) as { definition: string } | undefined;
      const definition = JSON.stringify(def);
      const { changes } = upsert.run({
        key: def.key,
        label: def.label,
        category: def.category,
        definition,
        now: nowIso(),
      });
      if (changes === 0) continue;
      // A new program version may ship a changed built-in definition: the log keeps both.
      writeAudit(db, {
        operator: '台账归档（内置台账定义）',
        action: before ? 'update' : 'create',
        entity: 'ledger-type',
        entityId: def.key,
        before: before ? JSON.parse(before.definition) : undefined,
        after: def,
      });
    }
  })();
}

export function listLedgerSummaries(db: ReadonlyDb, unitId?: number): LedgerSummary[] {
  const rows = db
    .prepare(
      `SELECT t.key, t.label, t.category, t.builtin,
              (SELECT count(*) FROM visible_records r WHERE r.ledger_key = t.key AND (@unit IS NULL OR r.unit_id = @unit)) AS count
       FROM ledger_types t ORDER BY t.builtin DESC, t.rowid`,
    )
    .all({ unit: unitId ?? null }) as Array<Omit<LedgerSummary, 'builtin'> & { builtin: number }>;
  return rows.map((row) => ({ ...row, builtin: row.builtin === 1 }));
}

/** A row of ledger_types: the definition and what decides whether and how it may be edited. */
export interface StoredType {
  definition: LedgerDefinition;
  builtin: boolean;
  revision: number;
}

export function readType(db: ReadonlyDb, key: string): StoredType {
  const row = db.prepare('SELECT definition, builtin, revision FROM ledger_types WHERE key = ?').get(key) as
    { definition: string; builtin: number; revision: number } | undefined;
  if (!row) throw new TaizhangError('not-found', `台账类型“${key}”不存在`);
  return {
    definition: LedgerDefinitionSchema.parse(JSON.parse(row.definition)),
    builtin: row.builtin === 1,
    revision: row.revision,
  };
}

export function getLedgerDefinition(db: ReadonlyDb, key: string): LedgerDefinition {
  return readType(db, key).definition;
}
