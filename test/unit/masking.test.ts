import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { runCli } from '../helpers/run-cli.js';
import { createRecord } from '../../main/store/records.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { maskForPublication, maskNumbersInText } from '../../main/export/masking.js';
import { idCardCheckChar } from '../../shared/idcard.js';
import { sampleRecords } from './export-xlsx-fixtures.js';

const withCheck = (first17: string) => first17 + idCardCheckChar(first17);
/** Valid 身份证号 of people other than the student: a guardian, a head of household. */
const GUARDIAN_ID = withCheck('42282219800101123');
const HOUSEHOLD_ID = withCheck('42282219751203004');
/** One whose check character is X, written in lower case as people type it. */
const X_ID = (() => {
  for (let seq = 100; ; seq++) {
    const id = withCheck(`4228221982061${seq}`);
    if (id.endsWith('X')) return id.toLowerCase();
  }
})();
/** A first-generation, 15-digit ID (born 1949-12-31). */
const OLD_ID = '422822491231002';
const MOBILE = '13912345678';
const MOBILE_SPACED = '159 2700 4321';

/** 18 digits whose check digit is wrong: not an ID, left as typed (a batch or voucher number). */
const WRONG_CHECK = (() => {
  const first17 = '42282219800101123';
  const right = idCardCheckChar(first17);
  return first17 + (right === '1' ? '2' : '1');
})();
const ACCOUNT = '62170000123456789012';
const TWELVE_DIGITS = '139876543210';

describe('masking numbers inside free text', () => {
  it('masks an ID and a mobile in place, leaving the rest of the text as typed', () => {
    expect(maskNumbersInText(`监护人身份证${GUARDIAN_ID}，电话${MOBILE}，已核实`)).toBe(
      `监护人身份证${GUARDIAN_ID.slice(0, 6)}********${GUARDIAN_ID.slice(14)}，电话139****5678，已核实`,
    );
    expect(maskNumbersInText(`${MOBILE}`)).toBe('139****5678');
    expect(maskNumbersInText(`电话 ${MOBILE_SPACED} 转`)).toBe('电话 159 **** 4321 转');
    expect(maskNumbersInText('+8613912345678')).toBe('+86139****5678');
    expect(maskNumbersInText(`户主${X_ID}`)).toBe(`户主${X_ID.slice(0, 6)}********${X_ID.slice(14)}`);
    expect(maskNumbersInText(`老证${OLD_ID}。`)).toBe('老证422822******002。');
    const spaced = `${HOUSEHOLD_ID.slice(0, 6)} ${HOUSEHOLD_ID.slice(6, 14)} ${HOUSEHOLD_ID.slice(14)}`;
    expect(maskNumbersInText(spaced)).toBe(`${HOUSEHOLD_ID.slice(0, 6)} ******** ${HOUSEHOLD_ID.slice(14)}`);
  });

  it('leaves numbers that are not an ID or a mobile alone', () => {
    for (const text of [
      `批次${WRONG_CHECK}`,
      `账号${ACCOUNT}`,
      `单号${TWELVE_DIGITS}`,
      `金额13912345678.50元`,
      `比例0.13912345678`,
      `${GUARDIAN_ID}7`,
      '12345678901',
      '2019年4月12日发放1200.50元',
      '422822201913310028', // 13th month: not a birth date
    ]) {
      expect(maskNumbersInText(text)).toBe(text);
    }
  });

  it('masks every stored text value, keeps numbers, and returns the same object when nothing changes', () => {
    const def = { key: 'x', fields: [{ key: 'note', type: 'text' }] } as never;
    const clean = { note: '无', amount: 13912345678 };
    expect(maskForPublication(def, clean)).toBe(clean);
    // An archived field's value is not among the fields, and is masked all the same.
    expect(maskForPublication(def, { note: '无', old: MOBILE, amount: 13912345678 })).toEqual({
      note: '无',
      old: '139****5678',
      amount: 13912345678,
    });
  });
});

describe('a published (公示) export through the CLI', () => {
  let store: TempStore;
  let out: string;
  let values: Record<string, string | number>;

  beforeAll(async () => {
    store = tempStore();
    const def = getLedgerDefinition(store.db, 'student-aid');
    values = {
      ...sampleRecords(def)[0]!,
      remark: `监护人身份证${GUARDIAN_ID}，电话${MOBILE}；批次${WRONG_CHECK}`,
      address: `建始县高坪镇${MOBILE_SPACED}转，户主${X_ID}，老证${OLD_ID}`,
      fund_source: `中央资金，账号${ACCOUNT}，单号${TWELVE_DIGITS}`,
    };
    createRecord(store.db, { ledger: 'student-aid', values }, '测试员');
    store.db.close();
    out = path.join(store.dir, '公示.xlsx');
    const result = await runCli([
      'export',
      'xlsx',
      '--db',
      store.file,
      '--ledger',
      'student-aid',
      '--out',
      out,
      '--mask-id',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
  afterAll(() => store.dispose());

  const secrets = () => [String(values.id_number), GUARDIAN_ID, HOUSEHOLD_ID, X_ID, OLD_ID, MOBILE, MOBILE_SPACED];
  const digitsOf = (text: string) => text.replace(/[\s-]/g, '').toUpperCase();

  it('shows no ID or mobile in full in any cell of any sheet', () => {
    const book = XLSX.read(fs.readFileSync(out));
    const texts: string[] = [];
    for (const name of book.SheetNames) {
      const sheet = book.Sheets[name]!;
      for (const [address, cell] of Object.entries(sheet)) {
        if (!address.startsWith('!')) texts.push(String((cell as XLSX.CellObject).v ?? ''));
      }
    }
    expect(texts.length).toBeGreaterThan(10);
    const all = texts.join('\n');
    for (const secret of secrets()) expect(digitsOf(all)).not.toContain(digitsOf(secret));
    expect(all).toContain(`监护人身份证${GUARDIAN_ID.slice(0, 6)}********${GUARDIAN_ID.slice(14)}，电话139****5678`);
    expect(all).toContain(`建始县高坪镇159 **** 4321转，户主${X_ID.slice(0, 6)}********${X_ID.slice(14)}`);
  });

  it('has no ID or mobile in the raw XML of the workbook either', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const parts = Object.values(zip.files).filter((f) => !f.dir);
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) {
      const xml = await part.async('string');
      for (const secret of secrets()) expect(digitsOf(xml), part.name).not.toContain(digitsOf(secret));
    }
  });

  it('leaves the wrong-check 18-digit run, the account and the 12-digit number as typed', () => {
    const book = XLSX.read(fs.readFileSync(out));
    const all = Object.values(book.Sheets[book.SheetNames[0]!]!)
      .map((cell) => String((cell as XLSX.CellObject).v ?? ''))
      .join('\n');
    expect(all).toContain(`批次${WRONG_CHECK}`);
    expect(all).toContain(`中央资金，账号${ACCOUNT}，单号${TWELVE_DIGITS}`);
  });
});
