/**
 * The page of GB/T 9704-2012 (党政机关公文格式), in the units Word and CSS use.
 * One place for both the .docx writer and the HTML preview, so the two agree.
 */

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (millimetres: number) => Math.round(millimetres * TWIPS_PER_MM);

export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  width: 11906,
  height: 16838,
  /** The twips written are those the standard's templates use (28 mm as 1588). */
  margin: { topMm: 37, bottomMm: 35, leftMm: 28, rightMm: 26, top: 2098, bottom: 1984, left: 1588, right: 1474 },
  /** The page number's dash sits 7 mm below the text block; its 14 pt line ends about 5 mm lower. */
  footerMm: 23,
  linesPerPage: 22,
  charsPerLine: 28,
} as const;

export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

/** Sizes in points: 2号 22, 3号 16, 4号 14; 小四 12, 五号 10.5 and 小五 9 for the cells of tables, the wider the smaller. */
export const SIZE_PT = { title: 22, body: 16, pageNumber: 14, table: 12, wideTable: 10.5, widestTable: 9 } as const;

/** 28.9 pt exact: 22 lines fill the 225 mm text block (22 × 28.9 = 635.8 pt of its 637.8 pt). */
export const LINE_PT = 28.9;
export const LINE_TWIPS = Math.round(LINE_PT * 20); // 578

/** One character of body text: indents of "two characters" are 2 × 16 pt. */
export const CHAR_TWIPS = SIZE_PT.body * 20; // 320

const PT_PER_MM = 72 / 25.4;
export const TEXT_WIDTH_PT = (PAGE.widthMm - PAGE.margin.leftMm - PAGE.margin.rightMm) * PT_PER_MM;
/** The text block's height: 225 mm on a portrait page, 138 mm on a landscape one. */
export const TEXT_HEIGHT_PT = (PAGE.heightMm - PAGE.margin.topMm - PAGE.margin.bottomMm) * PT_PER_MM;
export const LANDSCAPE_TEXT_WIDTH_PT = (PAGE.heightMm - PAGE.margin.leftMm - PAGE.margin.rightMm) * PT_PER_MM;
export const LANDSCAPE_TEXT_HEIGHT_PT = (PAGE.widthMm - PAGE.margin.topMm - PAGE.margin.bottomMm) * PT_PER_MM;
/** Title characters a line: 2号 characters across the text block. */
export const TITLE_CHARS_PER_LINE = Math.floor(TEXT_WIDTH_PT / SIZE_PT.title);

/**
 * 28 characters a line: the text block is 156 mm (442.2 pt) wide, so 16 pt characters are set
 * 0.25 pt closer (28 × 15.75 = 441 pt). Run character spacing does this in Word, WPS and
 * LibreOffice alike; a document grid's charSpace is read differently by LibreOffice.
 */
export const BODY_CHARACTER_SPACING_PT = -0.25;
export const BODY_CHARACTER_SPACING = Math.round(BODY_CHARACTER_SPACING_PT * 20); // −5 twentieths of a point

/** Attachment tables wider than this many columns go on a landscape page. */
export const LANDSCAPE_ABOVE_COLUMNS = 7;

export type HeadingLevel = 1 | 2 | 3 | 4;

export const HEADING_STYLE: Record<HeadingLevel, { font: string; bold: boolean }> = {
  1: { font: FONT.heading1, bold: false },
  2: { font: FONT.heading2, bold: false },
  3: { font: FONT.body, bold: true },
  4: { font: FONT.body, bold: true },
};

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 100) return `${n >= 20 ? DIGITS[Math.floor(n / 10)] : ''}十${DIGITS[n % 10]}`;
  return String(n);
}

/** "一、" "（一）" "1." "（1）": the numbering of headings at each level. */
export function headingNumber(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/** A heading typed with its own number ("一、总体情况") loses it: numbers are given when rendered. */
export function stripHeadingNumber(text: string): string {
  return text
    .replace(/^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|[（(]\d+[）)])\s*/, '')
    .trim();
}
