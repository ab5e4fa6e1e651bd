import type { ReadonlyDb } from './readonly-db.js';
import type { Db } from './database.js';
import { nowIso } from './database.js';
import { TaizhangError } from './errors.js';
import { getSetting, setSetting } from './settings.js';
import { writeAudit } from './audit.js';

export interface Unit {
  id: number;
  name: string;
}

const CURRENT_UNIT = 'current-unit';

export function listUnits(db: ReadonlyDb): Unit[] {
  return db.prepare('SELECT id, name FROM units ORDER BY id').all() as Unit[];
}

export function findUnitByName(db: ReadonlyDb, name: string): Unit | undefined {
  return db.prepare('SELECT id, name FROM units WHERE name = ?').get(name.trim()) as Unit | undefined;
}

export function getUnit(db: ReadonlyDb, id: number): Unit {
  const unit = db.prepare('SELECT id, name FROM units WHERE id = ?').get(id) as Unit | undefined;
  if (!unit) throw new TaizhangError('not-found', `填报单位不存在（编号 ${id}）`);
  return unit;
}

export function createUnit(db: Db, name: string, operator: string): Unit {
  const trimmed = name.trim();
  if (!trimmed) throw new TaizhangError('validation', '填报单位名称不能为空');
  return db.transaction(() => {
    if (findUnitByName(db, trimmed)) throw new TaizhangError('conflict', `填报单位“${trimmed}”已存在`);
    const id = Number(
      db.prepare('INSERT INTO units (name, created_at) VALUES (?, ?)').run(trimmed, nowIso()).lastInsertRowid,
    );
    const unit = { id, name: trimmed };
    writeAudit(db, { operator, action: 'create', entity: 'unit', entityId: id, after: unit });
    if (getSetting<number>(db, CURRENT_UNIT) === undefined) setSetting(db, CURRENT_UNIT, id);
    return unit;
  })();
}

/** The unit new records go to: the one the user chose last, else the first. */
export function currentUnit(db: ReadonlyDb): Unit | undefined {
  const id = getSetting<number>(db, CURRENT_UNIT);
  const chosen =
    id === undefined ? undefined : (db.prepare('SELECT id, name FROM units WHERE id = ?').get(id) as Unit | undefined);
  return chosen ?? listUnits(db)[0];
}

export function chooseUnit(db: Db, id: number): Unit {
  const unit = getUnit(db, id);
  setSetting(db, CURRENT_UNIT, unit.id);
  return unit;
}

/** Resolves a unit given by name (CLI) or id (UI), defaulting to the current one. */
export function resolveUnit(db: ReadonlyDb, ref: { id?: number; name?: string }): Unit {
  if (ref.id !== undefined) return getUnit(db, ref.id);
  if (ref.name !== undefined) {
    const unit = findUnitByName(db, ref.name);
    if (!unit) throw new TaizhangError('not-found', `填报单位“${ref.name}”不存在`);
    return unit;
  }
  const unit = currentUnit(db);
  if (!unit) throw new TaizhangError('not-found', '还没有填报单位，请先创建（taizhang init --unit 单位名称）');
  return unit;
}
