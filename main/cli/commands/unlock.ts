import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';

function submissionId(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new InvalidArgumentError('应为报送编号（正整数），见 taizhang submissions');
  return Number(text);
}

/** `taizhang unlock`: lifts a submission's lock, with the reason kept in its history and the audit log. */
export function register(program: Command): void {
  program
    .command('unlock')
    .description('解锁一次报送，使其期间的记录可以再修改（须写明原因，记入修改记录）')
    .option('--db <file>', '台账文件路径')
    .requiredOption('--submission <n>', '报送编号，如 3', submissionId)
    .requiredOption('--reason <text>', '解锁原因，如“教育局退回，更正学生姓名”')
    .helpOption('-h, --help', '显示帮助')
    .action(async (options: { db?: string; submission: number; reason: string }) => {
      const { openExisting, printJson } = await import('../context.js');
      const { unlockSubmission } = await import('../../submissions/locks.js');
      const { getSubmission } = await import('../../submissions/submission-store.js');
      const { db, operator } = openExisting(options);
      try {
        unlockSubmission(db, options.submission, options.reason, operator);
        printJson(getSubmission(db, options.submission));
      } finally {
        db.close();
      }
    });
}
