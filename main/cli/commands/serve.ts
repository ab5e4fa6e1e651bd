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
    .action(async (options: { db?: string; port: number; create?: boolean }) => {
      const { openExisting, openOrCreate } = await import('../context.js');
      const { startBrowserHost } = await import('../../host/server.js');
      const { defaultSettingsFolder, OperatorSetting } = await import('../../settings/operator.js');
      const { db, file, operator } = options.create ? openOrCreate(options) : openExisting(options);
      const operatorSetting = new OperatorSetting(defaultSettingsFolder());
      const host = await startBrowserHost({ db, dbFile: file, operator, operatorSetting, port: options.port });
      // The only place the token is shown: the user opens this link; logs and errors never carry it.
      process.stdout.write(`台账归档已在浏览器中提供：${host.link}\n`);
      const stop = () => {
        void host.close().then(() => {
          db.close();
          process.exit(0);
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
