import type { Command } from 'commander';
import { registerExportXlsx } from './export-xlsx.js';
import { registerExportDocx } from './export-docx.js';

/** `taizhang export <format>`: attachment tables (xlsx) and, beside them, Word reports. */
export function register(program: Command): void {
  const exportCommand = program
    .command('export')
    .description('导出附件表格或报送材料')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand(false);
  registerExportXlsx(exportCommand);
  registerExportDocx(exportCommand);
}
