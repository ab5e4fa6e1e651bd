import fs from 'node:fs';
import path from 'node:path';
import { readDocx } from './reports-docx-reader.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { reportFixture, type ReportFixture } from './reports-fixture.js';

let fx: ReportFixture;
let out: string;

beforeAll(() => {
  fx = reportFixture();
  // The CLI opens the file itself, as a user's second program would.
  fx.db.close();
  out = path.join(fx.dir, 'out');
  fs.mkdirSync(out);
});
afterAll(() => fx.dispose());

/** The body text, a paragraph a line: a title set on two lines reads as one paragraph. */
async function documentText(file: string): Promise<string> {
  const docx = await readDocx(fs.readFileSync(file));
  return docx.paragraphs.map((p) => p.text).join('\n');
}

describe('taizhang export docx', () => {
  it('writes the report and prints where', async () => {
    const file = path.join(out, '半年总结.docx');
    const result = await runCli([
      'export',
      'docx',
      '--db',
      fx.file,
      '--report',
      'half-year-summary',
      '--period',
      '2019H1',
      '--out',
      file,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ file, title: `${fx.unit.name}2019年上半年教育扶贫工作总结` });
    expect(await documentText(file)).toContain('教育扶贫工作总结');
    expect(fs.readdirSync(out)).toEqual(['半年总结.docx']);
  });

  it('refuses to overwrite a file unless --force, and leaves it untouched', async () => {
    const file = path.join(out, '月报.docx');
    fs.writeFileSync(file, '用户自己的文件');
    const refused = await runCli([
      'export',
      'docx',
      '--db',
      fx.file,
      '--report',
      'monthly-progress',
      '--period',
      '2019-04',
      '--out',
      file,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('文件已存在');
    expect(fs.readFileSync(file, 'utf8')).toBe('用户自己的文件');
    const forced = await runCli([
      'export',
      'docx',
      '--db',
      fx.file,
      '--report',
      'monthly-progress',
      '--period',
      '2019-04',
      '--out',
      file,
      '--force',
    ]);
    expect(forced.code).toBe(0);
    expect(await documentText(file)).toContain('2019年4月教育扶贫工作进展情况');
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes an activity summary for one activity, for the unit named, with attachment tables', async () => {
    const file = path.join(out, '扶贫日.docx');
    const result = await runCli([
      'export',
      'docx',
      '--db',
      fx.file,
      '--report',
      'activity-summary',
      '--period',
      '2019-10',
      '--unit',
      fx.unit.name,
      '--activity',
      String(fx.povertyDayId),
      '--attach',
      'activity',
      '--out',
      file,
    ]);
    expect(result.code).toBe(0);
    const xml = await documentText(file);
    expect(xml).toContain('“‘扶贫日’爱心义卖”总结');
    expect(xml).toContain('附件：');
  });

  it('says in one Chinese line what is wrong with the input', async () => {
    const file = path.join(out, 'x.docx');
    const cases: Array<[string[], string]> = [
      [['--report', 'weekly', '--period', '2019H1'], '报告类型“weekly”不存在'],
      [['--report', 'half-year-summary', '--period', '2019Q5'], '无法识别的期间“2019Q5”'],
      [
        ['--report', 'half-year-summary', '--period', '2019H1', '--unit', '不存在的学校'],
        '填报单位“不存在的学校”不存在',
      ],
      [
        ['--report', 'half-year-summary', '--period', '2019H1', '--attach', 'no-such-ledger'],
        '台账类型“no-such-ledger”不存在',
      ],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['export', 'docx', '--db', fx.file, ...args, '--out', file]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toContain(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(fs.existsSync(file)).toBe(false);
  });
});
