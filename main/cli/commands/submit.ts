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
  date?: string;
  addressee?: string;
  sealed?: boolean;
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
    .option('--date <date>', '报告的成文日期，如 2019-07-05（写入报告草稿；默认：草稿中的日期）')
    .option('--addressee <names>', '报告的主送机关，如 "县扶贫办、杭州市滨江区教育局"（写入报告草稿）')
    .option('--sealed', '报告用加盖印章的版式（写入报告草稿）')
    .helpOption('-h, --help', '显示帮助')
    .action(async (options: Options) => {
      const { openExisting, periodFrom, printJson } = await import('../context.js');
      const { submit } = await import('../../submissions/submit.js');
      const { TaizhangError } = await import('../../store/errors.js');
      const { givesSigning, signDrafts, signingEdit } = await import('../report-options.js');
      periodFrom(options.period);
      const sign = signingEdit(options);
      if (givesSigning(options) && !options.report?.length) {
        throw new TaizhangError(
          'bad-request',
          '--date、--addressee 和 --sealed 用于报告，请同时用 --report 指定报告类型',
        );
      }
      const { db, file, operator } = openExisting(options);
      const controller = new AbortController();
      const cancel = () => controller.abort();
      process.once('SIGINT', cancel);
      process.once('SIGTERM', cancel);
      try {
        if (givesSigning(options)) signDrafts(db, { ...options, reports: options.report! }, sign, operator);
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
