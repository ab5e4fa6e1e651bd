import type { BulkRow } from '../store/bulk.js';
import { demoName, demoVillage } from './people.js';
import type { DemoRandom } from './random.js';

const HOUSEHOLDS = 40;
/** Every household is visited twice: once in spring, once before 扶贫日 (notice 03). */
const VISITS = [
  ['2019-03-04', '2019-06-14'],
  ['2019-09-09', '2019-10-16'],
] as const;

const AID_BY_STAGE = [
  '享受学前教育资助',
  '享受义务教育“两免一补”和营养改善计划',
  '享受普通高中国家助学金和免学费',
  '享受中职免学费和国家助学金、雨露计划',
  '享受“春风助学”公益资助',
];

const MEASURES = [
  '宣讲学生资助政策，落实子女教育资助；帮助联系村级公益岗位',
  '协助申报产业奖补，发展生猪养殖；督促子女按时返校',
  '联系合作社收购土豆和魔芋，校农结合订单采购',
  '落实教育线控辍保学责任，每月电话联系家长一次',
  '引导初中毕业子女报读杭州技师学院，落实路费及生活费资助',
  '协助办理残疾证和低保，落实送教上门',
];

/** 80 visits to 40 households by their 帮扶责任人; income is reckoned on the autumn visit (前三季度). */
export function householdVisitRows(rnd: DemoRandom): BulkRow[] {
  const households = Array.from({ length: HOUSEHOLDS }, () => {
    const familySize = rnd.int(3, 7);
    return {
      helper: demoName(rnd),
      householder: demoName(rnd),
      village: demoVillage(rnd),
      familySize,
      students: rnd.int(1, Math.min(3, familySize - 2)),
      income: Math.round(rnd.int(9_000, 42_000) / 10) * 10,
    };
  });
  const rows: BulkRow[] = [];
  VISITS.forEach(([from, to], round) => {
    for (const h of households) {
      const aid = rnd.sample(AID_BY_STAGE, h.students === 1 ? 1 : 2);
      rows.push({
        values: {
          helper: h.helper,
          householder: h.householder,
          village: h.village,
          visit_date: rnd.workday(from, to),
          family_size: h.familySize,
          students: h.students,
          aid_status: `在校学生 ${h.students} 人，${aid.join('；')}`,
          income: round === 1 ? h.income : null,
          measures: rnd.pick(MEASURES),
        },
      });
    }
  });
  return rows;
}
