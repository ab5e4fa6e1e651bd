import { idCardCheckChar } from '../../shared/idcard.js';
import type { DemoRandom } from './random.js';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃向';
const GIVEN =
  '子涵欣怡梓轩浩宇佳琪雨桐俊杰思远诗涵宇航一诺文博嘉怡明轩晨曦天佑家豪雅婷志强秀英建华丽娟国庆海燕春梅小红玉兰德明永福金凤桂芳成龙振华';
/** 建始县's 行政区划代码, for people the 建始 ledgers name. */
export const JIANSHI_REGION = '422822';
/** 县级行政区划代码 of the counties in the notices: 建始 (恩施), 伽师, 贵州各县, 河池各县. */
export const REGION_CODES = ['422822', '422801', '653129', '522323', '522631', '451221', '451227', '451229'];

export function demoName(rnd: DemoRandom): string {
  const length = rnd.next() < 0.7 ? 2 : 1;
  let given = '';
  for (let i = 0; i < length; i++) given += rnd.pick([...GIVEN]);
  return rnd.pick([...SURNAMES]) + given;
}

/** A valid GB 11643 number for someone born on `birth` (YYYY-MM-DD), with the sex digit set. */
export function demoIdCard(rnd: DemoRandom, birth: string, sex: '男' | '女', region?: string): string {
  const sequence = rnd.int(0, 99) * 10 + (sex === '男' ? rnd.pick([1, 3, 5, 7, 9]) : rnd.pick([0, 2, 4, 6, 8]));
  const first17 = `${region ?? rnd.pick(REGION_CODES)}${birth.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

export function demoMobile(rnd: DemoRandom): string {
  return `1${rnd.pick(['3', '5', '7', '8', '9'])}${String(rnd.int(0, 999_999_999)).padStart(9, '0')}`;
}

const VILLAGES = ['高坪镇', '花坪镇', '龙坪乡', '业州镇', '红岩寺镇', '三里乡', '长梁乡', '茅田乡', '官店镇', '景阳镇'];

export function demoAddress(rnd: DemoRandom): string {
  return `建始县${rnd.pick(VILLAGES)}${rnd.pick(['青龙', '白果', '石门', '麻扎', '河水坪', '大沙河'])}村${rnd.int(1, 12)}组`;
}

export type Sex = '男' | '女';

/** A name and a sex, for ledgers that record 性别 without an ID number. */
export function demoPerson(rnd: DemoRandom): { name: string; gender: Sex } {
  return { name: demoName(rnd), gender: rnd.chance(0.5) ? '男' : '女' };
}

/** Landlines as the notices' counties write them: 建始 (恩施) 0718, 杭州 0571. */
export function demoLandline(rnd: DemoRandom, city: '建始' | '杭州'): string {
  return city === '建始'
    ? `0718-3${String(rnd.int(200_000, 599_999))}`
    : `0571-8${String(rnd.int(6_000_000, 8_999_999))}`;
}

export function demoQq(rnd: DemoRandom): string {
  return String(rnd.int(100_000_000, 2_999_999_999));
}

/** A 村组 of one of 建始县's towns, "高坪镇青龙村3组". */
export function demoVillage(rnd: DemoRandom): string {
  return demoAddress(rnd).replace(/^建始县/, '');
}
