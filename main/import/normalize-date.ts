import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { calendarDay, parseIsoMonth } from '../../shared/dates.js';
import { toHalfWidth } from './text.js';

dayjs.extend(utc);

/** 2019-4-12 · 2019.4.12 · 2019/4/12 · 2019年4月12日, with an optional time that is dropped. */
const YMD =
  /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?:\s*[T ]?\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const COMPACT_YMD = /^(\d{4})(\d{2})(\d{2})$/;
const YM = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?$/;
/** Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was; serials from 61 on are exact. */
const FIRST_SAFE_SERIAL = 61;
const LAST_SERIAL = 2958465;
const EXCEL_EPOCH = dayjs.utc('1899-12-30');

function calendarDate(y: string, m: string, d: string): string | null {
  return calendarDay(Number(y), Number(m), Number(d));
}

/** YYYY-MM-DD for a date written the ways people write them, or null when it is no real date. */
export function parseDateText(text: string): string | null {
  const t = toHalfWidth(text).trim();
  const m = YMD.exec(t) ?? COMPACT_YMD.exec(t);
  return m ? calendarDate(m[1]!, m[2]!, m[3]!) : null;
}

/** YYYY-MM for 2019-4, 2019.04, 2019年4月; null otherwise. */
export function parseMonthText(text: string): string | null {
  const m = YM.exec(toHalfWidth(text).trim());
  return m ? parseIsoMonth(`${m[1]}-${m[2]}`) : null;
}

/**
 * A number in a date column: 20190412 typed as a number, or an Excel date serial (a formula's
 * result or a cell without a date format). Null when it is neither.
 */
export function dateFromNumber(value: number): string | null {
  if (Number.isInteger(value) && value >= 10000101 && value <= 99991231) return parseDateText(String(value));
  if (value < FIRST_SAFE_SERIAL || value > LAST_SERIAL) return null;
  return EXCEL_EPOCH.add(Math.floor(value), 'day').format('YYYY-MM-DD');
}

/** A cell Excel stored as a date: its calendar day (exceljs gives UTC midnight; years 1900–9999). */
export function dateFromCell(date: Date): string {
  return date.toISOString().slice(0, 10);
}
