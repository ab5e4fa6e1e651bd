import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { insertRecordsBulk, type BulkRow } from '../../main/store/bulk.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { createUnit } from '../../main/store/units.js';
import { loadBuiltinLedgers } from '../../main/ledgers/builtin.js';
import { DemoRandom } from '../../main/demo/random.js';
import { studentAidRows } from '../../main/demo/student-aid.js';
import { exportLedgerXlsx } from '../../main/export/export-xlsx.js';
import { maskIdCard } from '../../shared/idcard.js';
import { chineseDate, todayIso } from '../../shared/dates.js';
import type { LedgerDefinition } from '../../shared/ledger-definition.js';
import { displayWidth, fitColumnWidth, wrappedLines } from '../../main/export/column-width.js';
import { orientationFor } from '../../main/export/xlsx-layout.js';
import { maskPhone } from '../../main/export/masking.js';
import { defaultExportFileName, sanitizeFileName, uniqueSheetNames } from '../../main/export/file-name.js';
import { findAll, readBook, readBookXml, serialToIso, type ReadSheet } from './export-xlsx-reader.js';
import { noticeAttachment, sampleRecords } from './export-xlsx-fixtures.js';

const UNIT = '建始县高坪镇中心小学';
const OTHER_UNIT = '建始县花坪镇中心小学';
const CATALOGUE = new Map(loadBuiltinLedgers().map((d) => [d.key, d]));
const STUDENT_AID = CATALOGUE.get('student-aid')!;
const labels = (def: LedgerDefinition) => ['序号', ...def.fields.map((f) => f.label)];
const column = (def: LedgerDefinition, key: string) => def.fields.findIndex((f) => f.key === key) + 2;

/** User text that a spreadsheet would take for a formula if written carelessly. */
const FORMULA_LIKE = {
  remark: '=1+1',
  class_name: '+1班',
  fund_source: '-5000',
  address: '@SUM(A1:A2)',
  guardian: '=HYPERLINK("http://x","点我")',
};

function insert(store: TempStore, ledger: string, rows: BulkRow[], unitId = store.unit.id): void {
  insertRecordsBulk(store.db, getLedgerDefinition(store.db, ledger), unitId, rows, {
    operator: '测试员',
    source: 'test',
  });
}

/** Display width the way people count it: a Chinese character is two. */
function widthOf(text: string): number {
  return [...text].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
}

async function columnWidths(file: string, sheet = 1): Promise<number[]> {
  const { worksheet } = await (await readBookXml(file)).sheet(sheet);
  const widths: number[] = [];
  // Neighbouring columns of equal width may share one <col min max>.
  for (const col of findAll(worksheet, 'col') as Array<Record<string, string>>) {
    for (let c = Number(col['@min']); c <= Number(col['@max']); c++) widths[c - 1] = Number(col['@width']);
  }
  return widths;
}

