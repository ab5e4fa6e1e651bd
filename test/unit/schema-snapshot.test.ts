import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/store/migrations.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';

/*
 * The schema guard: any change to what a new ledger file holds, a migration added or edited or a
 * statement run at open, shows up as a difference from the committed snapshot and fails here.
 */

const SNAPSHOT_HEADER = `-- The full schema of a new ledger file (sqlite_master, in name order), checked by
-- test/unit/schema-snapshot.test.ts. Do not edit by hand. After a deliberate schema change (a new
-- migration under main/store/migrations/), review the difference and rewrite this file with:
--   npx vitest run test/unit/schema-snapshot.test.ts -u
`;

let store: TempStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

it('a new ledger has exactly the committed schema', async () => {
  store = tempStore();
  const { db } = store;
  const entries = db.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY name, type`).all() as Array<{
    type: string;
    name: string;
    sql: string | null;
  }>;
  const pragmas = ['user_version', 'application_id'].map(
    (name) => `PRAGMA ${name} = ${db.pragma(name, { simple: true }) as number};`,
  );
  const dump = [
    SNAPSHOT_HEADER,
    ...pragmas,
    '',
    // Automatic indexes have no SQL: their names still show a UNIQUE or PRIMARY KEY came or went.
    ...entries.map((e) => `-- ${e.type} ${e.name}\n${e.sql === null ? '-- (automatic)' : `${e.sql};`}\n`),
  ].join('\n');
  await expect(dump).toMatchFileSnapshot('./__snapshots__/ledger-schema.sql');
});

it('every migration file is listed, in the order its number gives, and nothing else is', async () => {
  const folder = fileURLToPath(new URL('../../main/store/migrations/', import.meta.url));
  const files = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.ts'))
    .sort();
  expect(files.map((name) => Number(name.slice(0, 3)))).toEqual(MIGRATIONS.map((_, i) => i + 1));
  const loaded = await Promise.all(
    files.map(
      async (name) => ((await import(pathToFileURL(path.join(folder, name)).href)) as { default: string }).default,
    ),
  );
  expect(loaded).toEqual(MIGRATIONS);
});
