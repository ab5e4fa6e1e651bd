import type { ReportBlock, ReportTemplate } from '../../shared/report-draft.js';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Builds a block list with ids b1, b2 … in order. */
function blocks(...items: Array<WithoutId<ReportBlock>>): ReportBlock[] {
  return items.map((item, i) => ({ ...item, id: `b${i + 1}` }) as ReportBlock);
}

const h = (level: 1 | 2 | 3 | 4, text: string) => ({ type: 'heading' as const, level, text });
const p = (text: string) => ({ type: 'paragraph' as const, text });
/** The prompt of a section the notice requires: printed only when nothing else in it is. */
const ask = (hint: string) => ({ type: 'paragraph' as const, text: '', hint, required: true });
const activities = (detail: 'none' | 'summary' | 'results') => ({ type: 'activity-list' as const, detail });

/*
 * The sentences of the built-in reports. Each figure is named by what it counts; parts listed
 * after 其中 add up to the total before them (every 交流类型, every 劝返结果, every 整改状态);
 * 人 and 人次 are never listed side by side. A sentence whose figure is empty is left out.
 * The unit names itself in full once, then writes {{unit.self}} (我局、我校).
 */
const S = {
  aidBasics:
    '{{unit.self}}学生资助台账本期共登记受资助学生{{aid.reach}}[[，其中建档立卡家庭学生{{aid.registered}}人]]。',
  aidByStage: '按学段分，{{aid.byStage}}。',
  exchange:
    '选派、接收交流人员{{exchange.total}}人次[[，其中[[支教{{exchange.teaching}}人次、]][[挂职{{exchange.secondment}}人次、]][[跟岗培训{{exchange.shadowing}}人次、]][[送教{{exchange.delivery}}人次、]][[专题讲座{{exchange.lecture}}人次、]][[优质课展示{{exchange.demoLesson}}人次、]][[其他交流{{exchange.otherTypes}}人次、]]]]。',
  pairing: '开展结对帮扶活动{{pairing.count}}次[[，参与{{pairing.participants}}人次]]。',
  aid: '发放学生资助资金{{aid.amount}}元，资助学生{{aid.reach}}。',
  aidItems: '分资助项目看，{{aid.byItem}}。',
  charity:
    '对接“春风助学”“同心助学”“爱心助学”等公益助学项目，资助特困家庭学生{{aid.needyStudents}}人[[，发放公益助学资金{{aid.charityAmount}}元]]。',
  dropout:
    '排查辍学学生{{dropout.tracked}}人[[，其中[[劝返复学{{dropout.persuaded}}人[[（已复学{{dropout.resumed}}人、随班就读{{dropout.inClass}}人）]]、]][[送教上门{{dropout.homeTeaching}}人、]][[转学{{dropout.transferred}}人、]][[未劝返{{dropout.notReturned}}人、]][[劝返结果待填写{{dropout.unrecorded}}人、]]]]。',
  training: '组织教师参加培训{{training.sessions}}期[[，参训教师{{training.headcount}}人次]]。',
  procurement:
    '校农结合采购农产品{{procurement.amount}}元[[，其中向贫困地区采购{{procurement.poorAmount}}元、占{{procurement.poorShare}}]]。',
  publicity: '发布宣传报道{{publicity.total}}条[[，其中县级以上{{publicity.countyPlus}}条]]。',
  activity:
    '开展扶贫活动{{activity.count}}次[[，参与{{activity.participants}}人次]][[，受益{{activity.beneficiaries}}人次]]。',
  visit: '走访帮扶户{{visit.count}}户次。',
  donationGiven: '开展爱心捐赠{{donation.givenCount}}次[[，折合金额{{donation.givenValue}}元]]。',
  donationReceived: '接受社会各界捐赠{{donation.receivedCount}}批次[[，折合金额{{donation.receivedValue}}元]]。',
  rectification:
    '梳理整改问题{{rectification.total}}项[[，其中[[已完成整改{{rectification.done}}项、]][[正在整改{{rectification.open}}项、]][[长期坚持整改{{rectification.ongoing}}项、]]]]。',
  targets: '对照工作目标，{{targets.progress}}。',
  publicityExperience: '{{publicity.countyPlusTitles}}，宣传了{{unit.self}}教育扶贫的做法和成效。',
  behind: '对照工作目标，{{targets.behind}}，进度滞后于时间要求。',
  openRectification: '截至{{period.end}}，尚有{{rectification.openItems}}问题未完成整改。',
  notReturned: '本期尚有{{dropout.notReturned}}名辍学学生未劝返复学，控辍保学任务仍然艰巨。',
  catchUp: '围绕{{targets.behindNames}}目标任务，逐项倒排工期，加大推进力度，确保完成年度目标。',
  openTasks: '对照任务清单，加快推进{{task.openItems}}尚未完成的任务，逐项明确责任人和时间节点。',
  finishRectification: '对尚未完成的{{rectification.openToDate}}项整改事项挂账督办，确保按期整改到位。',
  keepPersuading: '落实控辍保学“双线”责任，对{{dropout.notReturned}}名未劝返学生逐一制定劝返方案，做到应返尽返。',
};

