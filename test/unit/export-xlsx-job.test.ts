import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { runCli } from '../helpers/run-cli.js';
import { insertRecordsBulk } from '../../main/store/bulk.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { DemoRandom } from '../../main/demo/random.js';
import { studentAidRows } from '../../main/demo/student-aid.js';
import { exportLedgerXlsx, type ExportProgress } from '../../main/export/export-xlsx.js';
import { TaizhangError } from '../../main/store/errors.js';
import { maskIdCard } from '../../shared/idcard.js';
import { readBook } from './export-xlsx-reader.js';

const ROWS = 20_000;

/** Files in a folder other than the ledger itself: exports and any temp files left behind. */
function leftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => !f.startsWith('ledger.db'));
}

async function rejection(promise: Promise<unknown>): Promise<TaizhangError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TaizhangError);
    return error as TaizhangError;
  }
  throw new Error('expected the export to fail');
}

describe('the export job in its worker thread', () => {
  let store: TempStore;
  let ids: string[];

  beforeAll(() => {
    store = tempStore();
    const rows = [...studentAidRows(new DemoRandom(3), ROWS)];
    ids = rows.map((r) => String(r.values.id_number));
    insertRecordsBulk(store.db, getLedgerDefinition(store.db, 'student-aid'), store.unit.id, rows, {
      operator: '测试员',
      source: 'test',
    });
  });
  afterAll(() => store.dispose());

  it('reports progress up to the total and leaves only the finished file', async () => {
    const seen: ExportProgress[] = [];
    const out = path.join(store.dir, 'all.xlsx');
    const result = await exportLedgerXlsx(
      { dbFile: store.file, sheets: [{ ledger: 'student-aid' }], out },
      { onProgress: (p) => seen.push(p) },
    );
    expect(result).toMatchObject({ file: out, rows: ROWS });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.every((p) => p.total === ROWS && p.sheet === '学生资助台账')).toBe(true);
    expect(seen.map((p) => p.written)).toEqual([...seen.map((p) => p.written)].sort((a, b) => a - b));
    expect(seen.at(-1)!.written).toBe(ROWS);
    const sheet = readBook(out).sheet('学生资助台账');
    expect(sheet.cell(3 + ROWS, 1)?.v).toBe(ROWS);
    expect(sheet.text(4 + ROWS, 1)).toBe('合计');
    expect(leftovers(store.dir)).toEqual(['all.xlsx']);
    fs.rmSync(out);
  });

  it('stops when cancelled: nothing at the target, no temp file', async () => {
    const controller = new AbortController();
    const out = path.join(store.dir, 'cancelled.xlsx');
    let furthest = 0;
    const error = await rejection(
      exportLedgerXlsx(
        { dbFile: store.file, sheets: [{ ledger: 'student-aid' }], out },
        {
          signal: controller.signal,
          onProgress: (p) => {
            furthest = Math.max(furthest, p.written);
            controller.abort();
          },
        },
      ),
    );
    expect(error.code).toBe('cancelled');
    expect(error.message).toBe('导出已取消，未生成文件');
    expect(furthest).toBeGreaterThan(0);
    expect(furthest).toBeLessThan(ROWS);
    expect(fs.existsSync(out)).toBe(false);
    expect(leftovers(store.dir)).toEqual([]);
  });

  it('does not start when already cancelled', async () => {
    const out = path.join(store.dir, 'never.xlsx');
    const error = await rejection(
      exportLedgerXlsx(
        { dbFile: store.file, sheets: [{ ledger: 'student-aid' }], out },
        { signal: AbortSignal.abort() },
      ),
    );
    expect(error.code).toBe('cancelled');
    expect(leftovers(store.dir)).toEqual([]);
  });

  it('never overwrites an existing file unless asked', async () => {
    const out = path.join(store.dir, 'existing.xlsx');
    fs.writeFileSync(out, '上一次报送的文件');
    const error = await rejection(
      exportLedgerXlsx({ dbFile: store.file, sheets: [{ ledger: 'student-aid' }], out, period: '2019-03' }),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(`文件已存在，未作覆盖：${out}`);
    expect(fs.readFileSync(out, 'utf8')).toBe('上一次报送的文件');
    expect(leftovers(store.dir)).toEqual(['existing.xlsx']);

    await exportLedgerXlsx({
      dbFile: store.file,
      sheets: [{ ledger: 'student-aid' }],
      out,
      period: '2019-03',
      overwrite: true,
    });
    expect(readBook(out).sheet('学生资助台账').text(1, 1)).toBe('2019年3月建始县高坪镇中心小学学生资助台账');
    expect(leftovers(store.dir)).toEqual(['existing.xlsx']);
    fs.rmSync(out);
  });

  it('checks the default name in a folder before writing, and keeps the file there', async () => {
    const folder = path.join(store.dir, 'folder');
    fs.mkdirSync(folder);
    const taken = path.join(folder, '2019年3月-学生资助台账-建始县高坪镇中心小学.xlsx');
    fs.writeFileSync(taken, 'keep');
    const error = await rejection(
      exportLedgerXlsx({ dbFile: store.file, sheets: [{ ledger: 'student-aid' }], out: folder, period: '2019-03' }),
    );
    expect(error.code).toBe('conflict');
    expect(fs.readFileSync(taken, 'utf8')).toBe('keep');
    expect(fs.readdirSync(folder)).toEqual([path.basename(taken)]);
    fs.rmSync(folder, { recursive: true });
  });

  it('refuses bad input with a Chinese message, writing nothing', async () => {
    const base = { dbFile: store.file, sheets: [{ ledger: 'student-aid' }], out: path.join(store.dir, 'x.xlsx') };
    const cases: Array<[Partial<typeof base> & Record<string, unknown>, string]> = [
      [{ sheets: [{ ledger: 'nope' }] }, '台账类型“nope”不存在'],
      [{ period: '2019Q3' }, '无法识别的期间“2019Q3”'],
      [{ attachmentNo: 0 }, '附件序号应为 1 到 999 之间的整数'],
      [{ fillDate: '2019-02-30' }, '填报日期“2019-02-30”不是真实的日期'],
      [{ unit: { name: '不存在的学校' } }, '填报单位“不存在的学校”不存在'],
      [{ out: path.join(store.dir, 'x.csv') }, '导出文件名应以 .xlsx 结尾'],
      [{ out: path.join(store.dir, 'no-such-folder', 'x.xlsx') }, '保存位置不存在'],
      [{ dbFile: path.join(store.dir, 'missing.db') }, '台账文件不存在'],
      [{ sheets: [] }, '请至少选择一个要导出的台账'],
      [{ sheets: [{ ledger: 'student-aid' }, { ledger: 'student-aid' }] }, '重复选择'],
    ];
    for (const [change, message] of cases) {
      const error = await rejection(exportLedgerXlsx({ ...base, ...change } as Parameters<typeof exportLedgerXlsx>[0]));
      expect(error.message, JSON.stringify(change)).toContain(message);
      expect(leftovers(store.dir), JSON.stringify(change)).toEqual([]);
    }
  });

  it('reads the ledger file without changing it', async () => {
    const files = [store.file, `${store.file}-wal`].filter((f) => fs.existsSync(f));
    const before = files.map((f) => fs.readFileSync(f));
    const out = path.join(store.dir, 'read-only.xlsx');
    await exportLedgerXlsx({ dbFile: store.file, sheets: [{ ledger: 'student-aid' }], out, period: '2019-01' });
    files.forEach((f, i) => expect(fs.readFileSync(f).equals(before[i]!), f).toBe(true));
    const count = store.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number };
    expect(count.n).toBe(ROWS);
    fs.rmSync(out);
  });

  describe('taizhang export xlsx', () => {
    it('writes the table and prints its path', async () => {
      const out = path.join(store.dir, 'cli.xlsx');
      const result = await runCli([
        'export',
        'xlsx',
        '--db',
        store.file,
        '--ledger',
        'student-aid',
        '--out',
        out,
        '--period',
        '2019-05',
        '--attachment-no',
        '1',
        '--fill-date',
        '2019-06-03',
      ]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${out}\n`);
      const sheet = readBook(out).sheet('学生资助台账');
      expect(sheet.text(1, 1)).toBe('附件1');
      expect(sheet.text(2, 1)).toBe('2019年5月建始县高坪镇中心小学学生资助台账');
      expect(sheet.text(3, 1)).toContain('填报日期：2019年6月3日');
    });

    it('refuses an existing --out without --force, and replaces it with --force', async () => {
      const out = path.join(store.dir, 'cli.xlsx');
      const before = fs.readFileSync(out);
      const refused = await runCli([
        'export',
        'xlsx',
        '--db',
        store.file,
        '--ledger',
        'student-aid',
        '--out',
        out,
        '--period',
        '2019-04',
      ]);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/^错误：文件已存在，未作覆盖：.*--force.*\n$/);
      expect(refused.stderr.split('\n')).toHaveLength(2);
      expect(fs.readFileSync(out).equals(before)).toBe(true);

      const forced = await runCli([
        'export',
        'xlsx',
        '--db',
        store.file,
        '--ledger',
        'student-aid',
        '--out',
        out,
        '--period',
        '2019-04',
        '--force',
      ]);
      expect(forced.code).toBe(0);
      expect(readBook(out).sheet('学生资助台账').text(1, 1)).toBe('2019年4月建始县高坪镇中心小学学生资助台账');
      fs.rmSync(out);
    });

    it('bundles several ledgers, masked for publication', async () => {
      const result = await runCli([
        'export',
        'xlsx',
        '--db',
        store.file,
        '--ledger',
        'student-aid,training-plan',
        '--out',
        store.dir,
        '--period',
        '2019-02',
        '--mask-id',
      ]);
      expect(result.code).toBe(0);
      const file = result.stdout.trim();
      expect(path.basename(file)).toBe('2019年2月-报送材料-建始县高坪镇中心小学.xlsx');
      const book = readBook(file);
      expect(book.sheetNames).toEqual(['学生资助台账', '跟岗培训计划安排表']);
      const id = book.sheet('学生资助台账').text(4, 4);
      expect(id).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(ids.map(maskIdCard)).toContain(id);
      fs.rmSync(file);
    });

    it('exits 1 with one Chinese line for bad input, leaving nothing behind', async () => {
      const out = path.join(store.dir, 'bad.xlsx');
      const unknown = await runCli(['export', 'xlsx', '--db', store.file, '--ledger', 'nope', '--out', out]);
      expect([unknown.code, unknown.stderr]).toEqual([1, '错误：台账类型“nope”不存在\n']);
      expect(leftovers(store.dir)).toEqual([]);
    });
  });
});
