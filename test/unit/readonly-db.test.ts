import { afterEach, expect, it } from 'vitest';
import { openReadOnly } from '../../main/export/read-only-db.js';
import type { ReadonlyDb } from '../../main/store/readonly-db.js';
import { countRecords } from '../../main/store/record-query.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';

let store: TempStore | undefined;
let reader: ReadonlyDb | undefined;
afterEach(() => {
  reader?.close();
  reader = undefined;
  store?.dispose();
  store = undefined;
});

it('a reader gets no exec or transaction, and a read-only handle refuses the writes the type lets through', () => {
  store = tempStore();
  reader = openReadOnly(store.file);
  expect(countRecords(reader, { ledger: 'student-aid' })).toBe(0);
  // The checks are the compiler's (tsc -b covers the tests): were these allowed, the build fails.
  // @ts-expect-error a reader cannot run SQL text
  expect(typeof reader.exec).toBe('function');
  // @ts-expect-error a reader cannot start a transaction
  expect(typeof reader.transaction).toBe('function');
  expect(() =>
    reader!.prepare('INSERT INTO units (name, created_at) VALUES (?, ?)').run('别的单位', '2019-01-01'),
  ).toThrow(/readonly/i);
});
