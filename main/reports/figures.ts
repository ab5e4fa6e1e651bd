import type { Db } from '../store/database.js';
import { ledgerRows, type LedgerRow, type Scope } from './ledger-rows.js';
import {
  countFigure,
  formatMoney,
  formatPercent,
  moneyFigure,
  textFigure,
  type Figure,
  type FigureSet,
} from './figure-types.js';
import { activityDate, periodActivities, quoted } from './activities.js';

/** 交流类型 values the notices set targets for (02: 支教 100 人次, 跟岗培训 150 人; 挂职). */
const EXCHANGE_TYPES = { teaching: '支教', secondment: '挂职', shadowing: '跟岗培训' } as const;
/** 家庭类型 values counted as 特困家庭 for 02's 资助特困家庭学生 100 人以上. */
export const NEEDY_FAMILY_TYPES = ['建档立卡', '低保', '特困供养'];
/** 级别 values that count as 县级以上（含县级） for 02's publicity rule. */
export const COUNTY_OR_ABOVE = ['县级', '市级', '省级', '国家级'];
const OPEN_RECTIFICATION = ['未整改', '整改中'];
const AID_ITEM_ORDER = [
  '两免一补',
  '营养改善计划',
  '国家助学金',
  '免学费',
  '雨露计划',
  '公益助学',
  '路费及生活费',
  '其他',
];

function numberOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function centsOf(value: unknown): number {
  return Math.round((numberOf(value) ?? 0) * 100);
}

/** 人次 of an exchange record: the 人次 field, or 1 when it was left empty. */
function personTimesOf(row: LedgerRow): number {
  return numberOf(row.values.person_times) ?? 1;
}

function ids(rows: LedgerRow[]): number[] {
  return rows.map((r) => r.id);
}

function sum(rows: LedgerRow[], of: (row: LedgerRow) => number): number {
  return rows.reduce((total, row) => total + of(row), 0);
}

/** Distinct people by 身份证号; a record without one counts as a person of its own. */
function distinctPeople(rows: LedgerRow[]): number {
  return new Set(rows.map((r) => (typeof r.values.id_number === 'string' ? r.values.id_number : `#${r.id}`))).size;
}

function exchangeFigures(db: Db, scope: Scope): Figure[] {
  const rows = ledgerRows(db, 'exchange', ['exchange_type', 'person_times'], scope);
  const ofType = (type: string) => rows.filter((r) => r.values.exchange_type === type);
  const figure = (key: keyof typeof EXCHANGE_TYPES, unit: string) => {
    const matching = ofType(EXCHANGE_TYPES[key]);
    return countFigure(
      `exchange.${key}`,
      EXCHANGE_TYPES[key],
      'exchange',
      unit,
      sum(matching, personTimesOf),
      ids(matching),
    );
  };
  return [
    countFigure('exchange.total', '交流人员', 'exchange', '人次', sum(rows, personTimesOf), ids(rows)),
    figure('teaching', '人次'),
    figure('secondment', '人'),
    figure('shadowing', '人'),
  ];
}

function pairingFigures(db: Db, scope: Scope): Figure[] {
  const rows = ledgerRows(db, 'pairing', ['participants'], scope);
  const participants = sum(rows, (r) => numberOf(r.values.participants) ?? 0);
  return [
    countFigure('pairing.count', '结对帮扶活动', 'pairing', '次', rows.length, ids(rows)),
    countFigure('pairing.participants', '结对帮扶活动参与人数', 'pairing', '人次', participants, ids(rows)),
  ];
}

