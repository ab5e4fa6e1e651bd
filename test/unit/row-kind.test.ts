import { describe, expect, it } from 'vitest';
import { classifyRow, closingKind } from '../../main/import/row-kind.js';

describe('the rows that close a table, one rule for the import and for reading a new type’s header', () => {
  it('takes the totals both former lists knew, spaced or with a figure, in either of the first cells', () => {
    for (const text of ['合计', '合 计', '合计：', '合计(元)', '合计 1200', '总 计', '小　计', '共计', '总合计']) {
      expect(closingKind([text, null, 1200]), text).toBe('total');
    }
    expect(closingKind([null, '', '合计', 1200])).toBe('total');
  });

  it('takes the signature lines both former lists knew', () => {
    for (const text of [
      '填表人：',
      '审核人:王芳',
      '制表人',
      '填报人：',
      '负责人：',
      '联系电话：',
      '填表人　　审核人　　联系电话',
    ]) {
      expect(closingKind([text]), text).toBe('footer');
    }
    expect(closingKind(['注1：金额以元为单位'])).toBe('footer');
  });

  it('leaves data alone, even a name that starts with a total’s word', () => {
    for (const cells of [
      [1, '王芳', '女'],
      ['总计划培训 30 人', 3],
      ['合计发放', 1200],
      [null, null],
    ]) {
      expect(closingKind(cells), JSON.stringify(cells)).toBeNull();
    }
    const ctx = { dataColumns: [0, 1], header: ['序号', '姓名'], afterFooter: false };
    expect(classifyRow([1, '王芳'], ctx)).toBe('data');
    expect(classifyRow(['合计', 3], ctx)).toBe('total');
    expect(classifyRow(['2019年3月20日'], { ...ctx, afterFooter: true })).toBe('footer');
  });
});