const HALF_YEAR: ReportTemplate = {
  key: 'half-year-summary',
  label: '半年工作总结',
  description: '每半年报送一次工作总结（建始县东西部扶贫协作工作方案）',
  subject: 'none',
  title: '{{unit.name}}{{period.label}}教育扶贫工作总结',
  addressee: '',
  attachments: [],
  blocks: blocks(
    p(
      '{{period.label}}，{{unit.name}}认真落实东西部扶贫协作和教育精准脱贫各项工作部署，扎实推进各项工作。现将{{unit.self}}工作情况总结如下：',
    ),
    h(1, '基本情况'),
    p(S.aidBasics),
    p(S.aidByStage),
    h(1, '主要工作及成效'),
    h(2, '东西部协作交流'),
    p(S.exchange),
    p(S.pairing),
    h(2, '学生资助'),
    // Who was aided is said under 基本情况; here, what was paid.
    p('发放学生资助资金{{aid.amount}}元。'),
    p(S.aidItems),
    p(S.charity),
    h(2, '控辍保学'),
    p(S.dropout),
    h(2, '教师培训'),
    p(S.training),
    h(2, '校农结合'),
    p(S.procurement),
    h(2, '宣传报道'),
    p(S.publicity),
    h(2, '扶贫活动'),
    p(S.activity),
    activities('none'),
    h(2, '走访帮扶与爱心捐赠'),
    p(S.visit),
    p(S.donationGiven),
    p(S.donationReceived),
    h(2, '问题整改'),
    p(S.rectification),
    h(1, '目标任务完成情况'),
    p(S.targets),
    { type: 'target-table', title: '目标任务完成情况表' },
    h(1, '存在的困难和问题'),
    p(S.behind),
    p(S.openRectification),
    p(S.notReturned),
    ask('请补充工作中遇到的困难和问题'),
    h(1, '下一步工作打算'),
    p(S.catchUp),
    p(S.openTasks),
    p(S.finishRectification),
    p(S.keepPersuading),
    ask('请补充下一步工作打算'),
  ),
};

