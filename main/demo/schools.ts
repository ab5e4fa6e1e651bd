/**
 * The organisations demo records name: notice 02's 建始县 (湖北恩施) schools and the 杭州市滨江区
 * schools paired with them (28 对结对学校), the two bureaus and their offices.
 */

export const JIANSHI_BUREAU = '建始县教育局';
export const BINJIANG_BUREAU = '杭州市滨江区教育局';

/** Notice 02's 责任股室 of 建始县教育局. */
export const JIANSHI_OFFICES = ['人事股', '教育股', '教研室', '项目办', '后勤办', '电教站', '学生资助中心', '扶贫办'];

/** 28 建始县 schools; JIANSHI_SCHOOLS[i] is paired with BINJIANG_SCHOOLS[i]. */
export const JIANSHI_SCHOOLS = [
  '建始县高坪镇中心小学',
  '建始县民族中学',
  '建始县花坪镇民族初级中学',
  '建始县第一中学',
  '建始县实验小学',
  '建始县业州镇第一小学',
  '建始县业州镇第二小学',
  '建始县业州镇民族初级中学',
  '建始县高坪镇初级中学',
  '建始县红岩寺镇中心小学',
  '建始县红岩寺镇民族初级中学',
  '建始县景阳镇中心小学',
  '建始县景阳镇初级中学',
  '建始县官店镇中心小学',
  '建始县官店镇民族初级中学',
  '建始县花坪镇中心小学',
  '建始县长梁镇中心小学',
  '建始县长梁镇初级中学',
  '建始县茅田乡中心小学',
  '建始县茅田乡初级中学',
  '建始县龙坪乡中心小学',
  '建始县龙坪乡民族初级中学',
  '建始县三里乡中心小学',
  '建始县三里乡初级中学',
  '建始县思源实验学校',
  '建始县中等职业技术学校',
  '建始县机关幼儿园',
  '建始县特殊教育学校',
];

export const BINJIANG_SCHOOLS = [
  '杭州市滨江区江南实验学校',
  '杭州高新实验学校',
  '杭州市滨江区闻涛中学',
  '杭州市长河高级中学',
  '杭州市滨江区第一小学',
  '杭州市滨江区闻涛小学',
  '杭州市滨江区浦沿小学',
  '杭州市滨江区浦沿中学',
  '杭州市滨江区西兴中学',
  '杭州市滨江区长河小学',
  '杭州市滨江区滨和中学',
  '杭州市滨江区丹枫实验小学',
  '杭州市滨江区滨文中学',
  '杭州市滨江区东冠小学',
  '杭州市滨江区钱塘外语学校',
  '杭州市滨江区西兴实验小学',
  '杭州市滨江区彩虹城小学',
  '杭州市滨江区江汉路小学',
  '杭州市滨江区星澜小学',
  '杭州市滨江区滨兴学校',
  '杭州市滨江区缤纷小学',
  '杭州市滨江区钱江湾小学',
  '杭州市滨江区新世纪外国语学校',
  '杭州市滨江区白马湖学校',
  '杭州市滨江区江二小学',
  '杭州市滨江区职业教育中心',
  '杭州市滨江区春波幼儿园',
  '杭州市滨江区育才学校',
];

export interface SchoolPair {
  helping: string;
  aided: string;
}

export const SCHOOL_PAIRS: readonly SchoolPair[] = BINJIANG_SCHOOLS.map((helping, i) => ({
  helping,
  aided: JIANSHI_SCHOOLS[i]!,
}));

/** What a school teaches, read from its name, so a 支教 teacher's subject fits the school. */
export function subjectsAt(school: string): readonly string[] {
  if (school.includes('幼儿园')) return ['学前教育'];
  if (school.includes('特殊教育')) return ['特殊教育', '康复训练'];
  if (school.includes('职业') || school.includes('中等职业')) return ['计算机应用', '电子商务', '数控技术'];
  if (school.includes('小学')) return ['小学语文', '小学数学', '小学英语', '小学音乐', '小学美术', '小学科学'];
  if (school.includes('第一中学')) return ['高中数学', '高中英语', '高中物理', '高中化学'];
  return ['初中语文', '初中数学', '初中英语', '初中物理', '初中生物'];
}

/** 滨江 kindergartens that host 建始's 幼儿园园长 (notice 02, 附件 1). */
export const BINJIANG_KINDERGARTENS = [
  '杭州市滨江区春波幼儿园',
  '杭州市滨江区江南幼儿园',
  '杭州市滨江区东信幼儿园',
  '杭州市滨江区彩虹城幼儿园',
];
