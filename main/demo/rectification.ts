import type { BulkRow } from '../store/bulk.js';
import { demoName } from './people.js';
import { addDays, type DemoRandom } from './random.js';

interface Problem {
  source: string;
  problem: string;
  measures: string;
  unit: string;
  deadline: string;
  status: '已完成' | '整改中' | '长期坚持';
}

/** The problems notice 03 lists from the 中央巡视 feedback, and ones 考核, 督查, 巡察 and 自查 find. */
const PROBLEMS: Problem[] = [
  {
    source: '中央巡视',
    problem: '农村学校教师待遇不高，乡村教师生活补助发放不及时',
    measures: '核定乡村教师生活补助标准，按月足额发放，纳入绩效考核',
    unit: '建始县教育局人事股',
    deadline: '2019-04-30',
    status: '已完成',
  },
  {
    source: '中央巡视',
    problem: '优质教育资源短缺，薄弱学校师资力量不足',
    measures: '借助滨江区结对帮扶，开展支教和跟岗培训，补充紧缺学科教师',
    unit: '建始县教育局人事股',
    deadline: '2019-06-30',
    status: '长期坚持',
  },
  {
    source: '中央巡视',
    problem: '职业教育在脱贫攻坚中发挥作用不够',
    measures: '引导建档立卡家庭初高中毕业生赴杭州技师学院就读，开展农村劳动力技能培训',
    unit: '建始县中等职业技术学校',
    deadline: '2019-09-30',
    status: '已完成',
  },
  {
    source: '中央巡视',
    problem: '学生资助政策和营养改善计划落实不到位',
    measures: '逐校逐生核对建档立卡学生资助信息，营养餐实行陪餐制度',
    unit: '建始县学生资助中心',
    deadline: '2019-05-31',
    status: '已完成',
  },
  {
    source: '考核',
    problem: '部分学校扶贫工作台账不规范，过程资料缺失',
    measures: '统一台账格式，逐校指导建立健全工作台账',
    unit: '建始县教育局扶贫办',
    deadline: '2019-03-31',
    status: '已完成',
  },
  {
    source: '考核',
    problem: '控辍保学劝返学生安置帮学措施不具体',
    measures: '落实“一生一案”，复学学生配备帮扶教师',
    unit: '建始县教育局教育股',
    deadline: '2019-06-15',
    status: '已完成',
  },
  {
    source: '督查',
    problem: '个别学校食堂采购贫困地区农产品比例未达 50%',
    measures: '与本地合作社签订校农结合供货协议，每月通报采购占比',
    unit: '建始县教育局后勤办',
    deadline: '2019-07-31',
    status: '已完成',
  },
  {
    source: '督查',
    problem: '资助资金发放存在延迟',
    measures: '资助资金实行一卡通发放，限时到账',
    unit: '建始县学生资助中心',
    deadline: '2019-10-31',
    status: '已完成',
  },
  {
    source: '巡察',
    problem: '东西部协作项目资金使用进度滞后',
    measures: '建立项目资金拨付台账，每月调度进度',
    unit: '建始县教育局项目办',
    deadline: '2019-11-30',
    status: '整改中',
  },
  {
    source: '巡察',
    problem: '宣传报道数量不足，部分结对学校一学期无县级以上报道',
    measures: '明确每所结对学校每学期不少于 1 条县级以上宣传报道',
    unit: '建始县教育局扶贫办',
    deadline: '2019-08-31',
    status: '已完成',
  },
  {
    source: '自查',
    problem: '部分学校联络员变动后未及时告知局扶贫办',
    measures: '更新联络员名单，变动时 3 日内报备',
    unit: '建始县教育局扶贫办',
    deadline: '2019-05-10',
    status: '已完成',
  },
  {
    source: '自查',
    problem: '个别村小“班班通”设备闲置',
    measures: '电教站逐校培训，纳入教学常规检查',
    unit: '建始县电教站',
    deadline: '2019-12-20',
    status: '整改中',
  },
  {
    source: '自查',
    problem: '帮扶户走访记录中家庭收入核算不准确',
    measures: '按前三季度实际收入重新核算，帮扶责任人签字确认',
    unit: '建始县教育局扶贫办',
    deadline: '2019-10-25',
    status: '已完成',
  },
  {
    source: '其他',
    problem: '学生资助政策知晓率抽查未达 100%',
    measures: '开展资助政策主题班会和进村入户宣传',
    unit: '建始县学生资助中心',
    deadline: '2019-11-15',
    status: '整改中',
  },
  {
    source: '考核',
    problem: '教师培训学时登记不完整',
    measures: '统一使用教师培训台账，按学期汇总学时',
    unit: '建始县教学研究室',
    deadline: '2019-09-15',
    status: '已完成',
  },
];

/** 15 problems, most 已完成 (done on or before the deadline), the rest 整改中 or 长期坚持. */
export function rectificationRows(rnd: DemoRandom): BulkRow[] {
  return PROBLEMS.map((p) => ({
    values: {
      source: p.source,
      problem: p.problem,
      measures: p.measures,
      responsible_unit: p.unit,
      responsible_person: demoName(rnd),
      deadline: p.deadline,
      status: p.status,
      completed_on: p.status === '已完成' ? addDays(p.deadline, -rnd.int(0, 20)) : null,
      evidence: null,
    },
  }));
}