/** Notice 04: 工作进展情况、典型经验、存在困难及问题、对策建议, every report, data or not. */
const MONTHLY: ReportTemplate = {
  key: 'monthly-progress',
  label: '月度工作进展',
  description: '每月 19 日报送工作进展情况，包括工作进展情况、典型经验做法、存在的困难和问题、对策建议',
  subject: 'none',
  title: '{{unit.name}}{{period.label}}教育扶贫工作进展情况',
  addressee: '',
  attachments: [],
  blocks: blocks(
    p(
      '{{period.label}}，{{unit.name}}按照教育脱贫攻坚和东西部扶贫协作工作部署，扎实推进各项工作。现将{{unit.self}}工作进展情况报告如下：',
    ),
    h(1, '工作进展情况'),
    p(S.exchange),
    p(S.pairing),
    p(S.aid),
    p(S.aidItems),
    p(S.charity),
    p(S.dropout),
    p(S.training),
    p(S.procurement),
    p(S.publicity),
    p('开展扶贫活动{{activity.count}}次[[，参与{{activity.participants}}人次]]，包括{{activity.titles}}。'),
    p(S.visit),
    p(S.donationGiven),
    p(S.donationReceived),
    p(S.rectification),
    p(S.targets),
    ask('请填写本期工作进展情况'),
    h(1, '典型经验做法'),
    activities('results'),
    p(S.publicityExperience),
    ask('请填写本期工作中的典型做法和经验'),
    h(1, '存在的困难和问题'),
    p(S.behind),
    p(S.openRectification),
    p(S.notReturned),
    ask('请补充工作中遇到的困难和问题'),
    h(1, '对策建议'),
    p(S.catchUp),
    p(S.openTasks),
    p(S.finishRectification),
    p(S.keepPersuading),
    ask('请填写对策建议'),
  ),
};

/** Notice 03: 扶贫日活动工作总结, of one activity or of all the activities of a period. */
const ACTIVITY: ReportTemplate = {
  key: 'activity-summary',
  label: '活动总结',
  description: '扶贫日等活动的工作总结（10 月 20 日前报送）：一次活动，或一个期间的全部活动',
  subject: 'activity',
  title: '{{unit.name}}{{period.label}}扶贫活动工作总结',
  addressee: '',
  attachments: [],
  blocks: blocks(
    p(
      '为深入贯彻脱贫攻坚决策部署，营造全社会关心支持教育扶贫的浓厚氛围，{{period.label}}，{{unit.name}}共开展扶贫活动{{activity.count}}次[[，参与{{activity.participants}}人次]][[，受益{{activity.beneficiaries}}人次]]。现将活动开展情况总结如下：',
    ),
    h(1, '活动开展情况'),
    activities('summary'),
    ask('请填写活动开展情况'),
    h(1, '活动成效'),
    activities('results'),
    p('活动期间发布宣传报道{{publicity.total}}条[[，其中县级以上{{publicity.countyPlus}}条]]。'),
    ask('请填写活动取得的成效'),
    h(1, '存在的问题和下一步打算'),
    p(S.openRectification),
    p(S.openTasks),
    ask('请填写存在的问题和下一步打算'),
    p(
      '下一步，{{unit.self}}将认真总结活动经验，把活动成效转化为教育扶贫的长效举措，为打赢教育脱贫攻坚战作出应有贡献。',
    ),
  ),
  subjectTitle: '{{unit.name}}{{subject.quotedTitle}}总结',
  subjectBlocks: blocks(
    p(
      '{{subject.date}}，{{unit.name}}[[在{{subject.location}}]]开展{{subject.quotedTitle}}[[，参与{{subject.participants}}人]][[，受益{{subject.beneficiaries}}人]]。现将活动情况总结如下：',
    ),
    h(1, '活动基本情况'),
    p('本次活动由{{subject.organizer}}组织实施。'),
    p('{{subject.summary}}'),
    ask('请填写活动基本情况'),
    h(1, '活动成效'),
    p('{{subject.results}}'),
    p('活动期间发布宣传报道{{publicity.total}}条[[，其中县级以上{{publicity.countyPlus}}条]]。'),
    ask('请填写活动取得的成效'),
    h(1, '下一步打算'),
    p(S.openTasks),
    ask('请填写下一步打算'),
    p('{{unit.self}}将认真总结本次活动经验，把活动成效转化为教育扶贫的长效举措。'),
  ),
};

export const BUILTIN_TEMPLATES: readonly ReportTemplate[] = [HALF_YEAR, MONTHLY, ACTIVITY];
