import { describe, expect, it } from 'vitest';
import { defaultExportTitle } from '../../shared/export-title.js';

describe('the default title of an exported table, shown by the export dialog and written by the core', () => {
  it('is period, unit and ledger; without a period, unit and ledger', () => {
    const parts = { unitName: '建始县高坪镇中心小学', ledgerLabel: '学生资助台账' };
    expect(defaultExportTitle({ ...parts, periodLabel: '2019年上半年' })).toBe(
      '2019年上半年建始县高坪镇中心小学学生资助台账',
    );
    expect(defaultExportTitle(parts)).toBe('建始县高坪镇中心小学学生资助台账');
  });
});
