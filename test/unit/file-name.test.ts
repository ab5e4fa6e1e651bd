import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanitizeFileName } from '../../main/export/file-name.js';
import { docxFileName } from '../../main/reports/report-service.js';
import { tempDir } from '../helpers/temp-store.js';

describe('one file-name rule for exported tables and Word reports', () => {
  it('keeps what each former copy did: lines joined, illegal characters replaced, a fallback for nothing', () => {
    expect(docxFileName('建始县高坪镇中心小学\n2019年上半年教育扶贫工作总结')).toBe(
      '建始县高坪镇中心小学2019年上半年教育扶贫工作总结.docx',
    );
    expect(docxFileName('a/b:c\t"d"')).toBe('a_b_c__d_.docx');
    expect(docxFileName(' \n ')).toBe('报告.docx');
    expect(sanitizeFileName('')).toBe('导出');
    expect(docxFileName('nul')).toBe('_nul.docx');
    expect(sanitizeFileName('名单. ')).toBe('名单');
  });

  it('cuts a long title to a name the file system takes, at a whole character', () => {
    const dir = tempDir();
    const name = docxFileName('建始县'.repeat(100));
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(name).toMatch(/^(建始县)+(建始?)?\.docx$/);
    fs.writeFileSync(path.join(dir, name), 'x');
    expect(fs.readdirSync(dir)).toEqual([name]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
