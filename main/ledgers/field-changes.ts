import type { CrossCheck, FieldDefinition, LedgerDefinition } from '../../shared/ledger-definition.js';
import type { FieldDraft } from '../../shared/ledger-type-draft.js';
import { TaizhangError } from '../store/errors.js';

/** What an edit of a type's field list does, worked out before anything is written. */
export interface FieldPlan {
  fields: FieldDefinition[];
  archivedFields: FieldDefinition[];
  added: string[];
  /** Live fields left out of the draft: archived with their values kept. */
  removed: string[];
  /** Existing fields whose rules (type, 必填, choices, limits) changed: stored values must be checked. */
  changed: string[];
}

const RULES = ['type', 'required', 'choices', 'extensible', 'maxLength', 'min', 'max'] as const;

/** Hands out keys f1, f2 … that no live or archived field of the type uses. */
export function fieldKeyMaker(taken: Iterable<string>): () => string {
  const used = new Set(taken);
  let n = 0;
  for (const key of used) {
    const m = /^f(\d+)$/.exec(key);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return () => {
    while (used.has(`f${++n}`));
    used.add(`f${n}`);
    return `f${n}`;
  };
}

export function fieldFromDraft(draft: FieldDraft, key: string): FieldDefinition {
  const field: FieldDefinition = { key, label: draft.label, type: draft.type, required: draft.required ?? false };
  if (draft.type === 'enum') {
    field.choices = draft.choices ?? [];
    if (draft.extensible !== undefined) field.extensible = draft.extensible;
  }
  if (draft.maxLength !== undefined) field.maxLength = draft.maxLength;
  if (draft.min !== undefined) field.min = draft.min;
  if (draft.max !== undefined) field.max = draft.max;
  return field;
}

function rulesOf(field: FieldDefinition): string {
  return JSON.stringify(RULES.map((rule) => (rule === 'required' ? Boolean(field.required) : (field[rule] ?? null))));
}

/** Matches the draft against the current fields by key: kept, renamed, re-typed, added or archived. */
export function planFields(current: LedgerDefinition, drafts: FieldDraft[]): FieldPlan {
  const live = new Map(current.fields.map((f) => [f.key, f]));
  const archived = current.archivedFields ?? [];
  const newKey = fieldKeyMaker([...live.keys(), ...archived.map((f) => f.key)]);
  const seen = new Set<string>();
  const plan: FieldPlan = { fields: [], archivedFields: [...archived], added: [], removed: [], changed: [] };
  for (const draft of drafts) {
    if (draft.key === undefined) {
      const field = fieldFromDraft(draft, newKey());
      plan.fields.push(field);
      plan.added.push(field.key);
      continue;
    }
    const existing = live.get(draft.key);
    if (!existing) {
      const isArchived = archived.some((f) => f.key === draft.key);
      throw new TaizhangError(
        'bad-request',
        isArchived
          ? `字段“${draft.label}”（${draft.key}）已移除，请用“恢复字段”找回，而不是直接写入`
          : `台账“${current.label}”没有标识为 ${draft.key} 的字段`,
      );
    }
    if (seen.has(draft.key))
      throw new TaizhangError('bad-request', `台账“${current.label}”的字段“${draft.label}”（${draft.key}）重复出现`);
    seen.add(draft.key);
    const field = fieldFromDraft(draft, draft.key);
    plan.fields.push(field);
    if (rulesOf(field) !== rulesOf(existing)) plan.changed.push(field.key);
  }
  for (const field of current.fields) {
    if (!seen.has(field.key)) {
      plan.archivedFields.push(field);
      plan.removed.push(field.key);
    }
  }
  return plan;
}

const NUMERIC = new Set(['int', 'money']);

function crossCheckFits(check: CrossCheck, byKey: Map<string, FieldDefinition>): boolean {
  const [a, b] = check.fields.map((k) => byKey.get(k));
  if (!a || !b) return false;
  return check.kind === 'date-order'
    ? a.type === 'date' && b.type === 'date'
    : a.type === 'idcard' && b.type === 'enum';
}

/** The date that places a record in a period: kept while live, else the first required date, else the first. */
function periodDateField(def: LedgerDefinition, previous: LedgerDefinition | undefined): string | undefined {
  if (def.kind === 'plan') return undefined;
  const dates = def.fields.filter((f) => f.type === 'date');
  if (previous?.dateField !== undefined && dates.some((f) => f.key === previous.dateField)) return previous.dateField;
  return (dates.find((f) => f.required) ?? dates[0])?.key;
}

/**
 * Brings the settings that name fields in line with the field list: the period date field (none for
 * plan tables), 合计 fields (kept, plus numeric fields that are new to the list), 去重 fields and
 * cross checks (dropped when their fields are gone or no longer fit).
 */
export function settleFieldReferences(
  def: LedgerDefinition,
  previous: LedgerDefinition | undefined,
  fresh: ReadonlySet<string>,
): LedgerDefinition {
  const byKey = new Map(def.fields.map((f) => [f.key, f]));
  const next: LedgerDefinition = { ...def, dateField: periodDateField(def, previous) };
  const totals = (previous?.totals ?? []).filter((k) => NUMERIC.has(byKey.get(k)?.type ?? ''));
  for (const field of def.fields) {
    const isNew = fresh.has(field.key) || !previous;
    if (NUMERIC.has(field.type) && isNew && !totals.includes(field.key)) totals.push(field.key);
  }
  next.totals = totals.length > 0 ? totals : undefined;
  const keyFields = (previous?.keyFields ?? []).filter((k) => byKey.has(k));
  next.keyFields = keyFields.length > 0 ? keyFields : undefined;
  const checks = (previous?.crossChecks ?? []).filter((c) => crossCheckFits(c, byKey));
  next.crossChecks = checks.length > 0 ? checks : undefined;
  for (const k of Object.keys(next) as Array<keyof LedgerDefinition>) if (next[k] === undefined) delete next[k];
  return next;
}