describe('exporting the student-aid ledger as an attachment table', () => {
  let store: TempStore;
  let outDir: string;
  let file: string;
  let sheet: ReadSheet;
  /** What the table must hold: 2019 上半年 of the first unit, by 发放日期 then entry order. */
  let expected: Array<Record<string, unknown>>;

  beforeAll(async () => {
    store = tempStore(UNIT);
    const generated = [...studentAidRows(new DemoRandom(7), 80)];
    generated[3] = { values: { ...generated[3]!.values, ...FORMULA_LIKE, paid_on: '2019-02-14' } };
    insert(store, 'student-aid', generated);
    const other = createUnit(store.db, OTHER_UNIT, '测试员');
    insert(store, 'student-aid', [...studentAidRows(new DemoRandom(99), 15)], other.id);
    expected = generated
      .map((row) => row.values)
      .filter((v) => String(v.paid_on) <= '2019-06-30')
      .sort((a, b) => String(a.paid_on).localeCompare(String(b.paid_on)));
    outDir = path.join(store.dir, 'out');
    fs.mkdirSync(outDir);
    const result = await exportLedgerXlsx({
      dbFile: store.file,
      sheets: [{ ledger: 'student-aid' }],
      out: outDir,
      period: '2019H1',
      attachmentNo: 1,
      fillDate: '2019-03-20',
    });
    file = result.file;
    sheet = readBook(file).sheet('学生资助台账');
  });
  afterAll(() => store.dispose());

  it('names the file after period, ledger and unit when given a folder', () => {
    expect(path.basename(file)).toBe('2019年上半年-学生资助台账-建始县高坪镇中心小学.xlsx');
    expect(fs.readdirSync(outDir)).toEqual([path.basename(file)]);
  });

  it('heads the table with 附件1, the merged title and the 填报单位 line', () => {
    expect(sheet.text(1, 1)).toBe('附件1');
    expect(sheet.text(2, 1)).toBe('2019年上半年建始县高坪镇中心小学学生资助台账');
    expect(sheet.merges).toContain('A2:O2');
    expect(sheet.text(3, 1)).toBe('填报单位（盖章）：建始县高坪镇中心小学 \u3000\u3000填报日期：2019年3月20日');
  });

  it('has 序号 first, then the ledger’s labels exactly, in definition order', () => {
    expect(sheet.rowTexts(4, 15)).toEqual(labels(STUDENT_AID));
    expect(sheet.text(4, 16)).toBe('');
  });

  it('writes exactly the period’s records of the unit, numbered 1..N, in date order', () => {
    expect(expected.length).toBeGreaterThan(20);
    expected.forEach((values, i) => {
      const row = 5 + i;
      expect(sheet.cell(row, 1)?.v).toBe(i + 1);
      expect(sheet.text(row, column(STUDENT_AID, 'name'))).toBe(values.name);
      expect(sheet.text(row, column(STUDENT_AID, 'id_number'))).toBe(values.id_number);
    });
    expect(sheet.text(5 + expected.length, 1)).toBe('合计');
  });

  it('keeps ID numbers and phones as 18- and 11-character text', () => {
    expected.forEach((values, i) => {
      const id = sheet.cell(5 + i, column(STUDENT_AID, 'id_number'))!;
      expect(id.t).toBe('s');
      expect(id.v).toHaveLength(18);
      expect(id.v).toBe(values.id_number);
      expect(id.z).toBe('@');
      const phone = sheet.cell(5 + i, column(STUDENT_AID, 'phone'))!;
      expect(phone.t).toBe('s');
      expect(phone.v).toBe(values.phone);
      expect(phone.z).toBe('@');
    });
  });

  it('writes money as numbers in #,##0.00 and dates as real dates', () => {
    expected.forEach((values, i) => {
      const amount = sheet.cell(5 + i, column(STUDENT_AID, 'amount'))!;
      expect(amount.t).toBe('n');
      expect(amount.v).toBe(values.amount);
      expect(amount.z).toBe('#,##0.00');
      const paid = sheet.cell(5 + i, column(STUDENT_AID, 'paid_on'))!;
      expect(paid.t).toBe('n');
      expect(paid.z).toBe('yyyy-mm-dd');
      expect(serialToIso(paid.v as number)).toBe(values.paid_on);
      expect(paid.w).toBe(values.paid_on);
    });
  });

  it('sums 资助金额 in the 合计 row', () => {
    const totalRow = 5 + expected.length;
    const cents = expected.reduce((sum, v) => sum + Math.round(Number(v.amount) * 100), 0);
    const total = sheet.cell(totalRow, column(STUDENT_AID, 'amount'))!;
    expect(total.t).toBe('n');
    expect(total.v).toBe(cents / 100);
    expect(total.z).toBe('#,##0.00');
    expect(sheet.text(totalRow, column(STUDENT_AID, 'name'))).toBe('');
  });

  it('ends with the 填表人 line', () => {
    const footerRow = 6 + expected.length;
    expect(sheet.text(footerRow, 1)).toBe('填表人：\u3000\u3000\u3000审核人：\u3000\u3000\u3000联系电话：');
    expect(sheet.merges).toContain(`A${footerRow}:O${footerRow}`);
    expect(sheet.lastRow).toBe(footerRow);
  });

  it('writes text that looks like a formula as plain text, with no formula anywhere', async () => {
    const i = expected.findIndex((v) => v.remark === '=1+1');
    expect(i).toBeGreaterThanOrEqual(0);
    for (const [key, value] of Object.entries(FORMULA_LIKE)) {
      const cell = sheet.cell(5 + i, column(STUDENT_AID, key))!;
      expect(cell.t, key).toBe('s');
      expect(cell.v, key).toBe(value);
      expect(cell.f, key).toBeUndefined();
    }
    const { xml, worksheet } = await (await readBookXml(file)).sheet(1);
    expect(findAll(worksheet, 'f')).toEqual([]);
    expect(xml).not.toMatch(/<f[\s>]/);
  });

  it('sets up printing: A4 landscape, one page wide, titles repeated, page numbers, frozen header', async () => {
    const book = await readBookXml(file);
    const { worksheet } = await book.sheet(1);
    const ws = worksheet as Record<string, Record<string, string>>;
    expect((findAll(worksheet, 'pageSetUpPr')[0] as Record<string, string>)['@fitToPage']).toBe('1');
    expect(ws.pageSetup!['@paperSize']).toBe('9');
    expect(ws.pageSetup!['@orientation']).toBe('landscape');
    expect(ws.pageSetup!['@fitToWidth']).toBe('1');
    expect(ws.pageSetup!['@fitToHeight']).toBe('0');
    expect(findAll(worksheet, 'oddFooter')).toEqual([expect.stringContaining('&P')]);
    expect(findAll(worksheet, 'oddFooter')).toEqual([expect.stringContaining('&N')]);
    const pane = findAll(worksheet, 'pane')[0] as Record<string, string>;
    expect(pane['@state']).toBe('frozen');
    expect(pane['@ySplit']).toBe('4');
    expect(pane['@topLeftCell']).toBe('A5');
    expect(await book.definedNames()).toContainEqual({
      name: '_xlnm.Print_Titles',
      localSheetId: '0',
      text: "'学生资助台账'!$2:$4",
    });
  });

  it('fits column widths to Chinese text', async () => {
    const widths = await columnWidths(file);
    expect(widths).toHaveLength(15);
    const longest = (key: string) => Math.max(...expected.map((v) => widthOf(String(v[key] ?? ''))));
    expect(widths[column(STUDENT_AID, 'id_number') - 1]).toBeGreaterThanOrEqual(18);
    expect(widths[column(STUDENT_AID, 'address') - 1]).toBeGreaterThanOrEqual(longest('address'));
    expect(widths[column(STUDENT_AID, 'fund_source') - 1]).toBeGreaterThanOrEqual(longest('fund_source'));
    expect(widths[column(STUDENT_AID, 'gender') - 1]).toBeGreaterThanOrEqual(widthOf('性别'));
    expect(widths[column(STUDENT_AID, 'gender') - 1]).toBeLessThan(10);
  });

  it('masks ID numbers and phones for publication, and only when asked', async () => {
    const masked = path.join(store.dir, '公示.xlsx');
    await exportLedgerXlsx({
      dbFile: store.file,
      sheets: [{ ledger: 'student-aid' }],
      out: masked,
      period: '2019H1',
      mask: true,
    });
    const published = readBook(masked).sheet('学生资助台账');
    expected.forEach((values, i) => {
      const row = 4 + i; // no 附件 line this time
      const id = published.text(row, column(STUDENT_AID, 'id_number'));
      expect(id).toBe(maskIdCard(String(values.id_number)));
      expect(id).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(published.text(row, column(STUDENT_AID, 'phone'))).toBe(
        `${String(values.phone).slice(0, 3)}****${String(values.phone).slice(7)}`,
      );
      expect(published.text(row, column(STUDENT_AID, 'name'))).toBe(values.name);
    });
    expect(published.text(2, 1)).toBe(
      '填报单位（盖章）：建始县高坪镇中心小学 \u3000\u3000填报日期：' + chineseDate(todayIso()),
    );
  });
});

