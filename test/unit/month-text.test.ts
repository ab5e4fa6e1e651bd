import { describe, expect, it } from 'vitest';
import { parseIsoMonth } from '../../shared/dates.js';
import { parseMonthText } from '../../main/import/normalize-date.js';

describe('one month rule for the form and the import', () => {
  it('reads YYYY-M and YYYY-MM as the form does', () => {
    expect(parseIsoMonth('2019-4')).toBe('2019-04');
    expect(parseIsoMonth(' 2019-12 ')).toBe('2019-12');
    for (const text of ['2019-13', '2019-0', '0000-01', '2019/04', '201904'])
      expect(parseIsoMonth(text), text).toBeNull();
  });

  it('lets the import take the ways people write a month, and refuses the same impossible months', () => {
    expect(parseMonthText('2019.4')).toBe('2019-04');
    expect(parseMonthText('2019年4月')).toBe('2019-04');
    expect(parseMonthText('２０１９／０４')).toBe('2019-04');
    for (const text of ['2019年13月', '2019.0', '0000-01', '4月']) expect(parseMonthText(text), text).toBeNull();
  });
});
