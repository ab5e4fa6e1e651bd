// The audit log as a hash chain (main/store/audit-chain.ts): rows written before this version are
// chained once when the ledger is next opened, in id order, before anything else is written.
export default `
  ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
  ALTER TABLE audit_log ADD COLUMN hash TEXT;
  `;
