import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../main/host/server.js';
import { countRecords } from '../../main/store/record-query.js';
import { tempDir, tempStore, type TempStore } from '../helpers/temp-store.js';
import { httpRequest } from '../helpers/http.js';
import { inlineSheet, sharedStringsBomb, workbookParts, zipParts } from './import-limits-fixtures.js';

/*
 * The file that took the browser host down: shared strings inflating to 1.4 GB, sent to every
 * method that reads a workbook. Each answers with the reader's Chinese line and the host goes on.
 * The host's own thread must never open a workbook, so here it cannot: every read has to happen
 * in the import thread, which loads the module afresh.
 */
vi.mock('../../main/import/workbook-file.js', async (original) => ({
  ...(await original<typeof import('../../main/import/workbook-file.js')>()),
  loadWorkbook: () => {
    throw new Error('a workbook was opened on the host thread');
  },
}));

let store: TempStore;
let host: BrowserHost;
let rendererDir: string;
let bomb: string;

beforeAll(async () => {
  store = tempStore();
  rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>台账归档</title>');
  host = await startBrowserHost({ db: store.db, dbFile: store.file, operator: '测试员', port: 0, rendererDir });
  bomb = (await sharedStringsBomb()).toString('base64');
});

afterAll(async () => {
  await host.close();
  store.dispose();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

async function callApi(method: string, payload: unknown) {
  const reply = await httpRequest(host.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: {
      'Content-Type': 'application/json',
      Origin: `http://127.0.0.1:${host.port}`,
      Authorization: `Bearer ${host.token}`,
    },
    body: JSON.stringify(payload),
  });
  return { status: reply.status, body: JSON.parse(reply.body.toString('utf8')) };
}

const REFUSAL =
  '无法导入“旧台账.xlsx”：工作簿中的共享文字（xl/sharedStrings.xml）解压后超过 64 MB，文件可能已损坏或被构造，未导入任何记录';

async function stillAnswers(): Promise<void> {
  const reply = await callApi('units.list', {});
  expect(reply.body).toMatchObject({ ok: true, value: { currentId: store.unit.id } });
}

describe('a shared-strings bomb sent to the browser host', () => {
  const upload = () => ({ ledger: 'training-plan', fileName: '旧台账.xlsx', data: bomb });

  it.each(['import.preview', 'import.commit', 'import.rejectedXlsx'])(
    '%s answers with one Chinese line and the host answers the next request',
    async (method) => {
      const reply = await callApi(method, upload());
      expect(reply.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'bad-file', message: REFUSAL }) });
      await stillAnswers();
      expect(countRecords(store.db, { ledger: 'training-plan' })).toBe(0);
    },
  );

  it('import.start ends the job as failed with the same line', async () => {
    const started = await callApi('import.start', upload());
    expect(started.body.ok).toBe(true);
    let status = (await callApi('import.status', { jobId: started.body.value.jobId })).body.value;
    for (let i = 0; i < 300 && status.state === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await callApi('import.status', { jobId: started.body.value.jobId })).body.value;
    }
    expect(status).toMatchObject({ state: 'failed', error: REFUSAL });
    await stillAnswers();
  });

  it('ledgerTypes.fromXlsxHeader reads it in the import thread and refuses it the same way', async () => {
    const reply = await callApi('ledgerTypes.fromXlsxHeader', { data: bomb, fileName: '旧台账.xlsx', sheet: 0 });
    expect(reply.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'bad-file', message: REFUSAL }) });
    await stillAnswers();
  });

  it('ledgerTypes.fromXlsxHeader still proposes a type from a sound header, read in the import thread', async () => {
    const sound = zipParts(
      workbookParts(
        inlineSheet([
          ['姓名', '到校日期'],
          ['覃秋菊', '2019-04-12'],
        ]),
      ),
    );
    const reply = await callApi('ledgerTypes.fromXlsxHeader', {
      data: sound.toString('base64'),
      fileName: '新表.xlsx',
      sheet: 0,
    });
    expect(reply.body).toMatchObject({
      ok: true,
      value: { sheetName: '名单', headerRow: 1, draft: { fields: [{ label: '姓名' }, { label: '到校日期' }] } },
    });
  });
});
