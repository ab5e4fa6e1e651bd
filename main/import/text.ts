/** Full-width letters, digits, brackets, ￥ and the ideographic space (U+3000) folded to their ASCII forms. */
export function toHalfWidth(text: string): string {
  return text.normalize('NFKC');
}

/**
 * A header or field label reduced for comparison, so that "资助金额（元）", "资 助 金 额(元)",
 * "资助金额\n(元)" and "*资助金额(元)" all read the same.
 */
export function compactLabel(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/\*|\((必填|选填)\)/g, '')
    .toLowerCase();
}

/** 1 → A, 27 → AA: how Excel names a column. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Quotes user text inside a message without letting a 40,000-character cell flood it. */
export function quote(text: string, max = 30): string {
  return `“${text.length > max ? `${text.slice(0, max)}…` : text}”`;
}

/** How many items a message names before it only counts the rest. */
export const LISTED_ITEMS = 5;

/**
 * The first few names and how many there are in all, so a sheet of 16,384 columns makes one short
 * line: "F 列“x5”、G 列“x6”…等 16,379 列". A short list is named whole.
 */
export function listSome(names: string[], unit: string, joiner = '、'): string {
  if (names.length <= LISTED_ITEMS) return names.join(joiner);
  return `${names.slice(0, LISTED_ITEMS).join(joiner)}等 ${names.length.toLocaleString('en-US')} ${unit}`;
}
