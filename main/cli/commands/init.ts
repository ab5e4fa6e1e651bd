import type { Command } from 'commander';
import fs from 'node:fs';
import { TaizhangError } from '../../store/errors.js';

export function register(program: Command): void {
  program
    .command('init')
    .description('新建台账文件，并创建第一个填报单位')
    .option('--db <file>', '台账文件路径（也可用环境变量 TAIZHANG_DB）')
    .requiredOption('--unit <name>', '填报单位名称，如“建始县高坪镇中心小学”')
    .action(async (options: { db?: string; unit: string }) => {
      const { dbPathFrom } = await import('../context.js');
      const { openStore, defaultOperator } = await import('../../store/index.js');
      const { createUnit } = await import('../../store/units.js');
      const file = dbPathFrom(options);
      if (fs.existsSync(file)) throw new TaizhangError('conflict', `文件已存在，未作修改：${file}`);
      const db = openStore(file);
      const unit = createUnit(db, options.unit, defaultOperator());
      db.close();
      process.stdout.write(`已创建台账文件 ${file}，填报单位：${unit.name}\n`);
    });
}
