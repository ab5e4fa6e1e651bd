import type { Unit } from '../store/units.js';

/** A county bureau (教育局) answers for county targets; a school (学校、幼儿园) for its own. */
export type UnitKind = 'bureau' | 'school' | 'other';

/** Where a unit is, as far as the notices' targets care: each notice binds its own area. */
export type Region = 'jianshi' | 'guizhou' | 'other';

export interface UnitProfile {
  kind: UnitKind;
  region: Region;
  /** How the unit writes of itself after naming itself once: 我局, 我校, 我园, 我单位. */
  self: string;
}

/*
 * A unit is known only by its name (填报单位 has no other settings), and Chinese unit names say
 * what and where they are: "建始县教育局" is a bureau of 建始县 (湖北恩施), "贵阳市第一中学" a school
 * in 贵州. Notice 02 is 建始县教育局's own plan, binding 建始's bureau and schools; notice 04 is
 * 贵州省教育厅's, binding 贵州's (it names 贵安新区、仁怀市、威宁县 beside the 市州). A unit whose
 * name says neither is held to neither notice's targets: no target is better than a wrong one.
 */
const GUIZHOU = /贵州|贵阳|遵义|六盘水|安顺|毕节|铜仁|黔东南|黔南|黔西南|贵安|仁怀|威宁/;
const JIANSHI = /建始/;
const BUREAU = /(教育局|教育和体育局|教体局|教育科技局|社会事务管理局|教育厅|教育委员会|教委)$/;
const KINDERGARTEN = /(幼儿园|幼儿园分园)$/;
const SCHOOL = /(学校|小学|中学|学院|大学|附中|附小|教学点|幼儿园|学园|分校|校区)$/;

export function unitProfile(unit: Pick<Unit, 'name'>): UnitProfile {
  const name = unit.name.trim();
  const kind: UnitKind = BUREAU.test(name) ? 'bureau' : SCHOOL.test(name) ? 'school' : 'other';
  const region: Region = GUIZHOU.test(name) ? 'guizhou' : JIANSHI.test(name) ? 'jianshi' : 'other';
  const self =
    kind === 'bureau'
      ? name.endsWith('厅')
        ? '我厅'
        : '我局'
      : KINDERGARTEN.test(name)
        ? '我园'
        : kind === 'school'
          ? '我校'
          : '我单位';
  return { kind, region, self };
}
