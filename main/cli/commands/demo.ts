import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';

function nonNegativeInt(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 5_000_000) throw new InvalidArgumentError('应为 0 到 5000000 之间的整数');
  return Number(text);
}

export function register(program: Command): void {
  program
    .command('demo')
    .description('填入演示数据（2019 年、真实格式的姓名与身份证号），覆盖各内置台账')
    .option('--db <file>', '台账文件路径')
    .option('--rows <n>', '学生资助台账的记录数', nonNegativeInt)
    .option('--unit <name>', '填报单位（默认当前单位）')
    .action(async (options: { db?: string; rows?: number; unit?: string }) => {
      const { openExisting, printJson } = await import('../context.js');
      const { fillDemo } = await import('../../demo/index.js');
      const { resolveUnit } = await import('../../store/units.js');
      const { db, operator } = openExisting(options);
      const unit = resolveUnit(db, { name: options.unit });
      const added = fillDemo(db, { unitId: unit.id, operator, studentAidRows: options.rows });
      db.close();
      printJson(added);
    });
}
