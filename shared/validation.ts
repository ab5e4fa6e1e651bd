import type { FieldDefinition, LedgerDefinition, RecordValues } from './ledger-definition.js';
import { checkIdCard, ID_CARD_MESSAGES } from './idcard.js';
import { parseIsoDate, parseIsoMonth } from './dates.js';

export interface FieldError {
  field: string;
  label: string;
  message: string;
}

export interface ValidationResult {
  ok: boolean;
  values: RecordValues;
  errors: FieldError[];
}

export type Outcome = { value: string | number | null } | { error: string };

const MAX_TEXT = 200;
const MAX_LONGTEXT = 20000;
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
const RANGE = /^\d+(\.\d+)?(\s*[-~～至]\s*\d+(\.\d+)?)?$/;

function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

function checkLength(text: string, field: FieldDefinition, fallback: number): Outcome {
  const limit = field.maxLength ?? fallback;
  if (text.length > limit) return { error: `不能超过 ${limit} 个字（现有 ${text.length} 个）` };
  return { value: text };
}

function checkNumber(raw: unknown, field: FieldDefinition, decimals: number): Outcome {
  const text = typeof raw === 'number' ? String(raw) : String(raw).trim().replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    return { error: decimals === 0 ? '应为整数' : '应为金额数字，如 1200 或 1200.50' };
  }
  const [, fraction = ''] = text.split('.');
  if (decimals === 0 && fraction.length > 0) return { error: '应为整数' };
  if (fraction.length > decimals) return { error: `最多保留 ${decimals} 位小数` };
  const value = Number(text);
  if (!Number.isFinite(value) || Math.abs(value) > 1e12) return { error: '数值超出范围' };
  if (field.min !== undefined && value < field.min) return { error: `不能小于 ${field.min}` };
  if (field.max !== undefined && value > field.max) return { error: `不能大于 ${field.max}` };
  return { value: decimals === 0 ? value : Math.round(value * 100) / 100 };
}

function checkField(field: FieldDefinition, raw: unknown): Outcome {
  if (field.type === 'int') return checkNumber(raw, { min: 0, ...field }, 0);
  if (field.type === 'money') return checkNumber(raw, field, 2);
  if (typeof raw !== 'string' && typeof raw !== 'number') return { error: '格式不正确' };
  const text = String(raw).trim();
  switch (field.type) {
    case 'text':
    case 'person':
    case 'unit':
    case 'fuzzy-time':
      return checkLength(text, field, MAX_TEXT);
    case 'longtext':
      return checkLength(text, field, MAX_LONGTEXT);
    case 'date': {
      const iso = parseIsoDate(text);
      return iso ? { value: iso } : { error: `“${text}”不是真实的日期，应写作 2019-04-12` };
    }
    case 'month': {
      const iso = parseIsoMonth(text);
      return iso ? { value: iso } : { error: `“${text}”不是有效的月份，应写作 2019-04` };
    }
    case 'range':
      return RANGE.test(text) ? { value: text } : { error: '应为数字或范围，如 30 或 3-5' };
    case 'enum': {
      const choices = field.choices ?? [];
      if (choices.includes(text) || field.extensible) return { value: text };
      return { error: `只能是以下之一：${choices.join('、')}` };
    }
    case 'idcard': {
      const check = checkIdCard(text);
      return check.ok ? { value: check.value } : { error: ID_CARD_MESSAGES[check.problem!] };
    }
    case 'phone': {
      const compact = text.replace(/\s/g, '');
      if (MOBILE.test(compact) || LANDLINE.test(compact)) return { value: compact };
      return { error: '应为 11 位手机号或带区号的固定电话，如 0718-3321234' };
    }
    case 'url':
      return /^https?:\/\/\S+$/i.test(text) && text.length <= 2000
        ? { value: text }
        : { error: '应为以 http:// 或 https:// 开头的网址' };
    case 'attachments':
      return { value: text };
  }
}

/**
 * Validates and normalises one record against its ledger definition. Used by the form in the
 * renderer (as the user types) and by every write in main, so both say the same thing.
 */
export function validateRecord(def: LedgerDefinition, input: Record<string, unknown>): ValidationResult {
  const errors: FieldError[] = [];
  const values: RecordValues = {};
  // Values of archived (removed) fields may come back from a stored record; they are not checked here.
  const known = new Set([...def.fields, ...(def.archivedFields ?? [])].map((f) => f.key));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) errors.push({ field: key, label: key, message: `台账“${def.label}”没有字段“${key}”` });
  }
  for (const field of def.fields) {
    const raw = input[field.key];
    if (isBlank(raw)) {
      if (field.required) errors.push({ field: field.key, label: field.label, message: '必填' });
      values[field.key] = null;
      continue;
    }
    const outcome = checkField(field, raw);
    if ('error' in outcome) errors.push({ field: field.key, label: field.label, message: outcome.error });
    else values[field.key] = outcome.value;
  }
  for (const check of def.crossChecks ?? []) {
    const error = crossCheck(def, check.kind, check.fields, values);
    if (error) errors.push(error);
  }
  return { ok: errors.length === 0, values, errors };
}

function crossCheck(
  def: LedgerDefinition,
  kind: 'idcard-gender' | 'date-order',
  [a, b]: [string, string],
  values: RecordValues,
): FieldError | null {
  const fieldB = def.fields.find((f) => f.key === b)!;
  const fieldA = def.fields.find((f) => f.key === a)!;
  const va = values[a];
  const vb = values[b];
  if (va === null || va === undefined || vb === null || vb === undefined) return null;
  if (kind === 'idcard-gender') {
    const sex = checkIdCard(String(va)).sex;
    const expected = sex === 'male' ? '男' : '女';
    if (sex && vb !== expected) {
      return { field: b, label: fieldB.label, message: `与身份证号不符（身份证号显示为${expected}）` };
    }
  }
  if (kind === 'date-order' && String(vb) < String(va)) {
    return { field: b, label: fieldB.label, message: `不能早于${fieldA.label}` };
  }
  return null;
}

/**
 * One field's raw input on its own (a bulk edit sets one field): the normalised value, or what is
 * wrong with it. Cross-field checks need the whole record and are left to validateRecord.
 */
export function validateField(field: FieldDefinition, raw: unknown): Outcome {
  if (isBlank(raw)) return field.required ? { error: '必填' } : { value: null };
  return checkField(field, raw);
}

/**
 * A value of an extensible choice field that is not one of its choices yet: saving it adds a choice
 * that reports count by, so it is confirmed first ("625" typed into 家庭类型 is a slip, not a type).
 */
export function isNewChoice(field: FieldDefinition, raw: unknown): boolean {
  if (field.type !== 'enum' || !field.extensible || isBlank(raw)) return false;
  return !(field.choices ?? []).includes(String(raw).trim());
}

/** "身份证号：校验位不正确" — the one-line form used in lists, import reports and the CLI. */
export function formatFieldError(error: FieldError): string {
  return `${error.label}：${error.message}`;
}
