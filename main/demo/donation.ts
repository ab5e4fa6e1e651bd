import type { BulkRow } from '../store/bulk.js';
import { demoName } from './people.js';
import type { DemoRandom } from './random.js';
import { JIANSHI_BUREAU, SCHOOL_PAIRS } from './schools.js';

interface Gift {
  date: string;
  direction: '捐出' | '受赠';
  donor: string;
  recipient: string;
  items: string;
  quantity: string;
  value: number;
  batch?: string;
  remark?: string;
}

/**
 * Gifts both ways: 滨江 schools and 工会/统战 projects (notice 02's 春风助学、同心助学) to 建始,
 * and 建始 schools giving on (notice 03's 爱心义卖、爱心美术包; notice 01's 衣物 to 伽师县米夏乡, in two batches).
 */
function gifts(rnd: DemoRandom): Gift[] {
  const pair = () => rnd.pick(SCHOOL_PAIRS);
  const list: Gift[] = [
    {
      date: '2019-01-18',
      direction: '受赠',
      donor: '杭州市滨江区总工会',
      recipient: JIANSHI_BUREAU,
      items: '“春风助学”助学金',
      quantity: '40 人',
      value: 80_000,
      batch: '第一批',
      remark: '每人 2000 元，资助特困家庭学生',
    },
    {
      date: '2019-03-12',
      direction: '受赠',
      donor: '杭州市滨江区委统战部',
      recipient: JIANSHI_BUREAU,
      items: '“同心助学”助学金',
      quantity: '30 人',
      value: 45_000,
      remark: '每人 1500 元',
    },
    {
      date: '2019-09-10',
      direction: '受赠',
      donor: '杭州市滨江区总工会',
      recipient: JIANSHI_BUREAU,
      items: '“春风助学”助学金',
      quantity: '45 人',
      value: 90_000,
      batch: '第二批',
      remark: '每人 2000 元',
    },
    {
      date: '2019-10-16',
      direction: '捐出',
      donor: '建始县高坪镇中心小学',
      recipient: '建始县高坪镇青龙村小学',
      items: '爱心义卖所得善款',
      quantity: '1 笔',
      value: 6_380.5,
      remark: '扶贫日爱心义卖',
    },
    {
      date: '2019-10-17',
      direction: '捐出',
      donor: '建始县民族中学',
      recipient: '建始县官店镇中心小学',
      items: '爱心美术包',
      quantity: '120 个',
      value: 7_200,
      remark: '与县邮政分公司联合开展',
    },
    {
      date: '2019-11-25',
      direction: '捐出',
      donor: '建始县实验小学',
      recipient: '伽师县米夏乡',
      items: '儿童冬衣',
      quantity: '320 件',
      value: 0,
      batch: '第一批',
      remark: '干净整齐，打包寄送',
    },
    {
      date: '2019-12-20',
      direction: '捐出',
      donor: '建始县实验小学',
      recipient: '伽师县米夏乡',
      items: '儿童衣物、鞋帽',
      quantity: '260 件',
      value: 0,
      batch: '第二批',
    },
  ];
  const presents = [
    { items: '图书', unit: '册', per: 25, range: [300, 1500] },
    { items: '体育器材（足球、篮球、跳绳）', unit: '套', per: 180, range: [10, 40] },
    { items: '冬季校服', unit: '套', per: 120, range: [50, 200] },
    { items: '学习用品', unit: '份', per: 30, range: [100, 400] },
    { items: '教学用平板电脑', unit: '台', per: 1_800, range: [10, 30] },
  ] as const;
  for (let i = 0; i < 13; i++) {
    const p = pair();
    const present = rnd.pick(presents);
    const count = rnd.int(present.range[0], present.range[1]);
    list.push({
      date: rnd.workday('2019-03-01', '2019-12-20'),
      direction: '受赠',
      donor: p.helping,
      recipient: p.aided,
      items: present.items,
      quantity: `${count} ${present.unit}`,
      value: count * present.per,
    });
  }
  return list;
}

/** 20 donations; money given in kind is 折合 at a plain market price. */
export function donationRows(rnd: DemoRandom): BulkRow[] {
  return gifts(rnd).map((gift) => ({
    values: {
      date: gift.date,
      direction: gift.direction,
      donor: gift.donor,
      recipient: gift.recipient,
      items: gift.items,
      quantity: gift.quantity,
      value: gift.value === 0 ? null : gift.value,
      batch: gift.batch ?? null,
      handler: demoName(rnd),
      remark: gift.remark ?? null,
    },
  }));
}
