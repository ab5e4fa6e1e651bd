/**
 * 公民身份号码 (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type IdCardProblem = 'length' | 'characters' | 'scientific' | 'birthdate' | 'checksum';

export interface IdCardCheck {
  ok: boolean;
  problem?: IdCardProblem;
  /** Normalised form: trimmed, upper-case X. */
  value: string;
  birthDate?: string;
  /** 'male' when the 17th digit is odd. */
  sex?: 'male' | 'female';
}

/**
 * Whether an ID number reads as Excel's scientific notation of it (4.22822E+17, 422822E17): the
 * digits past the 15th are lost, so it is refused, never repaired.
 */
export function isScientificNotation(text: string): boolean {
  return /^\d+(\.\d+)?E\+?\d+$/i.test(text);
}

export function checkIdCard(raw: string): IdCardCheck {
  const value = raw.trim().toUpperCase();
  // Excel also pads the last three digits with zeros; that is left to the check digit.
  if (isScientificNotation(value)) return { ok: false, problem: 'scientific', value };
  if (value.length !== 18) return { ok: false, problem: 'length', value };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'characters', value };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const realDate = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (!realDate || y < 1900 || date.getTime() > Date.now()) return { ok: false, problem: 'birthdate', value };
  if (idCardCheckChar(value.slice(0, 17)) !== value[17]) {
    return { ok: false, problem: 'checksum', value };
  }
  return {
    ok: true,
    value,
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    sex: Number(value[16]) % 2 === 1 ? 'male' : 'female',
  };
}

export const ID_CARD_MESSAGES: Record<IdCardProblem, string> = {
  length: '应为 18 位',
  characters: '前 17 位应为数字，最后一位为数字或 X',
  scientific: '已被 Excel 当作数字保存（科学计数法），末几位已丢失，请把该列设为文本后重新录入',
  birthdate: '其中的出生日期不是真实日期',
  checksum: '校验位不正确，请核对是否录错',
};

/** Masks the birth date and sequence for publication (公示): 422822********1234. */
export function maskIdCard(value: string): string {
  if (value.length !== 18) return value;
  return `${value.slice(0, 6)}********${value.slice(14)}`;
}

/**
 * Whether 15 digits read as a first-generation ID number (before 1999): an area code, a birth
 * date 19YYMMDD that is a real day, and a three-digit sequence. It has no check digit, so the
 * date is all that tells it from any other 15-digit number.
 */
export function isOldIdCard(value: string): boolean {
  if (!/^[1-9]\d{14}$/.test(value)) return false;
  const y = 1900 + Number(value.slice(6, 8));
  const m = Number(value.slice(8, 10));
  const d = Number(value.slice(10, 12));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Masks a first-generation ID number as maskIdCard does the current one: 422822******123. */
export function maskOldIdCard(value: string): string {
  if (value.length !== 15) return value;
  return `${value.slice(0, 6)}******${value.slice(12)}`;
}
