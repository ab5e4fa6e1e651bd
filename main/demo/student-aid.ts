import type { BulkRow } from '../store/bulk.js';
import type { DemoRandom } from './random.js';
import { demoAddress, demoIdCard, demoMobile, demoName } from './people.js';

const STAGES = [
  { stage: '学前', born: ['2013-09-01', '2016-08-31'], classes: ['大班', '中班', '小班'], items: ['其他', '公益助学'] },
  {
    stage: '小学',
    born: ['2007-09-01', '2013-08-31'],
    classes: ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'],
    items: ['两免一补', '营养改善计划', '公益助学'],
  },
  {
    stage: '初中',
    born: ['2004-09-01', '2007-08-31'],
    classes: ['七年级', '八年级', '九年级'],
    items: ['两免一补', '营养改善计划', '公益助学'],
  },
  {
    stage: '高中',
    born: ['2001-09-01', '2004-08-31'],
    classes: ['高一', '高二', '高三'],
    items: ['国家助学金', '免学费', '公益助学'],
  },
  {
    stage: '中职',
    born: ['2001-09-01', '2004-08-31'],
    classes: ['一年级', '二年级', '三年级'],
    items: ['国家助学金', '免学费', '雨露计划'],
  },
  {
    stage: '高校',
    born: ['1997-09-01', '2001-08-31'],
    classes: ['大一', '大二', '大三', '大四'],
    items: ['雨露计划', '路费及生活费'],
  },
] as const;

const AMOUNTS: Record<string, number[]> = {
  两免一补: [500, 625, 1000, 1250],
  营养改善计划: [400, 800],
  国家助学金: [1000, 2000, 3000],
  免学费: [800, 1200, 1600],
  雨露计划: [1500, 3000],
  公益助学: [500, 800, 1000, 2000],
  路费及生活费: [600, 1000, 1500],
  其他: [200, 300, 500],
};

const FUND_SOURCES: Record<string, string> = {
  两免一补: '中央和省级财政',
  营养改善计划: '中央财政',
  国家助学金: '中央和地方财政',
  免学费: '中央和地方财政',
  雨露计划: '扶贫专项资金',
  公益助学: '滨江区“春风助学”项目',
  路费及生活费: '东西部扶贫协作资金',
  其他: '县级财政',
};

const FAMILY_TYPES = ['建档立卡', '建档立卡', '建档立卡', '低保', '特困供养', '残疾', '其他'];

export function* studentAidRows(rnd: DemoRandom, count: number): Generator<BulkRow> {
  for (let i = 0; i < count; i++) {
    const s = rnd.pick(STAGES);
    const gender = rnd.next() < 0.52 ? '男' : '女';
    const name = demoName(rnd);
    const item = rnd.pick(s.items);
    yield {
      values: {
        name,
        gender,
        id_number: demoIdCard(rnd, rnd.date(s.born[0], s.born[1]), gender),
        stage: s.stage,
        class_name: `${rnd.pick(s.classes)}${rnd.int(1, 4)}班`,
        family_type: rnd.pick(FAMILY_TYPES),
        aid_item: item,
        amount: rnd.pick(AMOUNTS[item]!),
        fund_source: FUND_SOURCES[item]!,
        paid_on: rnd.date('2019-01-02', '2019-12-27'),
        guardian: name.slice(0, 1) + demoName(rnd).slice(1),
        phone: demoMobile(rnd),
        address: demoAddress(rnd),
        remark: rnd.next() < 0.1 ? '已核实家庭收入' : null,
      },
    };
  }
}
