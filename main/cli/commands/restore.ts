import type { Command } from 'commander';
import { backupPassword } from './backup-password.js';

export function register(program: Command): void {
  program
    .command('restore')
    .description('从备份文件恢复为一个新的台账文件（从不覆盖已有文件）')
    .requiredOption('--in <file>', '备份文件路径')
    .option('--db <file>', '恢复出的新台账文件路径（不能已存在）')
    .option('--password-file <file>', '从该文件的第一行读取备份密码（也可用环境变量 TAIZHANG_BACKUP_PASSWORD）')
    .action(async (options: { in: string; db?: string; passwordFile?: string }) => {
      const { dbPathFrom, printJson } = await import('../context.js');
      const { restoreBackup } = await import('../../archive/restore-backup.js');
      const { readHeader } = await import('../../archive/backup-file.js');
      const dbFile = dbPathFrom(options);
      const encrypted = readHeader(options.in).header.cipher !== null;
      const result = await restoreBackup({
        inFile: options.in,
        dbFile,
        password: encrypted ? backupPassword(options.passwordFile) : undefined,
      });
      const { manifest } = result;
      printJson({
        db: result.dbFile,
        records: manifest.records,
        attachments: manifest.attachments,
        units: manifest.units,
        backedUpAt: manifest.createdAt,
        appVersion: manifest.appVersion,
      });
    });
}
