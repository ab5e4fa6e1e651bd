import type { FieldDefinition, LedgerDefinition } from '../../shared/ledger-definition.js';
import { validateRecord } from '../../shared/validation.js';
import { TaizhangError } from '../store/errors.js';
import { resolveFieldRef, type ColumnMapping } from './header-match.js';
import { normalizeCell } from './normalize.js';
import type { RowFill } from './row-check.js';
import { quote } from './text.js';

/** A field no column feeds, given one value for every row (本列统一填写). */
export interface FilledField {
  field: FieldDefinition;
  /** As the form would store it: 2019.4.12 becomes 2019-04-12, " 建档立卡" becomes 建档立卡. */
  value: string | number;
  how: 'given' | 'remembered';
}

export interface ColumnFill {
  /** By field key. */
  filled: Map<string, FilledField>;
  /** Values for every row, ready for checkRow. */
  rowFill: RowFill;
  blocking: string[];
  warnings: string[];
  /** The user's fill by field key, to remember with the layout ("" withdraws). */
  choices: Record<string, string>;
}

/** The value made ready as a cell of the field would be, and checked as the form checks it. */
function checkedValue(
  def: LedgerDefinition,
  field: FieldDefinition,
  text: string,
): { value: string | number } | { error: string } {
  const normalized = normalizeCell(field, text);
  if ('error' in normalized) return normalized;
  const result = validateRecord(def, { [field.key]: normalized.value });
  const problem = result.errors.find((e) => e.field === field.key);
  const value = result.values[field.key];
  if (problem) return { error: problem.message };
  return value === null || value === undefined ? { error: '必填' } : { value };
}

/**
 * Decides the values filled into every row: what the user gave (an unknown field or a value the
 * form would refuse is an error, said in one line), then what was remembered for this layout
 * (used only while it still passes, and said in a warning so nobody is surprised by it). A field
 * a column already feeds cannot also be filled: the user is asked to choose.
 */
export function resolveFill(
  def: LedgerDefinition,
  columns: ColumnMapping[],
  given: Record<string, string> = {},
  remembered: Record<string, string> = {},
): ColumnFill {
  const fed = new Map(columns.filter((c) => c.field).map((c) => [c.field!.key, c]));
  const filled = new Map<string, FilledField>();
  const choices: Record<string, string> = {};
  const blocking: string[] = [];
  const warnings: string[] = [];
  for (const [ref, text] of Object.entries(given)) {
    const field = resolveFieldRef(def, ref, '统一填写的字段');
    if (!field || field.type === 'attachments') {
      throw new TaizhangError('validation', `字段${quote(ref)}不能统一填写`);
    }
    if (text.trim() === '') {
      choices[field.key] = '';
      continue;
    }
    const checked = checkedValue(def, field, text);
    if ('error' in checked) {
      throw new TaizhangError('validation', `为“${field.label}”统一填写的${quote(text)}不正确：${checked.error}`);
    }
    const column = fed.get(field.key);
    if (column) {
      blocking.push(
        `字段“${field.label}”已由 ${column.letter} 列“${column.header}”导入，不能再统一填写：请清除统一填写的值，或把该列设为不导入`,
      );
      continue;
    }
    filled.set(field.key, { field, value: checked.value, how: 'given' });
    choices[field.key] = String(checked.value);
  }
  for (const [key, text] of Object.entries(remembered)) {
    const field = def.fields.find((f) => f.key === key);
    if (!field || fed.has(key) || Object.hasOwn(choices, key) || text === '') continue;
    const checked = checkedValue(def, field, text);
    if ('error' in checked) continue;
    filled.set(key, { field, value: checked.value, how: 'remembered' });
    warnings.push(`表中没有“${field.label}”一列，沿用上次的选择，每一行都填写为“${checked.value}”`);
  }
  const rowFill = new Map([...filled].map(([key, f]) => [key, f.value]));
  return { filled, rowFill, blocking, warnings, choices };
}
