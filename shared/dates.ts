import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';

dayjs.extend(customParseFormat);

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * YYYY-MM-DD when the numbers name a real calendar day (29 February only in leap years), else
 * null. Every imported row passes through here, so the calendar check is the built-in Date's
 * own: a day past the month's end rolls into the next month.
 */
export function calendarDay(year: number, month: number, day: number): string | null {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
}

/** Returns YYYY-MM-DD for a real calendar date written as YYYY-MM-DD, else null. */
export function parseIsoDate(text: string): string | null {
  const m = ISO_DATE.exec(text.trim());
  return m ? calendarDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Returns YYYY-MM for a month written as YYYY-MM, else null. */
export function parseIsoMonth(text: string): string | null {
  const m = ISO_MONTH.exec(text.trim());
  if (!m) return null;
  const month = Number(m[2]);
  return Number(m[1]) >= 1 && month >= 1 && month <= 12 ? `${m[1]}-${two(month)}` : null;
}

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** "2019年3月20日", the way dates are written on submitted documents. */
export function chineseDate(iso: string): string {
  const d = dayjs(iso, 'YYYY-MM-DD', true);
  return d.isValid() ? `${d.year()}年${d.month() + 1}月${d.date()}日` : iso;
}
