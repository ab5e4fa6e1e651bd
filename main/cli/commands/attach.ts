import path from 'node:path';
import type { Command } from 'commander';
import { TaizhangError } from '../../store/errors.js';

export function register(program: Command): void {
  program
    .command('attach')
    .description('给一条记录的附件字段附上文件（照片、扫描件、PDF、Word/Excel，每个不超过 200 MB）')
    .option('--db <file>', '台账文件路径')
    .requiredOption('--record <id>', '记录编号')
    .requiredOption('--field <name>', '附件字段，如 图文资料、佐证材料')
    .requiredOption('--file <file>', '要附上的文件')
    .option('--ledger <key>', '台账，如 activity（给出时核对记录属于这本台账）')
    .action(async (options: { db?: string; record: string; field: string; file: string; ledger?: string }) => {
      const { openExisting, printJson } = await import('../context.js');
      const { attachEvidence } = await import('../../attachments/attachments.js');
      const { openPickedFile } = await import('../../attachments/evidence-store.js');
      const { getRecord } = await import('../../store/records.js');
      const recordId = Number(options.record);
      if (!Number.isInteger(recordId) || recordId <= 0) {
        throw new TaizhangError('bad-request', `记录编号应为正整数，而不是“${options.record}”`);
      }
      const source = openPickedFile(options.file);
      const { db, file, operator } = openExisting(options);
      try {
        if (options.ledger !== undefined && getRecord(db, recordId).ledger !== options.ledger) {
          throw new TaizhangError('not-found', `记录 ${recordId} 不在台账“${options.ledger}”中`);
        }
        const info = await attachEvidence(
          db,
          file,
          { recordId, field: options.field, name: path.basename(options.file), source },
          operator,
        );
        printJson(info);
      } finally {
        source.destroy();
        db.close();
      }
    });
}
