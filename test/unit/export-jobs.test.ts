import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tempStore, type TempStore } from '../helpers/temp-store.js';
import { insertRecordsBulk } from '../../main/store/bulk.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { countRecords } from '../../main/store/record-query.js';
import { DemoRandom } from '../../main/demo/random.js';
import { studentAidRows } from '../../main/demo/student-aid.js';
import { startBrowserHost, type BrowserHost } from '../../main/host/server.js';
import { contentDisposition } from '../../main/host/downloads.js';
import { ExportJobs } from '../../main/export/export-jobs.js';
import { exportJobRequest } from '../../main/export/job-request.js';
import { withXlsxExtension } from '../../main/export/copy-into-place.js';
import { API } from '../../shared/api.js';
import { parsePeriod } from '../../shared/period.js';
import { readBook } from './export-xlsx-reader.js';
import { httpRequest } from '../helpers/http.js';

const ROWS = 30_000;
const TITLE = '2019年上半年建始县高坪镇中心小学学生资助台账';
const FILE_NAME = '2019年上半年-学生资助台账-建始县高坪镇中心小学.xlsx';

let store: TempStore;
let host: BrowserHost;
let rendererDir: string;
let downloads: string;
let firstHalfCount: number;

beforeAll(async () => {
  store = tempStore();
  insertRecordsBulk(
    store.db,
    getLedgerDefinition(store.db, 'student-aid'),
    store.unit.id,
    studentAidRows(new DemoRandom(7), ROWS),
    { operator: '测试员', source: 'test' },
  );
  const h1 = parsePeriod('2019H1')!;
  firstHalfCount = countRecords(store.db, {
    ledger: 'student-aid',
    unitId: store.unit.id,
    dateFrom: h1.from,
    dateTo: h1.to,
  });
  rendererDir = tempDir();
  downloads = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>台账归档</title>');
  host = await startBrowserHost({ db: store.db, dbFile: store.file, operator: '测试员', port: 0, rendererDir });
});

afterAll(async () => {
  await host.close();
  store.dispose();
  for (const dir of [rendererDir, downloads]) fs.rmSync(dir, { recursive: true, force: true });
});

function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return httpRequest(host.port, {
    ...options,
    headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}`, ...options.headers },
  });
}

type Result = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string } };

async function callApi(method: string, payload: unknown): Promise<Result> {
  const reply = await request({
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${host.port}` },
    body: JSON.stringify(payload),
  });
  return JSON.parse(reply.body.toString('utf8')) as Result;
}

async function value(method: string, payload: unknown): Promise<Record<string, unknown>> {
  const result = await callApi(method, payload);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

interface Status {
  state: string;
  written: number;
  total: number;
  fileName: string;
  error?: string;
}

/** Polls export.status until the job has left 'running'; returns every status seen. */
async function untilSettled(jobId: string): Promise<Status[]> {
  const seen: Status[] = [];
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const status = (await value('export.status', { jobId })) as unknown as Status;
    seen.push(status);
    if (status.state !== 'running') return seen;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`export ${jobId} still running after 60 s`);
}

async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((r) => setTimeout(r, 10));
  }
}

