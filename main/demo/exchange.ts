import type { BulkRow } from '../store/bulk.js';
import { AUTUMN_TERM, SPRING_TERM } from './calendar.js';
import { demoPerson } from './people.js';
import { addDays, daysBetween, type DemoRandom } from './random.js';
import {
  BINJIANG_BUREAU,
  BINJIANG_SCHOOLS,
  JIANSHI_BUREAU,
  JIANSHI_SCHOOLS,
  SCHOOL_PAIRS,
  subjectsAt,
  BINJIANG_KINDERGARTENS,
} from './schools.js';

/**
 * Notice 02's 工作目标: 滨江教师支教建始 100 人次 (of which 挂职干部 2 + 6) and 建始教师赴滨江
 * 跟岗培训 150 人, the latter in the six batches of 附件 1.
 */
const SECONDMENTS = 8;
const TEACHING_TIMES = 92;
const TEACHING_SOLO_ROWS = 44;
const TEACHING_TEAM_ROWS = 12;

/** 附件 1 of notice 02: who goes to 滨江 in which month, and how many. */
const SHADOWING_BATCHES = [
  { month: '03', target: '幼儿园园长', subject: '幼儿园管理', size: 25, rows: 8 },
  { month: '04', target: '学校管理干部', subject: '学校管理', size: 25, rows: 8 },
  { month: '05', target: '教研员、数学教师', subject: '数学', size: 30, rows: 9 },
  { month: '10', target: '后勤、基建干部', subject: '后勤管理', size: 20, rows: 7 },
  { month: '11', target: '教研员、英语教师', subject: '英语', size: 30, rows: 9 },
  { month: '12', target: '信息技术、心理健康教师', subject: '信息技术', size: 20, rows: 7 },
] as const;

const LECTURES = [
  { type: '专题讲座', subject: '班主任工作', content: '为全县中小学班主任作“做有温度的班主任”专题讲座' },
  { type: '专题讲座', subject: '教育信息化', content: '介绍滨江区“智慧教育”平台和远程教育资源共享平台的使用' },
  { type: '优质课展示', subject: '初中数学', content: '展示“一次函数的图像”优质课，课后与本校数学组评课研讨' },
  { type: '优质课展示', subject: '小学英语', content: '展示三年级英语绘本阅读优质课，并指导青年教师磨课' },
  { type: '送教', subject: '学前教育', content: '滨江区幼儿园骨干教师送教，开展区域活动观摩和园本教研指导' },
  { type: '送教', subject: '小学美术', content: '送教到村小，为留守儿童上美术课并捐赠“爱心美术包”' },
] as const;

function termStart(rnd: DemoRandom): string {
  return rnd.chance(0.5) ? rnd.workday(SPRING_TERM[0], '2019-05-31') : rnd.workday(AUTUMN_TERM[0], '2019-11-29');
}

function row(values: Record<string, unknown>, start: string, end: string): BulkRow {
  return { values: { ...values, start_date: start, end_date: end, days: daysBetween(start, end) } };
}

function secondments(rnd: DemoRandom): BulkRow[] {
  const rows: BulkRow[] = [];
  for (let i = 0; i < SECONDMENTS; i++) {
    const { name, gender } = demoPerson(rnd);
    // The first two are the long-standing 一年半 posts; the other six come for a month or more.
    const start = i < 2 ? '2019-01-02' : rnd.workday('2019-03-01', '2019-10-31');
    const end = i < 2 ? '2019-12-31' : addDays(start, rnd.int(31, 75));
    const school = rnd.pick(JIANSHI_SCHOOLS);
    rows.push(
      row(
        {
          name,
          gender,
          dispatch_unit: i % 2 === 0 ? BINJIANG_BUREAU : rnd.pick(BINJIANG_SCHOOLS),
          receive_unit: i < 2 ? JIANSHI_BUREAU : school,
          exchange_type: '挂职',
          subject:
            i < 2 ? ['县教育局副局长', '县教育局扶贫办副主任'][i]! : rnd.pick(['副校长', '教学副校长', '校长助理']),
          person_times: 1,
          content:
            i < 2 ? '挂职建始县教育局，协助分管东西部教育扶贫协作工作' : `挂职${school}，协助学校管理和教学教研工作`,
          remark: i < 2 ? '为期一年半' : null,
        },
        start,
        end,
      ),
    );
  }
  return rows;
}

