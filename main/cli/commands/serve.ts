import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';

function port(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new InvalidArgumentError('端口应为 0 到 65535 之间的整数');
  return n;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('在 127.0.0.1 上以浏览器方式提供同一界面')
    .option('--db <file>', '台账文件路径')
    .option('--port <n>', '端口（0 表示任选空闲端口）', port, 5190)
    .option('--create', '台账文件不存在时新建（首次打开时在界面中填写填报单位）')
    .option(
      '--app-ledger',
      '未用 --db 或 TAIZHANG_DB 指定时，打开本机的台账（界面中上次切换到的台账，否则 TAIZHANG_HOME 或 ~/.taizhang 下的 taizhang.db），并记住界面中的切换',
    )
    .action(async (options: { db?: string; port: number; create?: boolean; appLedger?: boolean }) => {
      const { openExisting, openOrCreate } = await import('../context.js');
      const { startBrowserHost } = await import('../../host/server.js');
      const { defaultSettingsFolder, OperatorSetting } = await import('../../settings/operator.js');
      const { appLedgerFile } = await import('../../settings/ledger-choice.js');
      const home = defaultSettingsFolder();
      // A ledger named on the command line or in TAIZHANG_DB wins, and a restart opens it again.
      const chosenByApp = options.appLedger === true && (options.db ?? process.env.TAIZHANG_DB) === undefined;
      const named = chosenByApp ? { db: appLedgerFile(home) } : options;
      const { db, file, operator } = options.create || chosenByApp ? openOrCreate(named) : openExisting(named);
      const operatorSetting = new OperatorSetting(home);
      const host = await startBrowserHost({
        db,
        dbFile: file,
        operator,
        operatorSetting,
        ledgerChoiceFolder: chosenByApp ? home : undefined,
        port: options.port,
      });
      // The only place the token is shown: the user opens this link; logs and errors never carry it.
      process.stdout.write(`台账归档已在浏览器中提供：${host.link}\n台账文件：${file}\n`);
      const stop = () => {
        void host.close().then(() => {
          if (db.open) db.close();
          process.exit(0);
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