function filesIn(dir: string | null): string[] {
  return dir && fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

describe('exports started from the page, over the browser host', () => {
  it('runs to done with written = total, then serves the workbook once at /downloads/<id>', async () => {
    const started = await value('export.start', { ledgers: ['student-aid'], period: '2019H1' });
    expect(started.fileName).toBe(FILE_NAME);
    const jobId = started.jobId as string;
    expect(jobId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const seen = await untilSettled(jobId);
    const last = seen.at(-1)!;
    expect(last).toEqual({ state: 'done', written: firstHalfCount, total: firstHalfCount, fileName: FILE_NAME });
    const written = seen.map((s) => s.written);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    expect(firstHalfCount).toBeGreaterThan(1000);

    expect(await value('export.deliver', { jobId })).toEqual({ downloadUrl: `/downloads/${jobId}` });
    const reply = await request({ path: `/downloads/${jobId}` });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(reply.headers['content-disposition']).toBe(
      `attachment; filename="taizhang-export.xlsx"; filename*=UTF-8''${encodeURIComponent(FILE_NAME)}`,
    );
    expect(Number(reply.headers['content-length'])).toBe(reply.body.length);

    const saved = path.join(downloads, FILE_NAME);
    fs.writeFileSync(saved, reply.body);
    const sheet = readBook(saved).sheet('学生资助台账');
    expect(sheet.text(1, 1)).toBe(TITLE);
    const def = getLedgerDefinition(store.db, 'student-aid');
    expect(sheet.rowTexts(3, def.fields.length + 1)).toEqual(['序号', ...def.fields.map((f) => f.label)]);
    const numbers = Array.from({ length: firstHalfCount }, (_, i) => sheet.cell(4 + i, 1)?.v);
    expect(numbers).toEqual(Array.from({ length: firstHalfCount }, (_, i) => i + 1));
    expect(sheet.text(4 + firstHalfCount, 1)).toBe('合计');

    // Delivered once: the file leaves the private folder once fully sent, and the id is no longer served.
    await until(() => filesIn(host.exports.folder).length === 0);
    expect((await request({ path: `/downloads/${jobId}` })).status).toBe(404);
  });

  it('puts the edited title, 附件 number and masked ID numbers into the table', async () => {
    const { jobId } = await value('export.start', {
      ledgers: ['student-aid'],
      period: '2019-03',
      title: '  2019年3月公益助学公示名单 ',
      attachmentNo: 3,
      maskId: true,
    });
    expect((await untilSettled(jobId as string)).at(-1)!.state).toBe('done');
    const reply = await request({ path: `/downloads/${jobId as string}` });
    const saved = path.join(downloads, 'masked.xlsx');
    fs.writeFileSync(saved, reply.body);
    const sheet = readBook(saved).sheet('学生资助台账');
    expect(sheet.text(1, 1)).toBe('附件3');
    expect(sheet.text(2, 1)).toBe('2019年3月公益助学公示名单');
    const idColumn = sheet.rowTexts(4, 20).indexOf('身份证号') + 1;
    expect(idColumn).toBeGreaterThan(1);
    expect(sheet.text(5, idColumn)).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  });

  it('bundles several ledgers into one workbook, one sheet each', async () => {
    const { jobId, fileName } = await value('export.start', {
      ledgers: ['student-aid', 'procurement'],
      period: '2019-03',
    });
    expect(fileName).toBe('2019年3月-报送材料-建始县高坪镇中心小学.xlsx');
    expect((await untilSettled(jobId as string)).at(-1)!.state).toBe('done');
    const reply = await request({ path: `/downloads/${jobId as string}` });
    const saved = path.join(downloads, 'bundle.xlsx');
    fs.writeFileSync(saved, reply.body);
    expect(readBook(saved).sheetNames).toEqual(['学生资助台账', '校农结合采购台账']);
  });

  it('answers 404 for an id that is not a finished job, and for anything that is not an id', async () => {
    for (const url of [
      '/downloads/0b6f3f3e-8c1a-4f52-9d55-3a1f2b4c5d6e',
      '/downloads/not-a-job',
      '/downloads/..%2F..%2Fledger.db',
      '/downloads/',
    ]) {
      const reply = await request({ path: url });
      expect(reply.status, url).toBe(404);
      expect(reply.body.toString('utf8')).toContain('找不到这个导出文件');
    }
  });

  it('refuses a download asked for from another host, origin or site', async () => {
    const { jobId } = await value('export.start', { ledgers: ['student-aid'], period: '2019-04' });
    expect((await untilSettled(jobId as string)).at(-1)!.state).toBe('done');
    const url = `/downloads/${jobId as string}`;
    expect((await request({ path: url, headers: { Host: `evil.example:${host.port}` } })).status).toBe(403);
    expect((await request({ path: url, headers: { Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await request({ path: url, headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    expect((await request({ path: url, method: 'POST' })).status).toBe(405);
    // None of the refusals used up the file.
    const reply = await request({ path: url, headers: { 'Sec-Fetch-Site': 'same-origin' } });
    expect(reply.status).toBe(200);
    expect(reply.body.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('cancels a running export: state cancelled, nothing left in the private folder', async () => {
    const { jobId } = await value('export.start', { ledgers: ['student-aid'] });
    let status = (await value('export.status', { jobId })) as unknown as Status;
    while (status.state === 'running' && status.written === 0) {
      await new Promise((r) => setTimeout(r, 5));
      status = (await value('export.status', { jobId })) as unknown as Status;
    }
    expect(status.state).toBe('running');
    expect(status.written).toBeLessThan(ROWS);
    const cancelled = (await value('export.cancel', { jobId })) as unknown as Status;
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.written).toBeLessThan(ROWS);
    expect(filesIn(host.exports.folder)).toEqual([]);
    expect(((await value('export.status', { jobId })) as unknown as Status).state).toBe('cancelled');
    const deliver = await callApi('export.deliver', { jobId });
    expect(deliver).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect((await request({ path: `/downloads/${jobId as string}` })).status).toBe(404);
  });

  it('reports a job it does not know, and an unknown ledger or unit before starting', async () => {
    expect(await callApi('export.status', { jobId: '0b6f3f3e-8c1a-4f52-9d55-3a1f2b4c5d6e' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('找不到编号为') },
    });
    expect(await callApi('export.start', { ledgers: ['no-such-ledger'] })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: '台账类型“no-such-ledger”不存在' },
    });
    expect(await callApi('export.start', { ledgers: ['student-aid'], unitId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});

describe('the export contract', () => {
  const refused = [
    ['export.start', { ledgers: ['student-aid'], out: '/tmp/x.xlsx' }],
    ['export.start', { ledgers: ['student-aid'], path: 'C:\\Users\\x.xlsx' }],
    ['export.start', { ledgers: ['../student-aid'] }],
    ['export.start', { ledgers: [] }],
    ['export.start', { ledgers: ['student-aid'], period: '上学期' }],
    ['export.start', { ledgers: ['student-aid'], title: '   ' }],
    ['export.start', { ledgers: ['student-aid'], attachmentNo: 0 }],
    ['export.status', { jobId: '../../ledger.db' }],
    ['export.status', { jobId: 'not-a-uuid' }],
    ['export.deliver', { jobId: '0b6f3f3e-8c1a-4f52-9d55-3a1f2b4c5d6e', savedTo: '/etc/passwd' }],
    ['export.deliver', { jobId: '/tmp/taizhang-exports-x/0b6f3f3e-8c1a-4f52-9d55-3a1f2b4c5d6e.xlsx' }],
    ['export.cancel', {}],
  ] as const;

  it.each(refused)('refuses %s %j', async (method, payload) => {
    expect(API[method].input.safeParse(payload).success).toBe(false);
    expect(await callApi(method, payload)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});

describe('the job registry itself', () => {
  it('removes undelivered files and its folder when disposed, and then starts nothing', async () => {
    const root = tempDir();
    const jobs = new ExportJobs({ dbFile: store.file, tempRoot: root });
    const request = exportJobRequest(store.db, { ledgers: ['student-aid'], period: '2019-05', maskId: false });
    const { jobId } = jobs.start(request);
    const running = jobs.start(exportJobRequest(store.db, { ledgers: ['student-aid'], maskId: false }));
    while (jobs.status(jobId).state === 'running') await new Promise((r) => setTimeout(r, 20));
    expect(jobs.status(jobId).state).toBe('done');
    const folder = jobs.folder!;
    expect(path.dirname(folder)).toBe(root);
    expect(fs.readdirSync(folder)).toContain(`${jobId}.xlsx`);
    expect(jobs.status(running.jobId).state).toBe('running');

    await jobs.dispose();
    expect(fs.existsSync(folder)).toBe(false);
    expect(fs.readdirSync(root)).toEqual([]);
    expect(() => jobs.start(request)).toThrow('程序正在关闭');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('runs at most the configured number of exports at once', async () => {
    const root = tempDir();
    const jobs = new ExportJobs({ dbFile: store.file, tempRoot: root, maxRunning: 1 });
    const request = exportJobRequest(store.db, { ledgers: ['student-aid'], maskId: false });
    jobs.start(request);
    expect(() => jobs.start(request)).toThrow('已有 1 个导出正在进行，请等其完成或取消后再导出');
    await jobs.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('saving a finished export where the user chose', () => {
  it('adds .xlsx to a name typed without it, and only then', () => {
    expect(withXlsxExtension('/home/user/文档/学生资助台账')).toBe('/home/user/文档/学生资助台账.xlsx');
    expect(withXlsxExtension('D:\\报送\\台账.XLSX')).toBe('D:\\报送\\台账.XLSX');
  });

  it('names the file in Content-Disposition the way browsers read it', () => {
    expect(contentDisposition('report (1).xlsx')).toBe(
      `attachment; filename="report (1).xlsx"; filename*=UTF-8''report%20%281%29.xlsx`,
    );
    expect(contentDisposition('学生资助台账.xlsx')).toBe(
      `attachment; filename="taizhang-export.xlsx"; filename*=UTF-8''%E5%AD%A6%E7%94%9F%E8%B5%84%E5%8A%A9%E5%8F%B0%E8%B4%A6.xlsx`,
    );
  });
});
