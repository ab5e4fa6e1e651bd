import type { FieldDefinition, LedgerDefinition, RecordValues } from '../../shared/ledger-definition.js';
import { validateRecord } from '../../shared/validation.js';
import type { SheetCell } from './sheet-cell.js';
import { normalizeCell } from './normalize.js';

/** A column that feeds a field. */
export interface FieldColumn {
  field: FieldDefinition;
  /** 0-based index into a row's cells. */
  index: number;
  letter: string;
  header: string;
}

/** One problem with one cell, placed so the user can find it: column letter and header. */
export interface CellError {
  column: string | null;
  header: string | null;
  field: string;
  label: string;
  message: string;
}

export type RowCheck = { ok: true; values: RecordValues } | { ok: false; errors: CellError[] };

/** Field key → the value 本列统一填写 puts into every row (already normalised and checked). */
export type RowFill = ReadonlyMap<string, string | number>;

/**
 * Normalises a row's cells and validates them with validateRecord, the module the form uses, so
 * a value the form would refuse is refused here with the same words. Filled values join the row
 * before validation, so cross-checks (性别 against the ID number) see them too.
 */
export function checkRow(
  def: LedgerDefinition,
  columns: FieldColumn[],
  cells: SheetCell[],
  fill: RowFill = new Map(),
): RowCheck {
  const input: Record<string, unknown> = Object.fromEntries(fill);
  const unreadable = new Map<string, string>();
  for (const column of columns) {
    const normalized = normalizeCell(column.field, cells[column.index] ?? null);
    if ('error' in normalized) {
      unreadable.set(column.field.key, normalized.error);
      input[column.field.key] = null;
    } else {
      input[column.field.key] = normalized.value;
    }
  }
  const result = validateRecord(def, input);
  if (result.ok && unreadable.size === 0) return { ok: true, values: result.values };
  const byField = new Map(columns.map((c) => [c.field.key, c]));
  const labelOf = new Map(def.fields.map((f) => [f.key, f.label]));
  const errors: CellError[] = [];
  for (const [field, message] of unreadable)
    errors.push(placed(byField.get(field), field, labelOf.get(field) ?? field, message));
  for (const e of result.errors) {
    if (!unreadable.has(e.field)) errors.push(placed(byField.get(e.field), e.field, e.label, e.message));
  }
  const order = (e: CellError) => byField.get(e.field)?.index ?? Number.MAX_SAFE_INTEGER;
  return { ok: false, errors: errors.sort((a, b) => order(a) - order(b)) };
}

function placed(column: FieldColumn | undefined, field: string, label: string, message: string): CellError {
  return { column: column?.letter ?? null, header: column?.header ?? null, field, label, message };
}

/** "身份证号：校验位不正确（D 列）", the form the CLI prints; the header is named when it differs. */
export function cellErrorLine(error: CellError): string {
  const where = error.column
    ? error.header && error.header !== error.label
      ? `（${error.column} 列“${error.header}”）`
      : `（${error.column} 列）`
    : '';
  return `${error.label}：${error.message}${where}`;
}

/** "学生资助 第 7 行 D 列“身份证号”：校验位不正确", the form the preview lists. */
export function cellErrorText(sheet: string, row: number, error: CellError): string {
  const column = error.column ? ` ${error.column} 列“${error.header ?? error.label}”` : `（字段“${error.label}”）`;
  return `工作表“${sheet}”第 ${row} 行${column}：${error.message}`;
}
