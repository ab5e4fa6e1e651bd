import type { LedgerDefinition, RecordValues } from '../../shared/ledger-definition.js';
import { checkIdCard, isOldIdCard, maskIdCard } from '../../shared/idcard.js';

/** Masks a phone number for publication: 138****8000, landlines as 0718-***1234. */
export function maskPhone(value: string): string {
  const mobile = /^(1\d{2})\d{4}(\d{4})$/.exec(value);
  if (mobile) return `${mobile[1]}****${mobile[2]}`;
  // Area codes: 010 and 02x have three digits, all others four (0718).
  const landline = /^((?:010|02\d|0[3-9]\d{2})-?)(\d{3,4})(\d{4})(-\d{1,6})?$/.exec(value);
  if (landline) return `${landline[1]}${'*'.repeat(landline[2]!.length)}${landline[3]}${landline[4] ?? ''}`;
  if (value.length <= 4) return value;
  return `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

/**
 * ID numbers and mobile numbers written inside free text. A candidate must stand alone: a digit
 * (or a decimal point and digit) on either side makes it part of a longer number — a bank account,
 * an amount — which is left as typed. People write an ID as 6-8-4 and a mobile as 3-4-4 groups
 * as often as in one run, and a mobile with +86 before it, so those forms count too.
 */
const NUMBER_IN_TEXT = new RegExp(
  [
    '(?<!\\d)(?<!\\d\\.)(?:',
    '(?<id18>\\d{6} ?\\d{8} ?\\d{3}[\\dXx])',
    '|(?<id15>\\d{15})',
    '|(?<prefix>\\+?86[ -]?)?(?<mobile>1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4})',
    ')(?![\\dXx])(?!\\.\\d)',
  ].join(''),
  'g',
);

/** Replaces the digits numbered [from, to) of `text` (other characters not counted) by '*'. */
function starDigits(text: string, from: number, to: number): string {
  let n = 0;
  let out = '';
  for (const ch of text) {
    const isDigit = /[\dXx]/.test(ch);
    out += isDigit && n >= from && n < to ? '*' : ch;
    if (isDigit) n++;
  }
  return out;
}

/**
 * Masks every ID number and mobile number found inside a text, in place, the rest unchanged.
 * An 18-character run counts as an ID only when it passes the GB 11643 check (check digit and a
 * real birth date): 17 digits with a wrong check character are most likely some other number. A
 * 15-digit run counts when its 19YYMMDD is a real day (first-generation IDs have no check digit).
 */
export function maskNumbersInText(text: string): string {
  // Every candidate has five digits with at most one separator among them.
  if (!/\d[ -]?\d{4}/.test(text)) return text;
  return text.replace(NUMBER_IN_TEXT, (match, ...rest: unknown[]) => {
    const groups = rest.at(-1) as Record<string, string | undefined>;
    if (groups.id18 !== undefined) {
      return checkIdCard(groups.id18.replace(/ /g, '')).ok ? starDigits(match, 6, 14) : match;
    }
    if (groups.id15 !== undefined) return isOldIdCard(groups.id15) ? starDigits(match, 6, 12) : match;
    return `${groups.prefix ?? ''}${starDigits(groups.mobile!, 3, 7)}`;
  });
}

/**
 * The values of a record as they may be published (公示): ID numbers and phone numbers masked,
 * in their own fields and wherever they were typed into text (备注, 家庭住址 …); numbers, dates
 * and everything else unchanged. Returns the same object when nothing needed masking.
 */
export function maskForPublication(def: LedgerDefinition, values: RecordValues): RecordValues {
  const types = new Map(def.fields.map((field) => [field.key, field.type]));
  let masked: RecordValues | null = null;
  // Every stored value, not only the current fields: an archived field's values are kept too.
  for (const [key, value] of Object.entries(values)) {
    if (typeof value !== 'string') continue;
    const type = types.get(key);
    const own = type === 'idcard' ? maskIdCard(value) : type === 'phone' ? maskPhone(value) : value;
    const result = maskNumbersInText(own);
    if (result !== value) (masked ??= { ...values })[key] = result;
  }
  return masked ?? values;
}