function teaching(rnd: DemoRandom): BulkRow[] {
  const rows: BulkRow[] = [];
  const teamSizes = rnd.partition(TEACHING_TIMES - TEACHING_SOLO_ROWS, TEACHING_TEAM_ROWS, 3, 6);
  for (let i = 0; i < TEACHING_SOLO_ROWS + TEACHING_TEAM_ROWS; i++) {
    const pair = rnd.pick(SCHOOL_PAIRS);
    const { name, gender } = demoPerson(rnd);
    const team = teamSizes[i - TEACHING_SOLO_ROWS];
    const subject = rnd.pick(subjectsAt(pair.aided));
    const start = termStart(rnd);
    const end = addDays(start, team === undefined ? rnd.int(4, 20) : rnd.int(2, 4));
    rows.push(
      row(
        {
          name: team === undefined ? name : `${name}等${team}人`,
          gender,
          dispatch_unit: pair.helping,
          receive_unit: pair.aided,
          exchange_type: '支教',
          subject,
          person_times: team ?? 1,
          content:
            team === undefined
              ? `到${pair.aided}支教，承担${subject}教学，上示范课并参加教研活动`
              : `${pair.helping}支教团队到${pair.aided}开展${subject}学术报告和优质课展示`,
          remark: null,
        },
        start,
        end,
      ),
    );
  }
  return rows;
}

function shadowing(rnd: DemoRandom): BulkRow[] {
  const rows: BulkRow[] = [];
  for (const batch of SHADOWING_BATCHES) {
    const start = rnd.workday(`2019-${batch.month}-04`, `2019-${batch.month}-12`);
    const end = addDays(start, 13);
    const sizes = rnd.partition(batch.size, batch.rows, 2, 5);
    rnd.sample(SCHOOL_PAIRS, batch.rows).forEach((schools, i) => {
      const { name, gender } = demoPerson(rnd);
      // Kindergarten heads come from the county's kindergartens through the bureau, and visit 滨江's.
      const pair =
        batch.subject === '幼儿园管理' ? { aided: JIANSHI_BUREAU, helping: rnd.pick(BINJIANG_KINDERGARTENS) } : schools;
      rows.push(
        row(
          {
            name: `${name}等${sizes[i]!}人`,
            gender,
            dispatch_unit: pair.aided,
            receive_unit: pair.helping,
            exchange_type: '跟岗培训',
            subject: batch.subject,
            person_times: sizes[i]!,
            content: `${batch.target}赴${pair.helping}跟岗学习两周，参加听课、评课和学校管理实践`,
            remark: '2019 年跟岗培训计划',
          },
          start,
          end,
        ),
      );
    });
  }
  return rows;
}

function lectures(rnd: DemoRandom): BulkRow[] {
  return LECTURES.map((lecture) => {
    const fits = SCHOOL_PAIRS.filter((p) => subjectsAt(p.aided).includes(lecture.subject));
    const pair = rnd.pick(fits.length > 0 ? fits : SCHOOL_PAIRS);
    const { name, gender } = demoPerson(rnd);
    const start = termStart(rnd);
    return row(
      {
        name,
        gender,
        dispatch_unit: pair.helping,
        receive_unit: pair.aided,
        exchange_type: lecture.type,
        subject: lecture.subject,
        person_times: 1,
        content: lecture.content,
        remark: null,
      },
      start,
      addDays(start, 1),
    );
  });
}

/** About 120 rows: 挂职, 支教 (individuals and teams), the 跟岗培训 batches and a few lectures. */
export function exchangeRows(rnd: DemoRandom): BulkRow[] {
  return [...secondments(rnd), ...teaching(rnd), ...shadowing(rnd), ...lectures(rnd)];
}
