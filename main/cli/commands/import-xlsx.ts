import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { TaizhangError } from '../../store/errors.js';
import type { GivenMapping } from '../../import/header-match.js';

interface XlsxOptions {
  db?: string;
  ledger: string;
  in: string;
  unit?: string;
  sheet?: string;
  dryRun?: boolean;
  map?: GivenMapping[];
  allowDuplicates?: boolean;
  rejectedOut?: string;
  fill?: string[];
}

/** --map "滨江来建始专家=专家" (repeatable); "列名=" leaves the column out. */
function collectMapping(text: string, previous: GivenMapping[] = []): GivenMapping[] {
  const at = text.lastIndexOf('=');
  if (at <= 0) throw new InvalidArgumentError('应写作“列名=字段名”，如 "滨江来建始专家=专家"；“列名=”表示不导入该列');
  const field = text.slice(at + 1).trim();
  return [...previous, { header: text.slice(0, at), field: field === '' ? null : field }];
}

/** --fill "家庭类型=建档立卡" (repeatable, or several joined by commas); "字段名=" withdraws a remembered one. */
function collectFill(text: string, previous: string[] = []): string[] {
  // A comma starts another pair only where "name=" follows, so a value may hold a comma.
  const pairs = text.split(/,(?=[^,=]+=)/);
  if (pairs.some((pair) => pair.indexOf('=') <= 0)) {
    throw new InvalidArgumentError('应写作“字段名=值”，如 "家庭类型=建档立卡"；几项可用逗号隔开或重复 --fill');
  }
  return [...previous, ...pairs];
}

function fillOf(pairs: string[]): Record<string, string> {
  const fill: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    fill[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return fill;
}

const MAP_HINT =
  '（可用 --map "列名=字段名" 指定对应关系，--map "列名=" 表示不导入该列；表中没有的字段可用 --fill "字段名=值" 为每一行统一填写）';

export function register(parent: Command): void {
  parent
    .command('xlsx')
    .description('从 .xlsx 工作簿导入记录：自动找到表头，校验每一行，好的行在一个事务中写入，输出 JSON 结果')
    .option('--db <file>', '台账文件路径（也可用环境变量 TAIZHANG_DB）')
    .requiredOption('--ledger <key>', '台账类型标识，如 student-aid')
    .requiredOption('--in <file>', '要导入的 .xlsx 文件')
    .option('--unit <name>', '填报单位（默认当前单位）')
    .option('--sheet <name>', '工作表名称（默认第一个含该台账表头的工作表）')
    .option('--dry-run', '只检查并报告结果，不写入任何内容')
    .option('--map <列名=字段名>', '指定列与字段的对应关系，可重复；会按表头样式记住，下次自动使用', collectMapping)
    .option(
      '--fill <字段名=值>',
      '表中没有某列时，为每一行统一填写该字段，如 "家庭类型=建档立卡"；可重复或用逗号隔开，会按表头样式记住',
      collectFill,
    )
    .option('--allow-duplicates', '与已有记录重复的行也导入（身份证号已登记为另一姓名的行仍不导入）')
    .option('--rejected-out <file>', '把未通过校验的行和身份证号冲突的行连同“错误原因”列写成 .xlsx，改正后可再导入')
    .helpOption('-h, --help', '显示帮助')
    .action(async (options: XlsxOptions) => {
      const { openExisting, printJson } = await import('../context.js');
      const { runImportInWorker } = await import('../../import/import-in-worker.js');
      if (options.rejectedOut && path.resolve(options.rejectedOut) === path.resolve(options.in)) {
        throw new TaizhangError('bad-request', '--rejected-out 不能与 --in 是同一个文件');
      }
      // Opened (and migrated) here; the import worker then opens the same file itself.
      const { db, file, operator } = openExisting(options);
      db.close();
      const output = await runImportInWorker({
        dbFile: file,
        operator,
        ledger: options.ledger,
        unit: { name: options.unit },
        source: { path: options.in },
        sheet: options.sheet,
        mapping: options.map ?? [],
        fill: fillOf(options.fill ?? []),
        action: {
          // A dry run reads and reports the whole sheet as an import would, writing nothing.
          kind: options.dryRun ? 'check' : 'commit',
          allowDuplicates: options.allowDuplicates ?? false,
          rejectedXlsx: options.rejectedOut !== undefined,
        },
      });
      if (output.blocking.length > 0) {
        throw new TaizhangError('validation', `未导入任何记录：${output.blocking.join('；')}${MAP_HINT}`);
      }
      if (options.rejectedOut && output.rejectedXlsx) {
        const { writeRejectedOut } = await import('../write-rejected-out.js');
        writeRejectedOut(output.rejectedXlsx, options.rejectedOut);
      }
      for (const warning of output.warnings) process.stderr.write(`提示：${warning}\n`);
      printJson({
        imported: output.imported,
        skipped: output.skipped,
        rejected: output.rejected,
        conflicts: output.conflicts,
      });
    });
}
