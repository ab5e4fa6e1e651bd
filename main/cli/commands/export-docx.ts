import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { BUILTIN_TEMPLATES } from '../../reports/builtin-templates.js';

interface Options {
  db?: string;
  report: string;
  period: string;
  unit?: string;
  activity?: number;
  attach?: string[];
  date?: string;
  addressee?: string;
  sealed?: boolean;
  out: string;
  force?: boolean;
}

function positiveId(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new InvalidArgumentError('应为活动记录的编号（正整数）');
  return Number(text);
}

function ledgerList(text: string): string[] {
  return text
    .split(/[,，]/)
    .map((key) => key.trim())
    .filter(Boolean);
}

/** `taizhang export docx`: a Word report (GB/T 9704 公文格式) drafted from the ledgers. */
export function registerExportDocx(exportCommand: Command): void {
  const types = BUILTIN_TEMPLATES.map((t) => `${t.key}（${t.label}）`).join('、');
  exportCommand
    .command('docx')
    .description('生成 Word 报送材料（GB/T 9704 公文格式）：半年工作总结、月度工作进展、活动总结')
    .option('--db <file>', '台账文件路径')
    .requiredOption('--report <type>', `报告类型：${types}，或自定义报告类型的标识`)
    .requiredOption('--period <period>', '期间，如 2019H1、2019-04、2018-2019S2')
    .option('--unit <name>', '填报单位（默认当前单位）')
    .option('--activity <id>', '活动总结只写这一次活动（扶贫活动台账的记录编号）', positiveId)
    .option('--attach <ledgers>', '附上这些台账本期的记录作为附件表格，如 student-aid,procurement', ledgerList)
    .option('--date <date>', '成文日期，如 2019-07-05（默认：草稿中的日期，新草稿为今天）')
    .option('--addressee <names>', '主送机关，如 "县扶贫办、杭州市滨江区教育局"；写 "" 则不写主送机关')
    .option('--sealed', '加盖印章的版式：成文日期右空四字，发文机关署名居中其上')
    .requiredOption('--out <file>', '输出的 .docx 文件')
    .option('--force', '覆盖已存在的输出文件')
    .helpOption('-h, --help', '显示帮助')
    .action(async (options: Options) => {
      const { openExisting, periodFrom, printJson } = await import('../context.js');
      const { composeDraft, loadDraft } = await import('../../reports/report-service.js');
      const { writeDocx } = await import('../../reports/docx-writer.js');
      const { writeFileAside } = await import('../../reports/write-file.js');
      const { signingEdit } = await import('../report-options.js');
      periodFrom(options.period);
      const sign = signingEdit(options);
      const { db } = openExisting(options);
      try {
        const ref = {
          type: options.report,
          period: options.period,
          unitName: options.unit,
          activityId: options.activity ?? null,
        };
        const content = sign(loadDraft(db, ref).content);
        if (options.attach) content.attachments = options.attach.map((ledger) => ({ ledger, title: '' }));
        const report = composeDraft(db, ref, content);
        const bytes = await writeDocx(report);
        const file = writeFileAside(options.out, bytes, { overwrite: options.force === true });
        printJson({ file, title: report.title, size: bytes.length });
      } finally {
        db.close();
      }
    });
}
