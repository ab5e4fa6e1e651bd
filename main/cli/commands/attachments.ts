import type { Command } from 'commander';
import { TaizhangError } from '../../store/errors.js';

export function register(program: Command): void {
  program
    .command('attachments')
    .description('列出一条记录的附件')
    .option('--db <file>', '台账文件路径')
    .requiredOption('--record <id>', '记录编号')
    .option('--json', '以 JSON 输出')
    .action(async (options: { db?: string; record: string; json?: boolean }) => {
      const { openExisting, printJson } = await import('../context.js');
      const { listAttachments } = await import('../../attachments/attachments.js');
      const { getRecord } = await import('../../store/records.js');
      const recordId = Number(options.record);
      if (!Number.isInteger(recordId) || recordId <= 0) {
        throw new TaizhangError('bad-request', `记录编号应为正整数，而不是“${options.record}”`);
      }
      const { db } = openExisting(options);
      try {
        getRecord(db, recordId);
        const list = listAttachments(db, recordId);
        if (options.json) return printJson(list);
        if (list.length === 0) return void process.stdout.write(`记录 ${recordId} 没有附件\n`);
        for (const a of list) {
          process.stdout.write(`${a.id}\t${a.field}\t${a.name}\t${a.size} 字节\t${a.createdAt}\n`);
        }
      } finally {
        db.close();
      }
    });
}
