/**
 * 2019 as schools live it: the spring term (2018-2019学年第二学期, Feb–Aug in shared/period.ts)
 * and the autumn term (2019-2020学年第一学期, Sept–Jan), summer holidays in July and August.
 */

/** "2018-2019学年第二学期" for a date, by the same boundaries as shared/period.ts. */
export function semesterLabel(iso: string): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  if (month >= 9) return `${year}-${year + 1}学年第一学期`;
  if (month === 1) return `${year - 1}-${year}学年第一学期`;
  return `${year - 1}-${year}学年第二学期`;
}

/** Term time in 2019, when schools hold lessons and activities. */
export const SPRING_TERM: readonly [string, string] = ['2019-02-25', '2019-06-28'];
export const AUTUMN_TERM: readonly [string, string] = ['2019-09-02', '2019-12-27'];
export const SUMMER_HOLIDAY: readonly [string, string] = ['2019-07-08', '2019-08-25'];
