import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupName } from '../../main/archive/backup-names.js';
import { backupsToKeep } from '../../main/archive/rotation.js';

/** Local dates, as the backups' names carry them: 'YYYY-MM-DD HH:mm'. */
const at = (text: string) => {
  const [d, t = '12:00'] = text.split(' ');
  const [y, m, day] = d!.split('-').map(Number);
  const [h, min] = t.split(':').map(Number);
  return new Date(y!, m! - 1, day!, h!, min!);
};
const stamp = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

function kept(dates: string[]): string[] {
  return backupsToKeep(dates.map((d) => ({ at: at(d), name: d })))
    .keep.map((b) => b.name)
    .sort();
}

describe('backup rotation', () => {
  it('keeps the latest of each of 7 days, 4 ISO weeks and 12 months out of two years of daily backups', () => {
    const dates: string[] = [];
    for (let day = at('2018-01-01'); day <= at('2019-12-31'); day = new Date(day.getTime() + 86_400_000)) {
      dates.push(stamp(day));
    }
    expect(kept(dates)).toEqual(
      [
        // 7 days
        '2019-12-25',
        '2019-12-26',
        '2019-12-27',
        '2019-12-28',
        '2019-12-29',
        '2019-12-30',
        '2019-12-31',
        // 4 ISO weeks: 2020-W01 (31st), W52 (29th), W51 and W50 (Sundays)
        '2019-12-22',
        '2019-12-15',
        // 12 months: December is the 31st, the others their last day
        '2019-01-31',
        '2019-02-28',
        '2019-03-31',
        '2019-04-30',
        '2019-05-31',
        '2019-06-30',
        '2019-07-31',
        '2019-08-31',
        '2019-09-30',
        '2019-10-31',
        '2019-11-30',
      ].sort(),
    );
  });

  it('counts the latest backup of a day, not the first', () => {
    const { keep, remove } = backupsToKeep([
      { at: at('2019-04-12 08:00') },
      { at: at('2019-04-12 17:30') },
      { at: at('2019-04-12 12:00') },
    ]);
    expect(keep.map((b) => b.at)).toEqual([at('2019-04-12 17:30')]);
    expect(remove).toHaveLength(2);
  });

  it('puts 30 December 2019 in week 1 of 2020, with 5 January', () => {
    // Mondays, Tuesdays and Sundays around the turn of the year, then eight daily backups.
    const dates = ['2019-12-23', '2019-12-29', '2019-12-30', '2019-12-31', '2020-01-05'];
    for (let d = 6; d <= 13; d++) dates.push(`2020-01-${String(d).padStart(2, '0')}`);
    const removed = backupsToKeep(dates.map((d) => ({ at: at(d), name: d })))
      .remove.map((b) => b.name)
      .sort();
    // Daily: 7–13 Jan. Weekly: 13 (W03), 12 (W02), 5 Jan (2020-W01, over 30 and 31 Dec), 29 Dec
    // (W52). Monthly: 13 Jan, 31 Dec.
    expect(removed).toEqual(['2019-12-23', '2019-12-30', '2020-01-06']);
  });

  it('counts only days that have a backup: a computer off for a month still keeps 7 days', () => {
    const dates = ['2019-03-01', '2019-03-02', '2019-03-03', '2019-03-04', '2019-03-05', '2019-03-06', '2019-03-07'];
    dates.push('2019-03-08', '2019-04-09');
    // Daily: 9 Apr and 3–8 Mar; 3 Mar is also the latest of its ISO week (25 Feb – 3 Mar).
    expect(kept(dates)).toEqual([
      '2019-03-03',
      '2019-03-04',
      '2019-03-05',
      '2019-03-06',
      '2019-03-07',
      '2019-03-08',
      '2019-04-09',
    ]);
  });

  it('names backups by unit and local time, and reads the names back', () => {
    const when = at('2019-12-31 23:59');
    const name = backupFileName('建始县/高坪镇:中心小学', when);
    expect(name).toBe('台账备份-建始县_高坪镇_中心小学-20191231-235900.tzbak');
    expect(parseBackupName(name)).toEqual({ unit: '建始县_高坪镇_中心小学', at: when });
    expect(parseBackupName('台账备份-某校-20191332-120000.tzbak')).toBeNull();
    expect(parseBackupName('台账备份-某校-20191231-120000.tzbak.txt')).toBeNull();
  });
});
