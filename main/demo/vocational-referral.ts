import type { BulkRow } from '../store/bulk.js';
import { JIANSHI_REGION, demoIdCard, demoMobile, demoPerson } from './people.js';
import type { DemoRandom } from './random.js';
import { JIANSHI_SCHOOLS } from './schools.js';

const REFERRALS = 50;

/** Who graduates from where, and which schools take them: 杭州's 技师学院 first (notice 02). */
const LEVELS = [
  {
    level: '初中',
    born: ['2003-09-01', '2004-08-31'],
    from: JIANSHI_SCHOOLS.filter((s) => s.includes('初级中学') || s.includes('民族中学')),
    to: [
      '杭州技师学院',
      '杭州轻工技师学院',
      '杭州市萧山区第三中等职业学校',
      '建始县中等职业技术学校',
      '湖北恩施商贸学校',
    ],
  },
  {
    level: '高中',
    born: ['2000-09-01', '2001-08-31'],
    from: ['建始县第一中学', '建始县民族中学'],
    to: ['杭州技师学院', '杭州轻工技师学院', '恩施职业技术学院'],
  },
  {
    level: '中职',
    born: ['2000-09-01', '2001-08-31'],
    from: ['建始县中等职业技术学校'],
    to: ['杭州技师学院', '恩施职业技术学院'],
  },
] as const;

const MAJORS = [
  '数控技术应用',
  '汽车运用与维修',
  '电子商务',
  '烹饪',
  '计算机应用',
  '电气自动化设备安装与维修',
  '学前教育',
  '酒店服务与管理',
];

/**
 * Notice 02's 技能培训: 建档立卡 graduates guided to 杭州 (技师学院) and other vocational schools,
 * enrolled in early September 2019.
 */
export function vocationalReferralRows(rnd: DemoRandom): BulkRow[] {
  const rows: BulkRow[] = [];
  for (let i = 0; i < REFERRALS; i++) {
    const roll = rnd.next();
    const level = roll < 0.7 ? LEVELS[0] : roll < 0.85 ? LEVELS[1] : LEVELS[2];
    const { name, gender } = demoPerson(rnd);
    rows.push({
      values: {
        name,
        id_number: demoIdCard(rnd, rnd.date(level.born[0], level.born[1]), gender, JIANSHI_REGION),
        graduated_from: rnd.pick(level.from),
        graduate_level: level.level,
        // Half go to the first (杭州技师学院), the rest spread over the others.
        target_school: rnd.chance(0.5) ? level.to[0] : rnd.pick(level.to),
        major: rnd.pick(MAJORS),
        enroll_date: rnd.date('2019-08-30', '2019-09-10'),
        registered_poor: rnd.chance(0.85) ? '是' : '否',
        phone: demoMobile(rnd),
      },
    });
  }
  return rows;
}
