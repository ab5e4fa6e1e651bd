import type { ReadonlyDb } from '../store/readonly-db.js';
import type { Scope } from './ledger-rows.js';
import { countFigure, formatPercent, moneyFigure, textFigure, type Figure, type FigureSet } from './figure-types.js';
import {
  aggregate,
  conditionSql,
  field,
  literal,
  SCOPE_SQL,
  selection,
  type Aggregate,
  type Condition,
  type Counted,
  type Measure,
} from './figure-sql.js';
import { activityDate, periodActivities, quoted } from './activities.js';
import { aidFigures } from './aid-figures.js';

/**
 * 交流类型 of the 支教挂职交流台账, in the order a report lists them. Every 交流 is counted in
 * 人次 (its 人次 field, 1 when left empty), so the parts add up to the total; a type a user
 * added to the list is counted under 其他.
 */
const EXCHANGE_TYPES = [
  ['teaching', '支教'],
  ['secondment', '挂职'],
  ['shadowing', '跟岗培训'],
  ['delivery', '送教'],
  ['lecture', '专题讲座'],
  ['demoLesson', '优质课展示'],
] as const;

/** 级别 values that count as 县级以上（含县级） for notice 02's publicity rule. */
export const COUNTY_OR_ABOVE = ['县级', '市级', '省级', '国家级'];
const OPEN_RECTIFICATION = ['未整改', '整改中'];

/**
 * 劝返结果 as a report counts them, each student by the result of their latest record in the
 * period: only 已复学 and 随班就读 are back at school (劝返); 送教上门 and 转学 are stated apart;
 * 未劝返 students are named as a problem.
 */
const DROPOUT_OUTCOMES = [
  ['resumed', '已复学', '已复学'],
  ['inClass', '随班就读', '随班就读'],
  ['homeTeaching', '送教上门', '送教上门'],
  ['transferred', '转学', '转学'],
  ['notReturned', '未劝返', '未劝返'],
] as const;
const BACK_AT_SCHOOL = ['已复学', '随班就读'];

function countOf(
  counted: Map<string, Counted>,
  key: string,
  label: string,
  ledger: string,
  unit: string,
  prefix: string,
): Figure {
  const c = counted.get(key)!;
  return countFigure(`${prefix}.${key}`, label, ledger, unit, Math.round(c.value), c.records, c.recordCount);
}

function moneyOf(counted: Map<string, Counted>, key: string, label: string, ledger: string, prefix: string): Figure {
  const c = counted.get(key)!;
  return moneyFigure(`${prefix}.${key}`, label, ledger, Math.round(c.value), c.records, c.recordCount);
}

const PERSON_TIMES: Measure = { of: 'sum', field: 'person_times', missing: 1 };

function exchangeFigures(db: ReadonlyDb, scope: Scope): Figure[] {
  const listed = EXCHANGE_TYPES.map(([, type]) => type);
  const items: Aggregate[] = [
    { key: 'total', where: [], measure: PERSON_TIMES },
    ...EXCHANGE_TYPES.map(([key, type]) => ({
      key,
      where: [{ field: 'exchange_type', in: [type] }],
      measure: PERSON_TIMES,
    })),
    { key: 'otherTypes', where: [{ field: 'exchange_type', notIn: listed }], measure: PERSON_TIMES },
  ];
  const counted = aggregate(db, 'exchange', scope, items);
  return [
    countOf(counted, 'total', '交流人员', 'exchange', '人次', 'exchange'),
    ...EXCHANGE_TYPES.map(([key, type]) => countOf(counted, key, type, 'exchange', '人次', 'exchange')),
    countOf(counted, 'otherTypes', '其他交流', 'exchange', '人次', 'exchange'),
  ];
}

