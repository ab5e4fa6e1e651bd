import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planImport } from '../../main/import/import-plan.js';
import { countRecords } from '../../main/store/record-query.js';
import { runCli } from '../helpers/run-cli.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import {
  inlineSheet,
  sharedStringsBomb,
  sharedStringsXml,
  sheetXml,
  workbookParts,
  zipParts,
  type PartBody,
} from './import-limits-fixtures.js';

/*
 * The reader's own limits (main/import/read-limits.ts): each hostile part is refused with one
 * Chinese line naming the file and the part, sheet, row or column, before it can fill the heap.
 */

let store: TempStore;
beforeEach(() => {
  store = tempStore();
});
afterEach(() => store.dispose());

const HEADER = ['序号', '对象', '时间', '人数', '责任股室'];

async function refusal(bytes: Buffer): Promise<string> {
  const error = await planImport(store.db, {
    ledger: 'training-plan',
    unitId: store.unit.id,
    source: { bytes, name: '台账.xlsx' },
  }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: 'TaizhangError', code: 'bad-file' });
  return (error as Error).message;
}

function withSheet(sheet: PartBody, strings?: PartBody): Buffer {
  return zipParts(workbookParts(sheet, strings));
}

describe('the shared strings', () => {
  it('the CLI refuses the 1.4 GB bomb with the line the app gives, exit 1', async () => {
    const file = path.join(store.dir, '旧台账.xlsx');
    fs.writeFileSync(file, await sharedStringsBomb());
    const run = await runCli(['import', 'xlsx', '--db', store.file, '--ledger', 'training-plan', '--in', file]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      '错误：无法导入“旧台账.xlsx”：工作簿中的共享文字（xl/sharedStrings.xml）解压后超过 64 MB，文件可能已损坏或被构造，未导入任何记录',
    );
    expect(countRecords(store.db, { ledger: 'training-plan' })).toBe(0);
  });

  it('stops inflating at 64 MB a table of 1 MB strings that only its relationship names', async () => {
    const bytes = await sharedStringsBomb({ megabytes: 100, stringMegabytes: 1, stringsPart: 'strs.xml' });
    expect(await refusal(bytes)).toBe(
      '无法导入“台账.xlsx”：工作簿中的共享文字（xl/strs.xml）解压后超过 64 MB，文件可能已损坏或被构造，未导入任何记录',
    );
  });

  it('refuses one string longer than a million characters, saying which', async () => {
    const strings = sharedStringsXml(['对象', '时间', 'A'.repeat(1024 * 1024 + 1)]);
    const sheet = sheetXml('<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>');
    expect(await refusal(withSheet(sheet, strings))).toBe(
      '无法导入“台账.xlsx”：工作簿中的共享文字（xl/sharedStrings.xml）第 3 条超过 1,048,576 个字符，文件可能已损坏或被构造，未导入任何记录',
    );
  });
});

describe('a worksheet', () => {
  it('refuses a cell longer than a million characters, naming sheet, row and column', async () => {
    const sheet = inlineSheet([HEADER, ['1', 'A'.repeat(1024 * 1024 + 1)]]);
    expect(await refusal(withSheet(sheet))).toBe(
      '无法导入“台账.xlsx”：工作表“名单”第 2 行 B 列的文字超过 1,048,576 个字符，文件可能已损坏或被构造，未导入任何记录',
    );
  });

  it('refuses a row whose cells together pass 8 million characters', async () => {
    const cell = 'A'.repeat(1_000_000);
    const sheet = inlineSheet([HEADER, Array.from({ length: 9 }, () => cell)]);
    expect(await refusal(withSheet(sheet))).toBe(
      '无法导入“台账.xlsx”：工作表“名单”第 2 行的文字合计超过 8,388,608 个字符，文件可能已损坏或被构造，未导入任何记录',
    );
  });

  const endless = 9 * 1024 * 1024;
  it.each([
    ['text', `<row r="2"><c t="inlineStr"><is><t>${'A'.repeat(endless)}</t></is></c></row>`],
    [
      'a CDATA section full of <',
      `<row r="2"><c t="inlineStr"><is><t><![CDATA[${'<a>'.repeat(endless / 3)}]]></t></is></c></row>`,
    ],
    ['a comment', `<!--${'A'.repeat(endless)}-->`],
    ['an attribute', `<row r="2" x="${'A'.repeat(endless)}"/>`],
    [
      'a tag of many attributes',
      `<row r="2" ${Array.from({ length: endless / 12 }, (_, i) => `a${i}="1"`).join(' ')}/>`,
    ],
  ])('stops at 8 MB of %s the parser would have to hold', async (_, xml) => {
    const sheet = sheetXml(
      `<row r="1">${HEADER.map((h) => `<c t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>${xml}`,
    );
    expect(await refusal(withSheet(sheet))).toBe(
      '无法导入“台账.xlsx”：工作表“名单”（xl/worksheets/sheet1.xml）中有一段超过 8 MB 的连续文字或标记，文件可能已损坏或被构造，未导入任何记录',
    );
  });
});

describe('the archive', () => {
  it('refuses more than 20,000 parts before inflating any', async () => {
    const parts = workbookParts(inlineSheet([HEADER]));
    for (let i = 0; i < 20_000; i++) parts[`xl/media/p${i}.bin`] = '';
    expect(await refusal(zipParts(parts))).toBe(
      '无法导入“台账.xlsx”：压缩包中的文件超过 20,000 个，不是正常的 Excel 工作簿',
    );
  });
});
