import type { ApiInput, ApiOutput } from '../../shared/api.js';
import type { LedgerDefinition } from '../../shared/ledger-definition.js';

export type LedgerRecord = ApiOutput<'records.get'>;

/** What the records table asks for, besides the ledger itself. */
export type RecordQuery = Omit<ApiInput<'records.list'>, 'ledger'> & { page: number; pageSize: number };

export const DEFAULT_QUERY: RecordQuery = { page: 1, pageSize: 20, sort: { field: 'id', direction: 'desc' } };

/** "张三" — the words that name a record in dialogs and messages: its first filled-in text field. */
export function recordLabel(def: LedgerDefinition, record: LedgerRecord): string {
  for (const field of def.fields) {
    const value = record.values[field.key];
    if (typeof value === 'string' && value.trim() && field.type !== 'idcard') return value.trim().slice(0, 30);
  }
  return `编号 ${record.id}`;
}

/** Fields the record form edits; attachments are kept as they are and managed with the archive. */
export function editableFields(def: LedgerDefinition) {
  return def.fields.filter((f) => f.type !== 'attachments');
}
