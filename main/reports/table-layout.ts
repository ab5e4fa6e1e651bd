import { SIZE_PT } from './gbt9704.js';

/**
 * How tables are laid out, the same for the .docx and the preview: column widths from the text
 * they hold, and an exact line height in the cells, so a row is as tall in Word as in LibreOffice
 * and in the preview whatever font stands in for 仿宋_GB2312.
 */

/** Cell lines are exactly this many times the font size. */
export const CELL_LINE_FACTOR = 1.35;
/** Cell margins: 57 twips left and right, 28 top and bottom. */
export const CELL_MARGIN = { side: 57, top: 28 } as const;

/**
 * Latin letters and digits are taken at 0.65 em: wide enough for any stand-in font (DejaVu Sans,
 * which LibreOffice puts in for 仿宋_GB2312's digits, sets them at 0.64 em; 仿宋 itself at 0.5).
 */
const LATIN_EM = 0.65;

/** Width of cell text in ems. */
export function cellTextWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! < 0x2000 ? LATIN_EM : 1;
  return width;
}

/** The cell text size of an attachment table: 五号 on a landscape page or past 5 columns, 小五 past 12. */
export function attachmentCellPt(columns: number, landscape: boolean): number {
  if (columns > 12) return SIZE_PT.widestTable;
  return landscape || columns > 5 ? SIZE_PT.wideTable : SIZE_PT.table;
}

/** Lines a cell's text takes in a column `widthEm` ems wide (its margins already taken off). */
export function cellLines(text: string, widthEm: number): number {
  if (widthEm <= 0) return 1;
  let lines = 1;
  let used = 0;
  for (const ch of text) {
    const w = ch.codePointAt(0)! < 0x2000 ? LATIN_EM : 1;
    if (used + w > widthEm + 1e-9) {
      lines++;
      used = 0;
    }
    used += w;
  }
  return lines;
}

const MIN_EM = 3;
const MAX_EM = 20;

/** Text that reads wrong when broken across lines: ID numbers, dates, phone numbers, amounts. */
const UNBREAKABLE = /^[0-9A-Za-z.\-:/+%]+$/;

/**
 * Column widths in points for a table `totalPt` wide set in `sizePt` text: each column as wide as
 * its widest text, 序号 from 2 ems, others from 3, none over 20. When they do not fit, the widest
 * columns of words give way first, so that names and addresses wrap and ID numbers, dates and
 * short columns such as 序号 and 性别 do not; only when that is not enough do all columns give way.
 */
export function columnWidths(headers: string[], rows: string[][], totalPt: number, sizePt: number): number[] {
  const pad = (2 * CELL_MARGIN.side) / 20 / sizePt + 0.2;
  const sample = rows.slice(0, 300);
  const unbreakable = headers.map(
    (_, c) =>
      sample.some((r) => (r[c] ?? '') !== '') && sample.every((r) => (r[c] ?? '') === '' || UNBREAKABLE.test(r[c]!)),
  );
  const desired = headers.map((h, c) => {
    const widest = Math.max(cellTextWidth(h), ...sample.map((r) => cellTextWidth(r[c] ?? '')));
    return Math.min(MAX_EM, Math.max(c === 0 ? 2 : MIN_EM, widest)) + pad;
  });
  const available = totalPt / sizePt;
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  // Columns give way in proportion to their text, so a long 内容 keeps more room than a short 派出单位
  // and rows stay low; none goes below 3 ems, or below its own text when that is shorter.
  const shrink = (fixed: boolean[]) => {
    const fitted = (k: number) => desired.map((d, c) => (fixed[c] ? d : Math.max(Math.min(d, MIN_EM + pad), d * k)));
    let [low, high] = [0, 1];
    for (let step = 0; step < 30; step++) {
      const k = (low + high) / 2;
      if (sum(fitted(k)) > available) high = k;
      else low = k;
    }
    return fitted(low);
  };
  let weights = shrink(unbreakable);
  if (sum(weights) > available) weights = shrink(headers.map(() => false));
  return weights.map((w) => (w / sum(weights)) * totalPt);
}

/** The same widths in whole twips, adding up to the table's width exactly. */
export function columnTwips(widthsPt: number[], totalTwips: number): number[] {
  const twips = widthsPt.map((w) => Math.floor(w * 20));
  twips[twips.length - 1]! += totalTwips - twips.reduce((a, b) => a + b, 0);
  return twips;
}

/**
 * A figure's name may carry a note for the archivist on how it is counted ("资助学生（按身份证号
 * 去重）"); the tables of the report leave such notes out, as a 公文 states figures, not methods.
 */
export function printedCell(text: string): string {
  return text.replace(/[（(]按[^（）()]*[）)]/g, '').trim();
}

/** Height in points of a row of cells set in `sizePt` text, margins and a border included. */
export function rowHeightPt(cells: string[], widthsPt: number[], sizePt: number): number {
  const lines = Math.max(...cells.map((c, i) => cellLines(c, (widthsPt[i]! - (2 * CELL_MARGIN.side) / 20) / sizePt)));
  return lines * sizePt * CELL_LINE_FACTOR + (2 * CELL_MARGIN.top) / 20 + 0.5;
}

/**
 * Which rows keep with the row after them (Word's keep with next, set on their paragraphs), so no
 * row is left alone: a short table (up to a third of the room it has on its page) is never split;
 * a longer one may be, its header row repeated on each page, but its header keeps with the first
 * row and its last row with the one before, rather than leave half a page empty.
 * `heights` are those of the header row and then every other row, in points.
 */
export function keepWithNext(heights: number[], roomPt: number): boolean[] {
  const total = heights.reduce((a, b) => a + b, 0);
  const last = heights.length - 1;
  if (total <= roomPt / 3) return heights.map((_, i) => i < last);
  return heights.map((_, i) => i === 0 || i === last - 1);
}
