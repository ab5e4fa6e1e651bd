import { openStore } from '../../main/store/index.js';
import { createUnit } from '../../main/store/units.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { insertRecordsBulk } from '../../main/store/bulk.js';
import { DemoRandom } from '../../main/demo/random.js';
import { studentAidRows } from '../../main/demo/student-aid.js';

/*
 * Creates the bench ledger: one unit and N student-aid records. index.ts runs this file as a
 * child process (`seed.ts FILE ROWS UNIT`), so the memory seeding takes is not counted against
 * the export measured afterwards.
 */
const [file, rowsText, unitName] = process.argv.slice(2);
if (!file || !rowsText || !unitName) throw new Error('usage: seed.ts FILE ROWS UNIT');
const db = openStore(file);
try {
  const unit = createUnit(db, unitName, 'bench');
  const def = getLedgerDefinition(db, 'student-aid');
  insertRecordsBulk(db, def, unit.id, studentAidRows(new DemoRandom(20190423), Number(rowsText)), {
    operator: 'bench',
    source: 'bench',
  });
} finally {
  db.close();
}
