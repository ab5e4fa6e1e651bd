import { useEffect, useState } from 'react';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { call } from '../../api.js';
import { recordLabel } from '../../records.js';

/** Looked up one by one, so only the first few records get a name; the rest show their number. */
const NAMED = 50;

/** "谭明" for record 12: the words that let the user find a record in the ledger's table. */
export function useRecordNames(ids: number[], definition: LedgerDefinition): ReadonlyMap<number, string> {
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map());
  const wanted = [...new Set(ids)].slice(0, NAMED).join(',');
  useEffect(() => {
    let live = true;
    const lookups = wanted
      .split(',')
      .filter(Boolean)
      .map((id) =>
        call('records.get', { id: Number(id) }).then(
          (record) => [record.id, recordLabel(definition, record)] as const,
          () => null,
        ),
      );
    void Promise.all(lookups).then((pairs) => {
      if (live) setNames(new Map(pairs.filter((p) => p !== null)));
    });
    return () => {
      live = false;
    };
  }, [wanted, definition]);
  return names;
}
