import type { Db } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { writeAudit } from '../store/audit.js';
import { BulkInsert } from '../store/bulk.js';
import { getLedgerDefinition } from '../store/ledger-types.js';
import { getRecord, keepArchivedValues, type LedgerRecord } from '../store/records.js';
import { resolveUnit } from '../store/units.js';
import { checkRow, type CellError, type FieldColumn, type RowCheck } from '../import/row-check.js';
import { NewChoices, newChoiceMessage } from './new-choices.js';
import { columnLetter, compactLabel } from '../import/text.js';
import type { FieldDefinition, LedgerDefinition, RecordValues } from '../../shared/ledger-definition.js';
import { PASTE_ROWS_MAX } from '../../shared/record-grid-api.js';
import { idRuns, lastAuditId, RecordRewriter, type StoredRecord } from './record-rewrite.js';
import { parseTsv } from './tsv.js';

export interface Paste {
  ledger: string;
  unitId?: number;
  text: string;
  startField: string;
  header: 'auto' | 'yes' | 'no';
  targetIds?: Array<number | null>;
  /** Values confirmed as new choices of extensible choice fields. */
  newChoices?: Array<{ field: string; value: string }>;
}

type Cell = string | number | null;

export interface PendingRow {
  row: number;
  targetId: number | null;
  values: Record<string, Cell>;
  errors: Array<{ field: string; label: string; message: string }>;
}

export interface PasteResult {
  batch: number | null;
  created: Array<{ row: number; record: LedgerRecord }>;
  updated: Array<{ row: number; record: LedgerRecord }>;
  pending: PendingRow[];
  headerRow: boolean;
}

/** What the paste's audit row keeps besides the import's summary, for records.revert. */
export interface PasteAudit {
  kind: 'paste';
  created: Array<[number, number]>;
  /** Records pasted over, with their values before and after: one changed since is not undone. */
  updated: Array<{ id: number; values: RecordValues; after: RecordValues }>;
}

/** The grid's columns: every field in the definition's order but attachments, which are not typed. */
export function gridFields(def: LedgerDefinition): FieldDefinition[] {
  return def.fields.filter((f) => f.type !== 'attachments');
}

/** The fields a header row names, or null when its cells are not all labels of this ledger. */
function headerFields(def: LedgerDefinition, cells: string[]): Array<FieldDefinition | null> | null {
  const byLabel = new Map(gridFields(def).map((f) => [compactLabel(f.label), f]));
  const fields = cells.map((cell) => (cell.trim() === '' ? null : (byLabel.get(compactLabel(cell)) ?? undefined)));
  if (fields.some((f) => f === undefined) || fields.every((f) => f === null)) return null;
  return fields as Array<FieldDefinition | null>;
}

function columnsOf(def: LedgerDefinition, rows: string[][], input: Paste): { columns: FieldColumn[]; header: boolean } {
  const first = rows[0] ?? [];
  const named = input.header === 'no' ? null : headerFields(def, first);
  if (input.header === 'yes' && !named) {
    const unknown = first.find((cell) => cell.trim() !== '' && !headerFields(def, [cell])) ?? first.join(' ');
    throw new TaizhangError('validation', `粘贴内容的第一行“${unknown.trim().slice(0, 30)}”不是${def.label}的列名`);
  }
  if (named) {
    const columns: FieldColumn[] = [];
    named.forEach((field, index) => {
      if (field) columns.push({ field, index, letter: columnLetter(index + 1), header: first[index]!.trim() });
    });
    return { columns, header: true };
  }
  const fields = gridFields(def);
  const start = fields.findIndex((f) => f.key === input.startField);
  if (start === -1) throw new TaizhangError('bad-request', `台账“${def.label}”没有可粘贴的字段“${input.startField}”`);
  const width = Math.max(...rows.map((r) => lastFilled(r) + 1), 0);
  if (start + width > fields.length) {
    throw new TaizhangError(
      'validation',
      `粘贴的内容有 ${width} 列，从“${fields[start]!.label}”往右只有 ${fields.length - start} 列，请少选几列再粘贴`,
    );
  }
  const columns = fields.slice(start, start + width).map((field, index) => ({
    field,
    index,
    letter: columnLetter(index + 1),
    header: field.label,
  }));
  return { columns, header: false };
}

function lastFilled(cells: string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i]!.trim() !== '') return i;
  return -1;
}

/**
 * A checked row, unless a pasted cell holds a value that is not yet a choice of its extensible field
 * (家庭类型 "625") and the user has not confirmed it: then that cell is the row's error.
 */
