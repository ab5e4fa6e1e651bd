import { useEffect, useState } from 'react';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { call } from '../../api.js';
import { onEvidenceChange } from './evidenceTransfer.js';

/** `${recordId}:${fieldKey}` → how many files. */
export type EvidenceCounts = ReadonlyMap<string, number>;

export const countKey = (recordId: number, field: string) => `${recordId}:${field}`;

/**
 * The number of files on each shown record, for the records table; asked again when a file is added
 * or removed in the form. A ledger without attachments fields asks nothing.
 */
export function useEvidenceCounts(definition: LedgerDefinition, recordIds: number[]): EvidenceCounts {
  const [counts, setCounts] = useState<EvidenceCounts>(new Map());
  const [changes, setChanges] = useState(0);
  const wanted = definition.fields.some((f) => f.type === 'attachments') && recordIds.length > 0;
  const ids = recordIds.join(',');

  useEffect(() => onEvidenceChange(() => setChanges((n) => n + 1)), []);

  useEffect(() => {
    if (!wanted) return;
    let gone = false;
    call('attachments.counts', { recordIds: ids.split(',').map(Number) }).then(
      (rows) => !gone && setCounts(new Map(rows.map((r) => [countKey(r.recordId, r.field), r.count]))),
      // The count is a convenience; the files themselves are listed in the record's form.
      () => undefined,
    );
    return () => {
      gone = true;
    };
  }, [wanted, ids, changes]);

  return counts;
}
