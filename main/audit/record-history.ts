import type { AuditEntryView } from '../../shared/audit-api.js';
import type { LedgerDefinition } from '../../shared/ledger-definition.js';
import type { Db } from '../store/database.js';
import { listAudit, recordOrigin } from '../store/audit.js';
import { getLedgerDefinition } from '../store/ledger-types.js';
import { bulkEditOfRecord, describeAuditRow, importFileName } from './describe.js';

export function definitionOrNone(db: Db, key: string | undefined): LedgerDefinition | undefined {
  if (!key) return undefined;
  try {
    return getLedgerDefinition(db, key);
  } catch {
    // A type removed since: the rows still show, under their field keys.
    return undefined;
  }
}

/** A record's 修改记录, oldest first: how it came in (typed, or the import batch), then every change. */
export function recordHistory(db: Db, recordId: number): AuditEntryView[] {
  const rows = listAudit(db, 'record', recordId);
  const origin = recordOrigin(db, recordId);
  const stored = rows.find((r) => r.action === 'create' || r.action === 'delete');
  const ledger =
    origin?.ledger ?? ((stored?.after ?? stored?.before) as { ledger?: string } | null | undefined)?.ledger;
  const def = definitionOrNone(db, ledger);
  const entries = rows.map((row) => describeAuditRow(row, def));
  // Bulk edits are audited once for the ledger; each record they touched shows its own part.
  if (ledger) {
    for (const row of listAudit(db, 'ledger', ledger)) {
      if (row.action !== 'update') continue;
      const entry = bulkEditOfRecord(row, def, recordId);
      if (entry) entries.push(entry);
    }
    entries.sort((a, b) => a.id - b.id);
  }
  if (origin?.importRow && !rows.some((r) => r.action === 'create')) {
    const entry = describeAuditRow(origin.importRow, def);
    const batch = origin.batch;
    entries.unshift({
      ...entry,
      summary: batch
        ? `由导入批次 ${batch.id} 从“${batch.fileName}”导入（该批共 ${batch.rows} 条）`
        : `${entry.summary}（本记录在其中）`,
      recordId,
      batch,
    });
  } else if (origin?.batch) {
    const batch = origin.batch;
    entries.unshift({
      id: batch.id,
      at: batch.at,
      operator: batch.operator,
      action: 'import',
      summary: `由导入批次 ${batch.id} 从“${importFileName(batch.fileName)}”导入（该批共 ${batch.rows} 条）`,
      changes: [],
      recordId,
      batch,
      before: null,
      after: null,
    });
  }
  return entries;
}
