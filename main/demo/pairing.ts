import type { BulkRow } from '../store/bulk.js';
import { AUTUMN_TERM, SPRING_TERM, SUMMER_HOLIDAY, semesterLabel } from './calendar.js';
import type { DemoRandom } from './random.js';
import { SCHOOL_PAIRS, type SchoolPair } from './schools.js';

/** Notice 02: every 滨江 school visits its 建始 partner once a term (学术报告、专题讲座、优质课展示). */
const TERM_FORMS = [
  { form: '学术报告', summary: (p: SchoolPair) => `${p.helping}骨干教师到${p.aided}作课堂教学改革学术报告` },
  { form: '专题讲座', summary: (p: SchoolPair) => `${p.helping}为${p.aided}教师开展班级管理与家校共育专题讲座` },
  { form: '优质课展示', summary: (p: SchoolPair) => `${p.helping}教师在${p.aided}展示优质课并组织同课异构研讨` },
  { form: '互访交流', summary: (p: SchoolPair) => `${p.aided}校长带队回访${p.helping}，商定下学期结对帮扶活动方案` },
] as const;

/** Notice 02's 文化交流 (足球夏令营) and notice 01's 手拉手, in the holidays and around 六一. */
const EXTRA_ACTIVITIES = [
  {
    form: '夏令营',
    when: SUMMER_HOLIDAY,
    summary: (p: SchoolPair) => `${p.aided}学生参加滨江·建始足球夏令营，与${p.helping}学生同训同住`,
  },
  {
    form: '夏令营',
    when: SUMMER_HOLIDAY,
    summary: (p: SchoolPair) => `${p.aided}学生赴杭州参加研学夏令营，${p.helping}安排结对家庭`,
  },
  {
    form: '手拉手',
    when: ['2019-05-27', '2019-06-05'],
    summary: (p: SchoolPair) => `${p.helping}与${p.aided}开展“手拉手”书信交流和六一联欢`,
  },
  {
    form: '捐赠',
    when: ['2019-11-04', '2019-11-29'],
    summary: (p: SchoolPair) => `${p.helping}向${p.aided}捐赠冬衣和图书`,
  },
] as const;

function pairingRow(pair: SchoolPair, date: string, form: string, participants: number, summary: string): BulkRow {
  return {
    values: {
      helping_school: pair.helping,
      aided_school: pair.aided,
      activity_date: date,
      semester: semesterLabel(date),
      form,
      participants,
      summary,
    },
  };
}

/** One activity per 结对学校 and term (28 × 2) and four holiday activities: 60 rows. */
export function pairingRows(rnd: DemoRandom): BulkRow[] {
  const rows: BulkRow[] = [];
  for (const term of [SPRING_TERM, AUTUMN_TERM]) {
    for (const pair of SCHOOL_PAIRS) {
      const kind = rnd.pick(TERM_FORMS);
      rows.push(pairingRow(pair, rnd.workday(term[0], term[1]), kind.form, rnd.int(12, 80), kind.summary(pair)));
    }
  }
  for (const extra of EXTRA_ACTIVITIES) {
    const pair = rnd.pick(SCHOOL_PAIRS);
    rows.push(
      pairingRow(pair, rnd.date(extra.when[0], extra.when[1]), extra.form, rnd.int(30, 120), extra.summary(pair)),
    );
  }
  return rows;
}
