import type { IDatasource } from 'ag-grid-community';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { EVIDENCE_COUNTS_MAX } from '../../../../shared/attachment-api.js';
import { call, errorMessage } from '../../api.js';
import { queryInput, type LedgerRecord, type LedgerView } from '../../records.js';
import type { RecordRow } from './gridRows.js';

async function withEvidence(def: LedgerDefinition, rows: LedgerRecord[]): Promise<RecordRow[]> {
  if (!def.fields.some((f) => f.type === 'attachments') || rows.length === 0) return rows;
  const counts = new Map<number, Record<string, number>>();
  for (let i = 0; i < rows.length; i += EVIDENCE_COUNTS_MAX) {
    const ids = rows.slice(i, i + EVIDENCE_COUNTS_MAX).map((r) => r.id);
    // The count is a convenience: a failure leaves the cells empty, the files are in the form.
    const answer = await call('attachments.counts', { recordIds: ids }).catch(() => []);
    for (const c of answer) counts.set(c.recordId, { ...counts.get(c.recordId), [c.field]: c.count });
  }
  return rows.map((r) => ({ ...r, evidence: counts.get(r.id) ?? {} }));
}

export interface DatasourceEvents {
  /** The first block of the view arrived, with the number of records the view holds. */
  onCounted(view: LedgerView, total: number): void;
  onEmpty(empty: boolean): void;
  onFailed(message: string): void;
}

/**
 * The grid's rows of one view, asked of the store a block at a time as they scroll into sight,
 * with each record's evidence counts. A blocked view (a period that does not parse) has no rows
 * rather than stale ones.
 */
export function recordsDatasource(
  definition: LedgerDefinition,
  shown: LedgerView,
  blocked: boolean,
  events: DatasourceEvents,
): IDatasource {
  return {
    getRows: (params) => {
      if (blocked) {
        params.successCallback([], 0);
        events.onCounted(shown, 0);
        return;
      }
      call('records.query', queryInput(definition, shown, params.startRow, params.endRow))
        .then(async (answer) => {
          params.successCallback(await withEvidence(definition, answer.rows), answer.total);
          if (params.startRow === 0) events.onCounted(shown, answer.total);
          events.onEmpty(answer.total === 0);
        })
        .catch((error: unknown) => {
          params.failCallback();
          events.onFailed(`读取记录失败：${errorMessage(error)}`);
        });
    },
  };
}
