import { describe, expect, it } from 'vitest';
import { checkIdCard, idCardCheckChar, maskIdCard } from '../../shared/idcard.js';
import { isNewChoice, validateField, validateRecord } from '../../shared/validation.js';
import { loadBuiltinLedgers } from '../../main/ledgers/builtin.js';

const studentAid = loadBuiltinLedgers().find((d) => d.key === 'student-aid')!;

function validAid(overrides: Record<string, unknown> = {}) {
  return {
    name: '张小红',
    gender: '女',
    id_number: '11010519491231002X',
    stage: '小学',
    family_type: '建档立卡',
    aid_item: '营养改善计划',
    amount: '800',
    paid_on: '2019-04-12',
    ...overrides,
  };
}

describe('GB 11643 ID numbers', () => {
  it.each(['11010519491231002X', '11010119900307803X', '110101199003074477'])('accepts the real number %s', (id) => {
    expect(checkIdCard(id).ok).toBe(true);
  });

  it('computes the check character of the standard example', () => {
    expect(idCardCheckChar('11010519491231002')).toBe('X');
  });

  it.each([
    ['110105194912310021', 'checksum'],
    ['11010519491231002', 'length'],
    ['1101051949123100X2', 'characters'],
    ['110105194902300028', 'birthdate'],
    ['4.22822E+17', 'scientific'],
  ])('rejects %s as %s', (id, problem) => {
    expect(checkIdCard(id)).toMatchObject({ ok: false, problem });
  });

  it('accepts a lower-case x and stores it upper-case', () => {
    const result = validateRecord(studentAid, validAid({ id_number: '11010519491231002x' }));
    expect(result.ok).toBe(true);
    expect(result.values.id_number).toBe('11010519491231002X');
  });

  it('masks the birth date and sequence for publication', () => {
    expect(maskIdCard('422822201003120028')).toBe('422822********0028');
  });
});

describe('record validation', () => {
  it('normalises a valid record', () => {
    const result = validateRecord(studentAid, validAid({ amount: '1,200.5', phone: '138 0013 8000' }));
    expect(result.errors).toEqual([]);
    expect(result.values).toMatchObject({ amount: 1200.5, phone: '13800138000', remark: null });
  });

  it('names every failing field in Chinese', () => {
    const result = validateRecord(
      studentAid,
      validAid({ name: '', id_number: '110105194912310021', paid_on: '2019-02-29', amount: '12.345', stage: '研究生' }),
    );
    const byField = Object.fromEntries(result.errors.map((e) => [e.label, e.message]));
    expect(byField).toEqual({
      姓名: '必填',
      身份证号: '校验位不正确，请核对是否录错',
      发放日期: '“2019-02-29”不是真实的日期，应写作 2019-04-12',
      '资助金额(元)': '最多保留 2 位小数',
      学段: '只能是以下之一：学前、小学、初中、高中、中职、高校',
    });
  });

  it('accepts 29 February in a leap year only', () => {
    expect(validateRecord(studentAid, validAid({ paid_on: '2020-02-29' })).ok).toBe(true);
    expect(validateRecord(studentAid, validAid({ paid_on: '2019-02-29' })).ok).toBe(false);
  });

  it('checks 性别 against the sex digit of the ID number', () => {
    const result = validateRecord(studentAid, validAid({ gender: '男' }));
    expect(result.errors).toEqual([{ field: 'gender', label: '性别', message: '与身份证号不符（身份证号显示为女）' }]);
  });

  it('accepts mobile and landline numbers and rejects others', () => {
    expect(validateRecord(studentAid, validAid({ phone: '0718-3321234' })).ok).toBe(true);
    expect(validateRecord(studentAid, validAid({ phone: '12345' })).errors[0]?.label).toBe('联系电话');
  });

  it('lets users extend an extensible choice list but not a closed one', () => {
    expect(validateRecord(studentAid, validAid({ aid_item: '春风助学' })).ok).toBe(true);
    expect(validateRecord(studentAid, validAid({ gender: '未知' })).ok).toBe(false);
  });

  it('rejects fields the ledger does not have', () => {
    expect(validateRecord(studentAid, validAid({ salary: '1' })).errors[0]?.message).toContain('没有字段');
  });
});

describe('ID numbers and the calendar', () => {
  it('rejects a birth date in the future', () => {
    const first17 = '11010520990101001';
    expect(checkIdCard(first17 + idCardCheckChar(first17))).toMatchObject({ ok: false, problem: 'birthdate' });
  });
});

describe('messages that say what is wrong', () => {
  const field = (key: string) => studentAid.fields.find((f) => f.key === key)!;

  it('names an impossible date instead of calling it missing', () => {
    expect(validateField(field('paid_on'), '2019-02-30')).toEqual({
      error: '“2019-02-30”不是真实的日期，应写作 2019-04-12',
    });
    expect(validateRecord(studentAid, validAid({ paid_on: '2019-02-30' })).errors).toEqual([
      { field: 'paid_on', label: '发放日期', message: '“2019-02-30”不是真实的日期，应写作 2019-04-12' },
    ]);
  });

  it('calls Chinese numerals in an amount not a number, not 必填', () => {
    expect(validateField(field('amount'), '六百')).toEqual({ error: '应为金额数字，如 1200 或 1200.50' });
  });

  it('checks one field on its own for a bulk edit, empty only where allowed', () => {
    expect(validateField(field('amount'), '1,200.5')).toEqual({ value: 1200.5 });
    expect(validateField(field('amount'), '')).toEqual({ error: '必填' });
    expect(validateField(field('fund_source'), '  ')).toEqual({ value: null });
    expect(validateField(field('stage'), '研究生')).toEqual({
      error: '只能是以下之一：学前、小学、初中、高中、中职、高校',
    });
  });

  it('tells a new value of an extensible choice from a known one, so it can be confirmed first', () => {
    expect(isNewChoice(field('family_type'), '625')).toBe(true);
    expect(isNewChoice(field('family_type'), ' 建档立卡 ')).toBe(false);
    expect(isNewChoice(field('family_type'), '')).toBe(false);
    // A closed list never takes a new value: validation refuses it instead.
    expect(isNewChoice(field('stage'), '研究生')).toBe(false);
    expect(isNewChoice(field('name'), '625')).toBe(false);
  });
});
