/**
 * Column widths for Chinese tables. Excel measures a column in widths of the default font's "0";
 * a Chinese character (and full-width punctuation) takes about two of them.
 */

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    codePoint >= 0x20000
  );
}

/** Display width of one line: two for each CJK or full-width character, one for the rest. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0)!) ? 2 : 1;
  return width;
}

/** The widest line of a text that may hold line breaks. */
export function widestLine(text: string): number {
  let widest = 0;
  for (const line of text.split(/\r?\n/)) widest = Math.max(widest, displayWidth(line));
  return widest;
}

/** 宋体 glyphs are a little wider than the "0" of the default font that Excel's unit is based on. */
const GLYPH_FACTOR = 1.1;
/** Room for the cell's inner margins and the border. */
const PADDING = 2;

/** The Excel column width that shows `width` display units on one line. */
export function columnWidthFor(width: number): number {
  return Math.ceil(width * GLYPH_FACTOR) + PADDING;
}

/** Pixels of one display width of 11 pt 宋体 at 96 dpi (a Chinese character is about 15). */
const PIXELS_PER_WIDTH = 7.5;
/** The cell's inner margins, in pixels. */
const CELL_MARGIN_PIXELS = 6;

/** How many lines a text takes when wrapped in a column of the given Excel width. */
export function wrappedLines(text: string, columnWidth: number): number {
  const usable = Math.max(1, (columnPixels(columnWidth) - CELL_MARGIN_PIXELS) / PIXELS_PER_WIDTH);
  // Every character is at most two wide: short single-line text needs no measuring.
  if (text.length * 2 <= usable && !text.includes('\n')) return 1;
  let lines = 0;
  for (const line of text.split(/\r?\n/)) lines += Math.max(1, Math.ceil(displayWidth(line) / usable));
  return lines;
}

export interface WidthRule {
  /** Widest display width seen in the column's values (formatted as they will show). */
  content: number;
  /** The header label. */
  label: string;
  /** Text that may wrap: the column stops growing at `cap`. */
  wraps: boolean;
  cap: number;
}

/**
 * Fits one column: wide enough for its widest value (up to the cap for wrapping text), and for its
 * label on at most two lines, since the header row wraps.
 */
export function fitColumnWidth(rule: WidthRule): number {
  const label = displayWidth(rule.label);
  const content = rule.wraps ? Math.min(rule.content, rule.cap) : rule.content;
  const labelNeed = label <= Math.max(content, 8) ? label : Math.ceil(label / 2);
  return columnWidthFor(Math.max(content, labelNeed, 4));
}

/** Excel draws a column of width w as about 7w + 5 pixels (at 96 dpi, 11 pt default font). */
export function columnPixels(width: number): number {
  return Math.round(width * 7 + 5);
}
