import type { RecordValues } from '../../shared/ledger-definition.js';

export interface LedgerRecord {
  id: number;
  ledger: string;
  unitId: number;
  unitName: string;
  recordDate: string;
  values: RecordValues;
  createdAt: string;
  updatedAt: string;
}

export interface RecordRow {
  id: number;
  ledger_key: string;
  unit_id: number;
  unit_name: string;
  record_date: string;
  data: string;
  created_at: string;
  updated_at: string;
}

export const SELECT_RECORD = `SELECT r.id, r.ledger_key, r.unit_id, u.name AS unit_name, r.record_date, r.data, r.created_at, r.updated_at
  FROM visible_records r JOIN units u ON u.id = r.unit_id`;

export function toRecord(row: RecordRow): LedgerRecord {
  return {
    id: row.id,
    ledger: row.ledger_key,
    unitId: row.unit_id,
    unitName: row.unit_name,
    recordDate: row.record_date,
    values: JSON.parse(row.data) as RecordValues,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
