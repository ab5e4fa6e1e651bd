import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemo } from '../../main/demo/index.js';
import { composeDraft, composeForPreview } from '../../main/reports/report-service.js';
import { reportData } from '../../main/reports/report-figures.js';
import { segmentsText } from '../../main/reports/fill-text.js';
import { PROMPT_MARK, type ComposedReport } from '../../main/reports/compose.js';
import { BUILTIN_TEMPLATES } from '../../main/reports/builtin-templates.js';
import { BUILTIN_TARGETS } from '../../main/reports/targets.js';
import { unitProfile } from '../../main/reports/unit-profile.js';
import { createUnit } from '../../main/store/units.js';
import { saveReportType } from '../../main/reports/report-types.js';
import { createRecord } from '../../main/store/records.js';
import { TaizhangError } from '../../main/store/errors.js';
import { parsePeriod } from '../../shared/period.js';
import { idNumber, sexOf } from './reports-fixture.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';

/*
 * Every built-in report of the demo ledger (建始县教育局, a county bureau of 湖北), read as an
 * official would: for a month, a half-year and a year. Figures are checked against what SQLite
 * says when asked directly, never through the figure code.
 */

const BUREAU = '建始县教育局';
const PERIODS = ['2019-04', '2019-10', '2019H1', '2019'];
let store: TempStore;

beforeAll(() => {
  store = tempStore(BUREAU);
  fillDemo(store.db, { unitId: store.unit.id, operator: '测试员' });
});
afterAll(() => store.dispose());

function report(type: string, period: string, unitId = store.unit.id): ComposedReport {
  return composeForPreview(store.db, { type, period, unitId });
}

function paragraphs(r: ComposedReport): string[] {
  return r.body.flatMap((b) => (b.kind === 'paragraph' ? [segmentsText(b.segments)] : []));
}