function aidBreakdown(rows: LedgerRow[]): string {
  const groups = new Map<string, LedgerRow[]>();
  for (const row of rows) {
    const item = typeof row.values.aid_item === 'string' ? row.values.aid_item : '其他';
    // Appended in place: copying the group for each row took most of a minute on a half-year of 300,000 records.
    const group = groups.get(item);
    if (group) group.push(row);
    else groups.set(item, [row]);
  }
  const rank = (item: string) => (AID_ITEM_ORDER.includes(item) ? AID_ITEM_ORDER.indexOf(item) : AID_ITEM_ORDER.length);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN'))
    .map(
      ([item, group]) =>
        `${item}${distinctPeople(group)}人、${formatMoney(sum(group, (r) => centsOf(r.values.amount)) / 100)}元`,
    )
    .join('；');
}

function aidFigures(db: Db, scope: Scope): Figure[] {
  const rows = ledgerRows(db, 'student-aid', ['id_number', 'amount', 'aid_item', 'family_type'], scope);
  const needy = rows.filter((r) => NEEDY_FAMILY_TYPES.includes(String(r.values.family_type)));
  return [
    countFigure('aid.students', '资助学生（按身份证号去重）', 'student-aid', '人', distinctPeople(rows), ids(rows)),
    countFigure('aid.personTimes', '资助学生人次', 'student-aid', '人次', rows.length, ids(rows)),
    moneyFigure(
      'aid.amount',
      '资助金额',
      'student-aid',
      sum(rows, (r) => centsOf(r.values.amount)),
      ids(rows),
    ),
    textFigure('aid.byItem', '按资助项目', 'student-aid', aidBreakdown(rows), ids(rows)),
    countFigure('aid.needyStudents', '资助特困家庭学生', 'student-aid', '人', distinctPeople(needy), ids(needy)),
  ];
}

function dropoutFigures(db: Db, scope: Scope): Figure[] {
  const rows = ledgerRows(db, 'dropout', ['id_number', 'return_result'], scope);
  const persuaded = rows.filter(
    (r) => typeof r.values.return_result === 'string' && r.values.return_result !== '未劝返',
  );
  const resumed = rows.filter((r) => r.values.return_result === '已复学');
  return [
    countFigure('dropout.tracked', '排查辍学学生', 'dropout', '人', distinctPeople(rows), ids(rows)),
    countFigure('dropout.persuaded', '劝返学生', 'dropout', '人', distinctPeople(persuaded), ids(persuaded)),
    countFigure('dropout.resumed', '已复学', 'dropout', '人', distinctPeople(resumed), ids(resumed)),
  ];
}

function procurementFigures(db: Db, scope: Scope): Figure[] {
  const rows = ledgerRows(db, 'procurement', ['amount', 'from_poor_area'], scope);
  const poor = rows.filter((r) => r.values.from_poor_area === '是');
  const total = sum(rows, (r) => centsOf(r.values.amount));
  const poorCents = sum(poor, (r) => centsOf(r.values.amount));
  const share = total === 0 ? 0 : (poorCents / total) * 100;
  return [
    moneyFigure('procurement.amount', '校农结合采购金额', 'procurement', total, ids(rows)),
    moneyFigure('procurement.poorAmount', '来自贫困地区的采购金额', 'procurement', poorCents, ids(poor)),
    {
      key: 'procurement.poorShare',
      label: '贫困地区采购占比',
      ledger: 'procurement',
      kind: 'percent',
      unit: '',
      value: Math.round(share * 10) / 10,
      text: formatPercent(share),
      // A share of nothing bought says nothing; 0% of real purchases is a fact worth stating.
      empty: total === 0,
      recordIds: ids(rows),
    },
  ];
}

function trainingFigures(db: Db, scope: Scope): Figure[] {
  const rows = ledgerRows(db, 'teacher-training', ['headcount'], scope);
  return [
    countFigure('training.sessions', '教师培训', 'teacher-training', '期', rows.length, ids(rows)),
    countFigure(
      'training.headcount',
      '参训教师',
      'teacher-training',
      '人',
      sum(rows, (r) => numberOf(r.values.headcount) ?? 0),
      ids(rows),
    ),
  ];
}

