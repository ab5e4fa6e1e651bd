import dayjs from 'dayjs';

/** A reporting period: an inclusive range of calendar dates and how people write it. */
export interface Period {
  code: string;
  label: string;
  from: string;
  to: string;
}

function span(code: string, label: string, start: dayjs.Dayjs, months: number): Period {
  return {
    code,
    label,
    from: start.format('YYYY-MM-DD'),
    to: start.add(months, 'month').subtract(1, 'day').format('YYYY-MM-DD'),
  };
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;
const YEAR = /^(\d{4})年?$/;
const MONTH = /^(\d{4})[-年](\d{1,2})月?$/;
const HALF = /^(\d{4})(?:H([12])|年?(上|下)半年)$/i;
const SEMESTER = /^(\d{4})-(\d{4})(?:S([12])|学年第([一二])学期)$/i;

/**
 * Parses the one period syntax shared by the UI, the CLI (--period) and the API:
 * 2019 · 2019-04 · 2019H1 / 2019上半年 · 2018-2019S1 (Sept–Jan) / 2018-2019S2 (Feb–Aug).
 * Returns null when the text is not a period.
 */
export function parsePeriod(text: string): Period | null {
  const t = text.trim().replace(/\s+/g, '');
  const year = /^\d{4}/.exec(t);
  // new Date(y, …) reads years 0–99 as 1900–1999, so "0019" would silently become 1919.
  if (!year || Number(year[0]) < MIN_YEAR || Number(year[0]) > MAX_YEAR) return null;
  let m: RegExpExecArray | null;
  if ((m = YEAR.exec(t))) {
    const y = Number(m[1]);
    return span(String(y), `${y}年`, dayjs(new Date(y, 0, 1)), 12);
  }
  if ((m = MONTH.exec(t))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    const code = `${y}-${String(mo).padStart(2, '0')}`;
    return span(code, `${y}年${mo}月`, dayjs(new Date(y, mo - 1, 1)), 1);
  }
  if ((m = HALF.exec(t))) {
    const y = Number(m[1]);
    const first = m[2] === '1' || m[3] === '上';
    return span(`${y}H${first ? 1 : 2}`, `${y}年${first ? '上' : '下'}半年`, dayjs(new Date(y, first ? 0 : 6, 1)), 6);
  }
  if ((m = SEMESTER.exec(t))) {
    const y1 = Number(m[1]);
    const y2 = Number(m[2]);
    if (y2 !== y1 + 1) return null;
    const first = m[3] === '1' || m[4] === '一';
    const label = `${y1}-${y2}学年第${first ? '一' : '二'}学期`;
    return first
      ? span(`${y1}-${y2}S1`, label, dayjs(new Date(y1, 8, 1)), 5)
      : span(`${y1}-${y2}S2`, label, dayjs(new Date(y2, 1, 1)), 7);
  }
  return null;
}

export const PERIOD_HELP =
  '期间写法：2019、2019-04、2019H1（上半年）、2019H2（下半年）、2018-2019S1（第一学期）、2018-2019S2（第二学期）';
