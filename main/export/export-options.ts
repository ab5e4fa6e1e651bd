import type { FieldFilter, RecordQuery } from '../store/record-query-sql.js';
import { TaizhangError } from '../store/errors.js';
import { parsePeriod, PERIOD_HELP, type Period } from '../../shared/period.js';
import { parseIsoDate } from '../../shared/dates.js';

/** One ledger of an export, cut like the grid shows it. */
export interface SheetRequest {
  ledger: string;
  filters?: FieldFilter[];
  search?: string;
  sort?: RecordQuery['sort'];
  /** Replaces the default title "{期间}{单位}{台账名称}". */
  title?: string;
}

/** What to export, without where from or to: the API and the CLI both ask in these terms. */
export interface ExportRequest {
  /** One ledger → one table; several → a submission bundle, one sheet per ledger. */
  sheets: SheetRequest[];
  /** Any period syntax of shared/period.ts: 2019, 2019-04, 2019H1, 2018-2019S2 … */
  period?: string;
  /** The unit whose records are exported and whose name heads the table; default the current unit. */
  unit?: { id?: number; name?: string };
  /** "附件N" above the title; in a bundle the sheets count up from N. */
  attachmentNo?: number;
  /** 填报日期, YYYY-MM-DD; default the day of the export. */
  fillDate?: string;
  /** For publication (公示): ID numbers as 422822********1234, phones as 138****8000. */
  mask?: boolean;
}

/** The ledger file an export reads and the place it writes to. */
export interface ExportTarget {
  /** The ledger file; the export opens it read-only. */
  dbFile: string;
  /** The .xlsx to write, or an existing folder to write the default file name into. */
  out: string;
  /** Replace an existing file at `out`. */
  overwrite?: boolean;
  /** better-sqlite3 built for Electron (see main/electron/native.ts). */
  nativeBinding?: string;
}

export interface ExportXlsxOptions extends ExportRequest, ExportTarget {}

const MAX_SHEETS = 50;
const MAX_TITLE = 100;
const MAX_ATTACHMENT_NO = 999;

function bad(message: string): TaizhangError {
  return new TaizhangError('bad-request', message);
}

export function checkExportTarget(target: ExportTarget): void {
  if (!target.dbFile?.trim()) throw bad('未指定台账文件');
  if (!target.out?.trim()) throw bad('未指定导出文件的保存位置');
}

/**
 * Checks what can be checked without the ledger file (the rest is checked against it) and
 * returns the period, read here once for the whole export.
 */
export function checkExportRequest(options: ExportRequest): Period | undefined {
  if (!Array.isArray(options.sheets) || options.sheets.length === 0) throw bad('请至少选择一个要导出的台账');
  if (options.sheets.length > MAX_SHEETS)
    throw bad(`一次最多导出 ${MAX_SHEETS} 个台账（现有 ${options.sheets.length} 个）`);
  const seen = new Set<string>();
  for (const sheet of options.sheets) {
    if (seen.has(sheet.ledger)) throw bad(`台账“${sheet.ledger}”重复选择了两次`);
    seen.add(sheet.ledger);
    if (sheet.title !== undefined && !sheet.title.trim()) throw bad(`台账“${sheet.ledger}”的表格标题不能为空`);
    if (sheet.title !== undefined && sheet.title.length > MAX_TITLE) {
      throw bad(`台账“${sheet.ledger}”的表格标题不能超过 ${MAX_TITLE} 个字（现有 ${sheet.title.length} 个）`);
    }
  }
  const period = options.period === undefined ? undefined : parsePeriod(options.period);
  if (period === null) throw bad(`无法识别的期间“${options.period}”。${PERIOD_HELP}`);
  const no = options.attachmentNo;
  if (no !== undefined && (!Number.isInteger(no) || no < 1 || no > MAX_ATTACHMENT_NO)) {
    throw bad(`附件序号应为 1 到 ${MAX_ATTACHMENT_NO} 之间的整数（现为 ${no}）`);
  }
  if (options.fillDate !== undefined && !parseIsoDate(options.fillDate)) {
    throw bad(`填报日期“${options.fillDate}”不是真实的日期，应写作 2019-03-20`);
  }
  return period;
}
