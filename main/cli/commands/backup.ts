import type { Command } from 'commander';
import { backupPassword } from './backup-password.js';

export function register(program: Command): void {
  program
    .command('backup')
    .description('把台账和全部佐证材料备份为一个文件（可加密）')
    .option('--db <file>', '台账文件路径')
    .requiredOption('--out <file>', '备份文件路径，如 台账备份-20191231.tzbak')
    .option('--encrypt', '用密码加密（密码取自环境变量 TAIZHANG_BACKUP_PASSWORD 或 --password-file）')
    .option('--password-file <file>', '从该文件的第一行读取备份密码（加上即加密）')
    .option('--force', '覆盖已有的同名文件')
    .action(
      async (options: { db?: string; out: string; encrypt?: boolean; passwordFile?: string; force?: boolean }) => {
        const { dbPathFrom, openExisting, printJson } = await import('../context.js');
        const { createBackup } = await import('../../archive/create-backup.js');
        const { recordBackup } = await import('../../archive/backup-log.js');
        const { defaultOperator } = await import('../../store/index.js');
        const password = options.encrypt || options.passwordFile ? backupPassword(options.passwordFile) : undefined;
        const result = await createBackup({
          dbFile: dbPathFrom(options),
          out: options.out,
          operator: process.env.TAIZHANG_OPERATOR ?? defaultOperator(),
          password,
          overwrite: options.force ?? false,
        });
        const { manifest } = result;
        const { db } = openExisting(options);
        try {
          recordBackup(db, {
            at: manifest.createdAt,
            file: result.file,
            bytes: result.bytes,
            encrypted: manifest.encrypted,
          });
        } finally {
          db.close();
        }
        printJson({
          file: result.file,
          bytes: result.bytes,
          encrypted: manifest.encrypted,
          records: manifest.records,
          attachments: manifest.attachments,
          units: manifest.units,
          createdAt: manifest.createdAt,
        });
      },
    );
}
