import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import type { LedgerRecord } from '../../records.js';
import type { RawValue } from '../fieldInputs.js';

/** A stored record as the grid holds it, with the number of evidence files per attachments field. */
export interface RecordRow extends LedgerRecord {
  evidence?: Record<string, number>;
}

/**
 * A row that is not a record yet, kept under the records: a pasted row the store refused (待修正,
 * with an error per cell, fixed in place) or the quick-entry row.
 */
export interface DraftRow {
  draftId: string;
  kind: 'pending' | 'entry';
  values: Record<string, RawValue>;
  errors: Record<string, string>;
  /** Fields the user has typed into: the quick-entry row shows errors only for these. */
  touched: string[];
}

export type GridRow = RecordRow | DraftRow;

export function isDraft(row: GridRow | undefined): row is DraftRow {
  return row !== undefined && 'draftId' in row;
}

let nextDraft = 1;

export function newDraft(kind: DraftRow['kind'], values: Record<string, RawValue> = {}): DraftRow {
  return { draftId: `draft-${nextDraft++}`, kind, values, errors: {}, touched: [] };
}

export function emptyEntry(def: LedgerDefinition): DraftRow {
  return newDraft('entry', Object.fromEntries(def.fields.map((f) => [f.key, null])));
}

/** `${recordId}:${field}` of a record cell holding a value that was refused. */
export const cellKey = (recordId: number, field: string) => `${recordId}:${field}`;

/** A value typed or pasted into a stored record's cell and refused: shown in place, never saved. */
export interface RefusedCell {
  raw: RawValue;
  message: string;
}