function publicityFigures(db: Db, scope: Scope): Figure[] {
  const rows = ledgerRows(db, 'publicity', ['level'], scope);
  const countyPlus = rows.filter((r) => COUNTY_OR_ABOVE.includes(String(r.values.level)));
  return [
    countFigure('publicity.total', '宣传报道', 'publicity', '条', rows.length, ids(rows)),
    countFigure('publicity.countyPlus', '县级以上宣传报道', 'publicity', '条', countyPlus.length, ids(countyPlus)),
  ];
}

/** 捐出 and 受赠 are counted apart: giving and receiving are different work. */
function donationFigures(db: Db, scope: Scope): Figure[] {
  const rows = ledgerRows(db, 'donation', ['direction', 'value'], scope);
  const given = rows.filter((r) => r.values.direction === '捐出');
  const received = rows.filter((r) => r.values.direction === '受赠');
  const value = (list: LedgerRow[]) => sum(list, (r) => centsOf(r.values.value));
  return [
    countFigure('donation.givenCount', '捐出', 'donation', '次', given.length, ids(given)),
    moneyFigure('donation.givenValue', '捐出折合金额', 'donation', value(given), ids(given)),
    countFigure('donation.receivedCount', '受赠', 'donation', '批次', received.length, ids(received)),
    moneyFigure('donation.receivedValue', '受赠折合金额', 'donation', value(received), ids(received)),
  ];
}

function visitFigures(db: Db, scope: Scope): Figure[] {
  const rows = ledgerRows(db, 'household-visit', [], scope);
  return [countFigure('visit.count', '走访帮扶户', 'household-visit', '户次', rows.length, ids(rows))];
}

function rectificationFigures(db: Db, scope: Scope): Figure[] {
  const rows = ledgerRows(db, 'rectification', ['status'], scope);
  const done = rows.filter((r) => r.values.status === '已完成');
  const open = rows.filter((r) => OPEN_RECTIFICATION.includes(String(r.values.status)));
  return [
    countFigure('rectification.total', '整改问题', 'rectification', '项', rows.length, ids(rows)),
    countFigure('rectification.done', '已完成整改', 'rectification', '项', done.length, ids(done)),
    countFigure('rectification.open', '正在整改', 'rectification', '项', open.length, ids(open)),
  ];
}

function activityFigures(db: Db, scope: Scope): Figure[] {
  const activities = periodActivities(db, scope);
  const activityIds = activities.map((a) => a.id);
  const withYear = scope.from.slice(0, 4) !== scope.to.slice(0, 4);
  const titles = activities.map((a) => `${activityDate(a, withYear)}${quoted(a.title)}`).join('、');
  return [
    countFigure('activity.count', '扶贫活动', 'activity', '次', activities.length, activityIds),
    countFigure(
      'activity.participants',
      '活动参与人数',
      'activity',
      '人次',
      activities.reduce((t, a) => t + (a.participants ?? 0), 0),
      activityIds,
    ),
    countFigure(
      'activity.beneficiaries',
      '活动受益人数',
      'activity',
      '人次',
      activities.reduce((t, a) => t + (a.beneficiaries ?? 0), 0),
      activityIds,
    ),
    textFigure('activity.titles', '活动名称及日期', 'activity', titles, activityIds),
  ];
}

/** Every ledger figure for one unit and date range. */
export function computeFigures(db: Db, scope: Scope): FigureSet {
  const all = [
    ...exchangeFigures(db, scope),
    ...pairingFigures(db, scope),
    ...aidFigures(db, scope),
    ...dropoutFigures(db, scope),
    ...procurementFigures(db, scope),
    ...trainingFigures(db, scope),
    ...publicityFigures(db, scope),
    ...donationFigures(db, scope),
    ...visitFigures(db, scope),
    ...rectificationFigures(db, scope),
    ...activityFigures(db, scope),
  ];
  return new Map(all.map((f) => [f.key, f]));
}
