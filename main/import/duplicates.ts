import { hash } from 'node:crypto';
import type { FieldDefinition, LedgerDefinition, RecordValues } from '../../shared/ledger-definition.js';
import { maskIdCard } from '../../shared/idcard.js';
import type { Db } from '../store/database.js';
import { compactLabel } from './text.js';

/** A short digest of the key values: 300,000 of them are held at once, and Chinese text is two bytes a character. */
function digest(keyValues: unknown[]): string {
  return hash('sha1', JSON.stringify(keyValues), 'base64');
}

/** The identity of a record by the definition's keyFields; null when the ledger names none. */
export function recordKey(def: LedgerDefinition, values: RecordValues): string | null {
  if (!def.keyFields?.length) return null;
  return digest(def.keyFields.map((k) => values[k] ?? null));
}

/** The ID number that names a person in this ledger (one of its key fields when it can), and the name beside it. */
function personFields(def: LedgerDefinition): { id: FieldDefinition; name: FieldDefinition } | null {
  const ids = def.fields.filter((f) => f.type === 'idcard');
  const id = ids.find((f) => def.keyFields?.includes(f.key)) ?? ids[0];
  const names = def.fields.filter((f) => f.type === 'person');
  const name = names.find((f) => compactLabel(f.label) === '姓名') ?? names[0];
  return id && name ? { id, name } : null;
}

/** A row whose ID number the ledger holds under another name. */
export interface IdConflict {
  recordId: number;
  /** "身份证号 422822********0031 已登记为张三（记录 123），本行姓名为张山" — never the full ID number. */
  message: string;
}

/**
 * What this ledger already holds for the unit: the key of every record, to mark duplicates, and
 * which record each ID number belongs to, to catch a row that gives a known ID number another
 * name (a typing error in one of the two, which importing would turn into two people).
 */
export class ExistingRecords {
  readonly keys = new Set<string>();
  private readonly owners = new Map<string, number>();
  private readonly person: { id: FieldDefinition; name: FieldDefinition } | null;
  private readonly nameOf?: (recordId: number) => unknown;

  constructor(db: Db, def: LedgerDefinition, unitId: number) {
    this.person = personFields(def);
    const keyFields = def.keyFields ?? [];
    const wanted = [...keyFields, ...(this.person ? [this.person.id.key] : [])];
    if (wanted.length === 0) return;
    // Field keys are [a-z0-9_] by the definition schema, so they are safe inside the JSON path.
    const columns = ['id', ...wanted.map((k) => `json_extract(data, '$.${k}')`)].join(', ');
    const rows = db
      .prepare(`SELECT ${columns} FROM visible_records WHERE ledger_key = ? AND unit_id = ?`)
      .raw()
      .iterate(def.key, unitId) as IterableIterator<unknown[]>;
    for (const [recordId, ...values] of rows) {
      if (keyFields.length > 0) this.keys.add(digest(values.slice(0, keyFields.length)));
      const idNumber = this.person ? values[keyFields.length] : null;
      if (typeof idNumber === 'string' && !this.owners.has(idNumber)) this.owners.set(idNumber, recordId as number);
    }
    if (this.person) {
      const name = db.prepare(`SELECT json_extract(data, '$.${this.person.name.key}') FROM records WHERE id = ?`);
      this.nameOf = (recordId) => name.pluck().get(recordId);
    }
  }

  /** The record that already holds this row's ID number under a different name, said plainly. */
  conflict(values: RecordValues): IdConflict | null {
    if (!this.person || !this.nameOf) return null;
    const idNumber = values[this.person.id.key];
    if (typeof idNumber !== 'string') return null;
    const recordId = this.owners.get(idNumber);
    if (recordId === undefined) return null;
    const known = this.nameOf(recordId);
    const name = values[this.person.name.key];
    if (typeof known !== 'string' || known === name) return null;
    const { id, name: nameField } = this.person;
    const given =
      name === null || name === undefined || name === ''
        ? `本行${nameField.label}为空`
        : `本行${nameField.label}为${name}`;
    return {
      recordId,
      message: `${id.label} ${maskIdCard(idNumber)} 已登记为${known}（记录 ${recordId}），${given}`,
    };
  }
}
