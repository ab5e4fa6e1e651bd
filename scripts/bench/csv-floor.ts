import fs from 'node:fs';
import { once } from 'node:events';
import { openReadOnly } from '../../main/export/read-only-db.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { iterateRecords } from '../../main/store/record-query.js';

/**
 * The floor an .xlsx export is measured against: the same rows, read the same way (iterateRecords
 * on a read-only handle, in date order), written as plain CSV with nothing but quoting.
 */
export async function writeCsvFloor(dbFile: string, ledger: string, out: string): Promise<number> {
  const db = openReadOnly(dbFile);
  const output = fs.createWriteStream(out);
  let rows = 0;
  try {
    const def = getLedgerDefinition(db, ledger);
    const quote = (value: unknown) => {
      const text = value === null || value === undefined ? '' : String(value);
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    output.write(`\uFEFF序号,${def.fields.map((f) => quote(f.label)).join(',')}\n`);
    const sort = def.dateField ? { field: def.dateField, direction: 'asc' as const } : undefined;
    for (const record of iterateRecords(db, { ledger, sort })) {
      rows++;
      const line = `${rows},${def.fields.map((f) => quote(record.values[f.key])).join(',')}\n`;
      if (!output.write(line)) await once(output, 'drain');
    }
  } finally {
    db.close();
    output.end();
    await once(output, 'close');
  }
  return rows;
}
