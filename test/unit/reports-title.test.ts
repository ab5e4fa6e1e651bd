import { describe, expect, it } from 'vitest';
import { balanceTitle, widthInEm } from '../../main/reports/text-metrics.js';

const CHARS = 20;

describe('report titles that need two lines', () => {
  it.each([
    ['建始县教育局2019年上半年教育扶贫工作总结', '建始县教育局\n2019年上半年教育扶贫工作总结'],
    ['建始县高坪镇中心小学2019年4月教育扶贫工作进展情况', '建始县高坪镇中心小学\n2019年4月教育扶贫工作进展情况'],
    [
      '建始县高坪镇中心小学2018-2019学年第二学期扶贫活动工作总结',
      '建始县高坪镇中心小学\n2018-2019学年第二学期扶贫活动工作总结',
    ],
  ])('break %s before its year, never leaving a lone character', (title, expected) => {
    const balanced = balanceTitle(title, CHARS);
    expect(balanced).toBe(expected);
    for (const line of balanced.split('\n')) expect(widthInEm(line)).toBeLessThanOrEqual(CHARS - 1);
  });

  it('leaves a title that fits, or one with the writer’s own line break, as it is', () => {
    expect(balanceTitle('关于做好扶贫日活动的总结', CHARS)).toBe('关于做好扶贫日活动的总结');
    expect(balanceTitle('建始县高坪镇中心小学\n关于做好2019年东西部扶贫协作工作的总结报告', CHARS)).toBe(
      '建始县高坪镇中心小学\n关于做好2019年东西部扶贫协作工作的总结报告',
    );
  });

  it('never starts a line with closing punctuation or splits a number', () => {
    const title = '建始县教育局关于2019年度东西部扶贫协作（教育）工作开展情况的总结报告';
    const lines = balanceTitle(title, CHARS).split('\n');
    expect(lines.join('')).toBe(title);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line).not.toMatch(/^[，。、）》”]/);
      expect(widthInEm(line)).toBeLessThanOrEqual(CHARS - 1);
    }
    expect(lines.some((l) => /201$/.test(l) || /^9年/.test(l))).toBe(false);
  });
});