function pairingFigures(db: ReadonlyDb, scope: Scope): Figure[] {
  const counted = aggregate(db, 'pairing', scope, [
    { key: 'count', where: [], measure: { of: 'records' } },
    { key: 'participants', where: [], measure: { of: 'sum', field: 'participants', missing: 0 } },
  ]);
  return [
    countOf(counted, 'count', '结对帮扶活动', 'pairing', '次', 'pairing'),
    countOf(counted, 'participants', '结对帮扶活动参与人次', 'pairing', '人次', 'pairing'),
  ];
}

/** Each student once, with the 劝返结果 of their latest record in scope. */
function latestDropoutSql(): string {
  const person = `COALESCE(NULLIF(${field('id_number')}, ''), '#' || r.id)`;
  return `SELECT r.id, COALESCE(${field('return_result')}, '') AS result,
            ROW_NUMBER() OVER (PARTITION BY ${person} ORDER BY r.record_date DESC, r.id DESC) AS latest
          FROM visible_records r WHERE ${SCOPE_SQL}`;
}

function dropoutFigures(db: ReadonlyDb, scope: Scope): Figure[] {
  const params: Array<string | number> = ['dropout', scope.unitId, scope.from, scope.to];
  const rows = db
    .prepare(`SELECT result, COUNT(*) AS n FROM (${latestDropoutSql()}) WHERE latest = 1 GROUP BY result`)
    .all(...params) as Array<{ result: string; n: number }>;
  const students = (results: readonly string[] | null) =>
    rows.filter((r) => results === null || results.includes(r.result)).reduce((t, r) => t + r.n, 0);
  const figure = (key: string, label: string, results: readonly string[] | null) => {
    const where =
      results === null
        ? '1'
        : `r.id IN (SELECT id FROM (${latestDropoutSql()}) WHERE latest = 1 AND result IN (${results.map(literal).join(', ')}))`;
    const records = [selection('dropout', scope, where, results === null ? [] : params)];
    const value = students(results);
    return countFigure(`dropout.${key}`, label, 'dropout', '人', value, records, value);
  };
  const known = DROPOUT_OUTCOMES.map(([, result]) => result as string);
  const tracked = figure('tracked', '排查辍学学生', null);
  return [
    // Every record of the students is behind the total; a student recorded twice is one student.
    { ...tracked, recordCount: aggregate(db, 'dropout', scope, [ALL_RECORDS]).get('all')!.recordCount },
    figure('persuaded', '劝返复学学生', BACK_AT_SCHOOL),
    ...DROPOUT_OUTCOMES.map(([key, result, label]) => figure(key, label, [result])),
    figure('unrecorded', '劝返结果待填写', ['', ...rows.map((r) => r.result).filter((r) => r && !known.includes(r))]),
  ];
}

const ALL_RECORDS: Aggregate = { key: 'all', where: [], measure: { of: 'records' } };

function procurementFigures(db: ReadonlyDb, scope: Scope): Figure[] {
  const counted = aggregate(db, 'procurement', scope, [
    { key: 'amount', where: [], measure: { of: 'cents', field: 'amount' } },
    { key: 'poorAmount', where: [{ field: 'from_poor_area', in: ['是'] }], measure: { of: 'cents', field: 'amount' } },
  ]);
  const total = counted.get('amount')!;
  const poor = counted.get('poorAmount')!;
  const share = total.value === 0 ? 0 : (poor.value / total.value) * 100;
  return [
    moneyOf(counted, 'amount', '校农结合采购金额', 'procurement', 'procurement'),
    moneyOf(counted, 'poorAmount', '向贫困地区采购金额', 'procurement', 'procurement'),
    {
      key: 'procurement.poorShare',
      label: '贫困地区采购占比',
      ledger: 'procurement',
      kind: 'percent',
      unit: '',
      value: Math.round(share * 10) / 10,
      text: formatPercent(share),
      // A share of nothing bought says nothing; 0% of real purchases is a fact worth stating.
      empty: total.value === 0,
      records: total.records,
      recordCount: total.recordCount,
    },
  ];
}

