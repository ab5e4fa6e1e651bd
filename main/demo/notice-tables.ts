import type { BulkRow } from '../store/bulk.js';
import { planTimeDate } from './plan-time.js';

/**
 * The tables the notices themselves print, cell for cell, so an exported ledger can be held against
 * its notice. Cell text is kept exactly as the notice has it (line breaks, 同上, spacing and all);
 * only the blank lines and tabs that delimit cells in the notice text are not part of a cell.
 */
export interface NoticeTable {
  ledger: string;
  /** Where the table is printed. */
  source: string;
  /** The field holding the row's time, which places the row in a period. */
  timeField: string;
  rows: ReadonlyArray<Readonly<Record<string, string>>>;
}

/** The record date of a row whose time names no month (and of 同上 rows after such a row). */
export const NOTICE_TABLE_DEFAULT_DATE = '2019-01-01';
const NOTICE_TABLE_YEAR = 2019;

/** Notice 02, 附件 1: 2019 年建始县教师到杭州市滨江区学校跟岗培训计划安排表. */
const TRAINING_PLAN: NoticeTable = {
  ledger: 'training-plan',
  source: '02 附件 1',
  timeField: 'time',
  rows: [
    { target: '幼儿园园长', time: '3 月', headcount: '25', office: '人事股、教育股' },
    { target: '学校管理干部', time: '4 月', headcount: '25', office: '人事股' },
    { target: '教研员、数学教师', time: '5 月', headcount: '30', office: '人事股、教研室' },
    { target: '后勤、基建干部', time: '10 月', headcount: '20', office: '人事股、项目办、后勤办' },
    { target: '教研员、英语教师', time: '11 月', headcount: '30', office: '人事股、教研室' },
    { target: '信息技术、心理健康教师', time: '12 月', headcount: '20', office: '人事股、教育股、电教站' },
  ],
};

/** Notice 02, 附件 2: 2019 年滨江区专家到建始县学校指导培训计划表. */
const EXPERT_TRAINING: NoticeTable = {
  ledger: 'expert-training',
  source: '02 附件 2',
  timeField: 'time',
  rows: [
    {
      name: '学前教育培训',
      office: '教育股、人事股、教研室',
      expert: '幼儿园骨干教师',
      time: '5 月',
      headcount: '3-5',
      remark: '建始县确定 30 名幼儿园教师参训',
    },
    {
      name: '初中英语学科培训',
      office: '人事股、教研室',
      expert: '初中英语骨干教师',
      time: '6 月下旬或 7 月上旬',
      headcount: '3-5',
      remark: '建始县确定 30 名初中英语教师参训',
    },
    {
      name: '初中数学学科培训',
      office: '人事股、教研室',
      expert: '初中数学骨干教师',
      time: '6 月下旬或 7 月上旬',
      headcount: '3-5',
      remark: '建始县确定 30 名初中数学教师参训',
    },
    {
      name: '小学音乐学科培训',
      office: '人事股、教研室',
      expert: '小学音乐骨干教师',
      time: '8 月下旬',
      headcount: '3-5',
      remark: '建始县确定 30 名小学音乐教师参训',
    },
    {
      name: '小学美术学科培训',
      office: '人事股、教研室',
      expert: '小学美术骨干教师',
      time: '8 月下旬',
      headcount: '3-5',
      remark: '建始县确定 30 名小学美术教师参训',
    },
  ],
};

