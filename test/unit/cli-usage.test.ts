import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// Usage mistakes are said in Chinese on one line, with exit code 2, like every other message.
describe('usage mistakes', () => {
  it.each([
    [['stats', '--bogus'], '错误：不认识的选项 --bogus。用 --help 查看用法'],
    [['backup', '--db', 'x.db'], '错误：缺少必需的选项 --out。用 --help 查看用法'],
    [['expor'], '错误：不认识的命令 expor（是不是想用 export）。用 --help 查看用法'],
    [['stats', '--db'], '错误：选项 --db 后面缺少取值。用 --help 查看用法'],
  ])('taizhang %j', (args, message) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(message);
  });

  it('an invalid option value keeps the reason the option gives', () => {
    const result = runCli([
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
