import { newDraft, type DraftRow } from './gridRows.js';

/**
 * 待修正 rows outlive a visit to another page: they are kept for the browser tab's session until
 * fixed (and saved) or given up with 放弃此行.
 */
const pendingKey = (ledger: string) => `taizhang.pending.${ledger}`;

export function loadPending(ledger: string): DraftRow[] {
  try {
    const kept = JSON.parse(sessionStorage.getItem(pendingKey(ledger)) ?? '[]') as DraftRow[];
    return kept.map((row) => ({ ...newDraft('pending', row.values), errors: row.errors }));
  } catch {
    return [];
  }
}

export function savePending(ledger: string, rows: DraftRow[]): void {
  if (rows.length) sessionStorage.setItem(pendingKey(ledger), JSON.stringify(rows));
  else sessionStorage.removeItem(pendingKey(ledger));
}
