import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../shared/period.js';
import { reportData, type ReportData } from '../../main/reports/report-figures.js';
import { fillParagraph, segmentsText } from '../../main/reports/fill-text.js';
import { textFigure, countFigure, moneyFigure, type Figure, type FigureSet } from '../../main/reports/figure-types.js';
import { selectedIds } from '../../main/reports/figure-sql.js';
import { idNumber, reportFixture, type ReportFixture } from './reports-fixture.js';

let fx: ReportFixture;
let h1: ReportData;
const H1 = parsePeriod('2019H1')!;

beforeAll(() => {
  fx = reportFixture();
  h1 = reportData(fx.db, { period: H1, unit: fx.unit, activityId: null });
});
afterAll(() => fx.dispose());

/** The scope clause every independent query uses: the main unit, 2019H1. */
function scoped(ledger: string, where = '1', range = H1): { sql: string; params: unknown[] } {
  return {
    sql: `FROM records WHERE ledger_key = ? AND unit_id = ? AND record_date BETWEEN ? AND ? AND (${where})`,
    params: [ledger, fx.unit.id, range.from, range.to],
  };
}

function scalar(select: string, ledger: string, where?: string, range?: typeof H1): number {
  const { sql, params } = scoped(ledger, where, range);
  const row = fx.db.prepare(`SELECT ${select} AS v ${sql}`).get(...params) as { v: number | null };
  return row.v ?? 0;
}

function idsOf(ledger: string, where?: string): number[] {
  const { sql, params } = scoped(ledger, where);
  return (fx.db.prepare(`SELECT id ${sql} ORDER BY id`).all(...params) as Array<{ id: number }>).map((r) => r.id);
}

/** The records a figure lists, as the 查看记录 dialog pages through them. */
function listed(f: Figure): number[] {
  return selectedIds(fx.db, f.records, 0, 100_000).sort((a, b) => a - b);
}

function figure(key: string) {
  const f = h1.figures.get(key);
  if (!f) throw new Error(`no figure ${key}`);
  return f;
}

const j = (field: string) => `json_extract(data, '$.${field}')`;

