import type { Command } from 'commander';
import dayjs from 'dayjs';

const STATE = { generating: '生成中（已锁定）', locked: '已锁定', unlocked: '已解锁', failed: '未完成' } as const;

/** `taizhang submissions`: every submission, newest first. */
export function register(program: Command): void {
  program
    .command('submissions')
    .description('列出全部报送记录：期间、台账、报告、时间、报送人、锁定状态、文件位置')
    .option('--db <file>', '台账文件路径')
    .option('--json', '以 JSON 输出')
    .helpOption('-h, --help', '显示帮助')
    .action(async (options: { db?: string; json?: boolean }) => {
      const { openExisting, printJson } = await import('../context.js');
      const { listSubmissions } = await import('../../submissions/submission-store.js');
      const { failAbandonedSubmissions } = await import('../../submissions/abandoned.js');
      const { db, operator } = openExisting(options);
      try {
        failAbandonedSubmissions(db, operator);
        const list = listSubmissions(db);
        if (options.json) return printJson(list);
        if (list.length === 0) return void process.stdout.write('还没有报送记录\n');
        for (const s of list) {
          const ledgers = s.ledgers.map((l) => `${l.label}${l.records === null ? '' : ` ${l.records} 条`}`).join('、');
          const reports = s.reports.map((r) => r.label).join('、');
          process.stdout.write(
            `#${s.id}\t${s.periodLabel}\t${s.unitName}\t${ledgers}${reports ? `；${reports}` : ''}\t` +
              `${dayjs(s.createdAt).format('YYYY-MM-DD HH:mm')}\t${s.operator}\t${STATE[s.state]}\t${s.zip ?? s.folder}\n`,
          );
        }
      } finally {
        db.close();
      }
    });
}
