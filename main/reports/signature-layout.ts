import { widthInEm } from './text-metrics.js';

/**
 * Where the signing unit (发文机关署名) and the date (成文日期) sit below the body or the 附件 list.
 * The date itself is written with Arabic numerals, the year in full and no leading zeros
 * (2019年7月5日, GB/T 9704-2012 7.3.5.4): shared/dates.ts chineseDate.
 */
export interface SignatureLayout {
  /** Empty lines between the text above and the unit. */
  blankLinesBefore: number;
  /** Right indents in characters. */
  unitRightEm: number;
  dateRightEm: number;
}

/**
 * Without a seal (7.3.5.2): one empty line, the unit two characters in from the right, the date
 * on the next line starting two characters right of the unit's first character; when the date
 * is the longer, the date keeps two characters from the right and the unit moves left instead.
 */
function unsealed(unit: string, date: string): SignatureLayout {
  const unitWidth = widthInEm(unit);
  const dateWidth = widthInEm(date);
  if (!unit || !date) return { blankLinesBefore: 1, unitRightEm: 2, dateRightEm: 2 };
  if (unitWidth - dateWidth >= 2) return { blankLinesBefore: 1, unitRightEm: 2, dateRightEm: unitWidth - dateWidth };
  return { blankLinesBefore: 1, unitRightEm: dateWidth + 4 - unitWidth, dateRightEm: 2 };
}

/**
 * With a seal (7.3.5.1): the date four characters in from the right and the unit centred above
 * it. The seal (42 mm across at a county bureau, about four lines) is pressed centred on the two
 * lines, a little above them, and its top must come within one line of the text above: two
 * empty lines leave it that room.
 */
function sealed(unit: string, date: string): SignatureLayout {
  const dateRightEm = 4;
  const centred = date ? dateRightEm + (widthInEm(date) - widthInEm(unit)) / 2 : dateRightEm;
  return { blankLinesBefore: 2, unitRightEm: Math.max(0, centred), dateRightEm };
}

export function signatureLayout(unit: string, date: string, withSeal: boolean): SignatureLayout {
  return withSeal ? sealed(unit, date) : unsealed(unit, date);
}

/**
 * Indents of the 附件 list (GB/T 9704-2012 7.3.4): "附件：" two characters in, later items'
 * numbers under the first item's, and wrapped names lined up with the first character of the name.
 */
export function attachmentNoteHang(notes: string[], index: number): { leftEm: number; hangingEm: number } {
  const label = widthInEm('附件：');
  const number = notes.length > 1 ? widthInEm(`${notes.length}. `) : 0;
  const leftEm = 2 + label + number;
  return { leftEm, hangingEm: index === 0 ? label + number : number };
}
