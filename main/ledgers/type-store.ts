import type { Db } from '../store/database.js';
import { nowIso } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { LedgerDefinitionSchema, type LedgerDefinition } from '../../shared/ledger-definition.js';
import { readType, type StoredType } from '../store/ledger-types.js';
import { syncFieldIndexes } from '../store/field-indexes.js';

/** Writing rows of ledger_types for user-defined types; built-ins are synced, and every type read, in store/. */

/** Built-in types ship with the program and stay as the notices define them. */
export function readEditableType(db: Db, key: string): StoredType {
  const stored = readType(db, key);
  if (stored.builtin) {
    throw new TaizhangError(
      'conflict',
      `“${stored.definition.label}”是内置台账，不能修改；如需调整字段，请先复制为自定义台账，再修改副本`,
    );
  }
  return stored;
}

/** Checks a definition built from user input; problems come back as one Chinese message. */
export function checkDefinition(candidate: unknown): LedgerDefinition {
  const parsed = LedgerDefinitionSchema.safeParse(candidate);
  if (!parsed.success) {
    const label = (candidate as { label?: string }).label ?? '';
    throw new TaizhangError(
      'validation',
      `台账类型“${label}”有误：${parsed.error.issues.map((i) => i.message).join('；')}`,
    );
  }
  return parsed.data;
}

/** custom-1, custom-2 …: one more than the highest in use, so a key is never handed out twice. */
export function nextTypeKey(db: Db): string {
  const keys = db.prepare(`SELECT key FROM ledger_types WHERE key LIKE 'custom-%'`).pluck().all() as string[];
  const highest = keys.reduce((max, key) => Math.max(max, Number(/^custom-(\d+)$/.exec(key)?.[1] ?? 0)), 0);
  return `custom-${highest + 1}`;
}

/** Refuses a label another type already uses, so lists and exported titles stay unambiguous. */
export function assertLabelFree(db: Db, label: string, exceptKey?: string): void {
  const other = db.prepare('SELECT key FROM ledger_types WHERE label = ? AND key <> ?').get(label, exceptKey ?? '');
  if (other) throw new TaizhangError('conflict', `已有名为“${label}”的台账，请换一个名称`);
}

export function insertType(db: Db, def: LedgerDefinition): void {
  db.prepare(
    `INSERT INTO ledger_types (key, label, category, builtin, definition, revision, updated_at) VALUES (?, ?, ?, 0, ?, 1, ?)`,
  ).run(def.key, def.label, def.category, JSON.stringify(def), nowIso());
  syncFieldIndexes(db, def);
}

export function saveType(db: Db, def: LedgerDefinition): void {
  db.prepare(
    `UPDATE ledger_types SET label = ?, category = ?, definition = ?, revision = revision + 1, updated_at = ? WHERE key = ? AND builtin = 0`,
  ).run(def.label, def.category, JSON.stringify(def), nowIso(), def.key);
  // A field retyped, added or removed changes which indexes the type's sorts and filters need.
  syncFieldIndexes(db, def);
}
