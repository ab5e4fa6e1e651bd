import type { LedgerDefinition, RecordValues } from '../../shared/ledger-definition.js';
import { maskIdCard } from '../../shared/idcard.js';

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
 * The values of a record as they may be published (公示): ID numbers and phone numbers masked,
 * everything else unchanged. Returns the same object when the ledger has nothing to mask.
 */
export function maskForPublication(def: LedgerDefinition, values: RecordValues): RecordValues {
  let masked: RecordValues | null = null;
  for (const field of def.fields) {
    const value = values[field.key];
    if (typeof value !== 'string') continue;
    if (field.type === 'idcard') (masked ??= { ...values })[field.key] = maskIdCard(value);
    else if (field.type === 'phone') (masked ??= { ...values })[field.key] = maskPhone(value);
  }
  return masked ?? values;
}
