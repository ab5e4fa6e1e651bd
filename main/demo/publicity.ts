import type { BulkRow } from '../store/bulk.js';
import { semesterLabel } from './calendar.js';
import { demoName } from './people.js';
import type { DemoRandom } from './random.js';

/** Where 建始 school news appears, and the 级别 each outlet counts as (notice 02: 县级以上). */
const MEDIA = {
  school: { media: '学校微信公众号', level: '校级', host: 'mp.weixin.qq.com/s' },
  county: { media: '建始县融媒体中心“云上建始”', level: '县级', host: 'www.hbjs.gov.cn/xwzx' },
  countyTv: { media: '建始电视台', level: '县级', host: 'www.hbjs.gov.cn/jstv' },
  prefecture: { media: '恩施日报', level: '市级', host: 'www.enshi.cn/news' },
  hangzhou: { media: '杭州日报', level: '市级', host: 'hzdaily.hangzhou.com.cn' },
  province: { media: '湖北日报', level: '省级', host: 'news.hubeidaily.net' },
  national: { media: '中国教育报', level: '国家级', host: 'www.jyb.cn' },
  xuexi: { media: '学习强国湖北学习平台', level: '国家级', host: 'www.xuexi.cn' },
} as const;

type Outlet = keyof typeof MEDIA;

/** Stories of 2019 with the outlet and a date; several 县级以上 in each term. */
const STORIES: Array<{ title: string; outlet: Outlet; date: string }> = [
  { title: '滨江·建始教育扶贫协作工作座谈会召开', outlet: 'county', date: '2019-01-16' },
  { title: '寒冬送温暖 滨江学子为建始山区孩子捐赠冬衣', outlet: 'school', date: '2019-01-22' },
  { title: '滨江挂职干部扎根建始 助力教育脱贫攻坚', outlet: 'prefecture', date: '2019-03-14' },
  { title: '我校与杭州高新实验学校开展结对帮扶活动', outlet: 'school', date: '2019-03-21' },
  { title: '建始县首批幼儿园园长赴滨江跟岗学习', outlet: 'county', date: '2019-03-26' },
  { title: '两地教师同课异构 课堂教学共研共进', outlet: 'school', date: '2019-04-18' },
  { title: '东西部协作让山区孩子共享优质教育资源', outlet: 'province', date: '2019-04-25' },
  { title: '滨江名师送教建始 学前教育培训开班', outlet: 'countyTv', date: '2019-05-14' },
  { title: '建始县控辍保学“双线四包”见实效', outlet: 'prefecture', date: '2019-05-30' },
  { title: '山海相约 手拉手共庆六一', outlet: 'school', date: '2019-06-03' },
  { title: '建始县2019年学生资助政策宣传月活动启动', outlet: 'county', date: '2019-06-11' },
  { title: '跨越千里的教育情缘——滨江支教教师的建始故事', outlet: 'hangzhou', date: '2019-07-02' },
  { title: '建始学子赴杭州参加足球夏令营', outlet: 'county', date: '2019-07-23' },
  { title: '建档立卡家庭学生赴杭州技师学院就读', outlet: 'xuexi', date: '2019-08-30' },
  { title: '新学期滨江支教教师到岗 开启建始支教之旅', outlet: 'county', date: '2019-09-06' },
  { title: '我校开展资助政策主题班会', outlet: 'school', date: '2019-09-12' },
  { title: '滨江区教育局来建始调研东西部扶贫协作工作', outlet: 'countyTv', date: '2019-09-25' },
  { title: '扶贫日：建始教育系统开展系列帮扶活动', outlet: 'county', date: '2019-10-17' },
  { title: '教育扶贫“组团式”帮扶的建始实践', outlet: 'national', date: '2019-10-22' },
  { title: '建始县后勤基建干部赴滨江跟岗培训', outlet: 'school', date: '2019-10-28' },
  { title: '滨江·建始教研协作共同体成立', outlet: 'prefecture', date: '2019-11-08' },
  { title: '建始县教研员赴滨江参加教研活动', outlet: 'county', date: '2019-11-20' },
  { title: '校农结合助农增收 学校食堂采购贫困户农产品', outlet: 'province', date: '2019-11-27' },
  { title: '山区教师的“杭州课堂”——信息技术与心理健康教师跟岗纪实', outlet: 'school', date: '2019-12-12' },
  { title: '建始县2019年东西部教育扶贫协作工作综述', outlet: 'county', date: '2019-12-26' },
];

/** 25 reports across 2019: both terms, and every term has several at 县级 or above. */
export function publicityRows(rnd: DemoRandom): BulkRow[] {
  return STORIES.map((story, i) => {
    const outlet = MEDIA[story.outlet];
    const id = `${story.date.replace(/-/g, '')}_${String(rnd.int(100_000, 999_999))}`;
    return {
      values: {
        title: story.title,
        media: outlet.media,
        level: outlet.level,
        publish_date: story.date,
        link:
          outlet.level === '校级'
            ? `https://${outlet.host}/${id}`
            : `https://${outlet.host}/${story.date.slice(0, 7).replace('-', '')}/t${id}.html`,
        author: i % 3 === 0 ? `${demoName(rnd)}、${demoName(rnd)}` : demoName(rnd),
        semester: semesterLabel(story.date),
      },
    };
  });
}