describe('cutting an export like the grid', () => {
  let store: TempStore;
  let rows: Array<Record<string, unknown>>;
  let otherRows: Array<Record<string, unknown>>;

  beforeAll(() => {
    store = tempStore(UNIT);
    rows = [...studentAidRows(new DemoRandom(11), 60)].map((r) => r.values);
    rows[5] = { ...rows[5], address: '建始县高坪镇望坪村特别地址组' };
    insert(
      store,
      'student-aid',
      rows.map((values) => ({ values })),
    );
    const other = createUnit(store.db, OTHER_UNIT, '测试员');
    otherRows = [...studentAidRows(new DemoRandom(12), 12)].map((r) => r.values);
    insert(
      store,
      'student-aid',
      otherRows.map((values) => ({ values })),
      other.id,
    );
  });
  afterAll(() => store.dispose());

  const idsIn = (sheet: ReadSheet) => {
    const ids: string[] = [];
    for (let row = 4; row <= sheet.lastRow && sheet.text(row, 1) !== '合计'; row++)
      ids.push(sheet.text(row, column(STUDENT_AID, 'id_number')));
    return ids;
  };
  const exportTo = async (name: string, options: Partial<Parameters<typeof exportLedgerXlsx>[0]>) => {
    const out = path.join(store.dir, name);
    await exportLedgerXlsx({ dbFile: store.file, sheets: [{ ledger: 'student-aid' }], out, ...options });
    return readBook(out).sheet('学生资助台账');
  };

  it('takes the current unit by default, another unit by name', async () => {
    expect(idsIn(await exportTo('a.xlsx', {})).sort()).toEqual(rows.map((v) => String(v.id_number)).sort());
    const other = await exportTo('b.xlsx', { unit: { name: OTHER_UNIT } });
    expect(idsIn(other).sort()).toEqual(otherRows.map((v) => String(v.id_number)).sort());
    expect(other.text(1, 1)).toBe(`${OTHER_UNIT}学生资助台账`);
  });

  it('takes a month, a half-year, and a semester', async () => {
    for (const [period, from, to] of [
      ['2019-04', '2019-04-01', '2019-04-30'],
      ['2019H2', '2019-07-01', '2019-12-31'],
      ['2019-2020S1', '2019-09-01', '2020-01-31'],
    ] as const) {
      const sheet = await exportTo(`${period}.xlsx`, { period });
      const want = rows
        .filter((v) => String(v.paid_on) >= from && String(v.paid_on) <= to)
        .map((v) => String(v.id_number));
      expect(want.length, period).toBeGreaterThan(0);
      expect(idsIn(sheet).sort(), period).toEqual(want.sort());
    }
  });

  it('applies the grid’s field filter and search', async () => {
    const filtered = await exportTo('f.xlsx', {
      sheets: [{ ledger: 'student-aid', filters: [{ field: 'stage', op: 'eq', value: '小学' }] }],
    });
    const primary = rows.filter((v) => v.stage === '小学').map((v) => String(v.id_number));
    expect(primary.length).toBeGreaterThan(0);
    expect(idsIn(filtered).sort()).toEqual(primary.sort());
    // The grid's choice and range filters too: the export is the table on screen.
    const grid = await exportTo('g.xlsx', {
      sheets: [
        {
          ledger: 'student-aid',
          filters: [
            { field: 'stage', op: 'in', values: ['小学', '初中'] },
            { field: 'amount', op: 'range', min: 500 },
          ],
        },
      ],
    });
    const shown = rows
      .filter((v) => (v.stage === '小学' || v.stage === '初中') && Number(v.amount) >= 500)
      .map((v) => String(v.id_number));
    expect(shown.length).toBeGreaterThan(0);
    expect(idsIn(grid).sort()).toEqual(shown.sort());
    const searched = await exportTo('s.xlsx', { sheets: [{ ledger: 'student-aid', search: '望坪村特别' }] });
    expect(idsIn(searched)).toEqual([String(rows[5]!.id_number)]);
  });

  it('uses a title given by the user', async () => {
    const sheet = await exportTo('t.xlsx', {
      sheets: [{ ledger: 'student-aid', title: '2019年春季学期资助学生名单' }],
    });
    expect(sheet.text(1, 1)).toBe('2019年春季学期资助学生名单');
  });

  it('refuses a filter on a field the ledger does not have, writing nothing', async () => {
    const out = path.join(store.dir, 'bad.xlsx');
    await expect(
      exportLedgerXlsx({
        dbFile: store.file,
        sheets: [{ ledger: 'student-aid', filters: [{ field: 'nope', op: 'eq', value: '1' }] }],
        out,
      }),
    ).rejects.toThrow('没有字段“nope”');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(store.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('every built-in ledger, bundled as one submission workbook', () => {
  let store: TempStore;
  let file: string;
  const defs = [...CATALOGUE.values()];

  beforeAll(async () => {
    store = tempStore(UNIT);
    for (const def of defs)
      insert(
        store,
        def.key,
        sampleRecords(def).map((values) => ({ values, recordDate: '2019-05-01' })),
      );
    const result = await exportLedgerXlsx({
      dbFile: store.file,
      sheets: defs.map((d) => ({ ledger: d.key })),
      out: store.dir,
      period: '2019',
      attachmentNo: 3,
    });
    file = result.file;
    expect(result.rows).toBe(defs.length * 3);
  });
  afterAll(() => store.dispose());

  it('is one workbook named after the bundle, one sheet per ledger named by its label', () => {
    expect(path.basename(file)).toBe('2019年-报送材料-建始县高坪镇中心小学.xlsx');
    expect(readBook(file).sheetNames).toEqual(defs.map((d) => d.label));
  });

  it.each(defs.map((d) => [d.key, d] as const))('%s: header, values by type and 合计', async (_key, def) => {
    const index = defs.indexOf(def);
    const sheet = readBook(file).sheet(def.label);
    const samples = sampleRecords(def);
    expect(sheet.text(1, 1)).toBe(`附件${3 + index}`);
    expect(sheet.text(2, 1)).toBe(`2019年${UNIT}${def.label}`);
    expect(sheet.text(3, 1)).toContain(`填报日期：${chineseDate(todayIso())}`);
    expect(sheet.rowTexts(4, def.fields.length + 1)).toEqual(labels(def));
    samples.forEach((values, i) => {
      const row = 5 + i;
      expect(sheet.cell(row, 1)?.v).toBe(i + 1);
      def.fields.forEach((field, f) => {
        const cell = sheet.cell(row, f + 2)!;
        const value = values[field.key]!;
        const where = `${def.key}.${field.key} row ${i + 1}`;
        switch (field.type) {
          case 'int':
            expect([cell.t, cell.v], where).toEqual(['n', value]);
            break;
          case 'money':
            expect([cell.t, cell.v, cell.z], where).toEqual(['n', value, '#,##0.00']);
            break;
          case 'date':
            expect([cell.t, serialToIso(cell.v as number), cell.z], where).toEqual(['n', value, 'yyyy-mm-dd']);
            break;
          case 'range':
            expect(sheet.text(row, f + 2), where).toBe(value);
            expect(cell.t, where).toBe(/^\d+$/.test(String(value)) ? 'n' : 's');
            break;
          default:
            expect([cell.t, cell.v, cell.z], where).toEqual(['s', value, '@']);
        }
      });
    });
    const after = 5 + samples.length;
    if (def.totals?.length) {
      expect(sheet.text(after, 1)).toBe('合计');
      for (const key of def.totals) {
        const sum = samples.reduce((s, v) => s + Math.round(Number(v[key]) * 100), 0) / 100;
        expect(sheet.cell(after, column(def, key))?.v, `${def.key}.${key}`).toBe(sum);
      }
      expect(sheet.text(after + 1, 1)).toMatch(/^填表人：/);
    } else {
      expect(sheet.text(after, 1)).toMatch(/^填表人：/);
    }
    const { worksheet } = await (await readBookXml(file)).sheet(index + 1);
    expect((worksheet.pageSetup as Record<string, string>)['@paperSize']).toBe('9');
    expect((findAll(worksheet, 'pane')[0] as Record<string, string>)['@ySplit']).toBe('4');
  });

  it('repeats each sheet’s title and header rows on every printed page', async () => {
    const names = await (await readBookXml(file)).definedNames();
    defs.forEach((def, i) => {
      expect(names).toContainEqual({
        name: '_xlnm.Print_Titles',
        localSheetId: String(i),
        text: `'${def.label}'!$2:$4`,
      });
    });
  });
});

describe('notice 02’s attachment tables', () => {
  let store: TempStore;
  beforeAll(() => {
    store = tempStore('建始县教育局');
  });
  afterAll(() => store.dispose());

  /** Exports the notice's rows through a ledger and returns the sheet with its column count. */
  async function roundTrip(ledger: string, n: number, rows: string[][]) {
    const def = getLedgerDefinition(store.db, ledger);
    const keys = def.fields.map((f) => f.key);
    insert(
      store,
      ledger,
      rows.map((cells) => ({ values: Object.fromEntries(keys.map((k, i) => [k, cells[i]!])) })),
    );
    const table = noticeAttachment(n);
    const out = path.join(store.dir, `附件${n}.xlsx`);
    await exportLedgerXlsx({ dbFile: store.file, sheets: [{ ledger, title: table.title }], out, attachmentNo: n });
    return { sheet: readBook(out).sheet(def.label), def, out };
  }

  it('reproduces 附件 1 (跟岗培训计划安排表) cell for cell', async () => {
    const table = noticeAttachment(1);
    expect(table.rows).toHaveLength(6);
    // The notice's own first column is 序号; the ledger holds the other four.
    const { sheet, out } = await roundTrip(
      'training-plan',
      1,
      table.rows.map((r) => r.slice(1)),
    );
    expect(sheet.text(1, 1)).toBe('附件1');
    expect(sheet.text(2, 1)).toBe('2019 年建始县教师到杭州市滨江区学校跟岗培训计划安排表');
    expect(sheet.rowTexts(4, 5)).toEqual(table.header.map((h) => h.replace(/\s+/g, '')));
    table.rows.forEach((cells, i) => expect(sheet.rowTexts(5 + i, 5)).toEqual(cells));
    expect(sheet.text(11, 1)).toMatch(/^填表人：/);
    const { worksheet } = await (await readBookXml(out)).sheet(1);
    expect((worksheet.pageSetup as Record<string, string>)['@orientation']).toBe('portrait');
  });

  it('reproduces 附件 2 (专家指导培训计划表) cell for cell, under the catalogue’s labels', async () => {
    const table = noticeAttachment(2);
    expect(table.rows).toHaveLength(5);
    const { sheet, def } = await roundTrip('expert-training', 2, table.rows);
    expect(sheet.text(2, 1)).toBe('2019 年滨江区专家到建始县学校指导培训计划表');
    // 附件 2 has no 序号 column; every export has one. Its "滨江来建始专家" is the catalogue's 专家.
    const noticeHeader = table.header.map((h) => h.replace(/\s+/g, ''));
    expect(noticeHeader).toEqual(['项目名称', '责任股室', '滨江来建始专家', '时间', '人数', '备注']);
    expect(sheet.rowTexts(4, 7)).toEqual(['序号', ...noticeHeader.map((h) => (h === '滨江来建始专家' ? '专家' : h))]);
    expect(labels(def)).toEqual(sheet.rowTexts(4, 7));
    table.rows.forEach((cells, i) => {
      expect(sheet.rowTexts(5 + i, 7)).toEqual([String(i + 1), ...cells]);
    });
    expect(sheet.text(5, 5)).toBe('5 月');
    expect(sheet.text(6, 5)).toBe('6 月下旬或 7 月上旬');
    expect(sheet.text(6, 6)).toBe('3-5');
  });
});

describe('export helpers', () => {
  it('counts a Chinese character as two widths and caps wrapping columns', () => {
    expect(displayWidth('建始县')).toBe(6);
    expect(displayWidth('Ab1')).toBe(3);
    expect(displayWidth('（盖章）：')).toBe(10);
    const narrow = fitColumnWidth({ content: 2, label: '性别', wraps: false, cap: Infinity });
    const wide = fitColumnWidth({ content: displayWidth('建始县高坪镇中心小学'), label: '单位', wraps: true, cap: 30 });
    expect(wide).toBeGreaterThanOrEqual(20);
    expect(narrow).toBeLessThan(wide);
    expect(fitColumnWidth({ content: 400, label: '内容', wraps: true, cap: 40 })).toBe(
      fitColumnWidth({ content: 40, label: '内容', wraps: false, cap: 40 }),
    );
    expect(wrappedLines('甲'.repeat(40), fitColumnWidth({ content: 20, label: '', wraps: true, cap: 20 }))).toBe(4);
  });

  it('turns landscape for more than eight columns or a wide table', () => {
    expect(orientationFor([6, 20, 8, 6, 20])).toBe('portrait');
    expect(orientationFor(Array(9).fill(8))).toBe('landscape');
    expect(orientationFor([6, 60, 60])).toBe('landscape');
  });

  it('masks mobile and landline numbers', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('0718-3321234')).toBe('0718-***1234');
    expect(maskPhone('01012345678')).toBe('010****5678');
    expect(maskPhone('021-87654321')).toBe('021-****4321');
    expect(maskPhone('07183321234')).toBe('0718***1234');
  });

  it('makes file names every system accepts', () => {
    expect(sanitizeFileName('2019/上半年:资助*名单?"<>|')).toBe('2019_上半年_资助_名单_____');
    expect(sanitizeFileName('CON')).toBe('_CON');
    expect(sanitizeFileName('名单. ')).toBe('名单');
    expect(
      defaultExportFileName({
        periodLabel: '2019年上半年',
        ledgerLabels: ['学生资助台账'],
        unitName: '建始县高坪镇中心小学',
      }),
    ).toBe('2019年上半年-学生资助台账-建始县高坪镇中心小学.xlsx');
    expect(defaultExportFileName({ ledgerLabels: ['学生资助台账', '任务清单'], unitName: '建始县/教育局' })).toBe(
      '报送材料-建始县_教育局.xlsx',
    );
  });

  it('keeps sheet names within 31 characters, legal and unique', () => {
    const names = uniqueSheetNames(['学生资助台账', '学生资助台账', 'a/b:c', 'x'.repeat(40), "O'Brien"]);
    expect(names).toEqual(['学生资助台账', '学生资助台账(2)', 'a_b_c', 'x'.repeat(31), 'O’Brien']);
    expect(uniqueSheetNames(['y'.repeat(40), 'y'.repeat(35)])).toEqual(['y'.repeat(31), `${'y'.repeat(28)}(2)`]);
  });
});
