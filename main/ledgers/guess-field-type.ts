import type { FieldDefinition, FieldType } from '../../shared/ledger-definition.js';
import { parseIsoDate } from '../../shared/dates.js';
import { validateRecord } from '../../shared/validation.js';

/** One cell below a header: its text, and whether Excel itself holds it as a date. */
export interface Sample {
  text: string;
  isDate: boolean;
}

const LONG_TEXT = 50;
const FUZZY_TIME = /\d{1,2}\s*月|[上中下]旬|月底|年底|季度|上半年|下半年|学期|月初/;
const RANGE = /^\d+(\.\d+)?\s*[-~～至]\s*\d+(\.\d+)?$/;

/** "2019-04-12", "2019/4/12", "2019.4.12", "2019年4月12日" → 2019-04-12; anything else → null. */
export function realDate(sample: Sample): string | null {
  if (sample.isDate) return sample.text;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(sample.text.trim());
  return m ? parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

/** Whether every sample would pass validation as a field of this type (dates given in ISO form). */
function fits(type: FieldType, samples: Sample[]): boolean {
  const field: FieldDefinition = { key: 'f', label: 'f', type, required: false };
  return samples.every(
    (s) =>
      validateRecord(
        { key: 'x', label: 'x', category: 'x', kind: 'record', fields: [field] },
        { f: type === 'date' ? (realDate(s) ?? s.text) : s.text },
      ).ok,
  );
}

function textType(samples: Sample[]): FieldType {
  return samples.some((s) => s.text.length > LONG_TEXT || s.text.includes('\n')) ? 'longtext' : 'text';
}

/** The likeliest type by header wording and sample values, before checking the samples fit it. */
function likelyType(label: string, samples: Sample[]): FieldType {
  if (label.includes('身份证')) return 'idcard';
  if (/电话|手机/.test(label)) return 'phone';
  if (samples.length > 0 && samples.every((s) => realDate(s) !== null)) return 'date';
  if (/金额|元/.test(label)) return 'money';
  if (/人数|人次|数量/.test(label)) {
    if (samples.some((s) => RANGE.test(s.text.trim()))) return 'range';
    return samples.some((s) => /^\d+\.\d+$/.test(s.text.trim())) ? 'money' : 'int';
  }
  if (
    samples.length > 0 &&
    samples.some((s) => RANGE.test(s.text.trim())) &&
    samples.every((s) => RANGE.test(s.text.trim()) || /^\d+$/.test(s.text.trim()))
  ) {
    return 'range';
  }
  if (samples.some((s) => FUZZY_TIME.test(s.text))) return 'fuzzy-time';
  if (samples.length === 0 && label.includes('日期')) return 'date';
  if (/时间|时限|节点/.test(label)) return 'fuzzy-time';
  return textType(samples);
}

/**
 * A field type for a column read from a spreadsheet. 身份证号 stays an ID number even when samples
 * fail (Excel may have mangled them, and import should say so); any other guess the samples do not
 * fit falls back to text, so the proposal accepts the rows it was made from.
 */
export function guessFieldType(label: string, samples: readonly Sample[]): FieldType {
  const filled = samples.filter((s) => s.text.trim() !== '');
  const type = likelyType(label, filled);
  if (type === 'idcard' || fits(type, filled)) return type;
  return textType(filled);
}
