import type { Db } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { writeAudit } from '../store/audit.js';
import type { LedgerDefinition } from '../../shared/ledger-definition.js';
import type { LedgerTypeDraft, TypeConflict } from '../../shared/ledger-type-draft.js';
import { fieldFromDraft, fieldKeyMaker, planFields, settleFieldReferences } from './field-changes.js';
import { checkStoredValues, rewriteStoredRecords } from './stored-values.js';
import { assertLabelFree, checkDefinition, insertType, nextTypeKey, readEditableType, saveType } from './type-store.js';
import { readType } from '../store/ledger-types.js';

/**
 * User-defined ledger types. Every change is one transaction with one audit row, and none loses
 * data: values are stored by field key, so renaming keeps them; a removed field is archived with its
 * values; a type change is applied only when every stored value fits the new type.
 */

export const CUSTOM_CATEGORY = '自定义';
const AUDIT_ENTITY = 'ledger-type';

export type UpdateOutcome =
  | { applied: true; definition: LedgerDefinition }
  | { applied: false; conflicts: TypeConflict[]; conflictCount: number };

/** A new type from scratch; its fields get fresh keys (f1, f2 …) whatever the draft says. */
export function createLedgerType(db: Db, draft: LedgerTypeDraft, operator: string): LedgerDefinition {
  return db.transaction(() => {
    const newKey = fieldKeyMaker([]);
    const base: LedgerDefinition = {
      key: nextTypeKey(db),
      label: draft.label,
      category: draft.category ?? CUSTOM_CATEGORY,
      kind: draft.kind ?? 'record',
      fields: draft.fields.map((f) => fieldFromDraft(f, newKey())),
    };
    const def = checkDefinition(settleFieldReferences(base, undefined, new Set()));
    assertLabelFree(db, def.label);
    insertType(db, def);
    writeAudit(db, { operator, action: 'create', entity: AUDIT_ENTITY, entityId: def.key, after: def });
    return def;
  })();
}

/**
 * Applies an edited field list: fields matched by key are renamed, reordered or re-typed, new ones
 * added, missing ones archived. When a changed field's stored values would not fit, nothing is
 * written and the conflicting values come back instead.
 */
export function updateLedgerType(db: Db, key: string, draft: LedgerTypeDraft, operator: string): UpdateOutcome {
  return db.transaction((): UpdateOutcome => {
    const current = readEditableType(db, key).definition;
    const plan = planFields(current, draft.fields);
    const typeChanged = plan.changed.filter(
      (k) => current.fields.find((f) => f.key === k)?.type !== plan.fields.find((f) => f.key === k)?.type,
    );
    const candidate: LedgerDefinition = {
      ...current,
      label: draft.label,
      category: draft.category ?? current.category,
      kind: draft.kind ?? current.kind,
      fields: plan.fields,
      archivedFields: plan.archivedFields,
    };
    if (candidate.archivedFields?.length === 0) delete candidate.archivedFields;
    const def = checkDefinition(settleFieldReferences(candidate, current, new Set([...plan.added, ...typeChanged])));
    assertLabelFree(db, def.label, key);
    const check = checkStoredValues(db, def, plan.changed);
    if (check.conflictCount > 0) {
      return { applied: false, conflicts: check.conflicts, conflictCount: check.conflictCount };
    }
    saveType(db, def);
    rewriteStoredRecords(db, def, {
      conversions: check.conversions,
      redate: def.dateField !== current.dateField,
      reindex: plan.removed.length > 0 || typeChanged.length > 0,
    });
    writeAudit(db, {
      operator,
      action: 'update',
      entity: AUDIT_ENTITY,
      entityId: key,
      before: current,
      after: {
        definition: def,
        added: plan.added,
        archived: plan.removed,
        changed: plan.changed,
        conversions: check.conversions,
      },
    });
    return { applied: true, definition: def };
  })();
}

/** Brings an archived field back, with the values records kept for it, at the end of the field list. */
export function restoreArchivedField(
  db: Db,
  key: string,
  fieldKey: string,
  operator: string,
  label?: string,
): LedgerDefinition {
  return db.transaction(() => {
    const current = readEditableType(db, key).definition;
    const field = current.archivedFields?.find((f) => f.key === fieldKey);
    if (!field) {
      const live = current.fields.some((f) => f.key === fieldKey);
      throw new TaizhangError(
        live ? 'conflict' : 'not-found',
        live
          ? `字段“${fieldKey}”在台账“${current.label}”中没有被移除，无需恢复`
          : `台账“${current.label}”没有已移除的字段“${fieldKey}”`,
      );
    }
    const restored = { ...field, label: label?.trim() || field.label };
    if (current.fields.some((f) => f.label === restored.label)) {
      throw new TaizhangError(
        'conflict',
        `台账“${current.label}”已有名为“${restored.label}”的字段，请为恢复的字段另起一个名称`,
      );
    }
    const archivedFields = current.archivedFields!.filter((f) => f.key !== fieldKey);
    const candidate: LedgerDefinition = { ...current, fields: [...current.fields, restored], archivedFields };
    if (archivedFields.length === 0) delete candidate.archivedFields;
    const def = checkDefinition(settleFieldReferences(candidate, current, new Set([fieldKey])));
    saveType(db, def);
    rewriteStoredRecords(db, def, { conversions: [], redate: def.dateField !== current.dateField, reindex: true });
    writeAudit(db, {
      operator,
      action: 'update',
      entity: AUDIT_ENTITY,
      entityId: key,
      before: current,
      after: { definition: def, restored: fieldKey },
    });
    return def;
  })();
}

function copyLabel(db: Db, label: string): string {
  const taken = new Set(db.prepare('SELECT label FROM ledger_types').pluck().all() as string[]);
  for (let n = 1; ; n++) {
    const candidate = `${label}（副本${n === 1 ? '' : n}）`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A user type with the same fields and settings as another (built-in or not); the original is untouched. */
export function copyLedgerType(db: Db, key: string, operator: string): LedgerDefinition {
  return db.transaction(() => {
    const source = readType(db, key).definition;
    // A copy starts without records, so the source's archived fields have nothing to keep.
    const copy: LedgerDefinition = { ...source, key: nextTypeKey(db), label: copyLabel(db, source.label) };
    delete copy.archivedFields;
    const def = checkDefinition(copy);
    insertType(db, def);
    writeAudit(db, {
      operator,
      action: 'create',
      entity: AUDIT_ENTITY,
      entityId: def.key,
      after: { definition: def, copiedFrom: key },
    });
    return def;
  })();
}
