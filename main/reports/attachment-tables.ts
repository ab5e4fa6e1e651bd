import type { ReadonlyDb } from '../store/readonly-db.js';
import { TaizhangError } from '../store/errors.js';
import { getLedgerDefinition } from '../store/ledger-types.js';
import { countRecords, iterateRecords } from '../store/record-query.js';
import type { FieldDefinition } from '../../shared/ledger-definition.js';
import type { ReportContent } from '../../shared/report-draft.js';
import { LANDSCAPE_ABOVE_COLUMNS } from './gbt9704.js';
import { formatMoney } from './figure-types.js';
import type { Scope } from './ledger-rows.js';

/** An attachment (附件) table: a ledger's records of the period, 序号 first, headed by the field labels. */
export interface AttachmentTable {
  /** "附件" when there is one attachment, else "附件1", "附件2" … */
  label: string;
  title: string;
  ledger: string;
  headers: string[];
  rows: string[][];
  /** The 合计 row, when the ledger sums some of its fields. */
  totals: string[] | null;
  landscape: boolean;
}

/** Beyond this a Word table stops being readable; the Excel attachment tables are the way. */
export const MAX_ATTACHMENT_ROWS = 1000;

function cellText(field: FieldDefinition, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field.type === 'money' && typeof value === 'number') return value.toFixed(2);
  return String(value);
}

function totalsRow(
  fields: FieldDefinition[],
  totals: readonly string[],
  rows: Array<Record<string, unknown>>,
): string[] {
  const cells = ['合计'];
  for (const field of fields) {
    if (!totals.includes(field.key)) {
      cells.push('');
      continue;
    }
    const cents = rows.reduce(
      (sum, r) => sum + Math.round((typeof r[field.key] === 'number' ? (r[field.key] as number) : 0) * 100),
      0,
    );
    cells.push(field.type === 'money' ? (cents / 100).toFixed(2) : formatMoney(cents / 100));
  }
  return cells;
}

/**
 * The tables of the attachments a draft asks for, in its order. A ledger with no records in
 * the period gives no table (and no 附件 number), as an empty ledger gives no sentence.
 */
export function attachmentTables(
  db: ReadonlyDb,
  attachments: ReportContent['attachments'],
  scope: Scope,
  defaultTitle: (label: string) => string,
): AttachmentTable[] {
  const tables: Omit<AttachmentTable, 'label'>[] = [];
  for (const attachment of attachments) {
    const def = getLedgerDefinition(db, attachment.ledger);
    const query = {
      ledger: def.key,
      unitId: scope.unitId,
      dateFrom: scope.from,
      dateTo: scope.to,
      sort: { field: 'recordDate', direction: 'asc' as const },
    };
    const total = countRecords(db, query);
    if (total === 0) continue;
    if (total > MAX_ATTACHMENT_ROWS) {
      throw new TaizhangError(
        'bad-request',
        `附件“${def.label}”在该期间有 ${total} 条记录，超过 Word 附件表格的上限 ${MAX_ATTACHMENT_ROWS} 条，请改用 Excel 附件表格导出`,
      );
    }
    const values = [...iterateRecords(db, query)].map((r) => r.values);
    // A Word page is narrow: fields no record of the period fills are left out (the Excel tables keep every column).
    const fields = def.fields.filter(
      (f) => f.type !== 'attachments' && values.some((v) => cellText(f, v[f.key]) !== ''),
    );
    const rows = values.map((v, i) => [String(i + 1), ...fields.map((f) => cellText(f, v[f.key]))]);
    tables.push({
      title: attachment.title.trim() || defaultTitle(def.label),
      ledger: def.key,
      headers: ['序号', ...fields.map((f) => f.label)],
      rows,
      totals: def.totals?.length ? totalsRow(fields, def.totals, values) : null,
      landscape: fields.length + 1 > LANDSCAPE_ABOVE_COLUMNS,
    });
  }
  return tables.map((t, i) => ({ ...t, label: tables.length === 1 ? '附件' : `附件${i + 1}` }));
}
