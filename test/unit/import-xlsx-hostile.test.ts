import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import XLSX from 'xlsx';
import { planImport } from '../../main/import/import-plan.js';
import { importRecords } from '../../main/import/import-commit.js';
import { countRecords } from '../../main/store/record-query.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { buildXlsx, type SheetSpec } from './import-xlsx-fixtures.js';

let store: TempStore;
beforeEach(() => {
  store = tempStore();
});
afterEach(() => store.dispose());

const PLAN_SHEET: SheetSpec = {
  name: '计划',
  rows: [
    ['序号', '对象', '时间', '人数', '责任股室'],
    ...Array.from({ length: 400 }, (_, i) => [
      i + 1,
      `第${i + 1}批教研员、数学教师`,
      `${(i % 12) + 1} 月`,
      25,
      '人事股、教研室',
    ]),
  ],
};

function attempt(bytes: Buffer, name = '台账.xlsx') {
  return planImport(store.db, { ledger: 'training-plan', unitId: store.unit.id, source: { bytes, name } });
}

function count(): number {
  return countRecords(store.db, { ledger: 'training-plan' });
}

/** An OLE compound file holding the two streams Excel writes for a password-protected workbook. */
function encryptedWorkbook(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 0x5a));
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

describe('files that are not a readable .xlsx', () => {
  let good: Buffer;
  beforeEach(async () => {
    good = await buildXlsx([PLAN_SHEET]);
  });

  const cases: Array<[string, () => Buffer | Promise<Buffer>, string]> = [
    [
      'random bytes',
      () => Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256)),
      '文件已损坏或不是 Excel 工作簿（无法识别的文件格式）',
    ],
    ['an empty file', () => Buffer.alloc(0), '文件是空的（0 字节）'],
    [
      'a zip cut off half way',
      () => good.subarray(0, Math.floor(good.length / 2)),
      '文件不完整（可能下载或复制时中断了），请重新获取原文件',
    ],
    [
      'a zip missing its last bytes',
      () => good.subarray(0, good.length - 10),
      '文件不完整（可能下载或复制时中断了），请重新获取原文件',
    ],
    [
      'a zip with damaged bytes inside the sheet',
      () => {
        const broken = Buffer.from(good);
        const at = broken.indexOf('xl/worksheets/sheet1.xml') + 200;
        for (let i = at; i < at + 300; i++) broken[i] = 0x55;
        return broken;
      },
      '文件已损坏（其中的 xl/worksheets/sheet1.xml 校验失败），请重新获取原文件',
    ],
    ['a password-protected workbook', encryptedWorkbook, '文件设有打开密码（已加密），无法读取'],
    [
      'an Excel 97-2003 .xls renamed .xlsx',
      () => {
        const book = XLSX.utils.book_new();
        XLSX.utils.book_append_sheet(
          book,
          XLSX.utils.aoa_to_sheet([
            ['对象', '时间'],
            ['园长', '3 月'],
          ]),
          'Sheet1',
        );
        return Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Uint8Array);
      },
      '这是旧版 Excel 97-2003 工作簿（.xls），不是 .xlsx',
    ],
    [
      'a CSV renamed .xlsx',
      () => Buffer.from('序号,对象,时间\n1,幼儿园园长,3 月\n'),
      '这是文本文件（如 CSV），不是 .xlsx 工作簿',
    ],
    [
      'a web page saved as .xlsx',
      () => Buffer.from('<html><body><table><tr><td>对象</td></tr></table></body></html>'),
      '这是网页或 XML 文件',
    ],
    ['a PDF renamed .xlsx', () => Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), '这是 PDF 文件，不是 Excel 工作簿'],
    [
      'a Word document renamed .xlsx',
      async () => {
        const zip = new JSZip();
        zip.file('[Content_Types].xml', '<Types/>');
        zip.file('word/document.xml', '<w:document/>');
        return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      },
      '这是 Word 文档（.docx），不是 Excel 工作簿',
    ],
    [
      'a workbook whose sheet XML is not XML',
      async () => {
        const zip = await JSZip.loadAsync(good);
        zip.file(
          'xl/worksheets/sheet1.xml',
          '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><<row/></sheetData></worksheet>',
        );
        return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      },
      '的内容已损坏，无法解析',
    ],
  ];

  it.each(cases)('%s: one Chinese sentence naming the file, nothing written', async (_, make, message) => {
    const bytes = await make();
    const error = await attempt(bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'TaizhangError', code: 'bad-file' });
    expect((error as Error).message).toContain('无法导入“台账.xlsx”：');
    expect((error as Error).message).toContain(message);
    expect(count()).toBe(0);
  });

  it('still reads the sound file those were made from', async () => {
    const request = { ledger: 'training-plan', unitId: store.unit.id, source: { bytes: good, name: '台账.xlsx' } };
    expect((await importRecords(store.db, request, { operator: '测试员' })).result?.imported).toBe(400);
    expect(count()).toBe(400);
  });
});

describe('hostile cells', () => {
  it('keeps formula-looking text as text and a 2019-13-45 date out, with the good rows going in', async () => {
    const bytes = await buildXlsx([
      {
        name: '活动',
        rows: [
          ['活动日期', '活动名称', '活动类型', '地点', '内容摘要'],
          ['2019-10-17', '=HYPERLINK("http://x.example/","点我")', '扶贫日', "+cmd|' /C calc'!A0", '@SUM(1,2)'],
          ['2019-13-45', '扶贫日主题班会', '扶贫日', '高坪镇中心小学', '-2+3'],
        ],
      },
    ]);
    const p = await planImport(store.db, {
      ledger: 'activity',
      unitId: store.unit.id,
      source: { bytes, name: 'a.xlsx' },
    });
    expect([...p.accepted].map((r) => [r.values.title, r.values.location, r.values.summary])).toEqual([
      ['=HYPERLINK("http://x.example/","点我")', "+cmd|' /C calc'!A0", '@SUM(1,2)'],
    ]);
    expect(p.rejected).toEqual([
      expect.objectContaining({
        row: 3,
        errors: [
          expect.objectContaining({
            column: 'A',
            header: '活动日期',
            message: '“2019-13-45”不是真实的日期，应写作 2019-04-12',
          }),
        ],
      }),
    ]);
  });
});