describe('figures drawn from the ledgers', () => {
  const cases: Array<{ key: string; ledger: string; select: string; where?: string }> = [
    { key: 'exchange.total', ledger: 'exchange', select: `SUM(COALESCE(${j('person_times')}, 1))` },
    {
      key: 'exchange.teaching',
      ledger: 'exchange',
      select: `SUM(COALESCE(${j('person_times')}, 1))`,
      where: `${j('exchange_type')} = '支教'`,
    },
    {
      key: 'exchange.secondment',
      ledger: 'exchange',
      select: `SUM(COALESCE(${j('person_times')}, 1))`,
      where: `${j('exchange_type')} = '挂职'`,
    },
    {
      key: 'exchange.shadowing',
      ledger: 'exchange',
      select: `SUM(COALESCE(${j('person_times')}, 1))`,
      where: `${j('exchange_type')} = '跟岗培训'`,
    },
    { key: 'aid.students', ledger: 'student-aid', select: `COUNT(DISTINCT ${j('id_number')})` },
    { key: 'aid.personTimes', ledger: 'student-aid', select: 'COUNT(*)' },
    { key: 'aid.amount', ledger: 'student-aid', select: `SUM(ROUND(${j('amount')} * 100)) / 100.0` },
    {
      // Notice 02 （三）: 特困家庭学生 aided through 公益助学 (春风、同心、爱心助学), whatever their 家庭类型.
      key: 'aid.needyStudents',
      ledger: 'student-aid',
      select: `COUNT(DISTINCT ${j('id_number')})`,
      where: `${j('aid_item')} = '公益助学'`,
    },
    {
      key: 'aid.registered',
      ledger: 'student-aid',
      select: `COUNT(DISTINCT ${j('id_number')})`,
      where: `${j('family_type')} = '建档立卡'`,
    },
    { key: 'dropout.tracked', ledger: 'dropout', select: `COUNT(DISTINCT ${j('id_number')})` },
    { key: 'publicity.total', ledger: 'publicity', select: 'COUNT(*)' },
    {
      key: 'publicity.countyPlus',
      ledger: 'publicity',
      select: 'COUNT(*)',
      where: `${j('level')} IN ('县级', '市级', '省级', '国家级')`,
    },
    { key: 'procurement.amount', ledger: 'procurement', select: `SUM(ROUND(${j('amount')} * 100)) / 100.0` },
    {
      key: 'procurement.poorAmount',
      ledger: 'procurement',
      select: `SUM(ROUND(${j('amount')} * 100)) / 100.0`,
      where: `${j('from_poor_area')} = '是'`,
    },
    { key: 'training.sessions', ledger: 'teacher-training', select: 'COUNT(*)' },
    { key: 'training.headcount', ledger: 'teacher-training', select: `SUM(COALESCE(${j('headcount')}, 0))` },
    { key: 'rectification.total', ledger: 'rectification', select: 'COUNT(*)' },
    { key: 'rectification.done', ledger: 'rectification', select: 'COUNT(*)', where: `${j('status')} = '已完成'` },
    { key: 'activity.count', ledger: 'activity', select: 'COUNT(*)' },
    { key: 'activity.participants', ledger: 'activity', select: `SUM(COALESCE(${j('participants')}, 0))` },
  ];

  for (const c of cases) {
    it(`${c.key} equals what the ledger holds for the unit and period, and names the records it counts`, () => {
      const expected = scalar(c.select, c.ledger, c.where);
      expect(expected).toBeGreaterThan(0);
      expect(figure(c.key).value).toBeCloseTo(expected, 2);
      expect(listed(figure(c.key))).toEqual(idsOf(c.ledger, c.where));
      expect(figure(c.key).recordCount).toBe(idsOf(c.ledger, c.where).length);
    });
  }

  it('counts each dropout once, by the result of their latest record, and only 已复学 and 随班就读 as 劝返', () => {
    // By hand from the fixture: 201 (已复学 twice), 202 已复学, 203 送教上门, 204 未劝返, 205 no result yet.
    const expected = {
      'dropout.tracked': 5,
      'dropout.persuaded': 2,
      'dropout.resumed': 2,
      'dropout.inClass': 0,
      'dropout.homeTeaching': 1,
      'dropout.transferred': 0,
      'dropout.notReturned': 1,
      'dropout.unrecorded': 1,
    };
    for (const [key, value] of Object.entries(expected)) expect([key, figure(key).value]).toEqual([key, value]);
    const parts = ['persuaded', 'homeTeaching', 'transferred', 'notReturned', 'unrecorded'];
    expect(parts.reduce((t, k) => t + figure(`dropout.${k}`).value, 0)).toBe(figure('dropout.tracked').value);
    // The records behind 劝返复学 are the latest of each student persuaded back: 201's second, and 202's.
    const latest = idsOf(
      'dropout',
      `${j('id_number')} IN ('${idNumber(201)}', '${idNumber(202)}') AND record_date >= '2019-03-01'`,
    );
    expect(listed(figure('dropout.persuaded'))).toEqual(latest);
    expect(listed(figure('dropout.notReturned'))).toEqual(idsOf('dropout', `${j('return_result')} = '未劝返'`));
  });

  it('lists every 交流类型 under the exchange total, so the parts add up to it', () => {
    const parts = ['teaching', 'secondment', 'shadowing', 'delivery', 'lecture', 'demoLesson', 'otherTypes'];
    expect(parts.reduce((t, k) => t + figure(`exchange.${k}`).value, 0)).toBe(figure('exchange.total').value);
    expect(figure('exchange.lecture').value).toBe(3);
  });

  it('gives the share bought from poor areas as a percentage of all purchases', () => {
    const poor = scalar(`SUM(ROUND(${j('amount')} * 100))`, 'procurement', `${j('from_poor_area')} = '是'`);
    const all = scalar(`SUM(ROUND(${j('amount')} * 100))`, 'procurement');
    expect(figure('procurement.poorShare').text).toBe(`${((poor / all) * 100).toFixed(1)}%`);
  });

  it('breaks 资助 down by 资助项目 in 人次 and money, adding up to the totals', () => {
    const { sql, params } = scoped('student-aid');
    const rows = fx.db
      .prepare(
        `SELECT ${j('aid_item')} AS item, COUNT(*) AS times, SUM(ROUND(${j('amount')} * 100)) AS cents ${sql} GROUP BY item`,
      )
      .all(...params) as Array<{ item: string; times: number; cents: number }>;
    expect(rows.length).toBeGreaterThan(1);
    const text = figure('aid.byItem').text;
    for (const row of rows) {
      const money = row.cents % 100 === 0 ? String(row.cents / 100) : (row.cents / 100).toFixed(2);
      expect(text).toContain(`${row.item}${row.times}人次、${money}元`);
    }
    expect(rows.reduce((t, r) => t + r.times, 0)).toBe(figure('aid.personTimes').value);
  });

  it('writes money from 10,000 元 up in 万元 with two decimals', () => {
    const money = (yuan: number) => moneyFigure('m.x', '', 'x', Math.round(yuan * 100), [], 0).text;
    expect(money(166289.05)).toBe('16.63万');
    expect(money(10000)).toBe('1.00万');
    expect(money(9999.5)).toBe('9999.50');
    expect(money(3200)).toBe('3200');
  });

  it('leaves out the other unit and the other half-year', () => {
    const everywhere = fx.db
      .prepare(
        `SELECT SUM(COALESCE(${j('person_times')}, 1)) AS v FROM records WHERE ledger_key = 'exchange' AND ${j('exchange_type')} = '支教'`,
      )
      .get() as { v: number };
    expect(figure('exchange.teaching').value).toBeLessThan(everywhere.v);
  });

  it('marks the figures of an empty ledger empty, with no records', () => {
    for (const key of ['pairing.count', 'donation.givenCount', 'donation.receivedValue', 'visit.count']) {
      expect(figure(key).empty).toBe(true);
      expect(figure(key).recordCount).toBe(0);
      expect(listed(figure(key))).toEqual([]);
    }
  });

  it('judges a school only on its own duties, and a per-semester rule only over a semester or longer', () => {
    // 建始县高坪镇中心小学 is a 建始 school: notice 02's 每学期宣传报道 is its duty; 支教、跟岗培训 and
    // 公益助学 are the bureau's; notice 04's 贵州 share binds no 湖北 unit.
    expect(h1.targets.map((t) => t.spec.key)).toEqual(['publicity']);
    const publicity = h1.targets[0]!;
    expect(publicity.actual.value).toBe(
      scalar('COUNT(*)', 'publicity', `${j('level')} IN ('县级', '市级', '省级', '国家级')`),
    );
    expect(publicity.requirement).toBe('“原则上每学期不少于1条县级以上（含县级）宣传报道”');
    expect(publicity.met).toBe(true);
    const april = reportData(fx.db, { period: parsePeriod('2019-04')!, unit: fx.unit, activityId: null });
    expect(april.targets).toEqual([]);
    expect(april.figures.get('targets.progress')!.empty).toBe(true);
  });
});

