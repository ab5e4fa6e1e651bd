import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type ApiContext } from '../../main/api.js';
import { countRecords } from '../../main/store/record-query.js';
import { runCli } from '../helpers/run-cli.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { inlineSheet, sharedStringsXml, sheetXml, workbookParts, zipParts } from './import-limits-fixtures.js';

/*
 * Bytes that are not UTF-8 in a part's XML: read as U+FFFD they would enter the ledger as damaged
 * names. The file is refused as damaged, naming the part, and nothing is written.
 */

let store: TempStore;
let ctx: ApiContext;
beforeEach(() => {
  store = tempStore();
  ctx = { db: store.db, dbFile: store.file, operator: '测试员', transport: 'test' };
});
afterEach(() => store.dispose());

const HEADER = ['序号', '对象', '时间', '人数', '责任股室'];
const GOOD_ROW = ['1', '幼儿园园长', '3 月', '25', '人事股'];

/** The text with its 园 (E5 9B AD) cut to its first two bytes, so the next character starts early. */
function damaged(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const at = bytes.indexOf(Buffer.from('园'));
  return Buffer.concat([bytes.subarray(0, at + 2), bytes.subarray(at + 3)]);
}

function count(): number {
  return countRecords(store.db, { ledger: 'training-plan' });
}

const sheetMessage =
  '无法导入“台账.xlsx”：工作表“名单”（xl/worksheets/sheet1.xml）中有不是 UTF-8 编码的字节，文件已损坏，未导入任何记录';

describe('bytes that are not UTF-8', () => {
  it('in a worksheet: import.commit refuses the file, naming the sheet, and writes nothing', async () => {
    const bytes = zipParts(workbookParts(damaged(inlineSheet([HEADER, GOOD_ROW, GOOD_ROW.map((t) => `${t}2`)]))));
    const result = await dispatch(ctx, 'import.commit', {
      ledger: 'training-plan',
      fileName: '台账.xlsx',
      data: bytes.toString('base64'),
    });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'bad-file', message: sheetMessage }) });
    expect(count()).toBe(0);
  });

  it('in a worksheet: the CLI says the same and exits 1', async () => {
    const file = path.join(store.dir, '台账.xlsx');
    fs.writeFileSync(file, zipParts(workbookParts(damaged(inlineSheet([HEADER, GOOD_ROW])))));
    const run = await runCli(['import', 'xlsx', '--db', store.file, '--ledger', 'training-plan', '--in', file]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`错误：${sheetMessage}`);
    expect(count()).toBe(0);
  });

  it('in the shared strings: the CLI names the part and exits 1', async () => {
    const strings = damaged(sharedStringsXml([...HEADER, ...GOOD_ROW]));
    const cells = (from: number) => HEADER.map((_, i) => `<c t="s"><v>${from + i}</v></c>`).join('');
    const sheet = sheetXml(`<row r="1">${cells(0)}</row><row r="2">${cells(5)}</row>`);
    const file = path.join(store.dir, '台账.xlsx');
    fs.writeFileSync(file, zipParts(workbookParts(sheet, strings)));
    const run = await runCli(['import', 'xlsx', '--db', store.file, '--ledger', 'training-plan', '--in', file]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      '错误：无法导入“台账.xlsx”：工作簿中的共享文字（xl/sharedStrings.xml）中有不是 UTF-8 编码的字节，文件已损坏，未导入任何记录',
    );
    expect(count()).toBe(0);
  });

  it('in the workbook part that names the sheets: import.preview names that part', async () => {
    const parts = workbookParts(inlineSheet([HEADER, GOOD_ROW]));
    const workbook = parts['xl/workbook.xml'] as string;
    parts['xl/workbook.xml'] = damaged(workbook.replace('name="名单"', 'name="幼儿园名单"'));
    const result = await dispatch(ctx, 'import.preview', {
      ledger: 'training-plan',
      fileName: '台账.xlsx',
      data: zipParts(parts).toString('base64'),
    });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'bad-file',
        message:
          '无法导入“台账.xlsx”：工作簿的目录（xl/workbook.xml）中有不是 UTF-8 编码的字节，文件已损坏，未导入任何记录',
      }),
    });
  });

  it('still reads Chinese text whose characters fall across the reader’s 64 KB pieces', async () => {
    const rows = [
      HEADER,
      ...Array.from({ length: 3000 }, (_, i) => [
        String(i + 1),
        `第${i + 1}批幼儿园园长`,
        '3 月',
        '25',
        '人事股、教研室',
      ]),
    ];
    const result = await dispatch(ctx, 'import.commit', {
      ledger: 'training-plan',
      fileName: '台账.xlsx',
      data: zipParts(workbookParts(inlineSheet(rows))).toString('base64'),
    });
    expect(result).toMatchObject({ ok: true, value: { imported: 3000 } });
  });
});
