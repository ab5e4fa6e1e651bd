import type { ReadonlyDb } from '../store/readonly-db.js';
import type { Scope } from './ledger-rows.js';
import { countFigure, formatMoney, moneyFigure, textFigure, type Figure } from './figure-types.js';
import { conditionSql, field, literal, SCOPE_SQL, scopeParams, selection } from './figure-sql.js';

// The 学生资助 figures of a report: the ledger with the most records, counted in one statement.

/**
 * Notice 02 （三）引导公益助学: 特困家庭学生 aided through 滨江's 春风助学、同心助学 and 爱心助学
 * — the 资助项目 公益助学 — count toward its 100 人以上; 两免一补 and the other state aid do not.
 */
export const CHARITY_AID_ITEM = '公益助学';
const AID_ITEM_ORDER = ['两免一补', '营养改善计划', '国家助学金', '免学费', '雨露计划', '公益助学', '路费及生活费'];
const STAGE_ORDER = ['学前', '小学', '初中', '高中', '中职', '高校'];
const REGISTERED_POOR = '建档立卡';

function ranked(order: readonly string[]) {
  return (a: string, b: string) => {
    const rank = (x: string) => (order.includes(x) ? order.indexOf(x) : order.length);
    return rank(a) - rank(b) || a.localeCompare(b, 'zh-CN');
  };
}

interface AidRow {
  part: 'all' | 'item' | 'stage';
  name: string | null;
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
  g: number;
}

/**
 * Every 学生资助 figure in one statement: the records in scope are read once into a materialized
 * table of the five fields used, then counted whole, by 资助项目 and by 学段. On a half-year of
 * 300,000 records this is one pass instead of one per figure.
 */
function aidRows(db: ReadonlyDb, scope: Scope): AidRow[] {
  const cents = "ROUND(COALESCE(NULLIF(amount, ''), 0) * 100)";
  const charity = `item = ${literal(CHARITY_AID_ITEM)}`;
  const registered = `family = ${literal(REGISTERED_POOR)}`;
  return db
    .prepare(
      `WITH s AS MATERIALIZED (
         SELECT COALESCE(NULLIF(${field('id_number')}, ''), '#' || r.id) AS person,
                COALESCE(NULLIF(${field('aid_item')}, ''), '其他') AS item,
                COALESCE(NULLIF(${field('stage')}, ''), '未填学段') AS stage,
                ${field('family_type')} AS family, ${field('amount')} AS amount
         FROM visible_records r WHERE ${SCOPE_SQL}),
       -- Each student once per 学段, with whether any of their records there is 公益助学 or 建档立卡.
       p AS MATERIALIZED (
         SELECT person, stage, MAX(${charity}) AS charity, MAX(${registered}) AS registered
         FROM s GROUP BY person, stage)
       SELECT 'all' AS part, NULL AS name, (SELECT COUNT(DISTINCT person) FROM p) AS a, COUNT(*) AS b,
              TOTAL(${cents}) AS c, (SELECT COUNT(DISTINCT person) FROM p WHERE charity) AS d,
              TOTAL(CASE WHEN ${charity} THEN ${cents} END) AS e,
              (SELECT COUNT(DISTINCT person) FROM p WHERE registered) AS f,
              COUNT(CASE WHEN ${registered} THEN 1 END) AS g FROM s
       UNION ALL
       SELECT 'item', item, COUNT(*), TOTAL(${cents}), 0, 0, 0, 0, 0 FROM s GROUP BY item
       UNION ALL
       SELECT 'stage', stage, COUNT(*), TOTAL(registered), 0, 0, 0, 0, 0 FROM p GROUP BY stage`,
    )
    .all(...scopeParams('student-aid', scope)) as AidRow[];
}

/** "两免一补120人次、6.25万元；营养改善计划…": 人次 and money per 资助项目, adding up to the totals. */
function aidByItem(rows: AidRow[]): string {
  const order = ranked(AID_ITEM_ORDER);
  return rows
    .filter((r) => r.part === 'item')
    .sort((a, b) => order(a.name!, b.name!))
    .map((r) => `${r.name}${r.a}人次、${formatMoney(r.b / 100)}元`)
    .join('；');
}

/** "小学120人（其中建档立卡60人）、初中…": distinct students per 学段, each once. */
function aidByStage(rows: AidRow[]): string {
  const order = ranked(STAGE_ORDER);
  return rows
    .filter((r) => r.part === 'stage')
    .sort((a, b) => order(a.name!, b.name!))
    .map((r) => `${r.name}${r.a}人${r.b > 0 ? `（其中建档立卡${r.b}人）` : ''}`)
    .join('、');
}

export function aidFigures(db: ReadonlyDb, scope: Scope): Figure[] {
  const rows = aidRows(db, scope);
  const all = rows.find((r) => r.part === 'all')!;
  const everything = [selection('student-aid', scope, '1')];
  const charity = [selection('student-aid', scope, conditionSql([{ field: 'aid_item', in: [CHARITY_AID_ITEM] }]))];
  const registered = [selection('student-aid', scope, conditionSql([{ field: 'family_type', in: [REGISTERED_POOR] }]))];
  const charityRecords = rows.find((r) => r.part === 'item' && r.name === CHARITY_AID_ITEM)?.a ?? 0;
  const count = (key: string, label: string, unit: string, value: number, records = everything, n = all.b) =>
    countFigure(`aid.${key}`, label, 'student-aid', unit, value, records, n);
  const text = (key: string, label: string, value: string) =>
    textFigure(`aid.${key}`, label, 'student-aid', value, everything, all.b);
  // "300人、300人次" says one thing twice: the 人次 are only written when they differ.
  const reach = all.a === 0 ? '' : all.a === all.b ? `${all.a}人` : `${all.a}人（累计${all.b}人次）`;
  return [
    count('students', '受资助学生', '人', all.a),
    count('personTimes', '资助人次', '人次', all.b),
    moneyFigure('aid.amount', '资助金额', 'student-aid', Math.round(all.c), everything, all.b),
    text('reach', '受资助学生人数及人次', reach),
    text('byItem', '按资助项目的人次和金额', aidByItem(rows)),
    text('byStage', '按学段的受资助学生', aidByStage(rows)),
    count('registered', '受资助的建档立卡家庭学生', '人', all.f, registered, all.g),
    count('needyStudents', '公益助学资助特困家庭学生', '人', all.d, charity, charityRecords),
    moneyFigure('aid.charityAmount', '公益助学资金', 'student-aid', Math.round(all.e), charity, charityRecords),
  ];
}