function unconfirmedChoices(
  choices: NewChoices,
  columns: FieldColumn[],
  values: RecordValues,
  confirmed: Set<string>,
): RowCheck {
  const errors: CellError[] = [];
  for (const { field, letter, header } of columns) {
    const value = values[field.key];
    if (confirmed.has(JSON.stringify([field.key, String(value)])) || !choices.isNew(field, value)) continue;
    errors.push({
      column: letter,
      header,
      field: field.key,
      label: field.label,
      message: newChoiceMessage(field, String(value)),
    });
  }
  return errors.length === 0 ? { ok: true, values } : { ok: false, errors };
}

/** The values a pasted-over record keeps where nothing was pasted, for the check of the whole row. */
function keptValues(def: LedgerDefinition, record: StoredRecord, pasted: Set<string>): Map<string, string | number> {
  const kept = new Map<string, string | number>();
  for (const field of def.fields) {
    const value = record.values[field.key];
    if (!pasted.has(field.key) && value !== null && value !== undefined) kept.set(field.key, value);
  }
  return kept;
}

/**
 * A block pasted into the grid. Each row is read with the import's normalisation and checked as
 * the form checks a record; the good rows are written in one transaction (new records as one
 * batch, pasted-over records each audited as an edit), the others come back as 待修正 rows with
 * an error per cell, nothing of them written. A row in a submitted period refuses the whole paste.
 */
export function pasteRecords(db: Db, input: Paste, operator: string): PasteResult {
  const def = getLedgerDefinition(db, input.ledger);
  const all = parseTsv(input.text);
  if (all.every((cells) => lastFilled(cells) === -1)) throw new TaizhangError('validation', '没有可粘贴的内容');
  const { columns, header } = columnsOf(def, all, input);
  const rows = header ? all.slice(1) : all;
  if (rows.length > PASTE_ROWS_MAX) {
    throw new TaizhangError(
      'validation',
      `一次最多粘贴 ${PASTE_ROWS_MAX} 行（这次有 ${rows.length} 行），请分几次粘贴`,
    );
  }
  const pasted = new Set(columns.map((c) => c.field.key));
  const confirmed = new Set((input.newChoices ?? []).map((c) => JSON.stringify([c.field, c.value.trim()])));
  const unit = resolveUnit(db, { id: input.unitId });

  return db.transaction((): PasteResult => {
    const rewriter = new RecordRewriter(db, def);
    const choices = new NewChoices(db, def);
    const bulk = new BulkInsert(db, def, unit.id, { prevalidated: true });
    const created: Array<{ row: number; id: number }> = [];
    const updated: Array<{ row: number; id: number }> = [];
    const updatedBefore: PasteAudit['updated'] = [];
    const pending: PendingRow[] = [];
    rows.forEach((cells, i) => {
      const row = i + 1;
      const targetId = input.targetIds?.[i] ?? null;
      if (lastFilled(cells) === -1 && targetId === null) return;
      const target = targetId === null ? null : rewriter.get(targetId);
      const checked = checkRow(def, columns, cells, target ? keptValues(def, target, pasted) : new Map());
      const check = checked.ok ? unconfirmedChoices(choices, columns, checked.values, confirmed) : checked;
      if (!check.ok) {
        const values: Record<string, Cell> = target ? { ...target.values } : {};
        for (const c of columns) values[c.field.key] = cells[c.index]?.trim() || null;
        pending.push({
          row,
          targetId,
          values,
          errors: check.errors.map(({ field, label, message }) => ({ field, label, message })),
        });
        return;
      }
      if (!target) {
        created.push({ row, id: bulk.add({ values: check.values }) });
        return;
      }
      const before = getRecord(db, target.id);
      const values = keepArchivedValues(def, target.values, check.values);
      rewriter.put(target, values);
      writeAudit(db, {
        operator,
        action: 'update',
        entity: 'record',
        entityId: target.id,
        before,
        after: getRecord(db, target.id),
      });
      updated.push({ row, id: target.id });
      updatedBefore.push({ id: target.id, values: target.values, after: values });
    });
    let batch: number | null = null;
    if (created.length + updated.length > 0) {
      const details: PasteAudit = {
        kind: 'paste',
        created: idRuns(created.map((c) => c.id)),
        updated: updatedBefore,
      };
      bulk.finish({ operator, source: '粘贴', details: { ...details } });
      batch = lastAuditId(db);
    }
    return {
      batch,
      created: created.map(({ row, id }) => ({ row, record: getRecord(db, id) })),
      updated: updated.map(({ row, id }) => ({ row, record: getRecord(db, id) })),
      pending,
      headerRow: header,
    };
  })();
}
