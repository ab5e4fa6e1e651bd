import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';

interface Options {
  db?: string;
  period: string;
  ledger: string[];
  report?: string[];
  out: string;
  zip?: boolean;
  unit?: string;
}

function keyList(what: string) {
  return (text: string): string[] => {
    const keys = text
      .split(/[,，]/)
      .map((key) => key.trim())
      .filter(Boolean);
    if (keys.length === 0) throw new InvalidArgumentError(`请写${what}，多个用逗号分隔`);
    return keys;
  };
}

/** `taizhang submit`: 报送 — the period's tables and reports in a folder with manifest.json, and the period locked. */
export function register(program: Command): void {
  program
    .command('submit')
    .description('报送：生成本期的附件表格和报告（含 manifest.json 清单与校验值），并锁定这些台账本期的记录')
    .option('--db <file>', '台账文件路径')
    .requiredOption('--period <period>', '期间，如 2019H1、2019-04、2018-2019S2')
    .requiredOption(
      '--ledger <keys>',
      '报送的台账标识，如 student-aid；多个用逗号分隔',
      keyList('台账标识，如 student-aid'),
    )
    .option(
      '--report <types>',
      '同时生成的报告类型，如 half-year-summary；多个用逗号分隔',
      keyList('报告类型，如 half-year-summary'),
    )
    .requiredOption('--out <dir>', '保存报送文件的文件夹：在其中新建“报送N-期间-单位”文件夹')
    .option('--zip', '另外打包为同名 .zip 文件')
    .option('--unit <name>', '填报单位（默认当前单位）')
    .helpOption('-h, --help', '显示帮助')
    .action(async (options: Options) => {
      const { openExisting, periodFrom, printJson } = await import('../context.js');
      const { submit } = await import('../../submissions/submit.js');
      periodFrom(options.period);
      const { db, file, operator } = openExisting(options);
      const controller = new AbortController();
      const cancel = () => controller.abort();
      process.once('SIGINT', cancel);
      process.once('SIGTERM', cancel);
      try {
        const submission = await submit(
          { db, dbFile: file, signal: controller.signal },
          {
            period: options.period,
            ledgers: options.ledger,
            reports: options.report ?? [],
            out: options.out,
            zip: options.zip === true,
            unit: options.unit === undefined ? undefined : { name: options.unit },
            operator,
          },
        );
        printJson(submission);
      } finally {
        process.off('SIGINT', cancel);
        process.off('SIGTERM', cancel);
        db.close();
      }
    });
}
