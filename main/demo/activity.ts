import type { BulkRow } from '../store/bulk.js';
import { AUTUMN_TERM, SPRING_TERM } from './calendar.js';
import { demoVillage } from './people.js';
import type { DemoRandom } from './random.js';
import { JIANSHI_BUREAU, JIANSHI_SCHOOLS } from './schools.js';

interface Kind {
  type: string;
  title: (place: string) => string;
  summary: string;
  results: string;
  participants: [number, number];
  beneficiaries: [number, number];
}

/** Notice 03's 扶贫日 activities, held on 10 月 17 日 and the days around it. */
const POVERTY_DAY: Kind[] = [
  {
    type: '扶贫日',
    title: () => '“扶贫日”教育扶贫走访慰问活动',
    summary: '组织党员教师深入帮扶村走访慰问贫困学生家庭，宣讲学生资助政策，核算前三季度家庭收入',
    results: '走访贫困学生家庭全部建立走访记录，资助政策知晓率 100%',
    participants: [20, 60],
    beneficiaries: [40, 150],
  },
  {
    type: '扶贫日',
    title: () => '“扶贫日”爱心义卖活动',
    summary: '学生将手工作品和闲置物品义卖，所得善款用于资助本校困难学生',
    results: '义卖所得全部捐给困难学生，学生受到感恩教育',
    participants: [200, 900],
    beneficiaries: [10, 40],
  },
  {
    type: '扶贫日',
    title: () => '“扶贫日”农产品认购活动',
    summary: '机关党员干部到帮扶村开展农产品采收和土特产认购，通过微信朋友圈帮助销售',
    results: '帮助贫困户销售土豆、腊肉等农产品，促进产销对接',
    participants: [15, 40],
    beneficiaries: [10, 30],
  },
  {
    type: '扶贫日',
    title: () => '“扶贫日”主题班会',
    summary: '各班以“脱贫攻坚，我们在行动”为主题召开班会，宣传困难学生资助政策',
    results: '资助政策家喻户晓，学生人人皆知',
    participants: [300, 1200],
    beneficiaries: [300, 1200],
  },
];

const KINDS: Kind[] = [
  {
    type: '走访调研',
    title: (p) => `${p}教育扶贫走访调研`,
    summary: '调研困难学生资助、薄弱学校改造、乡村教师支持计划落实情况',
    results: '形成调研报告，列出问题清单并制定整改措施',
    participants: [5, 15],
    beneficiaries: [30, 120],
  },
  {
    type: '政策宣传',
    title: () => '学生资助政策宣传进村入户',
    summary: '发放《学生资助政策明白卡》，在村委会和集市设点宣传',
    results: '发放明白卡，现场解答家长咨询',
    participants: [8, 20],
    beneficiaries: [200, 800],
  },
  {
    type: '励志教育',
    title: () => '“启蒙教育”主题励志教育报告会',
    summary: '组织优秀教师为贫困地区学生上励志教育课，激励学生用知识改变命运',
    results: '学生撰写心得体会，学习积极性明显提高',
    participants: [5, 12],
    beneficiaries: [150, 600],
  },
  {
    type: '技能培训',
    title: () => '农村劳动力实用技能培训',
    summary: '依托县中职学校开展种植养殖和电子商务技能培训',
    results: '参训群众掌握一项实用技能，部分学员实现就近就业',
    participants: [30, 80],
    beneficiaries: [30, 80],
  },
  {
    type: '文艺演出',
    title: (p) => `“快乐星期天”文艺演出走进${p}`,
    summary: '组织师生优秀节目到农村演出，丰富群众文化生活',
    results: '演出节目，观看群众踊跃',
    participants: [40, 90],
    beneficiaries: [300, 900],
  },
  {
    type: '推普活动',
    title: () => '“推普扶贫讲故事”活动',
    summary: '教师志愿者为学前儿童和家长讲普通话故事，开展“学前学会普通话”活动',
    results: '幼儿普通话表达能力明显提高',
    participants: [10, 25],
    beneficiaries: [60, 200],
  },
  {
    type: '其他',
    title: () => '留守儿童“代理家长”结对活动',
    summary: '教师与留守儿童结对，定期谈心、辅导作业、电话联系家长',
    results: '每名留守儿童都有代理家长',
    participants: [30, 80],
    beneficiaries: [50, 150],
  },
];

function activityRow(rnd: DemoRandom, kind: Kind, date: string): BulkRow {
  const place = demoVillage(rnd).replace(/\d+组$/, '');
  const organizer = rnd.chance(0.3) ? JIANSHI_BUREAU : rnd.pick(JIANSHI_SCHOOLS);
  return {
    values: {
      activity_date: date,
      title: kind.title(place),
      activity_type: kind.type,
      location: kind.type === '走访调研' || kind.type === '文艺演出' || kind.type === '政策宣传' ? place : organizer,
      organizer,
      participants: rnd.int(kind.participants[0], kind.participants[1]),
      beneficiaries: rnd.int(kind.beneficiaries[0], kind.beneficiaries[1]),
      summary: kind.summary,
      results: kind.results,
      materials: null,
    },
  };
}

/** 30 activities: seven on 扶贫日 (10-15 … 10-18) and the rest over both terms. */
export function activityRows(rnd: DemoRandom): BulkRow[] {
  const rows = ['2019-10-15', '2019-10-16', '2019-10-17', '2019-10-17', '2019-10-17', '2019-10-18', '2019-10-17'].map(
    (date, i) => activityRow(rnd, POVERTY_DAY[i % POVERTY_DAY.length]!, date),
  );
  for (let i = 0; rows.length < 30; i++) {
    const term = i % 2 === 0 ? SPRING_TERM : AUTUMN_TERM;
    rows.push(activityRow(rnd, KINDS[i % KINDS.length]!, rnd.workday(term[0], term[1])));
  }
  return rows;
}
