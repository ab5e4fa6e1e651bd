import type { Command } from 'commander';
import * as xlsx from './import-xlsx.js';

/** `taizhang import <format>`: one subcommand per kind of file. */
export function register(program: Command): void {
  const command = program
    .command('import')
    .description('从已有的表格文件导入台账记录')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand(false);
  xlsx.register(command);
}
