import type { Command } from 'commander';
import { ReportedFailure } from '../outcome.js';

const WORD = { pass: '通过', fail: '不通过', warn: '提醒' } as const;

export function register(program: Command): void {
  program
    .command('verify')
    .description('四性检测（真实性、完整性、可用性、安全性）：不通过时退出码为 1')
    .option('--db <file>', '台账文件路径')
    .option('--json', '以 JSON 输出')
    .action(async (options: { db?: string; json?: boolean }) => {
      const { openExisting, printJson } = await import('../context.js');
      const { verifyLedger } = await import('../../archive/four-checks.js');
      const { db, file } = openExisting(options);
      let ok: boolean;
      try {
        const report = await verifyLedger(db, file);
        ok = report.ok;
        if (options.json) printJson(report);
        else {
          for (const check of report.checks) {
            process.stdout.write(`[${check.aspect}] ${check.label}：${WORD[check.status]}。${check.summary}\n`);
            for (const detail of check.details) process.stdout.write(`    ${detail}\n`);
          }
          process.stdout.write(ok ? '检测通过\n' : '检测不通过\n');
        }
      } finally {
        db.close();
      }
      if (!ok) throw new ReportedFailure();
    });
}