describe('filling a paragraph', () => {
  const figures: FigureSet = new Map(
    [
      countFigure('a.full', '', 'x', '人', 5, [], 1),
      countFigure('a.none', '', 'x', '人', 0, [], 0),
      countFigure('b.full', '', 'x', '条', 2, [], 2),
      textFigure('t.none', '', null, '', []),
    ].map((f) => [f.key, f]),
  );
  const fill = (text: string) => {
    const segments = fillParagraph(text, figures);
    return segments ? segmentsText(segments) : null;
  };

  it('fills figures and keeps optional parts that have something in them', () => {
    expect(fill('共{{a.full}}人[[，其中{{b.full}}条]]。')).toBe('共5人，其中2条。');
  });

  it('leaves out an optional part whose figure is empty, and tidies the punctuation', () => {
    expect(fill('共{{a.full}}人[[，其中{{a.none}}人]]。')).toBe('共5人。');
    expect(fill('其中[[甲{{a.full}}人、]][[乙{{a.none}}人、]][[丙{{b.full}}条、]]。')).toBe('其中甲5人、丙2条。');
  });

  it('leaves out a group of groups when all of them are empty', () => {
    expect(fill('共{{b.full}}条[[，其中[[甲{{a.none}}人、]][[乙{{a.none}}人、]]]]。')).toBe('共2条。');
  });

  it('never writes a sentence about nothing: "共 0 人" is left out, the rest stays', () => {
    expect(fill('资助学生{{a.none}}人。宣传报道{{b.full}}条。')).toBe('宣传报道2条。');
    expect(fill('资助学生{{a.none}}人。')).toBeNull();
    expect(fill('{{t.none}}')).toBeNull();
  });

  it('keeps the user’s own text untouched and shows a misspelt figure as written', () => {
    expect(fill('我校高度重视，成立了领导小组。')).toBe('我校高度重视，成立了领导小组。');
    expect(fill('共{{a.ful}}人。')).toBe('共{{a.ful}}人。');
    expect(fill('一个 [[ 没有闭合')).toBe('一个 [[ 没有闭合');
  });
});
