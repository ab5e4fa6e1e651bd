import { useEffect, useState } from 'react';
import { call } from '../../api.js';

/** The half-year a date falls in, "2019H2": what a half-year summary, the first report type, is written for. */
export function halfYearOf(date: string): string {
  return `${date.slice(0, 4)}H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The date of the unit's latest record up to today in the ledgers reports count (`counted`), or
 * null when it has none; undefined until known, or when not `wanted`. A report opened on a period
 * with records has something to say; the current half-year often has nothing entered yet, and a
 * ledger no report counts (项目, planned ahead) says nothing about the period to report on.
 */
export function useLatestRecordDate(
  unitId: number | undefined,
  counted: ReadonlySet<string> | undefined,
  wanted: boolean,
): string | null | undefined {
  const [latest, setLatest] = useState<string | null>();
  useEffect(() => {
    if (!wanted || unitId === undefined || counted === undefined) return;
    let stale = false;
    const until = today();
    const find = async () => {
      const ledgers = await call('ledgers.list', { unitId });
      const dates = await Promise.all(
        ledgers
          .filter((l) => l.count > 0 && counted.has(l.key))
          .map(async (l) => {
            const page = await call('records.list', {
              ledger: l.key,
              unitId,
              dateTo: until,
              sort: { field: 'recordDate', direction: 'desc' },
              pageSize: 1,
            });
            return page.rows[0]?.recordDate ?? null;
          }),
      );
      return dates.reduce<string | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);
    };
    find().then(
      (date) => !stale && setLatest(date),
      // Unknown is not fatal: the report opens on the current half-year instead.
      () => !stale && setLatest(null),
    );
    return () => {
      stale = true;
    };
  }, [unitId, counted, wanted]);
  return wanted ? latest : undefined;
}
