import dayjs from 'dayjs';

/** A backup's time as the page shows it: local, to the minute. */
export function backupTime(at: string): string {
  return dayjs(at).format('YYYY-MM-DD HH:mm');
}
