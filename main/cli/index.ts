import { Command, CommanderError } from 'commander';
import { TaizhangError } from '../store/errors.js';
import { APP_VERSION } from '../version.js';
import { COMMANDS } from './commands/index.js';

/** Exit codes: 0 done; 1 bad input or an unusable file (one Chinese line on stderr); 2 usage. */
export async function runCli(argv: string[]): Promise<number> {
  const program = new Command('taizhang')
    .description('台账归档：扶贫台账的录入、归档与报送材料生成')
    .version(APP_VERSION, '-v, --version', '显示版本')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  for (const command of COMMANDS) command.register(program);
  for (const command of program.commands) command.exitOverride().helpOption('-h, --help', '显示帮助');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      const done = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return done ? 0 : 2;
    }
    if (error instanceof TaizhangError) {
      process.stderr.write(`错误：${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 1;
    }
    process.stderr.write(`错误：${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
