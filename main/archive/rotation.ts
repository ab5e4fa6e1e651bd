import dayjs from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek.js';

dayjs.extend(isoWeek);

/** How many of the latest days, ISO weeks and months keep their latest backup. */
export const KEEP = { daily: 7, weekly: 4, monthly: 12 } as const;

type Bucket = (at: dayjs.Dayjs) => string;

const BUCKETS: Array<[number, Bucket]> = [
  [KEEP.daily, (at) => at.format('YYYY-MM-DD')],
  // The ISO week belongs to the year of its Thursday: 2019-12-30 is in week 1 of 2020.
  [KEEP.weekly, (at) => `${at.isoWeekYear()}-W${at.isoWeek()}`],
  [KEEP.monthly, (at) => at.format('YYYY-MM')],
];

/**
 * Which backups rotation keeps: the latest of each of the 7 latest days that have one, of the 4
 * latest ISO weeks and of the 12 latest months (one file may count for all three). Everything
 * else may go. Dates are local, as the backups' names are.
 */
export function backupsToKeep<T extends { at: Date }>(backups: readonly T[]): { keep: T[]; remove: T[] } {
  const newestFirst = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime());
  const kept = new Set<T>();
  for (const [count, bucketOf] of BUCKETS) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const bucket = bucketOf(dayjs(backup.at));
      if (seen.has(bucket)) continue;
      if (seen.size === count) break;
      seen.add(bucket);
      kept.add(backup);
    }
  }
  return {
    keep: newestFirst.filter((b) => kept.has(b)),
    remove: newestFirst.filter((b) => !kept.has(b)),
  };
}