/** Notice 01, 附: 中国教育电视协会助力新疆脱贫攻坚工作项目表 (2019年8月─2020年6月); 进度 is not in the notice. */
const PROJECTS: NoticeTable = {
  ledger: 'project',
  source: '01 附 项目表',
  timeField: 'due',
  rows: [
    {
      name: '与新疆教育厅共同举办少数民族中小学教师国语培训',
      participant_units: '中国教育电视台\n新疆教育厅\n新疆教育电视台',
      arrangement: '根据当地情况设置国语培训内容',
      due: '2020年5月举办',
      funding: '中教台人员差旅费自理\n\n活动费用由教育厅负责',
      contacts: '中教台新闻中心主持人组组长、主任播音员\n郑屹 13910952684\n\n新疆教育电视台副台长邓文华13999110606',
    },
    {
      name: '指导新疆教育厅派驻伽师县米夏乡驻村第一书记制作工作视频汇报片',
      participant_units: '中国教育电视台\n新闻中心\n\n新疆教育厅派驻米夏乡驻村第一书记',
      arrangement:
        '新疆教育厅派驻伽师县米夏乡脱贫攻  坚驻村第一书记15人，拟制作脱贫攻坚工作视频汇报片，并已有资料积累，希望在制作技术等方面给予指导。工作方式以网络指导为主，实地指导为辅。',
      due: '2020年4月底完成',
      funding: '中教台人员差旅费自理，指导工作不需对方支付费用。',
      contacts:
        '新疆教育电视台台长、教育厅派驻米夏乡\n第一书记领队\n罗锋13609936808\n\n中教台新闻中心新闻\n专题部副主任\n刘会滨13810496980',
    },
    {
      name: '向伽师县米夏乡捐赠视频资源',
      participant_units: '各地教育电视台、协会各会员单位（自愿原则）',
      arrangement:
        '内容：爱国主义、中共党史、中华文化、民族团结、祖国风光、农业科普、庭院美化、卫生常识、崇尚教育等，播放格式MP4。',
      due: '一批：2020年1月中旬\n二批：\n2020年3月底前',
      funding: '无偿捐赠',
      contacts: '新疆教育电视台台长、教育厅派驻伽师县米夏乡第一书记领队\n罗锋13609936808',
    },
    {
      name: '向伽师县米夏乡捐送儿童衣物',
      participant_units: '各地教育电视台、协会各会员单位（自愿原则）',
      arrangement: '干净整齐即可，数量不限。打包寄至米夏乡罗锋台长',
      due: '同上',
      funding: '无偿捐送',
      contacts: '新疆教育电视台台长、教育厅派驻伽师县米夏乡第一书记领队\n罗锋 13609936808',
    },
    {
      name: '与伽师县第二幼儿园开展手拉手姊妹园活动',
      participant_units: '中国教育电视台\n伽师县教育局\n伽师县第二幼儿园',
      arrangement:
        '伽师县第二幼儿园为县示范幼儿园，幼儿1392人，教师65名。 拟开展办园经验交流和手拉手活动，并将中国教育电视台早期教育数字频道在该幼儿园落地（园内可以使用网络进行视频教学，只需教育局同意即可连接。每个班均配有电视，但没有有线电视。每个班有网，使用时可接通）。',
      due: '2020年4月底完成',
      funding: '中教台项目人员差旅费自理\n\n伽师县第二幼儿园活动经费自理',
      contacts:
        '中国教育电视台\n何爱新13910567832\n\n伽师县教育局副局长\n马亚雄13279861255\n\n伽师县第二幼儿园园长胡文洁13899191555',
    },
    {
      name: '在伽师县第二小学建立校园电视台',
      participant_units:
        '伽师县教育局\n\n\n\n\n伽师县第二小学\n\n新疆教育电视台\n\n武汉教育电视台\n\n福建大娱号信息科技股份有限公司\n \n北京师范大学实验                   小学',
      arrangement:
        '伽师县第二小学72个班级、3700余学生、40个班、教职工280人。教育局和学校迫切希望帮助建立校园电视   \n\n\n\n台，配合学校立德树人工作，加强校内交流。学校网络现在使用奥威亚录播系统，,可以实现录播回放。学校有班班通、有电视，每天教学使用。',
      due: '同上',
      funding:
        '伽师县教育局提供技术人员，补充不足经费和购置相关设备\n\n伽师县第二小学提供场地、人员\n\n新疆教育电视台、武汉教育电视台无偿捐赠2台数字摄像机\n\n福建大娱号信息科技股份有限公司无偿捐赠7万元设备资源，并帮助安装\n\n北京师范大学实验小学无偿指导电视台的采编播 ，网络培训和实地指导结合',
      contacts:
        '新疆教育电视台台长、教育厅派驻伽师县\n米夏乡第一书记领队\n  罗锋13609936808\n\n 伽师县教育局副局长马亚雄13279861255\n\n 伽师县第二小学校长王洁15199810001\n\n武汉教育电视台党支部书记\n马良柱13971586766\n\n福建大娱号信息科技\n股份有限公司总经理\n  梁艳春15859085688\n\n北京师范大学实验小学\n大队辅导员\n孙彬13811442359',
    },
    {
      name: '组织专家为伽师县第三中学教师进行提高教学质量培训',
      participant_units: '中国教育电视协会\n\n伽师县教育局\n\n伽师县第三中学\n专家待定',
      arrangement:
        '语文、英语、物理、化学、生物教学大纲和教法培训，论文撰写指导，对提高教学质量进行把脉，对学校办学方向和办学特色进行指导',
      due: '同上',
      funding: '待定',
      contacts:
        '新疆教育电视台台长、教育厅派驻伽师县米夏乡第一书记领队\n  罗锋13609936808\n\n伽师县第三中学校长\n乃买江13899148579',
    },
  ],
};

export const NOTICE_TABLES: readonly NoticeTable[] = [PROJECTS, TRAINING_PLAN, EXPERT_TRAINING];

/** The rows of a table in notice order, each dated by its time (同上 takes the row above's date). */
export function noticeTableRows(table: NoticeTable): BulkRow[] {
  let previous = NOTICE_TABLE_DEFAULT_DATE;
  return table.rows.map((row) => {
    const time = row[table.timeField] ?? '';
    const date = time === '同上' ? previous : (planTimeDate(time, NOTICE_TABLE_YEAR) ?? NOTICE_TABLE_DEFAULT_DATE);
    previous = date;
    return { values: { ...row }, recordDate: date };
  });
}
