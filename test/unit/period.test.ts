import { afterEach, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { createRecord } from '../../main/store/records.js';
import { countRecords } from '../../main/store/record-query.js';
import { parsePeriod } from '../../shared/period.js';

const range = (text: string) => {
  const p = parsePeriod(text);
  return p && [p.from, p.to];
};

describe('parsePeriod', () => {
  it.each([
    ['2019-01', '2019-01-01', '2019-01-31'],
    ['2019-02', '2019-02-01', '2019-02-28'],
    ['2020-02', '2020-02-01', '2020-02-29'],
    ['2000-02', '2000-02-01', '2000-02-29'],
    ['1900-02', '1900-02-01', '1900-02-28'],
    ['2019-04', '2019-04-01', '2019-04-30'],
    ['2019-12', '2019-12-01', '2019-12-31'],
    ['2019-4', '2019-04-01', '2019-04-30'],
    ['2019年4月', '2019-04-01', '2019-04-30'],
  ])('month %s is %s..%s', (text, from, to) => {
    expect(range(text)).toEqual([from, to]);
  });

  it('names months, half years, semesters and years the way reports write them', () => {
    expect(parsePeriod('2019-04')).toEqual({
      code: '2019-04',
      label: '2019年4月',
      from: '2019-04-01',
      to: '2019-04-30',
    });
    expect(parsePeriod('2019H1')).toEqual({
      code: '2019H1',
      label: '2019年上半年',
      from: '2019-01-01',
      to: '2019-06-30',
    });
    expect(parsePeriod('2019H2')).toEqual({
      code: '2019H2',
      label: '2019年下半年',
      from: '2019-07-01',
      to: '2019-12-31',
    });
    expect(parsePeriod('2019')).toEqual({ code: '2019', label: '2019年', from: '2019-01-01', to: '2019-12-31' });
    expect(parsePeriod('2018-2019S1')).toEqual({
      code: '2018-2019S1',
      label: '2018-2019学年第一学期',
      from: '2018-09-01',
      to: '2019-01-31',
    });
    expect(parsePeriod('2018-2019S2')).toEqual({
      code: '2018-2019S2',
      label: '2018-2019学年第二学期',
      from: '2019-02-01',
      to: '2019-08-31',
    });
  });

  it('reads the Chinese forms as the same periods', () => {
    expect(parsePeriod('2019上半年')).toEqual(parsePeriod('2019H1'));
    expect(parsePeriod('2019年下半年')).toEqual(parsePeriod('2019H2'));
    expect(parsePeriod('2019年')).toEqual(parsePeriod('2019'));
    expect(parsePeriod('2018-2019学年第一学期')).toEqual(parsePeriod('2018-2019S1'));
    expect(parsePeriod('2018-2019学年第二学期')).toEqual(parsePeriod('2018-2019S2'));
    expect(parsePeriod(' 2019 h1 ')).toEqual(parsePeriod('2019H1'));
    expect(parsePeriod('2020-2021s2')).toEqual(parsePeriod('2020-2021学年第二学期'));
  });

  it('puts the leap day of 2020 in the second semester of 2019-2020', () => {
    expect(range('2019-2020S2')).toEqual(['2020-02-01', '2020-08-31']);
    expect(range('2019-2020S1')).toEqual(['2019-09-01', '2020-01-31']);
  });

  it.each([
    '2019-13',
    '2019-00',
    '2019H3',
    '2019H0',
    '2018-2020S1',
    '2019-2018S2',
    '2018-2019S3',
    '2019年13月',
    '19',
    '0019',
    '0019-04',
    '0018-0019S1',
    '2019-04-01',
    'H1',
    '上半年',
    '',
    '二〇一九',
  ])('%j is not a period', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe('a period counts the records dated inside it', () => {
  let store: TempStore;
  afterEach(() => store?.dispose());

  function publish(date: string): void {
    createRecord(
      store.db,
      { ledger: 'publicity', values: { title: `报道 ${date}`, media: '建始发布', level: '县级', publish_date: date } },
      '测试员',
    );
  }
  function count(period: string): number {
    const p = parsePeriod(period)!;
    return countRecords(store.db, { ledger: 'publicity', dateFrom: p.from, dateTo: p.to });
  }

  it('splits the semesters between 01-31 and 02-01, and the months at their last day', () => {
    store = tempStore();
    for (const date of [
      '2018-08-31',
      '2018-09-01',
      '2019-01-31',
      '2019-02-01',
      '2019-02-28',
      '2019-06-30',
      '2019-07-01',
      '2019-08-31',
      '2019-09-01',
    ]) {
      publish(date);
    }
    expect(count('2018-2019S1')).toBe(2);
    expect(count('2018-2019学年第二学期')).toBe(5);
    expect(count('2019-2020S1')).toBe(1);
    expect(count('2017-2018S2')).toBe(1);
    expect(count('2019-01')).toBe(1);
    expect(count('2019-02')).toBe(2);
    expect(count('2019H1')).toBe(4);
    expect(count('2019下半年')).toBe(3);
    expect(count('2019')).toBe(7);
    expect(count('2018')).toBe(2);
  });
});
