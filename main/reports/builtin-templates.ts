import type { ReportBlock, ReportTemplate } from '../../shared/report-draft.js';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Builds a block list with ids b1, b2 … in order. */
function blocks(...items: Array<WithoutId<ReportBlock>>): ReportBlock[] {
  return items.map((item, i) => ({ ...item, id: `b${i + 1}` }) as ReportBlock);
}

const h = (level: 1 | 2 | 3 | 4, text: string) => ({ type: 'heading' as const, level, text });
const p = (text: string, hint?: string) => ({ type: 'paragraph' as const, text, ...(hint ? { hint } : {}) });
const activities = (detail: 'none' | 'summary' | 'results') => ({ type: 'activity-list' as const, detail });

/** Sentences shared by the templates; each is left out when its ledger has nothing for the period. */
const S = {
  exchange:
    '选派、接收交流人员{{exchange.total}}人次[[，其中[[支教{{exchange.teaching}}人次、]][[挂职{{exchange.secondment}}人、]][[跟岗培训{{exchange.shadowing}}人、]]]]。',
  pairing: '开展结对帮扶活动{{pairing.count}}次[[，参与{{pairing.participants}}人次]]。',
  aid: '资助学生{{aid.students}}人、{{aid.personTimes}}人次[[，发放资助资金{{aid.amount}}元]][[，其中特困家庭学生{{aid.needyStudents}}人]]。',
  aidItems: '分资助项目看：{{aid.byItem}}。',
  dropout: '排查辍学学生{{dropout.tracked}}人[[，劝返{{dropout.persuaded}}人[[（已复学{{dropout.resumed}}人）]]]]。',
  training: '组织教师参加培训{{training.sessions}}期[[，参训{{training.headcount}}人]]。',
  procurement:
    '校农结合采购农产品{{procurement.amount}}元[[，其中来自贫困地区{{procurement.poorAmount}}元、占{{procurement.poorShare}}]]。',
  publicity: '发布宣传报道{{publicity.total}}条[[，其中县级以上{{publicity.countyPlus}}条]]。',
  activity:
    '开展扶贫活动{{activity.count}}次[[，参与{{activity.participants}}人次]][[，受益{{activity.beneficiaries}}人次]]，主要活动如下：',
  visit: '走访帮扶户{{visit.count}}户次。',
  donationGiven: '开展爱心捐赠{{donation.givenCount}}次[[，折合金额{{donation.givenValue}}元]]。',
  donationReceived: '接受社会各界捐赠{{donation.receivedCount}}批次[[，折合金额{{donation.receivedValue}}元]]。',
  rectification:
    '梳理整改问题{{rectification.total}}项[[，已完成整改{{rectification.done}}项]][[，正在整改{{rectification.open}}项]]。',
  targets: '对照年度工作目标，{{targets.progress}}。',
  behind: '{{targets.behind}}等工作进度滞后于时间要求。',
  openRectification: '尚有{{rectification.open}}项问题正在整改，需持续推进。',
  catchUp: '围绕{{targets.behindNames}}等目标任务，进一步加大工作力度，确保按期完成年度目标。',
  finishRectification: '加快推进未完成的{{rectification.open}}项整改事项，确保按期整改到位。',
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
      '{{period.label}}，{{unit.name}}认真落实东西部扶贫协作和教育精准脱贫各项工作部署，扎实推进各项工作。现将工作情况总结如下。',
    ),
    h(1, '主要工作及成效'),
    h(2, '东西部协作交流'),
    p(S.exchange),
    p(S.pairing),
    h(2, '学生资助'),
    p(S.aid),
    p(S.aidItems),
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
    p('', '请补充工作中遇到的困难和问题'),
    h(1, '下一步工作打算'),
    p(S.catchUp),
    p(S.finishRectification),
    p('', '请补充下一步工作打算'),
  ),
};

const MONTHLY: ReportTemplate = {
  key: 'monthly-progress',
  label: '月度工作进展',
  description: '每月 19 日报送工作进展情况，包括工作进展情况、典型经验、存在困难及问题、对策建议',
  subject: 'none',
  title: '{{unit.name}}{{period.label}}教育扶贫工作进展情况',
  addressee: '',
  attachments: [],
  blocks: blocks(
    p('现将{{unit.name}}{{period.label}}教育扶贫工作进展情况报告如下。'),
    h(1, '工作进展情况'),
    p(S.exchange),
    p(S.pairing),
    p(S.aid),
    p(S.aidItems),
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
    {
      type: 'figure-table',
      title: '主要工作数据',
      figures: [
        'exchange.teaching',
        'exchange.secondment',
        'exchange.shadowing',
        'aid.students',
        'aid.amount',
        'dropout.persuaded',
        'dropout.resumed',
        'training.sessions',
        'training.headcount',
        'procurement.amount',
        'procurement.poorShare',
        'publicity.total',
        'publicity.countyPlus',
        'activity.count',
        'rectification.total',
        'rectification.done',
      ],
    },
    h(1, '典型经验'),
    activities('results'),
    p('相关工作被县级以上媒体宣传报道{{publicity.countyPlus}}条。'),
    p('', '请填写本期工作中的典型做法和经验'),
    h(1, '存在困难及问题'),
    p(S.behind),
    p(S.openRectification),
    p('', '请补充工作中遇到的困难和问题'),
    h(1, '对策建议'),
    p(S.catchUp),
    p(S.finishRectification),
    p('', '请填写对策建议'),
  ),
};

const ACTIVITY: ReportTemplate = {
  key: 'activity-summary',
  label: '活动总结',
  description: '扶贫日等活动的工作总结（10 月 20 日前报送）：一次活动，或一个期间的全部活动',
  subject: 'activity',
  title: '{{unit.name}}{{period.label}}扶贫活动工作总结',
  addressee: '',
  attachments: [],
  blocks: blocks(
    h(1, '活动开展情况'),
    p(
      '{{period.label}}，{{unit.name}}共开展扶贫活动{{activity.count}}次[[，参与{{activity.participants}}人次]][[，受益{{activity.beneficiaries}}人次]]。',
    ),
    activities('summary'),
    h(1, '活动成效'),
    activities('results'),
    p('活动期间发布宣传报道{{publicity.total}}条[[，其中县级以上{{publicity.countyPlus}}条]]。'),
    h(1, '下一步打算'),
    p('', '请填写下一步打算'),
  ),
  subjectTitle: '{{unit.name}}{{subject.quotedTitle}}总结',
  subjectBlocks: blocks(
    h(1, '活动基本情况'),
    p(
      '{{subject.date}}，{{unit.name}}[[在{{subject.location}}]]开展{{subject.quotedTitle}}[[，参与{{subject.participants}}人]][[，受益{{subject.beneficiaries}}人]]。',
    ),
    h(1, '主要做法'),
    p('{{subject.summary}}'),
    h(1, '活动成效'),
    p('{{subject.results}}'),
    p('活动期间发布宣传报道{{publicity.total}}条[[，其中县级以上{{publicity.countyPlus}}条]]。'),
    h(1, '下一步打算'),
    p('', '请填写下一步打算'),
  ),
};

export const BUILTIN_TEMPLATES: readonly ReportTemplate[] = [HALF_YEAR, MONTHLY, ACTIVITY];
