import type { Db } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { fieldValueSql, ledgerKeySql } from '../store/field-indexes.js';
import type { FieldDefinition, LedgerDefinition } from '../../shared/ledger-definition.js';
import { isNewChoice } from '../../shared/validation.js';

/**
 * Values of extensible choice fields (家庭类型) that are neither among the field's choices nor held
 * by any record of the ledger yet: "625" typed there is a slip until the user confirms it as a new
 * choice, since reports count by these values. A value once confirmed and saved is known from then on.
 */
export class NewChoices {
  private readonly known = new Map<string, boolean>();

  constructor(
    private readonly db: Db,
    private readonly def: LedgerDefinition,
  ) {}

  /** Whether `value` would be a new choice of `field` (checked against the ledger's records, through the field's index). */
  isNew(field: FieldDefinition, value: unknown): boolean {
    if (!isNewChoice(field, value)) return false;
    const text = String(value).trim();
    const key = JSON.stringify([field.key, text]);
    let stored = this.known.get(key);
    if (stored === undefined) {
      stored =
        this.db
          .prepare(
            `SELECT 1 FROM visible_records r WHERE r.ledger_key = ${ledgerKeySql(this.def.key)} AND ${fieldValueSql(field.key)} = ? LIMIT 1`,
          )
          .get(text) !== undefined;
      this.known.set(key, stored);
    }
    return !stored;
  }
}

export function newChoiceMessage(field: FieldDefinition, value: string): string {
  return `“${value}”不是“${field.label}”已有的选项（${(field.choices ?? []).join('、')}），确认要新增这个选项后才能保存`;
}

export function newChoiceError(field: FieldDefinition, value: string): TaizhangError {
  const message = newChoiceMessage(field, value);
  return new TaizhangError('validation', message, [{ field: field.key, label: field.label, message }]);
}
