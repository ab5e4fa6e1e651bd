import type { FieldDefinition, LedgerDefinition } from '../../shared/ledger-definition.js';
import type { AuditEntryView } from '../../shared/audit-api.js';
import type { AuditRow } from '../store/audit.js';

/*
 * Audit rows said the way the ledger keeper reads them. The rows keep field keys (they survive a
 * rename); the labels come from the ledger's definition as it is now, archived fields included.
 */

type Described = Pick<AuditEntryView, 'summary' | 'changes' | 'recordId' | 'recordLabel'>;
type Change = AuditEntryView['changes'][number];

interface StoredRecord {
  id?: number;
  ledger?: string;
  unitName?: string;
  recordDate?: string;
  values?: Record<string, unknown>;
}

const EMPTY = '（空）';

function allFields(def: LedgerDefinition | undefined): FieldDefinition[] {
  return def ? [...def.fields, ...(def.archivedFields ?? [])] : [];
}

function labelOf(def: LedgerDefinition | undefined, key: string): string {
  return allFields(def).find((f) => f.key === key)?.label ?? key;
}

export function valueText(field: FieldDefinition | undefined, value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (field?.type === 'money' && typeof value === 'number') return value.toFixed(2);
  return String(value);
}

/** The name a record goes by: its first filled-in text field that is not an ID number. */
export function recordName(def: LedgerDefinition | undefined, record: StoredRecord | undefined): string | undefined {
  for (const field of def?.fields ?? []) {
    const value = record?.values?.[field.key];
    if (typeof value === 'string' && value.trim() && field.type !== 'idcard') return value.trim().slice(0, 30);
  }
  return record?.id === undefined ? undefined : `编号 ${record.id}`;
}

/** Every field whose value differs, in the definition's order, then fields it no longer lists. */
export function fieldChanges(def: LedgerDefinition | undefined, before: StoredRecord, after: StoredRecord): Change[] {
  const fields = allFields(def);
  const keys = new Set([...Object.keys(before.values ?? {}), ...Object.keys(after.values ?? {})]);
  const ordered = [
    ...fields.map((f) => f.key).filter((k) => keys.has(k)),
    ...[...keys].filter((k) => !fields.some((f) => f.key === k)),
  ];
  const changes: Change[] = [];
  for (const key of ordered) {
    const field = fields.find((f) => f.key === key);
    if (field?.type === 'attachments') continue;
    const old = valueText(field, before.values?.[key]);
    const now = valueText(field, after.values?.[key]);
    if (old !== now) changes.push({ label: labelOf(def, key), before: old, after: now });
  }
  if (!def?.dateField && before.recordDate !== after.recordDate) {
    changes.push({
      label: '归属日期',
      before: valueText(undefined, before.recordDate),
      after: valueText(undefined, after.recordDate),
    });
  }
  if (before.unitName !== after.unitName) {
    changes.push({
      label: '填报单位',
      before: valueText(undefined, before.unitName),
      after: valueText(undefined, after.unitName),
    });
  }
  return changes;
}

function filledFields(def: LedgerDefinition | undefined, record: StoredRecord): Change[] {
  return fieldChanges(def, { ...record, values: {} }, record).filter(
    (c) => c.label !== '填报单位' && c.label !== '归属日期',
  );
}

