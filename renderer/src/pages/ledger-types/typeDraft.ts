import type { FieldDefinition, FieldType, LedgerDefinition } from '../../../../shared/ledger-definition.js';
import type { FieldDraft, LedgerTypeDraft } from '../../../../shared/ledger-type-draft.js';

/** One field as the editor holds it while the user works on it. */
export interface EditorField {
  /** Identifies the row in the editor only; never sent. */
  id: string;
  /** Set for a field the saved type already has: values are stored under it, so a rename keeps them. */
  key?: string;
  label: string;
  type: FieldType;
  required: boolean;
  choices: string[];
  /** Left undefined unless the saved field or the user set it, so saving does not change it by accident. */
  extensible?: boolean;
  /** Limits the editor does not show (e.g. 金额 not below 0); kept while the type stays as saved. */
  limits: Pick<FieldDraft, 'maxLength' | 'min' | 'max'>;
  /** The type as saved, to say when a change will be checked against the stored records. */
  savedType?: FieldType;
  /** Values read from the spreadsheet the field was proposed from. */
  samples: string[];
}

export interface EditorDraft {
  label: string;
  category: string;
  kind: 'record' | 'plan';
  fields: EditorField[];
}

export const DEFAULT_CATEGORY = '自定义';
const RESERVED_LABEL = '序号';
let nextId = 0;

function rowId(): string {
  return `field-row-${++nextId}`;
}

export function blankField(): EditorField {
  return { id: rowId(), label: '', type: 'text', required: false, choices: [], limits: {}, samples: [] };
}

export function blankDraft(): EditorDraft {
  return { label: '', category: DEFAULT_CATEGORY, kind: 'record', fields: [blankField()] };
}

export function fieldFromDefinition(field: FieldDefinition): EditorField {
  const limits: EditorField['limits'] = {};
  if (field.maxLength !== undefined) limits.maxLength = field.maxLength;
  if (field.min !== undefined) limits.min = field.min;
  if (field.max !== undefined) limits.max = field.max;
  return {
    id: rowId(),
    key: field.key,
    label: field.label,
    type: field.type,
    required: field.required,
    choices: field.choices ?? [],
    extensible: field.extensible,
    limits,
    savedType: field.type,
    samples: [],
  };
}

export function draftFromDefinition(def: LedgerDefinition): EditorDraft {
  return { label: def.label, category: def.category, kind: def.kind, fields: def.fields.map(fieldFromDefinition) };
}

/** A proposal read off a spreadsheet header; sample rows hold one text per proposed field. */
export function draftFromProposal(draft: LedgerTypeDraft, sampleRows: string[][]): EditorDraft {
  return {
    label: draft.label,
    category: draft.category ?? DEFAULT_CATEGORY,
    kind: draft.kind ?? 'record',
    fields: draft.fields.map((f, i) => ({
      id: rowId(),
      label: f.label,
      type: f.type,
      required: f.required ?? false,
      choices: f.choices ?? [],
      extensible: f.extensible,
      limits: {},
      samples: sampleRows.map((row) => row[i] ?? '').filter((text) => text !== ''),
    })),
  };
}

/** Changing a field's type: choices come from the sample values when it becomes 选项 without any. */
export function withType(field: EditorField, type: FieldType): EditorField {
  const distinct = [...new Set(field.samples.map((s) => s.trim()).filter(Boolean))];
  const choices = type === 'enum' && field.choices.length === 0 && distinct.length <= 20 ? distinct : field.choices;
  return { ...field, type, choices };
}

/** The draft ledgerTypes.create / update take. */
export function toTypeDraft(draft: EditorDraft): LedgerTypeDraft {
  return {
    label: draft.label.trim(),
    category: draft.category,
    kind: draft.kind,
    fields: draft.fields.map((f) => {
      const out: FieldDraft = { label: f.label.trim(), type: f.type, required: f.required };
      if (f.key) out.key = f.key;
      if (f.type === 'enum') {
        out.choices = f.choices;
        if (f.extensible !== undefined) out.extensible = f.extensible;
      }
      // A limit belongs to the type it was set for; one for 金额 means nothing to 文本.
      if (f.type === f.savedType) Object.assign(out, f.limits);
      return out;
    }),
  };
}

export interface DraftProblems {
  label?: string;
  /** By editor row id. */
  fields: Record<string, string>;
  general: string[];
  count: number;
}

/** What must be fixed before saving, said where it is: under the name, or under the field's row. */
export function checkDraft(draft: EditorDraft): DraftProblems {
  const problems: DraftProblems = { fields: {}, general: [], count: 0 };
  const label = draft.label.trim();
  if (!label) problems.label = '请填写台账名称';
  else if (label.length > 60) problems.label = '台账名称不能超过 60 个字';
  if (draft.fields.length === 0) problems.general.push('台账至少要有一个字段，请点“添加字段”');
  const firstWith = new Map<string, number>();
  draft.fields.forEach((field, index) => {
    const name = field.label.trim();
    const earlier = firstWith.get(name);
    let problem: string | undefined;
    if (!name) problem = '请填写字段名称';
    else if (name.length > 40) problem = '字段名称不能超过 40 个字';
    else if (name === RESERVED_LABEL) problem = '“序号”由系统在导出时自动生成，请换一个名称';
    else if (earlier !== undefined) problem = `与第 ${earlier + 1} 个字段同名，请换一个名称`;
    else if (field.type === 'enum' && field.choices.length === 0) problem = '选项类型至少要有一个选项';
    if (name && earlier === undefined) firstWith.set(name, index);
    if (problem) problems.fields[field.id] = problem;
  });
  problems.count = (problems.label ? 1 : 0) + Object.keys(problems.fields).length + problems.general.length;
  return problems;
}
