import type { ReadonlyDb } from '../store/readonly-db.js';
import { TaizhangError } from '../store/errors.js';
import { chineseDate } from '../../shared/dates.js';
import { ledgerRows, type LedgerRow, type Scope } from './ledger-rows.js';

/** A record of the 扶贫活动台账, as reports write about it. */
export interface Activity {
  id: number;
  date: string;
  title: string;
  type: string;
  location: string;
  organizer: string;
  participants: number | null;
  beneficiaries: number | null;
  summary: string;
  results: string;
}

const FIELDS = [
  'title',
  'activity_type',
  'location',
  'organizer',
  'participants',
  'beneficiaries',
  'summary',
  'results',
];

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function toActivity(row: LedgerRow): Activity {
  const v = row.values;
  return {
    id: row.id,
    date: row.recordDate,
    title: text(v.title),
    type: text(v.activity_type),
    location: text(v.location),
    organizer: text(v.organizer),
    participants: count(v.participants),
    beneficiaries: count(v.beneficiaries),
    summary: text(v.summary),
    results: text(v.results),
  };
}

export function periodActivities(db: ReadonlyDb, scope: Scope): Activity[] {
  return ledgerRows(db, 'activity', FIELDS, scope).map(toActivity);
}

/** The activity a single-activity summary is about. */
export function getActivity(db: ReadonlyDb, id: number): Activity {
  const row = db.prepare(`SELECT ledger_key, unit_id, record_date FROM visible_records WHERE id = ?`).get(id) as
    { ledger_key: string; unit_id: number; record_date: string } | undefined;
  if (!row) throw new TaizhangError('not-found', `活动记录不存在（编号 ${id}），可能已被删除`);
  if (row.ledger_key !== 'activity') {
    throw new TaizhangError('bad-request', `记录（编号 ${id}）不属于扶贫活动台账，无法据此生成活动总结`);
  }
  const scope = { unitId: row.unit_id, from: row.record_date, to: row.record_date };
  const found = periodActivities(db, scope).find((a) => a.id === id);
  if (!found) throw new TaizhangError('not-found', `活动记录不存在（编号 ${id}）`);
  return found;
}

/** "3月5日", or "2019年3月5日" when the report's period spans two years. */
export function activityDate(activity: Activity, withYear = false): string {
  const full = chineseDate(activity.date);
  return withYear ? full : full.replace(/^\d{4}年/, '');
}

/** “title”, its own double quotes turned to single ones as Chinese nests them: “‘扶贫日’爱心义卖活动”. */
export function quoted(title: string): string {
  return `“${title.replace(/“/g, '‘').replace(/”/g, '’')}”`;
}
