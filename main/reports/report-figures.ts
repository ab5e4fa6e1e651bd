import type { ReadonlyDb } from '../store/readonly-db.js';
import type { Unit } from '../store/units.js';
import type { Period } from '../../shared/period.js';
import { chineseDate } from '../../shared/dates.js';
import { countFigure, textFigure, type Figure, type FigureSet } from './figure-types.js';
import { computeFigures } from './figures.js';
import { computeTargets, targetFigures, yearToDate, YTD_PREFIX, type TargetProgress } from './targets.js';
import { unitProfile } from './unit-profile.js';
import { selection } from './figure-sql.js';
import { activityDate, getActivity, periodActivities, quoted, type Activity } from './activities.js';
import type { Scope } from './ledger-rows.js';

/** What a report is about: a unit, a period and, for a single-activity summary, the activity. */
export interface ReportSubject {
  period: Period;
  unit: Unit;
  activityId: number | null;
}

/** Everything a report draws from the ledgers, regenerated each time it is asked for. */
export interface ReportData {
  subject: ReportSubject;
  scope: Scope;
  figures: FigureSet;
  targets: TargetProgress[];
  activities: Activity[];
  activity: Activity | null;
}

function contextFigures(subject: ReportSubject): Figure[] {
  const { period, unit } = subject;
  return [
    textFigure('unit.name', '填报单位', null, unit.name),
    // After naming itself once in full, a unit writes 我局 or 我校 ("现将我局…报告如下：").
    textFigure('unit.self', '本单位自称（我局、我校）', null, unitProfile(unit).self),
    textFigure('period.label', '期间', null, period.label),
    textFigure('period.range', '起止日期', null, `${chineseDate(period.from)}至${chineseDate(period.to)}`),
    textFigure('period.end', '期末日期', null, chineseDate(period.to)),
  ];
}

function activityFigures(activity: Activity, unitId: number, unitName: string): Figure[] {
  const records = [
    selection('activity', { unitId, from: activity.date, to: activity.date }, 'r.id = ?', [activity.id]),
  ];
  const text = (key: string, label: string, value: string) =>
    textFigure(`subject.${key}`, label, 'activity', value, records, 1);
  const count = (key: string, label: string, value: number | null) =>
    countFigure(`subject.${key}`, label, 'activity', '人', value ?? 0, value ? records : [], value ? 1 : 0);
  return [
    text('title', '活动名称', activity.title),
    text('quotedTitle', '活动名称（加引号）', activity.title ? quoted(activity.title) : ''),
    text('date', '活动日期', activityDate(activity, true)),
    text('type', '活动类型', activity.type),
    text('location', '地点', activity.location),
    // The report's opening already says the unit held it: only another organiser is worth naming.
    text('organizer', '组织单位', activity.organizer === unitName ? '' : activity.organizer),
    count('participants', '参与人数', activity.participants),
    count('beneficiaries', '受益人数', activity.beneficiaries),
    text('summary', '内容摘要', activity.summary),
    text('results', '成效', activity.results),
  ];
}

function yearToDateCopies(db: ReadonlyDb, subject: ReportSubject, periodFigures: FigureSet): Figure[] {
  const range = yearToDate(subject.period);
  const figures =
    range.from === subject.period.from ? periodFigures : computeFigures(db, { unitId: subject.unit.id, ...range });
  const year = range.to.slice(0, 4);
  return [...figures.values()].map((f) => ({
    ...f,
    key: `${YTD_PREFIX}${f.key}`,
    label: `${f.label}（${year}年累计）`,
  }));
}

export function reportData(db: ReadonlyDb, subject: ReportSubject): ReportData {
  const scope: Scope = { unitId: subject.unit.id, from: subject.period.from, to: subject.period.to };
  const periodFigures = computeFigures(db, scope);
  const activity = subject.activityId === null ? null : getActivity(db, subject.activityId);
  const figures: FigureSet = new Map();
  const add = (list: Iterable<Figure>) => {
    for (const f of list) figures.set(f.key, f);
  };
  add(contextFigures(subject));
  add(periodFigures.values());
  add(yearToDateCopies(db, subject, periodFigures));
  if (activity) add(activityFigures(activity, subject.unit.id, subject.unit.name));
  const targets = computeTargets(subject.period, unitProfile(subject.unit), figures);
  add(targetFigures(targets));
  return { subject, scope, figures, targets, activities: periodActivities(db, scope), activity };
}

/** Every figure a report can name, with its label and unit; values are those of an empty ledger. */
export function figureCatalogue(db: ReadonlyDb): Figure[] {
  const nobody: ReportSubject = {
    period: { code: '2019', label: '', from: '2019-01-01', to: '2019-12-31' },
    unit: { id: -1, name: '' },
    activityId: null,
  };
  const none: Activity = {
    id: 0,
    date: '2019-01-01',
    title: '',
    type: '',
    location: '',
    organizer: '',
    participants: null,
    beneficiaries: null,
    summary: '',
    results: '',
  };
  return [...reportData(db, nobody).figures.values(), ...activityFigures(none, -1, '')];
}
