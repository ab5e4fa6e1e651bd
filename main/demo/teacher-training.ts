import type { BulkRow } from '../store/bulk.js';
import { AUTUMN_TERM, SPRING_TERM } from './calendar.js';
import { addDays, type DemoRandom } from './random.js';
import { BINJIANG_BUREAU, JIANSHI_BUREAU, JIANSHI_SCHOOLS } from './schools.js';

interface Course {
  program: string;
  level: string;
  organizer: string;
  location: string;
  trainees: string;
  headcount: [number, number];
  days: number;
  /** A fixed start, for the courses notice 02's 附件 2 schedules. */
  start?: string;
}

/** 附件 2 of notice 02: 滨江区专家 train 30 建始 teachers per subject. */
const EXPERT_COURSES: Course[] = [
  { program: '滨江区专家学前教育培训', start: '2019-05-13', trainees: '全县幼儿园教师 30 人' },
  { program: '滨江区专家初中英语学科培训', start: '2019-06-24', trainees: '全县初中英语教师 30 人' },
  { program: '滨江区专家初中数学学科培训', start: '2019-07-01', trainees: '全县初中数学教师 30 人' },
  { program: '滨江区专家小学音乐学科培训', start: '2019-08-21', trainees: '全县小学音乐教师 30 人' },
  { program: '滨江区专家小学美术学科培训', start: '2019-08-26', trainees: '全县小学美术教师 30 人' },
].map((c) => ({
  ...c,
  level: '东西部协作',
  organizer: `${JIANSHI_BUREAU}、${BINJIANG_BUREAU}`,
  location: '建始县教师进修学校',
  headcount: [30, 30],
  days: 3,
}));

const COURSES: Course[] = [
  {
    program: '“国培计划（2019）”湖北省乡村教师访名校研修',
    level: '国培',
    organizer: '湖北省教育厅',
    location: '华中师范大学',
    trainees: '乡村学校骨干教师',
    headcount: [8, 15],
    days: 10,
  },
  {
    program: '“国培计划（2019）”送教下乡培训（小学语文）',
    level: '国培',
    organizer: '湖北省教育厅',
    location: '建始县教师进修学校',
    trainees: '乡村小学语文教师',
    headcount: [40, 60],
    days: 5,
  },
  {
    program: '“国培计划（2019）”乡村校园长领导力提升培训',
    level: '国培',
    organizer: '湖北省教育厅',
    location: '湖北第二师范学院',
    trainees: '乡村学校校长、副校长',
    headcount: [5, 10],
    days: 10,
  },
  {
    program: '湖北省中小学心理健康教育教师培训',
    level: '省培',
    organizer: '湖北省教育厅',
    location: '武汉',
    trainees: '心理健康教育专兼职教师',
    headcount: [3, 8],
    days: 5,
  },
  {
    program: '恩施州中小学班主任能力提升培训',
    level: '市培',
    organizer: '恩施州教育局',
    location: '恩施市',
    trainees: '中小学班主任',
    headcount: [20, 40],
    days: 4,
  },
  {
    program: '恩施州农村义务教育学校信息技术应用能力培训',
    level: '市培',
    organizer: '恩施州教育局',
    location: '恩施市',
    trainees: '信息技术教师',
    headcount: [15, 30],
    days: 3,
  },
  {
    program: '建始县新招聘特岗教师岗前培训',
    level: '县培',
    organizer: JIANSHI_BUREAU,
    location: '建始县教师进修学校',
    trainees: '2019 年新招聘特岗教师',
    headcount: [60, 90],
    days: 5,
  },
  {
    program: '建始县学生资助政策业务培训',
    level: '县培',
    organizer: '建始县学生资助中心',
    location: '建始县教育局会议室',
    trainees: '各校资助专干',
    headcount: [30, 40],
    days: 1,
  },
  {
    program: '建始县控辍保学工作业务培训',
    level: '县培',
    organizer: JIANSHI_BUREAU,
    location: '建始县教育局会议室',
    trainees: '各镇中心学校分管负责人',
    headcount: [25, 35],
    days: 1,
  },
  {
    program: '建始县中小学教研组长培训',
    level: '县培',
    organizer: '建始县教学研究室',
    location: '建始县教师进修学校',
    trainees: '中小学教研组长',
    headcount: [50, 80],
    days: 2,
  },
  {
    program: '滨江·建始教研协作共同体“智慧教育”应用培训',
    level: '东西部协作',
    organizer: `${BINJIANG_BUREAU}、${JIANSHI_BUREAU}`,
    location: '建始县电教站',
    trainees: '各校信息技术骨干教师',
    headcount: [30, 50],
    days: 2,
  },
].map((c) => ({ ...c, headcount: c.headcount as [number, number] }));

const SCHOOL_BASED = ['校本研修：集体备课与课堂观察', '校本研修：作业设计与批改', '校本研修：班主任经验交流'];

function trainingRow(rnd: DemoRandom, course: Course, start: string): BulkRow {
  const hours = course.days * (course.days === 1 ? 6 : 8);
  return {
    values: {
      program: course.program,
      level: course.level,
      start_date: start,
      end_date: addDays(start, course.days - 1),
      hours,
      trainees: course.trainees,
      headcount: rnd.int(course.headcount[0], course.headcount[1]),
      organizer: course.organizer,
      location: course.location,
    },
  };
}

function termStart(rnd: DemoRandom): string {
  const term = rnd.chance(0.5) ? SPRING_TERM : AUTUMN_TERM;
  return rnd.workday(term[0], term[1]);
}

/** 30 courses: 附件 2's five expert courses, 国培 to 县培 courses, and school-based training. */
export function teacherTrainingRows(rnd: DemoRandom): BulkRow[] {
  const rows = EXPERT_COURSES.map((course) => trainingRow(rnd, course, course.start!));
  for (const course of COURSES) rows.push(trainingRow(rnd, course, termStart(rnd)));
  // Popular county courses run in both terms.
  for (const course of COURSES.slice(4)) rows.push(trainingRow(rnd, course, termStart(rnd)));
  for (const school of rnd.sample(JIANSHI_SCHOOLS, 7)) {
    const program = rnd.pick(SCHOOL_BASED);
    const teachers = rnd.int(15, 45);
    rows.push(
      trainingRow(
        rnd,
        {
          program,
          level: '校本',
          organizer: school,
          location: school,
          trainees: '本校全体教师',
          headcount: [teachers, teachers],
          days: 1,
        },
        termStart(rnd),
      ),
    );
  }
  return rows;
}
