import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';

dayjs.extend(customParseFormat);

const DATE_FORMATS = ['YYYY-MM-DD', 'YYYY-M-D'];

/** Returns YYYY-MM-DD for a real calendar date written as YYYY-MM-DD, else null. */
export function parseIsoDate(text: string): string | null {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{1,2}-\d{1,2}$/.test(trimmed)) return null;
  const parsed = dayjs(trimmed, DATE_FORMATS, true);
  return parsed.isValid() ? parsed.format('YYYY-MM-DD') : null;
}

/** Returns YYYY-MM for a month written as YYYY-MM, else null. */
export function parseIsoMonth(text: string): string | null {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{1,2}$/.test(trimmed)) return null;
  const parsed = dayjs(trimmed, ['YYYY-MM', 'YYYY-M'], true);
  return parsed.isValid() ? parsed.format('YYYY-MM') : null;
}

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** "2019年3月20日", the way dates are written on submitted documents. */
export function chineseDate(iso: string): string {
  const d = dayjs(iso, 'YYYY-MM-DD', true);
  return d.isValid() ? `${d.year()}年${d.month() + 1}月${d.date()}日` : iso;
}
