import type { BulkRow } from '../store/bulk.js';
import { demoLandline, demoMobile, demoName, demoQq } from './people.js';
import type { DemoRandom } from './random.js';
import { JIANSHI_SCHOOLS } from './schools.js';
import { TASK_LIST_DATE } from './task.js';

const POSITIONS = ['副校长', '教务主任', '办公室主任', '扶贫专干', '德育主任', '总务主任'];

/** Notice 02: every 结对学校 names one 东西部教育扶贫协作工作联络员 (28 rows). */
export function liaisonRows(rnd: DemoRandom): BulkRow[] {
  return JIANSHI_SCHOOLS.map((school) => {
    const qq = demoQq(rnd);
    return {
      recordDate: TASK_LIST_DATE,
      values: {
        organization: school,
        name: demoName(rnd),
        position: rnd.pick(POSITIONS),
        office_phone: demoLandline(rnd, '建始'),
        mobile: demoMobile(rnd),
        email: rnd.chance(0.7) ? `${qq}@qq.com` : null,
        qq,
      },
    };
  });
}
