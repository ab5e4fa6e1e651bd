import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('ledgers')
    .description('列出台账类型及记录数')
    .option('--db <file>', '台账文件路径')
    .option('--json', '以 JSON 输出 [{"key","label","count"}]')
    .action(async (options: { db?: string; json?: boolean }) => {
      const { openExisting, printJson } = await import('../context.js');
      const { listLedgerSummaries } = await import('../../store/ledger-types.js');
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
