// The ledger grid (records.query): an index on (ledger, id) gives the default order of a ledger's
// records without sorting them. The per-field indexes follow each type's definition and are kept by
// main/store/field-indexes.ts, when a type is written and at open.
export default `
  CREATE INDEX records_by_ledger_id ON records(ledger_key, id, import_batch_id, unit_id, record_date);
`;
