import { widthInEm } from './text-metrics.js';

/**
 * Where the signing unit and the date sit, as right indents in characters (GB/T 9704-2012
 * 7.3.5.2, without a seal): the unit two characters in from the right, the date on the next
 * line starting two characters right of the unit's first character; when the date is the
 * longer, the date keeps two characters from the right and the unit moves right instead.
 */
export function signatureIndents(unit: string, date: string): { unitRightEm: number; dateRightEm: number } {
  const unitWidth = widthInEm(unit);
  const dateWidth = widthInEm(date);
  if (!unit || !date) return { unitRightEm: 2, dateRightEm: 2 };
  if (unitWidth - dateWidth >= 2) return { unitRightEm: 2, dateRightEm: unitWidth - dateWidth };
  return { unitRightEm: dateWidth + 4 - unitWidth, dateRightEm: 2 };
}

/**
 * Indents of the 附件 list (GB/T 9704-2012 7.3.5.4): "附件：" two characters in, later items'
 * numbers under the first item's, and wrapped names lined up with the first character of the name.
 */
export function attachmentNoteHang(notes: string[], index: number): { leftEm: number; hangingEm: number } {
  const label = widthInEm('附件：');
  const number = notes.length > 1 ? widthInEm(`${notes.length}. `) : 0;
  const leftEm = 2 + label + number;
  return { leftEm, hangingEm: index === 0 ? label + number : number };
}
