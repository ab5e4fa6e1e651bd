import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { readChoice, rememberChoice, type ReportChoice } from './lastChoice.js';
import { halfYearOf, useLatestRecordDate } from './useLatestRecordDate.js';

/**
 * Which report the page shows: the one last worked on, or the first time a half-year summary of
 * the half-year of the latest record the reports count (`counted`: their ledgers, once known).
 * `awaiting` holds while that record is being looked up.
 */
export function useReportChoice(
  unitId: number | undefined,
  counted: ReadonlySet<string> | undefined,
): [ReportChoice, Dispatch<SetStateAction<ReportChoice>>, boolean] {
  const [remembered] = useState(readChoice);
  const [choice, setChoice] = useState<ReportChoice>(remembered ?? { type: 'half-year-summary', period: undefined });
  const [defaulted, setDefaulted] = useState(remembered !== null);
  const latest = useLatestRecordDate(unitId, counted, !defaulted);
  // Set once: a period the user clears afterwards stays cleared.
  const once = useRef(defaulted);
  useEffect(() => {
    if (once.current || latest === undefined) return;
    once.current = true;
    setChoice((c) => ({ ...c, period: c.period ?? halfYearOf(latest ?? new Date().toISOString().slice(0, 10)) }));
    setDefaulted(true);
  }, [latest]);

  useEffect(() => {
    if (defaulted) rememberChoice(choice);
  }, [choice, defaulted]);

  return [choice, setChoice, !defaulted];
}
