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

  it('dates, addresses and seals the report as --date, --addressee and --sealed say', async () => {
    const file = path.join(out, '盖章.docx');
    const result = await runCli([
      'export',
      'docx',
      '--db',
      fx.file,
      '--report',
      'monthly-progress',
      '--period',
      '2019-04',
      '--date',
      '2019-5-19',
      '--addressee',
      '县扶贫办、杭州市滨江区教育局:',
      '--sealed',
      '--out',
      file,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const docx = await readDocx(fs.readFileSync(file));
    const main = docx.paragraphs.filter((p) => !p.inTable && p.section === 0);
    expect(main[2]!.text).toBe('县扶贫办、杭州市滨江区教育局：');
    const [blank1, blank2, unit, date] = main.slice(-4);
    expect([blank1!.text, blank2!.text, unit!.text, date!.text]).toEqual(['', '', fx.unit.name, '2019年5月19日']);
    // The date four characters (of 320 twips) in from the right: the sealed layout.
    expect(date!.right).toBe('1280');
    // Nothing is saved: the draft keeps today's date and its own 主送机关.
    const again = path.join(out, '不盖章.docx');
    const plain = await runCli([
      'export',
      'docx',
      '--db',
      fx.file,
      '--report',
      'monthly-progress',
      '--period',
      '2019-04',
      '--out',
      again,
    ]);
    expect(plain.code).toBe(0);
    const text = await documentText(again);
    expect(text).not.toContain('2019年5月19日');
    expect(text).toContain('县教育局扶贫办：');
  });

  it('refuses a --date that is not a day of the calendar, in one Chinese line, writing nothing', async () => {
    const file = path.join(out, '日期.docx');
    for (const date of ['2019-02-30', '2019/07/05', '七月五日']) {
      const result = await runCli([
        'export',
        'docx',
        '--db',
        fx.file,
        '--report',
        'monthly-progress',
        '--period',
        '2019-04',
        '--date',
        date,
        '--out',
        file,
      ]);
      expect(result.code, date).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`成文日期“${date}”不是日历上的日子，应写作 2019-07-05`);
      expect(result.stdout).toBe('');
    }
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses, exit 1 and one Chinese line, a report the period gives nothing to write', async () => {
    // No activity in July 2019: an activity summary would be an empty page.
    const file = path.join(out, '七月活动.docx');
    const result = await runCli([
      'export',
      'docx',
      '--db',
      fx.file,
      '--report',
      'activity-summary',
      '--period',
      '2019-07',
      '--out',
      file,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('本期台账中没有可写入的内容');
    expect(fs.existsSync(file)).toBe(false);
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

describe('taizhang submit, its reports signed', () => {
  it('writes --date and --sealed into the drafts it prints, and refuses them without --report', async () => {
    const folder = path.join(fx.dir, 'submissions');
    fs.mkdirSync(folder);
    const base = ['submit', '--db', fx.file, '--period', '2019-04', '--ledger', 'student-aid', '--out', folder];
    const alone = await runCli([...base, '--date', '2019-05-19']);
    expect(alone.code).toBe(1);
    expect(alone.stderr.trim().split('\n')).toHaveLength(1);
    expect(alone.stderr).toContain('请同时用 --report 指定报告类型');
    const badDate = await runCli([...base, '--report', 'monthly-progress', '--date', '2019-04-31']);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toContain('成文日期“2019-04-31”不是日历上的日子');
    expect(fs.readdirSync(folder)).toEqual([]);

    const result = await runCli([...base, '--report', 'monthly-progress', '--date', '2019-05-19', '--sealed']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const submission = JSON.parse(result.stdout) as { folder: string };
    const report = fs.readdirSync(submission.folder).find((name) => name.endsWith('.docx'))!;
    const docx = await readDocx(fs.readFileSync(path.join(submission.folder, report)));
    const date = docx.paragraphs.filter((p) => !p.inTable && p.section === 0).at(-1)!;
    expect(date.text).toBe('2019年5月19日');
    expect(date.right).toBe('1280');
  });
});
