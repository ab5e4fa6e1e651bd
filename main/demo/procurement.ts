import type { BulkRow } from '../store/bulk.js';
import { AUTUMN_TERM, SPRING_TERM } from './calendar.js';
import { demoName, demoVillage } from './people.js';
import type { DemoRandom } from './random.js';

const PURCHASES = 200;
/** Notice 04 asks for ≥ 50 % of canteen purchases from 贫困地区; the demo school buys 55–60 %. */
const POOR_SHARE_MIN = 0.55;
const POOR_SHARE_MAX = 0.6;

/** What a school canteen in 建始 buys, with a believable 2019 price range per unit. */
const PRODUCE = [
  { item: '大米', unit: '公斤', price: [4.6, 5.8], qty: [200, 800] },
  { item: '菜籽油', unit: '升', price: [13, 16], qty: [40, 150] },
  { item: '土豆', unit: '公斤', price: [1.8, 3], qty: [150, 600] },
  { item: '白菜', unit: '公斤', price: [1.2, 2.4], qty: [100, 400] },
  { item: '萝卜', unit: '公斤', price: [1, 2], qty: [100, 300] },
  { item: '猪肉', unit: '公斤', price: [22, 36], qty: [60, 250] },
  { item: '鸡蛋', unit: '公斤', price: [8.5, 12], qty: [50, 200] },
  { item: '魔芋豆腐', unit: '公斤', price: [6, 9], qty: [30, 120] },
  { item: '腊肉', unit: '公斤', price: [48, 65], qty: [20, 80] },
  { item: '青菜', unit: '公斤', price: [2, 4], qty: [80, 300] },
  { item: '豆腐', unit: '公斤', price: [4, 6], qty: [50, 200] },
  { item: '苹果', unit: '公斤', price: [6, 9], qty: [60, 200] },
] as const;

const COOPERATIVES = [
  '高坪镇青龙村蔬菜专业合作社',
  '花坪镇关口葡萄种植专业合作社',
  '龙坪乡白果村生猪养殖专业合作社',
  '三里乡河水坪魔芋专业合作社',
  '长梁镇石门村土豆种植专业合作社',
];
const LOCAL_FIRMS = ['建始县景阳畈农业开发有限公司', '建始县硒源农产品有限公司', '恩施州硒都粮油有限公司'];
const OUTSIDE_FIRMS = ['宜昌市三峡粮油贸易有限公司', '武汉白沙洲农副产品大市场经营部'];
const MARKETS = ['建始县业州镇农贸市场', '建始县城区蔬菜批发市场'];

interface Supplier {
  name: string;
  type: string;
  poor: boolean;
}

function supplier(rnd: DemoRandom): Supplier {
  const roll = rnd.next();
  if (roll < 0.22) return { name: `${demoVillage(rnd)}${demoName(rnd)}（贫困户）`, type: '贫困户', poor: true };
  if (roll < 0.45) return { name: rnd.pick(COOPERATIVES), type: '合作社', poor: true };
  if (roll < 0.58) return { name: rnd.pick(LOCAL_FIRMS), type: '企业', poor: true };
  if (roll < 0.75) return { name: rnd.pick(OUTSIDE_FIRMS), type: '企业', poor: false };
  return { name: rnd.pick(MARKETS), type: '市场', poor: false };
}

function between(rnd: DemoRandom, [low, high]: readonly [number, number], decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((low + rnd.next() * (high - low)) * factor) / factor;
}

function poorShare(rows: Array<{ amount: number; supplier: Supplier }>): number {
  const total = rows.reduce((sum, r) => sum + r.amount, 0);
  return rows.filter((r) => r.supplier.poor).reduce((sum, r) => sum + r.amount, 0) / total;
}

/**
 * 200 canteen purchases over both terms. Companies switch between a local (贫困县) and an outside
 * firm until the money share from 贫困地区 is inside 55–60 %, so the 占比 in reports is what it claims.
 */
export function procurementRows(rnd: DemoRandom): BulkRow[] {
  const rows = Array.from({ length: PURCHASES }, () => {
    const produce = rnd.pick(PRODUCE);
    const quantity = between(rnd, produce.qty, 0);
    const price = between(rnd, produce.price, 2);
    const term = rnd.chance(0.5) ? SPRING_TERM : AUTUMN_TERM;
    return {
      date: rnd.workday(term[0], term[1]),
      produce,
      quantity,
      price,
      amount: Math.round(quantity * price * 100) / 100,
      supplier: supplier(rnd),
    };
  });
  const firms = rows.filter((r) => r.supplier.type === '企业');
  for (let i = 0; i < firms.length && poorShare(rows) > POOR_SHARE_MAX; i++) {
    if (firms[i]!.supplier.poor) firms[i]!.supplier = { name: rnd.pick(OUTSIDE_FIRMS), type: '企业', poor: false };
  }
  for (let i = 0; i < firms.length && poorShare(rows) < POOR_SHARE_MIN; i++) {
    if (!firms[i]!.supplier.poor) firms[i]!.supplier = { name: rnd.pick(LOCAL_FIRMS), type: '企业', poor: true };
  }
  const handlers = [demoName(rnd), demoName(rnd)];
  rows.sort((a, b) => a.date.localeCompare(b.date));
  return rows.map((r, i) => ({
    values: {
      purchase_date: r.date,
      item: r.produce.item,
      quantity: r.quantity,
      measure_unit: r.produce.unit,
      unit_price: r.price,
      amount: r.amount,
      supplier: r.supplier.name,
      supplier_type: r.supplier.type,
      from_poor_area: r.supplier.poor ? '是' : '否',
      invoice_no: `JSXN2019${String(i + 1).padStart(4, '0')}`,
      handler: handlers[i % 7 === 0 ? 1 : 0]!,
    },
  }));
}
