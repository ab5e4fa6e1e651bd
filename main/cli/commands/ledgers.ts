import type { Command } from 'commander';
import { listLedgerSummaries } from '../../store/ledger-types.js';
import { openExisting, printJson } from '../context.js';

export function register(program: Command): void {
  program
    .command('ledgers')
    .description('列出台账类型及记录数')
    .option('--db <file>', '台账文件路径')
    .option('--json', '以 JSON 输出 [{"key","label","count"}]')
    .action((options: { db?: string; json?: boolean }) => {
      const { db } = openExisting(options);
      const ledgers = listLedgerSummaries(db);
      db.close();
      if (options.json) {
        printJson(ledgers.map(({ key, label, count }) => ({ key, label, count })));
        return;
      }
      for (const l of ledgers) process.stdout.write(`${l.key.padEnd(22)}${String(l.count).padStart(8)}  ${l.label}\n`);
    });
}
