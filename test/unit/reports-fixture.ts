import { idCardCheckChar } from '../../shared/idcard.js';
import { createRecord } from '../../main/store/records.js';
import { insertRecordsBulk } from '../../main/store/bulk.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { createUnit, type Unit } from '../../main/store/units.js';
import type { Db } from '../../main/store/database.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';

/** A valid 身份证号; the sequence's parity sets the sex (odd: 男). */
export function idNumber(n: number): string {
  const first17 = `422822${2008 + (n % 5)}0${1 + (n % 9)}1${n % 10}${String(100 + n).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

export function sexOf(n: number): '男' | '女' {
  return (100 + n) % 2 === 1 ? '男' : '女';
}

const AID_ITEMS = ['两免一补', '营养改善计划', '公益助学', '国家助学金'];
const FAMILY = ['建档立卡', '低保', '特困供养', '其他'];

export interface ReportFixture extends TempStore {
  other: Unit;
  /** The 扶贫日 activity of 2019-10-17 (in 2019H2), for a single-activity summary. */
  povertyDayId: number;
}

/**
 * A real ledger file with known records across many ledgers: most in 2019H1 for the main unit,
 * some in 2019H2 and some for another unit, so period and unit scoping both show. 结对帮扶,
 * 捐赠 and 走访 stay empty, to show that an empty ledger writes no sentence.
 */
export function reportFixture(): ReportFixture {
  const store = tempStore();
  const { db } = store;
  const other = createUnit(db, '建始县业州镇民族小学', '测试员');
  const add = (ledger: string, values: Record<string, unknown>, unitId = store.unit.id) =>
    createRecord(db, { ledger, values, unitId }, '测试员');
  const exchange = (type: string, date: string, personTimes: number | null, unitId?: number) =>
    add(
      'exchange',
      {
        name: '周老师',
        gender: '女',
        dispatch_unit: '杭州市滨江区教育局',
        receive_unit: '建始县高坪镇中心小学',
        exchange_type: type,
        start_date: date,
        person_times: personTimes,
      },
      unitId,
    );
  exchange('支教', '2019-03-01', 12);
  exchange('支教', '2019-05-20', null);
  exchange('挂职', '2019-04-01', null);
  exchange('挂职', '2019-04-02', null);
  exchange('跟岗培训', '2019-05-10', 25);
  exchange('专题讲座', '2019-06-10', 3);
  exchange('支教', '2019-08-01', 40);
  exchange('支教', '2019-03-01', 99, other.id);

  insertStudentAid(db, store.unit.id);

  const dropout = (n: number, date: string, result: string | null) =>
    add('dropout', {
      name: `学生${n}`,
      gender: sexOf(n),
      id_number: idNumber(n),
      dropout_date: date,
      reason: '厌学',
      return_result: result,
    });
  dropout(201, '2019-02-20', '已复学');
  dropout(201, '2019-05-20', '已复学');
  dropout(202, '2019-03-11', '已复学');
  dropout(203, '2019-03-12', '送教上门');
  dropout(204, '2019-04-01', '未劝返');
  dropout(205, '2019-04-02', null);

  const publicity = (title: string, level: string, date: string) =>
    add('publicity', { title, media: '建始县融媒体中心', level, publish_date: date });
  publicity('高坪镇中心小学开展爱心义卖', '校级', '2019-03-02');
  publicity('高坪镇中心小学召开资助政策宣讲会', '校级', '2019-03-20');
  publicity('滨江教师走进高坪课堂', '县级', '2019-04-11');
  publicity('东西部协作结硕果', '市级', '2019-05-05');
  publicity('山区学校的春天', '省级', '2019-06-18');
  publicity('扶贫日特别报道', '国家级', '2019-10-18');

  const buy = (date: string, amount: number, poor: '是' | '否') =>
    add('procurement', {
      purchase_date: date,
      item: '大米',
      amount,
      supplier: '高坪镇合作社',
      supplier_type: '合作社',
      from_poor_area: poor,
    });
  buy('2019-03-05', 3000, '是');
  buy('2019-03-06', 2000, '否');
  buy('2019-04-07', 1234.56, '是');
  buy('2019-05-08', 0.44, '否');
  buy('2019-09-01', 8000, '否');

  const training = (program: string, date: string, headcount: number | null) =>
    add('teacher-training', { program, level: '县培', start_date: date, headcount });
  training('乡村教师信息技术应用能力提升', '2019-03-15', 20);
  training('班主任工作培训', '2019-04-20', 35);
  training('学科骨干教师研修', '2019-06-01', null);

  const rectify = (problem: string, deadline: string, status: string) =>
    add('rectification', { source: '督查', problem, responsible_unit: '建始县高坪镇中心小学', deadline, status });
  rectify('资助档案资料不全', '2019-04-30', '已完成');
  rectify('控辍保学台账信息不完整', '2019-06-30', '整改中');
  rectify('营养改善计划公示不及时', '2019-05-31', '长期坚持');

  // 任务清单: one item done, one still open (a plan for 下一步 and 对策建议).
  const task = (name: string, status: string) =>
    createRecord(
      db,
      {
        ledger: 'task',
        values: { task: name, lead_unit: '学校办公室', status },
        unitId: store.unit.id,
        recordDate: '2019-03-01',
      },
      '测试员',
    );
  task('建立学校扶贫工作台账', '已完成');
  task('每学期报送一条县级以上宣传报道', '推进中');

  add('activity', {
    activity_date: '2019-03-08',
    title: '“三八”妇女节爱心助学活动',
    activity_type: '励志教育',
    location: '学校报告厅',
    participants: 120,
    beneficiaries: 30,
    summary: '邀请优秀女教师为贫困学生作励志报告。',
    results: '30名贫困学生获赠学习用品。',
  });
  add('activity', {
    activity_date: '2019-05-15',
    title: '资助政策宣传进万家',
    activity_type: '政策宣传',
    participants: 45,
  });
  const povertyDay = add('activity', {
    activity_date: '2019-10-17',
    title: '“扶贫日”爱心义卖',
    activity_type: '扶贫日',
    location: '学校操场',
    organizer: '建始县高坪镇中心小学',
    participants: 320,
    beneficiaries: 45,
    summary: '组织全校师生开展爱心义卖和捐赠“爱心美术包”活动。',
    results: '募集善款3200元，全部用于资助贫困学生。',
  });
  return { ...store, other, povertyDayId: povertyDay.id };
}

/** 30 students, each aided one to three times in 2019H1 (plus one payment each in 2019H2). */
function insertStudentAid(db: Db, unitId: number): void {
  const rows = [];
  for (let n = 1; n <= 30; n++) {
    const student = {
      name: `受助学生${n}`,
      gender: sexOf(n),
      id_number: idNumber(n),
      stage: '小学',
      family_type: FAMILY[n % FAMILY.length],
    };
    for (let k = 0; k < 1 + (n % 3); k++) {
      rows.push({
        values: {
          ...student,
          aid_item: AID_ITEMS[(n + k) % AID_ITEMS.length],
          amount: 250 + n * 10 + k * 0.5,
          paid_on: `2019-0${1 + ((n + k) % 6)}-${String(1 + (n % 27)).padStart(2, '0')}`,
        },
      });
    }
    rows.push({ values: { ...student, aid_item: '两免一补', amount: 500, paid_on: '2019-09-10' } });
  }
  insertRecordsBulk(db, getLedgerDefinition(db, 'student-aid'), unitId, rows, { operator: '测试员', source: 'test' });
}
