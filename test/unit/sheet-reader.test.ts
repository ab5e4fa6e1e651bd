import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { WorkbookReader, type SheetRow } from '../../main/import/sheet-reader.js';
import { loadWorkbook } from '../../main/import/workbook-file.js';
import { isDateFormatCode } from '../../main/import/date-styles.js';

/*
 * The sheet reader on hand-written SpreadsheetML: what other programs than Excel write (no r
 * attributes, x: prefixes, inline strings, the 1904 date system) and what a damaged file holds.
 */

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Parts {
  sheet: string;
  strings?: string;
  styles?: string;
  workbookPr?: string;
}

async function workbook(parts: Parts): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}">${parts.workbookPr ?? ''}` +
      `<sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  const rels = [
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`,
    parts.strings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '',
    parts.styles ? `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` : '',
  ].join('');
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
  );
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?>${parts.sheet}`);
  if (parts.strings) zip.file('xl/sharedStrings.xml', parts.strings);
  if (parts.styles) zip.file('xl/styles.xml', parts.styles);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function rows(parts: Parts): Promise<SheetRow[]> {
  const book = await loadWorkbook({ bytes: await workbook(parts), name: '测试.xlsx' });
  const read: SheetRow[] = [];
  for await (const row of new WorkbookReader(book, '测试.xlsx').rows(book.sheets[0]!)) read.push(row);
  return read;
}

const STYLES = `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
  <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
  <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>`;

describe('reading a worksheet', () => {
  it('reads shared, rich and inline strings, leaving out phonetic guides and undoing _xHHHH_ escapes', async () => {
    const strings = `<sst xmlns="${NS}"><si><t>姓名</t></si><si><r><rPr><b/></rPr><t>覃</t></r><r><t xml:space="preserve">秋菊 </t></r><rPh sb="0" eb="1"><t>qin</t></rPh></si><si><t>第一行_x000D__x000A_第二行</t></si></sst>`;
    const sheet = `<worksheet xmlns="${NS}"><sheetData>
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>备</t><r><t>注</t></r></is></c></row>
      <row r="3"><c r="B3" t="s"><v>1</v></c><c r="C3" t="s"><v>2</v></c></row></sheetData></worksheet>`;
    expect(await rows({ sheet, strings })).toEqual([
      { number: 1, cells: ['姓名', null, '备注'] },
      { number: 3, cells: [null, '覃秋菊 ', '第一行\r\n第二行'] },
    ]);
  });

  it('reads numbers, booleans, errors, ISO dates, cached formula results and formulas saved without one', async () => {
    const sheet = `<worksheet xmlns="${NS}"><sheetData><row r="2">
      <c r="A2"><v>1250.5</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#N/A</v></c>
      <c r="D2" t="d"><v>2019-04-12T00:00:00Z</v></c><c r="E2" t="str"><f>A2&amp;"元"</f><v>1250.5元</v></c>
      <c r="F2"><f>SUM(A1:A9)</f></c><c r="G2"><v></v></c></row></sheetData></worksheet>`;
    const [row] = await rows({ sheet });
    expect(row!.cells).toEqual([
      1250.5,
      true,
      { problem: 'error', detail: '#N/A' },
      new Date('2019-04-12T00:00:00Z'),
      '1250.5元',
      { problem: 'no-result', detail: '=SUM(A1:A9)' },
    ]);
  });

  it('turns numbers styled as dates into days, in the 1900 and the 1904 date systems alike', async () => {
    const sheet = `<worksheet xmlns="${NS}"><sheetData><row r="1">
      <c r="A1" s="1"><v>43567</v></c><c r="B1" s="2"><v>43567.75</v></c><c r="C1" s="3"><v>43567</v></c>
      <c r="D1"><v>43567</v></c></row></sheetData></worksheet>`;
    const [row] = await rows({ sheet, styles: STYLES });
    expect(row!.cells.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c))).toEqual([
      '2019-04-12',
      '2019-04-12',
      43567,
      43567,
    ]);
    const [mac] = await rows({ sheet, styles: STYLES, workbookPr: '<workbookPr date1904="1"/>' });
    expect((mac!.cells[0] as Date).toISOString().slice(0, 10)).toBe('2023-04-13');
  });

  it('reads rows and cells written without r attributes and with an x: prefix on every element', async () => {
    const sheet = `<x:worksheet xmlns:x="${NS}"><x:sheetData>
      <x:row><x:c t="inlineStr"><x:is><x:t>序号</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>姓名</x:t></x:is></x:c></x:row>
      <x:row><x:c><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>向明杰</x:t></x:is></x:c></x:row>
      </x:sheetData></x:worksheet>`;
    expect(await rows({ sheet })).toEqual([
      { number: 1, cells: ['序号', '姓名'] },
      { number: 2, cells: [1, '向明杰'] },
    ]);
  });

  it('passes over styled empty cells and rows', async () => {
    const empty = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" s="3"/></row>`).join('');
    const sheet = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c><c r="B1" s="3"/></row>${empty}</sheetData></worksheet>`;
    expect(await rows({ sheet, styles: STYLES })).toEqual([{ number: 1, cells: ['甲'] }]);
  });

  it('refuses a damaged sheet with the sheet named: broken XML, a missing shared string, a column past XFD', async () => {
    const cases = [
      `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>`,
      `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData></worksheet>`,
      `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="ZZZZ1"><v>1</v></c></row></sheetData></worksheet>`,
    ];
    for (const sheet of cases) {
      await expect(rows({ sheet, strings: `<sst xmlns="${NS}"><si><t>甲</t></si></sst>` })).rejects.toThrow(
        /无法导入“测试.xlsx”：工作表“名单”的内容已损坏，无法解析/,
      );
    }
  });
});

describe('date formats', () => {
  it('tells date formats from number formats, ignoring quoted text, colours and locales', () => {
    for (const code of ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '[$-804]yyyy年m月', 'h:mm:ss', '[h]:mm'])
      expect(isDateFormatCode(code)).toBe(true);
    for (const code of ['General', '#,##0.00', '0.00_);[Red](0.00)', '"Days"0', '#,##0 "元"', '@'])
      expect(isDateFormatCode(code)).toBe(false);
  });
});
