import type { ApiOutput, ParsedInput } from '../../shared/api.js';
import { parsePeriod } from '../../shared/period.js';
import type { ApiContext } from '../handlers.js';
import { countRecords } from '../store/record-query.js';
import type { RecordQuery } from '../store/record-query-sql.js';
import { runRecordsRead, runRecordsWrite } from './records-in-worker.js';
import { batchSize } from './revert.js';

type GridMethod = 'records.query' | 'records.totals' | 'records.bulkUpdate' | 'records.paste' | 'records.revert';
type GridHandlers = {
  [M in GridMethod]: (ctx: ApiContext, input: ParsedInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
};

type FilterInput = ParsedInput<'records.totals'>;

/** The store's query for the contract's filter fields: a period becomes its date range. */
export function recordQueryOf(input: FilterInput, sort?: RecordQuery['sort']): RecordQuery {
  const range = input.period ? parsePeriod(input.period) : null;
  return {
    ledger: input.ledger,
    unitId: input.unitId,
    dateFrom: input.dateFrom ?? range?.from,
    dateTo: input.dateTo ?? range?.to,
    filters: input.filters,
    search: input.search,
    sort,
  };
}

/** What a thread needs to open the ledger itself. */
function readerOf(ctx: ApiContext): { dbFile: string; nativeBinding?: string } {
  return { dbFile: ctx.dbFile, nativeBinding: ctx.nativeBinding };
}

/** What a write job needs besides: who made the change. */
function jobOf(ctx: ApiContext): { dbFile: string; nativeBinding?: string; operator: string } {
  return { ...readerOf(ctx), operator: ctx.operator };
}

/** The records.* methods of the ledger grid (shared/record-grid-api.ts). */
export const RECORD_GRID_HANDLERS: GridHandlers = {
  'records.query': (ctx, input) =>
    runRecordsRead({
      ...readerOf(ctx),
      kind: 'query',
      query: recordQueryOf(input, input.sort),
      startRow: input.startRow,
      endRow: input.endRow,
    }),
  'records.totals': (ctx, input) => runRecordsRead({ ...readerOf(ctx), kind: 'totals', query: recordQueryOf(input) }),
  'records.bulkUpdate': (ctx, input) => {
    const filter = 'filter' in input.target ? recordQueryOf(input.target.filter) : undefined;
    const ids = 'ids' in input.target ? input.target.ids : undefined;
    return runRecordsWrite(
      ctx.db,
      {
        ...jobOf(ctx),
        kind: 'bulkUpdate',
        input: {
          ledger: input.ledger,
          ids,
          filter,
          field: input.field,
          value: input.value,
          acceptNewChoice: input.acceptNewChoice,
        },
      },
      ids?.length ?? countRecords(ctx.db, filter!),
    );
  },
  'records.paste': (ctx, input) =>
    runRecordsWrite(ctx.db, { ...jobOf(ctx), kind: 'paste', input }, input.text.split('\n').length),
  'records.revert': (ctx, input) =>
    runRecordsWrite(ctx.db, { ...jobOf(ctx), kind: 'revert', batch: input.batch }, batchSize(ctx.db, input.batch)),
};