function sentences(r: ComposedReport): string[] {
  return paragraphs(r).flatMap((p) =>
    p
      .split(/(?<=[。！？：])/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** A figure sentence's total and the parts listed after 其中, in the same unit (parenthesised detail left out). */
function partsOverTotal(sentence: string): string | null {
  const m = /(\d+)(人次|人|条|项|次|期)[^，。；]*，其中(.*)$/.exec(sentence);
  if (!m) return null;
  const [, total, unit, rest] = m;
  const parts = [...rest!.replace(/（[^）]*）/g, '').matchAll(new RegExp(`(\\d+)${unit}(?![次])`, 'g'))].map((p) =>
    Number(p[1]),
  );
  const sum = parts.reduce((t, n) => t + n, 0);
  return sum > Number(total) ? `${sentence}: ${sum} > ${total}` : null;
}

/** The paragraphs under a level-1 heading, down to the next one. */
function section(r: ComposedReport, heading: string): string {
  const start = r.body.findIndex((b) => b.kind === 'heading' && b.level === 1 && b.text === heading);
  const texts: string[] = [];
  for (const b of r.body.slice(start + 1)) {
    if (b.kind === 'heading' && b.level === 1) break;
    if (b.kind === 'paragraph') texts.push(segmentsText(b.segments));
    if (b.kind === 'table') texts.push(b.title);
  }
  return texts.join('\n');
}

const all = () =>
  BUILTIN_TEMPLATES.flatMap((t) => PERIODS.map((period) => ({ type: t.key, period, r: report(t.key, period) })));

/** What SQLite holds for the bureau in a period, asked directly. */
function sql<T = number>(select: string, ledger: string, period: string, where = '1'): T {
  const p = parsePeriod(period)!;
  const row = store.db
    .prepare(
      `SELECT ${select} AS v FROM records WHERE ledger_key = ? AND unit_id = ? AND record_date BETWEEN ? AND ? AND (${where})`,
    )
    .get(ledger, store.unit.id, p.from, p.to) as { v: T };
  return row.v;
}
const j = (field: string) => `json_extract(data, '$.${field}')`;

describe('every built-in report of the demo ledger', () => {
  it('says no sentence twice', () => {
    for (const { type, period, r } of all()) {
      const seen = new Set<string>();
      for (const s of sentences(r)) {
        if (s.length < 8) continue;
        expect(seen.has(s), `${type} ${period}: ${s}`).toBe(false);
        seen.add(s);
      }
    }
  });

  it('states each activity result once, and never lists parts that exceed their total', () => {
    for (const { type, period, r } of all()) {
      const text = paragraphs(r).join('\n');
      for (const result of ['演出节目，观看群众踊跃', '每名留守儿童都有代理家长', '学生撰写心得体会']) {
        expect(text.split(result).length - 1, `${type} ${period}: ${result}`).toBeLessThanOrEqual(1);
      }
      for (const s of sentences(r)) expect(partsOverTotal(s), `${type} ${period}`).toBeNull();
    }
  });

  it('never writes "244人、244人次", internal notes, or its own name in full more than once', () => {
    for (const { type, period, r } of all()) {
      const text = paragraphs(r).join('\n');
      expect(text, `${type} ${period}`).not.toMatch(/(\d+)人、\1人次/);
      expect(text).not.toContain('按身份证号去重');
      expect(text).not.toMatch(/\{\{|\[\[/);
      expect(text.split(BUREAU).length - 1, `${type} ${period}`).toBeLessThanOrEqual(1);
      expect(text).not.toMatch(/\d{5,}(?:\.\d+)?元/);
    }
  });

  it('keeps every section the notice requires, each with something written from the ledgers', () => {
    const required: Record<string, string[]> = {
      'monthly-progress': ['工作进展情况', '典型经验做法', '存在的困难和问题', '对策建议'],
      'half-year-summary': ['基本情况', '主要工作及成效', '存在的困难和问题', '下一步工作打算'],
      'activity-summary': ['活动开展情况', '活动成效', '存在的问题和下一步打算'],
    };
    for (const { type, period, r } of all()) {
      if (type === 'activity-summary' && period === '2019-04') continue;
      const headings = r.body.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : []));
      expect(headings, `${type} ${period}`).toEqual(expect.arrayContaining(required[type]!));
      for (const heading of headings) {
        expect(section(r, heading), `${type} ${period} ${heading}`).not.toBe('');
      }
      expect(paragraphs(r).join(''), `${type} ${period}`).not.toContain(PROMPT_MARK);
    }
  });

  it('judges a county bureau only on the county’s targets, and in the notice’s own words', () => {
    for (const period of PERIODS) {
      const data = reportData(store.db, { period: parsePeriod(period)!, unit: store.unit, activityId: null });
      // 每学期宣传报道 is each school's duty; 校农结合 50% binds 贵州 (notice 04), not 湖北.
      expect(data.targets.map((t) => t.spec.key).sort()).toEqual(['needy-aid', 'shadowing', 'teaching']);
      for (const t of data.targets) expect(t.requirement).toBe(`“${t.spec.wording}”`);
      const text = paragraphs(report('half-year-summary', period)).join('');
      expect(text).not.toContain('每学期不少于');
      expect(text).not.toContain('50%以上');
    }
    const notice02 = BUILTIN_TARGETS.filter((t) => t.notice === '02').map((t) => t.wording);
    expect(notice02).toEqual([
      '争取滨江教师支教建始100人次',
      '安排建始教师赴滨江跟岗培训150人',
      '实现资助建始县特困家庭学生100人以上目标',
      '原则上每学期不少于1条县级以上（含县级）宣传报道',
    ]);
  });
});

describe('the sentences of the 2019H1 half-year summary, against the demo ledger counted by hand', () => {
  const text = () => paragraphs(report('half-year-summary', '2019H1')).join('\n');

  it('counts as 资助特困家庭学生 the distinct students aided through 公益助学 (notice 02 （三）)', () => {
    const charity = sql(`COUNT(DISTINCT ${j('id_number')})`, 'student-aid', '2019H1', `${j('aid_item')} = '公益助学'`);
    expect(charity).toBe(63);
    expect(text()).toContain(`等公益助学项目，资助特困家庭学生${charity}人`);
    expect(text()).toContain(
      `公益助学资助特困家庭学生累计${charity}人，完成“实现资助建始县特困家庭学生100人以上目标”的63.0%`,
    );
  });

  it('lists every 交流类型 under the exchange total', () => {
    const rows = store.db
      .prepare(
        `SELECT ${j('exchange_type')} AS type, SUM(COALESCE(${j('person_times')}, 1)) AS n FROM records
         WHERE ledger_key = 'exchange' AND unit_id = ? AND record_date BETWEEN '2019-01-01' AND '2019-06-30' GROUP BY 1`,
      )
      .all(store.unit.id) as Array<{ type: string; n: number }>;
    const n = (type: string) => rows.find((r) => r.type === type)?.n ?? 0;
    const total = rows.reduce((t, r) => t + r.n, 0);
    const parts = ['支教', '挂职', '跟岗培训', '送教', '专题讲座', '优质课展示']
      .filter((t) => n(t) > 0)
      .map((t) => `${t}${n(t)}人次`);
    expect(text()).toContain(`选派、接收交流人员${total}人次，其中${parts.join('、')}。`);
    expect(parts.length).toBeGreaterThan(3);
  });

  it('counts as 劝返 only the students back at school, and states those not persuaded back as a problem', () => {
    // Each demo dropout has one record, so a student's result is their record's.
    const by = (result: string) =>
      sql(`COUNT(DISTINCT ${j('id_number')})`, 'dropout', '2019H1', `${j('return_result')} = '${result}'`);
    const tracked = sql(`COUNT(DISTINCT ${j('id_number')})`, 'dropout', '2019H1');
    const back = by('已复学') + by('随班就读');
    expect(by('未劝返')).toBeGreaterThan(0);
    const parts = [
      `劝返复学${back}人`,
      ...(['送教上门', '转学', '未劝返'] as const).filter((r) => by(r) > 0).map((r) => `${r}${by(r)}人`),
    ];
    expect(text()).toContain(`排查辍学学生${tracked}人，其中${parts.join('、')}`);
    expect(text()).toContain(`本期尚有${by('未劝返')}名辍学学生未劝返复学`);
    const problems = section(report('half-year-summary', '2019H1'), '存在的困难和问题');
    expect(problems).toContain(`${by('未劝返')}名辍学学生未劝返复学`);
  });

  it('writes money above 10,000 元 in 万元 with two decimals', () => {
    const cents = sql(`SUM(ROUND(${j('amount')} * 100))`, 'procurement', '2019H1');
    expect(cents).toBeGreaterThan(1_000_000);
    expect(text()).toContain(`校农结合采购农产品${(cents / 1_000_000).toFixed(2)}万元`);
  });

  it('opens with the bureau’s name once, then writes 我局', () => {
    const first = paragraphs(report('half-year-summary', '2019H1'))[0]!;
    expect(first).toContain(BUREAU);
    expect(first).toMatch(/现将我局工作情况总结如下：$/);
  });

  it('draws 下一步 from the 任务清单 items not done', () => {
    const open = sql('COUNT(*)', 'task', '2019', `${j('status')} <> '已完成'`);
    expect(text()).toContain(`等${open}项尚未完成的任务`);
  });
});

describe('a ledger with little in it', () => {
  let sparse: ReturnType<typeof createUnit>;
  beforeAll(() => {
    sparse = createUnit(store.db, '建始县景阳镇中心小学', '测试员');
    for (let n = 1; n <= 3; n++) {
      createRecord(
        store.db,
        {
          ledger: 'student-aid',
          unitId: sparse.id,
          values: {
            name: `学生${n}`,
            gender: sexOf(n),
            id_number: idNumber(n),
            stage: '小学',
            family_type: '建档立卡',
            aid_item: '两免一补',
            amount: 500,
            paid_on: '2019-04-10',
          },
        },
        '测试员',
      );
    }
  });

  it('still has notice 04’s four sections in its monthly report, the empty ones as marked prompts', () => {
    const r = report('monthly-progress', '2019-04', sparse.id);
    const headings = r.body.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
    expect(headings).toEqual(['工作进展情况', '典型经验做法', '存在的困难和问题', '对策建议']);
    const text = paragraphs(r).join('\n');
    expect(text).toContain('现将我校工作进展情况报告如下：');
    expect(text).toContain('发放学生资助资金1500元，资助学生3人。');
    expect(text).toContain(`${PROMPT_MARK}请填写本期工作中的典型做法和经验`);
    expect(() => composeDraft(store.db, { type: 'monthly-progress', period: '2019-04', unitId: sparse.id })).toThrow(
      /“二、典型经验做法”“三、存在的困难和问题”“四、对策建议”部分尚待补充/,
    );
  });

  it('refuses to export a report whose body would be empty', () => {
    saveReportType(
      store.db,
      {
        key: 'aid-note',
        label: '资助简报',
        title: '{{unit.name}}{{period.label}}资助简报',
        blocks: [
          { id: 'h', type: 'heading', level: 1, text: '资助情况' },
          { id: 'p', type: 'paragraph', text: '本期资助学生{{aid.students}}人。' },
        ],
      },
      '测试员',
    );
    expect(paragraphs(report('aid-note', '2019-04', sparse.id))).toEqual(['本期资助学生3人。']);
    expect(() => composeDraft(store.db, { type: 'aid-note', period: '2015', unitId: sparse.id })).toThrow(
      '报告正文为空：本期台账中没有可写入的内容，请先在编辑器中填写正文再导出',
    );
  });

  it('refuses to export an activity summary of a month with no activities', () => {
    const attempt = () => composeDraft(store.db, { type: 'activity-summary', period: '2019-04', unitId: sparse.id });
    expect(attempt).toThrow(TaizhangError);
    expect(attempt).toThrow(/尚待补充/);
  });
});

describe('whose targets a unit answers for', () => {
  it('reads the kind and the area of a unit from its name', () => {
    expect(unitProfile({ name: '建始县教育局' })).toEqual({ kind: 'bureau', region: 'jianshi', self: '我局' });
    expect(unitProfile({ name: '建始县高坪镇中心小学' })).toEqual({ kind: 'school', region: 'jianshi', self: '我校' });
    expect(unitProfile({ name: '建始县机关幼儿园' })).toEqual({ kind: 'school', region: 'jianshi', self: '我园' });
    expect(unitProfile({ name: '威宁县教育局' })).toEqual({ kind: 'bureau', region: 'guizhou', self: '我局' });
    expect(unitProfile({ name: '某某公益基金会' })).toEqual({ kind: 'other', region: 'other', self: '我单位' });
  });

  it('holds a 贵州 school to notice 04’s 校农结合 share, in its words, and to none of notice 02', () => {
    const school = createUnit(store.db, '贵阳市第一中学', '测试员');
    const buy = (date: string, amount: number, poor: '是' | '否') =>
      createRecord(
        store.db,
        {
          ledger: 'procurement',
          unitId: school.id,
          values: {
            purchase_date: date,
            item: '大米',
            amount,
            supplier: '合作社',
            supplier_type: '合作社',
            from_poor_area: poor,
          },
        },
        '测试员',
      );
    buy('2019-03-05', 4000, '是');
    buy('2019-04-06', 6000, '否');
    createRecord(
      store.db,
      {
        ledger: 'publicity',
        unitId: school.id,
        values: { title: '校农结合见实效', media: '贵阳日报', level: '市级', publish_date: '2019-04-01' },
      },
      '测试员',
    );
    const data = reportData(store.db, { period: parsePeriod('2019H1')!, unit: school, activityId: null });
    expect(data.targets.map((t) => t.spec.key)).toEqual(['poor-share']);
    const text = paragraphs(report('half-year-summary', '2019H1', school.id)).join('\n');
    expect(text).toContain(
      '学校食堂向贫困地区采购农产品占比40.0%，未达到“确保2019年全省学校食堂向贫困地区贫困户采购农产品占学校食堂采购总量的50%以上”的要求',
    );
    expect(text).not.toContain('每学期不少于');
  });
});