function trainingFigures(db: ReadonlyDb, scope: Scope): Figure[] {
  const counted = aggregate(db, 'teacher-training', scope, [
    { key: 'sessions', where: [], measure: { of: 'records' } },
    { key: 'headcount', where: [], measure: { of: 'sum', field: 'headcount', missing: 0 } },
  ]);
  return [
    countOf(counted, 'sessions', '教师培训', 'teacher-training', '期', 'training'),
    countOf(counted, 'headcount', '参训教师', 'teacher-training', '人次', 'training'),
  ];
}

function publicityFigures(db: ReadonlyDb, scope: Scope): Figure[] {
  const countyPlus: Condition[] = [{ field: 'level', in: COUNTY_OR_ABOVE }];
  const counted = aggregate(db, 'publicity', scope, [
    { key: 'total', where: [], measure: { of: 'records' } },
    { key: 'countyPlus', where: countyPlus, measure: { of: 'records' } },
  ]);
  const titles = db
    .prepare(
      `SELECT ${field('title')} AS title, ${field('media')} AS media FROM visible_records r
       WHERE ${SCOPE_SQL} AND ${conditionSql(countyPlus)} ORDER BY r.record_date, r.id LIMIT 3`,
    )
    .all('publicity', scope.unitId, scope.from, scope.to) as Array<{ title: string | null; media: string | null }>;
  const c = counted.get('countyPlus')!;
  return [
    countOf(counted, 'total', '宣传报道', 'publicity', '条', 'publicity'),
    countOf(counted, 'countyPlus', '县级以上宣传报道', 'publicity', '条', 'publicity'),
    textFigure(
      'publicity.countyPlusTitles',
      '县级以上宣传报道（前三条）',
      'publicity',
      titles
        .filter((t) => t.title)
        .map((t) => `${t.media ?? ''}刊发《${t.title}》`)
        .join('，'),
      c.records,
      c.recordCount,
    ),
  ];
}

/** 捐出 and 受赠 are counted apart: giving and receiving are different work. */
function donationFigures(db: ReadonlyDb, scope: Scope): Figure[] {
  const given: Condition[] = [{ field: 'direction', in: ['捐出'] }];
  const received: Condition[] = [{ field: 'direction', in: ['受赠'] }];
  const counted = aggregate(db, 'donation', scope, [
    { key: 'givenCount', where: given, measure: { of: 'records' } },
    { key: 'givenValue', where: given, measure: { of: 'cents', field: 'value' } },
    { key: 'receivedCount', where: received, measure: { of: 'records' } },
    { key: 'receivedValue', where: received, measure: { of: 'cents', field: 'value' } },
  ]);
  return [
    countOf(counted, 'givenCount', '捐出', 'donation', '次', 'donation'),
    moneyOf(counted, 'givenValue', '捐出折合金额', 'donation', 'donation'),
    countOf(counted, 'receivedCount', '受赠', 'donation', '批次', 'donation'),
    moneyOf(counted, 'receivedValue', '受赠折合金额', 'donation', 'donation'),
  ];
}

function visitFigures(db: ReadonlyDb, scope: Scope): Figure[] {
  const counted = aggregate(db, 'household-visit', scope, [{ key: 'count', where: [], measure: { of: 'records' } }]);
  return [countOf(counted, 'count', '走访帮扶户', 'household-visit', '户次', 'visit')];
}

/** Items of a list ledger as one phrase: "甲、乙等3项", naming at most `shown`. */
function itemsPhrase(items: string[], unit: string, shown = 3): string {
  if (items.length === 0) return '';
  // Quotes side by side take no 顿号 between them; a quote inside one turns single (“‘班班通’设备”).
  const named = items.slice(0, shown).map(quoted).join('');
  return items.length > shown ? `${named}等${items.length}${unit}` : `${named}${items.length}${unit}`;
}

