import { Command, CommanderError } from 'commander';
import path from 'node:path';
import { toUserError } from '../errors/user-message.js';
import { APP_VERSION } from '../version.js';
import { COMMANDS } from './commands/index.js';
import { ReportedFailure } from './outcome.js';
import { usageMessage } from './usage-message.js';

/** The ledger file the command was given, named in a message about a SQLite failure. */
function dbFileOf(argv: string[]): string | undefined {
  const at = argv.indexOf('--db');
  const given = at >= 0 ? argv[at + 1] : argv.find((arg) => arg.startsWith('--db='))?.slice('--db='.length);
  const file = given ?? process.env.TAIZHANG_DB;
  return file ? path.resolve(file) : undefined;
}

/** Exit codes: 0 done; 1 bad input or an unusable file (one Chinese line on stderr); 2 usage. */
export async function runCli(argv: string[]): Promise<number> {
  const program = new Command('taizhang')
    .description('台账归档：扶贫台账的录入、归档与报送材料生成')
    .version(APP_VERSION, '-v, --version', '显示版本')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .exitOverride()
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      outputError: (text, write) => write(usageMessage(text)),
    });
  for (const command of COMMANDS) command.register(program);
  for (const command of program.commands) command.exitOverride().helpOption('-h, --help', '显示帮助');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof ReportedFailure) return 1;
    if (error instanceof CommanderError) {
      const done = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return done ? 0 : 2;
    }
    // Only the command's words go to the log, never its values (a --title may hold a name).
    const where = ['taizhang', ...argv.filter((arg) => /^[a-z]+$/.test(arg)).slice(0, 2)].join(' ');
    const failure = toUserError(error, { dbFile: dbFileOf(argv), where });
    process.stderr.write(`错误：${failure.message}\n`);
    return 1;
  }
}