function sizeText(bytes: unknown): string {
  if (typeof bytes !== 'number') return '';
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function describeRecordRow(row: AuditRow, def: LedgerDefinition | undefined): Described {
  const before = (row.before ?? {}) as StoredRecord & { name?: string; field?: string; size?: number };
  const after = (row.after ?? {}) as StoredRecord & { name?: string; field?: string; size?: number };
  const recordId = Number(row.entityId);
  const base = { recordId, recordLabel: recordName(def, row.action === 'delete' ? before : after) };
  switch (row.action) {
    case 'create':
      return { ...base, summary: '新增记录', changes: filledFields(def, after) };
    case 'update': {
      const changes = fieldChanges(def, before, after);
      return { ...base, summary: changes.length ? `修改了 ${changes.length} 个字段` : '保存记录（内容未变）', changes };
    }
    case 'delete':
      return {
        ...base,
        summary: '删除记录',
        changes: filledFields(def, before).map((c) => ({ ...c, after: EMPTY, before: c.after })),
      };
    case 'attach':
      return {
        recordId,
        summary: `在“${labelOf(def, after.field ?? '')}”添加附件“${after.name}”（${sizeText(after.size)}）`,
        changes: [],
      };
    case 'detach':
      return { recordId, summary: `从“${labelOf(def, before.field ?? '')}”移除附件“${before.name}”`, changes: [] };
    default:
      return { recordId, summary: row.action, changes: [] };
  }
}

interface ImportDetails {
  source?: string;
  inserted?: number;
  skipped?: number;
  rejected?: number;
  batchId?: number;
}

/** `xlsx:旧台账.xlsx!0` → 旧台账.xlsx */
export function importFileName(source: string | undefined): string {
  const match = /^xlsx:(.*)!\d+$/.exec(source ?? '');
  return match ? match[1]! : (source ?? '');
}

function describeImport(row: AuditRow): Described {
  const after = (row.after ?? {}) as ImportDetails;
  const parts = [`导入 ${after.inserted ?? 0} 条记录`];
  if (after.skipped) parts.push(`跳过已有 ${after.skipped} 条`);
  if (after.rejected) parts.push(`退回 ${after.rejected} 行`);
  const from = after.source?.startsWith('xlsx:')
    ? `从“${importFileName(after.source)}”`
    : `从${after.source === 'demo' ? '示例数据' : `“${after.source ?? '未知来源'}”`}`;
  return { summary: `${from}${parts.join('，')}`, changes: [] };
}

/** A change made to many records of a ledger at once (main/records): a bulk edit, or an undo of one. */
interface LedgerWrite {
  kind?: string;
  field?: string;
  value?: unknown;
  count?: number;
  of?: number;
  deleted?: number;
  restored?: number;
}

function describeLedgerWrite(row: AuditRow, def: LedgerDefinition | undefined): Described {
  const after = (row.after ?? {}) as LedgerWrite;
  if (after.kind === 'bulk-update') {
    const field = allFields(def).find((f) => f.key === after.field);
    return {
      summary: `批量修改 ${after.count ?? 0} 条记录的“${labelOf(def, after.field ?? '')}”为“${valueText(field, after.value)}”`,
      changes: [],
    };
  }
  if (after.kind === 'revert') {
    const parts = [];
    if (after.restored) parts.push(`恢复 ${after.restored} 条记录原来的内容`);
    if (after.deleted) parts.push(`删除 ${after.deleted} 条粘贴新增的记录`);
    return {
      summary: `撤销第 ${after.of ?? '?'} 条修改记录的批量操作${parts.length ? `：${parts.join('，')}` : ''}`,
      changes: [],
    };
  }
  return { summary: '修改台账记录', changes: [] };
}

interface TypeChange {
  definition?: LedgerDefinition;
  added?: string[];
  archived?: string[];
  changed?: string[];
  restored?: string;
  copiedFrom?: string;
}

function describeTypeRow(row: AuditRow): Described {
  if (row.action === 'create') {
    const after = row.after as (TypeChange & Partial<LedgerDefinition>) | null;
    return { summary: after?.copiedFrom ? `复制台账类型（来自 ${after.copiedFrom}）` : '新建台账类型', changes: [] };
  }
  const before = row.before as LedgerDefinition | null;
  const after = (row.after ?? {}) as TypeChange & Partial<LedgerDefinition>;
  const now = after.definition ?? (after as LedgerDefinition);
  const names = (keys: string[] | undefined, def: LedgerDefinition | undefined) =>
    (keys ?? []).map((k) => `“${labelOf(def, k)}”`).join('、');
  const parts: string[] = [];
  if (after.added?.length) parts.push(`新增字段 ${names(after.added, now)}`);
  if (after.archived?.length) parts.push(`归档字段 ${names(after.archived, before ?? undefined)}`);
  if (after.changed?.length) parts.push(`修改字段 ${names(after.changed, now)}`);
  if (after.restored) parts.push(`恢复字段 ${names([after.restored], now)}`);
  return { summary: `修改台账类型${parts.length ? `：${parts.join('；')}` : ''}`, changes: [] };
}

/**
 * A bulk edit as one record's history tells it, or null when the edit did not touch the record: the
 * batch keeps each earlier value with the runs of record ids that held it.
 */
export function bulkEditOfRecord(
  row: AuditRow,
  def: LedgerDefinition | undefined,
  recordId: number,
): AuditEntryView | null {
  const after = (row.after ?? {}) as LedgerWrite & {
    previous?: Array<{ value: unknown; ids: Array<[number, number]> }>;
  };
  if (after.kind !== 'bulk-update') return null;
  const held = after.previous?.find((p) => p.ids.some(([from, to]) => recordId >= from && recordId <= to));
  if (!held) return null;
  const field = allFields(def).find((f) => f.key === after.field);
  return {
    ...describeAuditRow(row, def),
    recordId,
    changes: [
      {
        label: labelOf(def, after.field ?? ''),
        before: valueText(field, held.value),
        after: valueText(field, after.value),
      },
    ],
  };
}

/** One audit row of a record, an import or a ledger type, with the definition of its ledger. */
export function describeAuditRow(row: AuditRow, def: LedgerDefinition | undefined): AuditEntryView {
  const described =
    row.entity === 'record'
      ? describeRecordRow(row, def)
      : row.entity === 'ledger' && row.action === 'import'
        ? describeImport(row)
        : row.entity === 'ledger' && row.action === 'update'
          ? describeLedgerWrite(row, def)
          : row.entity === 'ledger-type'
            ? describeTypeRow(row)
            : { summary: row.action, changes: [] };
  return {
    id: row.id,
    at: row.at,
    operator: row.operator,
    action: row.action,
    before: row.before,
    after: row.after,
    ...described,
  };
}