/**
 * Problems and tasks still open at the end of the period, whenever they were raised: the
 * 问题整改台账 is dated by its 整改时限, the 任务清单 by the day the list was made.
 */
function openItems(db: ReadonlyDb, ledger: string, textField: string, conditions: Condition[], scope: Scope): Figure[] {
  const upToEnd: Scope = { ...scope, from: '0000-01-01' };
  const where = conditionSql(conditions);
  const texts = db
    .prepare(
      `SELECT ${field(textField)} AS text FROM visible_records r WHERE ${SCOPE_SQL} AND ${where} ORDER BY r.record_date, r.id`,
    )
    .pluck()
    .all(ledger, upToEnd.unitId, upToEnd.from, upToEnd.to) as Array<string | null>;
  const items = texts.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim());
  const records = [selection(ledger, upToEnd, where)];
  const key = ledger === 'task' ? 'task' : 'rectification';
  const label = ledger === 'task' ? '任务清单中未完成的任务' : '尚未完成整改的问题';
  return [
    countFigure(`${key}.openToDate`, label, ledger, '项', texts.length, records, texts.length),
    textFigure(`${key}.openItems`, `${label}（列举）`, ledger, itemsPhrase(items, '项'), records, texts.length),
  ];
}

function rectificationFigures(db: ReadonlyDb, scope: Scope): Figure[] {
  const counted = aggregate(db, 'rectification', scope, [
    { key: 'total', where: [], measure: { of: 'records' } },
    { key: 'done', where: [{ field: 'status', in: ['已完成'] }], measure: { of: 'records' } },
    { key: 'open', where: [{ field: 'status', in: OPEN_RECTIFICATION }], measure: { of: 'records' } },
    { key: 'ongoing', where: [{ field: 'status', in: ['长期坚持'] }], measure: { of: 'records' } },
  ]);
  return [
    countOf(counted, 'total', '整改问题', 'rectification', '项', 'rectification'),
    countOf(counted, 'done', '已完成整改', 'rectification', '项', 'rectification'),
    countOf(counted, 'open', '正在整改', 'rectification', '项', 'rectification'),
    countOf(counted, 'ongoing', '长期坚持整改', 'rectification', '项', 'rectification'),
    ...openItems(db, 'rectification', 'problem', [{ field: 'status', in: OPEN_RECTIFICATION }], scope),
  ];
}

function taskFigures(db: ReadonlyDb, scope: Scope): Figure[] {
  return openItems(db, 'task', 'task', [{ field: 'status', notIn: ['已完成'] }], scope);
}

function activityFigures(db: ReadonlyDb, scope: Scope): Figure[] {
  const activities = periodActivities(db, scope);
  const records = [selection('activity', scope, '1')];
  const n = activities.length;
  const withYear = scope.from.slice(0, 4) !== scope.to.slice(0, 4);
  const titles = activities.map((a) => `${activityDate(a, withYear)}${quoted(a.title)}`).join('、');
  const total = (of: (a: (typeof activities)[number]) => number | null) =>
    activities.reduce((t, a) => t + (of(a) ?? 0), 0);
  return [
    countFigure('activity.count', '扶贫活动', 'activity', '次', n, records, n),
    countFigure(
      'activity.participants',
      '活动参与人次',
      'activity',
      '人次',
      total((a) => a.participants),
      records,
      n,
    ),
    countFigure(
      'activity.beneficiaries',
      '活动受益人次',
      'activity',
      '人次',
      total((a) => a.beneficiaries),
      records,
      n,
    ),
    textFigure('activity.titles', '活动名称及日期', 'activity', titles, records, n),
  ];
}

/** Every ledger figure for one unit and date range. */
export function computeFigures(db: ReadonlyDb, scope: Scope): FigureSet {
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
    ...taskFigures(db, scope),
    ...activityFigures(db, scope),
  ];
  return new Map(all.map((f) => [f.key, f]));
}
