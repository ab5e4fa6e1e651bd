import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import { BACKUP_EXTENSION, readHeader } from './backup-file.js';

/*
 * The name every backup the app writes into a folder carries: 台账备份-<单位>-<YYYYMMDD-HHmmss>.tzbak,
 * local time. The name says whose and when at a glance on a USB stick, and it is how automatic
 * backups find (and rotate) their own files among whatever else the folder holds.
 */

const PREFIX = '台账备份-';
const STAMP = 'YYYYMMDD-HHmmss';
const NAME = /^台账备份-(.+)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.tzbak$/;

/** A unit name as a file-name segment: characters Windows refuses or that end a segment become _. */
function segment(unit: string): string {
  const clean = unit.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').replace(/[. ]+$/, '');
  return clean || '台账';
}

export function backupFileName(unit: string, at: Date): string {
  return `${PREFIX}${segment(unit)}-${dayjs(at).format(STAMP)}${BACKUP_EXTENSION}`;
}

/** The unit segment and the time a backup's name carries; null for any other name. */
export function parseBackupName(name: string): { unit: string; at: Date } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, unit, y, mo, d, h, mi, s] = m;
  const at = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  // A name like 20191332 is not a time we wrote.
  if (dayjs(at).format(STAMP) !== `${y}${mo}${d}-${h}${mi}${s}`) return null;
  return { unit: unit!, at };
}

export interface OwnBackup {
  file: string;
  at: Date;
}

/**
 * The backups of this unit in a folder: named as we name them and opening with our header. Only
 * these may ever be deleted by rotation; a file of the same name that is not ours is left alone.
 */
export function listOwnBackups(folder: string, unit: string): OwnBackup[] {
  const found: OwnBackup[] = [];
  const mine = segment(unit);
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const parsed = parseBackupName(entry.name);
    if (!parsed || parsed.unit !== mine) continue;
    const file = path.join(folder, entry.name);
    try {
      readHeader(file);
    } catch {
      continue;
    }
    found.push({ file, at: parsed.at });
  }
  return found;
}
