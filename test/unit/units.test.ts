import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-store.js';
import { openStore } from '../../main/store/index.js';
import type { Db } from '../../main/store/database.js';
import { chooseUnit, createUnit, currentUnit, listUnits, resolveUnit } from '../../main/store/units.js';
import { createRecord, updateRecord } from '../../main/store/records.js';
import { listLedgerSummaries } from '../../main/store/ledger-types.js';
import { countRecords } from '../../main/store/record-query.js';
import { listAudit } from '../../main/store/audit.js';
import { TaizhangError } from '../../main/store/errors.js';
import { fillDemo } from '../../main/demo/index.js';
import { dispatch } from '../../main/api.js';

const OPERATOR = '测试员';
let dir: string | null = null;
let db: Db | null = null;
afterEach(() => {
  if (db?.open) db.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  db = null;
  dir = null;
});

function open(): Db {
  dir ??= tempDir();
  db = openStore(path.join(dir, 'ledger.db'));
  return db;
}

function reopen(): Db {
  db!.close();
  return open();
}

function report(store: Db, title: string, unitId?: number) {
  return createRecord(
    store,
    { ledger: 'publicity', values: { title, media: '建始发布', level: '县级', publish_date: '2019-05-06' }, unitId },
    OPERATOR,
  );
}

function errorOf(run: () => unknown): TaizhangError {
  try {
    run();
  } catch (error) {
    if (error instanceof TaizhangError) return error;
    throw error;
  }
  throw new Error('expected a TaizhangError');
}

describe('填报单位', () => {
  it('starts with none, and says how to create one when a record needs it', () => {
    const store = open();
    expect(listUnits(store)).toEqual([]);
    expect(currentUnit(store)).toBeUndefined();
    expect(errorOf(() => report(store, '无单位')).message).toBe(
      '还没有填报单位，请先创建（taizhang init --unit 单位名称）',
    );
  });

  it('keeps several units; the first becomes current, and a chosen one is remembered across reopening', () => {
    let store = open();
    const bureau = createUnit(store, '建始县教育局', OPERATOR);
    const school = createUnit(store, ' 建始县高坪镇中心小学 ', OPERATOR);
    const other = createUnit(store, '建始县民族中学', OPERATOR);
    expect(school.name).toBe('建始县高坪镇中心小学');
    expect(listUnits(store)).toEqual([bureau, school, other]);
    expect(currentUnit(store)).toEqual(bureau);

    expect(chooseUnit(store, school.id)).toEqual(school);
    store = reopen();
    expect(currentUnit(store)).toEqual(school);
    expect(report(store, '高坪镇中心小学开展结对活动').unitId).toBe(school.id);
    expect(report(store, '民族中学报道', other.id).unitName).toBe('建始县民族中学');
    expect(listAudit(store, 'unit', school.id)).toMatchObject([{ action: 'create', after: school }]);
  });

  it('refuses a duplicate name, a blank name and an unknown unit, saying which', () => {
    const store = open();
    createUnit(store, '建始县教育局', OPERATOR);
    expect(errorOf(() => createUnit(store, '建始县教育局', OPERATOR)).message).toBe('填报单位“建始县教育局”已存在');
    expect(errorOf(() => createUnit(store, '  ', OPERATOR)).message).toBe('填报单位名称不能为空');
    expect(errorOf(() => chooseUnit(store, 99)).message).toBe('填报单位不存在（编号 99）');
    expect(errorOf(() => resolveUnit(store, { name: '建始县第一中学' })).message).toBe(
      '填报单位“建始县第一中学”不存在',
    );
    expect(errorOf(() => report(store, '错单位', 99)).code).toBe('not-found');
    expect(listUnits(store)).toHaveLength(1);
  });

  it('keeps every record in exactly one unit, and counts per unit in the ledger list', () => {
    const store = open();
    const bureau = createUnit(store, '建始县教育局', OPERATOR);
    const school = createUnit(store, '建始县高坪镇中心小学', OPERATOR);
    const bureauAdded = fillDemo(store, { unitId: bureau.id, operator: OPERATOR, studentAidRows: 30 });
    const schoolAdded = fillDemo(store, { unitId: school.id, operator: OPERATOR, studentAidRows: 12, seed: 7 });

    const all = Object.fromEntries(listLedgerSummaries(store).map((l) => [l.key, l.count]));
    const ofBureau = Object.fromEntries(listLedgerSummaries(store, bureau.id).map((l) => [l.key, l.count]));
    const ofSchool = Object.fromEntries(listLedgerSummaries(store, school.id).map((l) => [l.key, l.count]));
    expect(ofBureau).toEqual(bureauAdded);
    expect(ofSchool).toEqual(schoolAdded);
    expect(ofSchool['student-aid']).toBe(12);
    for (const key of Object.keys(all)) expect(all[key], key).toBe((ofBureau[key] ?? 0) + (ofSchool[key] ?? 0));
    expect(countRecords(store, { ledger: 'student-aid', unitId: bureau.id })).toBe(30);
    const orphans = store
      .prepare('SELECT count(*) AS n FROM records WHERE unit_id NOT IN (SELECT id FROM units)')
      .get() as { n: number };
    expect(orphans.n).toBe(0);
  });

  it('moves a record to another unit only when asked, and the counts follow', () => {
    const store = open();
    const bureau = createUnit(store, '建始县教育局', OPERATOR);
    const school = createUnit(store, '建始县高坪镇中心小学', OPERATOR);
    const record = report(store, '教育局报道');
    const kept = updateRecord(
      store,
      { id: record.id, values: { ...record.values, title: '教育局报道（修改）' } },
      OPERATOR,
    );
    expect(kept.unitId).toBe(bureau.id);
    const moved = updateRecord(store, { id: record.id, values: kept.values, unitId: school.id }, OPERATOR);
    expect(moved.unitName).toBe('建始县高坪镇中心小学');
    expect(listLedgerSummaries(store, bureau.id).find((l) => l.key === 'publicity')?.count).toBe(0);
    expect(listLedgerSummaries(store, school.id).find((l) => l.key === 'publicity')?.count).toBe(1);
  });

  it('is chosen and listed through the API the renderer uses', async () => {
    const store = open();
    const ctx = { db: store, dbFile: 'ledger.db', operator: OPERATOR, transport: 'test' as const };
    const first = await dispatch(ctx, 'units.create', { name: '建始县教育局' });
    const second = await dispatch(ctx, 'units.create', { name: '建始县花坪镇民族初级中学' });
    if (!first.ok || !second.ok) throw new Error('units.create failed');
    const secondId = (second.value as { id: number }).id;
    expect(await dispatch(ctx, 'units.list', {})).toMatchObject({
      ok: true,
      value: { currentId: (first.value as { id: number }).id },
    });
    await dispatch(ctx, 'units.choose', { id: secondId });
    expect(await dispatch(ctx, 'units.list', {})).toMatchObject({
      ok: true,
      value: { currentId: secondId, units: [first.value, second.value] },
    });
    expect(await dispatch(ctx, 'units.create', { name: '建始县教育局' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '填报单位“建始县教育局”已存在' },
    });
  });
});
