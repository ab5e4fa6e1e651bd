import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';

// Usage mistakes are said in Chinese on one line, with exit code 2, like every other message.
describe('usage mistakes', () => {
  it.each([
    [['stats', '--bogus'], '错误：不认识的选项 --bogus。用 --help 查看用法'],
    [['backup', '--db', 'x.db'], '错误：缺少必需的选项 --out。用 --help 查看用法'],
    [['expor'], '错误：不认识的命令 expor（是不是想用 export）。用 --help 查看用法'],
    [['stats', '--db'], '错误：选项 --db 后面缺少取值。用 --help 查看用法'],
    [['no-such-command'], '错误：不认识的命令 no-such-command。用 --help 查看用法'],
    [['init', '--db', 'x.db'], '错误：缺少必需的选项 --unit。用 --help 查看用法'],
  ])('taizhang %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(message);
  });

  // Each command's own rules, on a real ledger: refused before anything is read or written.
  describe('on a ledger file', () => {
    let store: TempStore;
    beforeAll(() => {
      store = tempStore();
    });
    afterAll(() => store.dispose());
    // Stand for the ledger and an output file in its folder, known once the store exists.
    const DB = '<db>';
    const OUT = '<out>';

    it.each([
      [
        ['export', 'xlsx', '--db', DB, '--ledger', 'student-aid', '--out', OUT, '--attachment-no', 'x'],
        '错误：选项 --attachment-no 的取值“x”不正确：应为 1 到 999 之间的整数。用 --help 查看用法',
      ],
      [
        ['export', 'xlsx', '--db', DB, '--ledger', 'student-aid,task', '--title', '标题', '--out', OUT],
        '错误：命令用法不正确（错误：--title 只能用于单个台账；导出多个台账时各表使用默认标题）。用 --help 查看用法',
      ],
      [['export', 'xlsx', '--db', DB, '--out', OUT], '错误：缺少必需的选项 --ledger。用 --help 查看用法'],
      [['import', 'xlsx', '--db', DB, '--ledger', 'student-aid'], '错误：缺少必需的选项 --in。用 --help 查看用法'],
      [
        ['import', 'xlsx', '--db', DB, '--ledger', 'student-aid', '--in', 'a.xlsx', '--map', '专家'],
        '错误：选项 --map 的取值“专家”不正确：应写作“列名=字段名”，如 "滨江来建始专家=专家"；“列名=”表示不导入该列。用 --help 查看用法',
      ],
      [
        ['export', 'docx', '--db', DB, '--report', 'half-year-summary', '--period', '2019H1'],
        '错误：缺少必需的选项 --out。用 --help 查看用法',
      ],
    ])('taizhang %j', async (args, message) => {
      const real = args.map((arg) => (arg === DB ? store.file : arg === OUT ? path.join(store.dir, 'out.xlsx') : arg));
      const result = await runCli(real);
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe(message);
      expect(fs.readdirSync(store.dir).filter((f) => !f.startsWith('ledger.db'))).toEqual([]);
    });
  });

  it('an invalid option value keeps the reason the option gives', async () => {
    const result = await runCli([
      'import',
      'xlsx',
      '--db',
      'x.db',
      '--ledger',
      'student-aid',
      '--in',
      'x.xlsx',
      '--fill',
      'abc',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^错误：选项 --fill 的取值“abc”不正确：应写作“字段名=值”/);
    expect(result.stderr).not.toMatch(/error|invalid|option '/);
  });
});
