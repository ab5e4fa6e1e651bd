/**
 * The day a plan row's fuzzy time points at, so the row falls in the right month, half-year and
 * semester: "3 月" → 03-01, "6 月下旬或 7 月上旬" → 06-21, "2020年4月底完成" → 2020-04-30.
 * The first month named counts; a year written in the text wins over `year`.
 */
const MENTION = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?\s*(上旬|中旬|下旬|初|中|底|末)?/;

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function planTimeDate(text: string, year: number): string | null {
  const m = MENTION.exec(text);
  if (!m) return null;
  const y = m[1] ? Number(m[1]) : year;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  let day = 1;
  if (m[3]) day = Number(m[3]);
  else if (m[4] === '中旬' || m[4] === '中') day = 11;
  else if (m[4] === '下旬') day = 21;
  else if (m[4] === '底' || m[4] === '末') day = lastDay(y, month);
  if (day < 1 || day > lastDay(y, month)) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
