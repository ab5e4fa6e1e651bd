import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../main/store/index.js';
import { createUnit, type Unit } from '../../main/store/units.js';
import type { Db } from '../../main/store/database.js';

export interface TempStore {
  db: Db;
  file: string;
  dir: string;
  unit: Unit;
  /** Closes the database and removes the folder. */
  dispose(): void;
}

/** A real ledger file in a fresh temp folder, with one unit, for tests that need the store. */
export function tempStore(unitName = '建始县高坪镇中心小学'): TempStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-test-'));
  const file = path.join(dir, 'ledger.db');
  const db = openStore(file);
  const unit = createUnit(db, unitName, '测试员');
  return {
    db,
    file,
    dir,
    unit,
    dispose() {
      if (db.open) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-test-'));
}
