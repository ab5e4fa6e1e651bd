import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { ExportProgress } from '../../export/export-job.js';

interface Options {
  db?: string;
  ledger: string[];
  out: string;
  period?: string;
  unit?: string;
  maskId?: boolean;
  title?: string;
  attachmentNo?: number;
  fillDate?: string;
  force?: boolean;
}

function ledgerList(text: string): string[] {
  const keys = text
    .split(/[,，]/)
    .map((key) => key.trim())
    .filter(Boolean);
  if (keys.length === 0) throw new InvalidArgumentError('请写台账标识，如 student-aid，多个用逗号分隔');
  return keys;
}

function attachmentNumber(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 999)
    throw new InvalidArgumentError('应为 1 到 999 之间的整数');
  return Number(text);
}

/** Progress on one rewritten line, only when a person is watching stderr. */
function progressLine(): { show?: (p: ExportProgress) => void; clear(): void } {
  if (!process.stderr.isTTY) return { clear() {} };
  let shown = false;
  return {
    show(p) {
      shown = true;
      const percent = p.total === 0 ? 100 : Math.floor((p.written / p.total) * 100);
      process.stderr.write(`\r导出中：${p.sheet} ${p.written}/${p.total} 行（${percent}%）`);
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

/** `taizhang export xlsx`: one ledger as an attachment table, or several as one workbook. */
export function registerExportXlsx(exportCommand: Command): void {
  const command = exportCommand
    .command('xlsx')
    .description('导出附件表格（.xlsx）：一个台账一个文件，或多个台账合为一个报送工作簿（每个台账一张工作表）')
    .option('--db <file>', '台账文件路径')
    .requiredOption(
      '--ledger <keys>',
      '台账标识，如 student-aid；多个用逗号分隔，如 student-aid,procurement',
      ledgerList,
    )
    .requiredOption('--out <file>', '输出的 .xlsx 文件；给已有文件夹时按默认文件名保存在其中')
    .option('--period <period>', '期间，如 2019、2019-04、2019H1、2018-2019S2')
    .option('--unit <name>', '填报单位（默认当前单位）')
    .option('--mask-id', '公示用：身份证号显示为 422822********1234，电话显示为 138****8000')
    .option('--title <text>', '表格标题（默认“期间+单位+台账名称”），只用于单个台账')
    .option('--attachment-no <n>', '在标题上方写“附件N”；多个台账时依次编号', attachmentNumber)
    .option('--fill-date <date>', '填报日期，如 2019-03-20（默认今天）')
    .option('--force', '覆盖已存在的输出文件')
    .helpOption('-h, --help', '显示帮助');
  command.action(async (options: Options) => {
    const { openExisting } = await import('../context.js');
    const { exportLedgerXlsx } = await import('../../export/export-xlsx.js');
    const { resolveExport } = await import('../../export/resolve-export.js');
    if (options.title !== undefined && options.ledger.length > 1) {
      command.error('错误：--title 只能用于单个台账；导出多个台账时各表使用默认标题', { exitCode: 2 });
    }
    // Brings the file's schema and built-in definitions up to date and resolves the export once;
    // the worker then reads the file read-only.
    const { db, file } = openExisting(options);
    let resolved;
    try {
      resolved = resolveExport(db, {
        sheets: options.ledger.map((ledger) => ({ ledger, title: options.title })),
        period: options.period,
        unit: options.unit === undefined ? undefined : { name: options.unit },
        attachmentNo: options.attachmentNo,
        fillDate: options.fillDate,
        mask: options.maskId === true,
      });
    } finally {
      db.close();
    }
    const controller = new AbortController();
    const cancel = () => controller.abort();
    process.once('SIGINT', cancel);
    process.once('SIGTERM', cancel);
    const progress = progressLine();
    try {
      const result = await exportLedgerXlsx(
        { dbFile: file, out: options.out, overwrite: options.force === true, export: resolved },
        { onProgress: progress.show, signal: controller.signal },
      );
      progress.clear();
      process.stdout.write(`${result.file}\n`);
    } catch (error) {
      progress.clear();
      throw error;
    } finally {
      process.off('SIGINT', cancel);
      process.off('SIGTERM', cancel);
    }
  });
}
