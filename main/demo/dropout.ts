import type { BulkRow } from '../store/bulk.js';
import { JIANSHI_REGION, demoAddress, demoIdCard, demoName, demoPerson } from './people.js';
import { addDays, type DemoRandom } from './random.js';

const DROPOUTS = 40;

/** 义务教育 grades and the birth years that go with them in 2019. */
const GRADES = [
  { grade: '小学五年级', born: ['2008-09-01', '2009-08-31'] },
  { grade: '小学六年级', born: ['2007-09-01', '2008-08-31'] },
  { grade: '初中七年级', born: ['2006-09-01', '2007-08-31'] },
  { grade: '初中八年级', born: ['2005-09-01', '2006-08-31'] },
  { grade: '初中九年级', born: ['2004-09-01', '2005-08-31'] },
] as const;

const REASONS = ['厌学', '厌学', '厌学', '外出务工', '外出务工', '疾病', '残疾', '家庭困难', '早婚早育', '其他'];

/** Notice 05's 劝返: most come back to school; the disabled are taught at home (送教上门). */
function outcome(rnd: DemoRandom, reason: string): string {
  if (reason === '残疾') return '送教上门';
  const roll = rnd.next();
  return roll < 0.8 ? '已复学' : roll < 0.88 ? '随班就读' : roll < 0.94 ? '转学' : '未劝返';
}

const REMARKS: Record<string, string> = {
  已复学: '已复学，落实“一生一案”帮扶',
  随班就读: '安排随班就读，班主任每周家访',
  转学: '随父母转学至务工地学校，已核实学籍',
  送教上门: '每月送教上门两次',
  未劝返: '在外务工，已多次联系，继续劝返',
};

/** 40 students who left school in 2019 and what 双线四包 (政府线、教育线) did about it. */
export function dropoutRows(rnd: DemoRandom): BulkRow[] {
  const rows: BulkRow[] = [];
  for (let i = 0; i < DROPOUTS; i++) {
    const g = rnd.pick(GRADES);
    const { name, gender } = demoPerson(rnd);
    const reason = rnd.pick(REASONS);
    const result = outcome(rnd, reason);
    const left = rnd.date('2019-01-07', '2019-11-15');
    rows.push({
      values: {
        name,
        gender,
        id_number: demoIdCard(rnd, rnd.date(g.born[0], g.born[1]), gender, JIANSHI_REGION),
        grade: g.grade,
        registered_address: demoAddress(rnd),
        dropout_date: left,
        reason,
        gov_responsible: demoName(rnd),
        edu_responsible: demoName(rnd),
        return_date: result === '未劝返' ? null : addDays(left, rnd.int(5, 45)),
        return_result: result,
        remark: REMARKS[result]!,
      },
    });
  }
  return rows;
}
