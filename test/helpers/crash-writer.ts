// Child process for the crash test: writes records one transaction each and reports every
// committed id on stdout, until it is killed.
import { openStore } from '../../main/store/index.js';
import { createRecord } from '../../main/store/records.js';
import { createUnit } from '../../main/store/units.js';

const file = process.argv[2]!;
const total = Number(process.argv[3] ?? 10000);
const db = openStore(file);
createUnit(db, '建始县业州镇第一小学', 'crash-test');
process.stdout.write('ready\n');
for (let i = 0; i < total; i++) {
  const record = createRecord(
    db,
    {
      ledger: 'student-aid',
      values: {
        name: `学生${i}`,
        gender: '女',
        id_number: '11010519491231002X',
        stage: '小学',
        family_type: '低保',
        aid_item: '营养改善计划',
        amount: String(800 + (i % 7)),
        paid_on: '2019-05-06',
      },
    },
    'crash-test',
  );
  process.stdout.write(`committed ${record.id}\n`);
}
process.stdout.write('done\n');
