/**
 * How tables are laid out, the same for the .docx and the preview: column widths from the text
 * they hold, and an exact line height in the cells, so a row is as tall in Word as in LibreOffice
 * and in the preview whatever font stands in for 仿宋_GB2312.
 */

/** Cell lines are exactly this many times the font size. */
export const CELL_LINE_FACTOR = 1.35;
/** Cell margins: 57 twips left and right, 28 top and bottom. */
export const CELL_MARGIN = { side: 57, top: 28 } as const;

/** Width of cell text in ems, Latin letters and digits taken at 0.6 em: wide enough for any stand-in font. */
export function cellTextWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! < 0x2000 ? 0.6 : 1;
  return width;
}

/** Lines a cell's text takes in a column `widthEm` ems wide (its margins already taken off). */
export function cellLines(text: string, widthEm: number): number {
  if (widthEm <= 0) return 1;
  let lines = 1;
  let used = 0;
  for (const ch of text) {
    const w = ch.codePointAt(0)! < 0x2000 ? 0.6 : 1;
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

/**
 * Column widths in points for a table `totalPt` wide set in `sizePt` text: each column as wide as
 * its widest text, 序号 from 2 ems, others from 3, none over 20. When they do not fit, the widest
 * columns give way first, so short columns such as 序号 and 性别 do not wrap.
 */
export function columnWidths(headers: string[], rows: string[][], totalPt: number, sizePt: number): number[] {
  const pad = (2 * CELL_MARGIN.side) / 20 / sizePt + 0.2;
  const desired = headers.map((h, c) => {
    const widest = Math.max(cellTextWidth(h), ...rows.slice(0, 300).map((r) => cellTextWidth(r[c] ?? '')));
    return Math.min(MAX_EM, Math.max(c === 0 ? 2 : MIN_EM, widest)) + pad;
  });
  const available = totalPt / sizePt;
  const fitted = (cap: number) => desired.map((d) => Math.min(d, cap));
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  let cap = Math.max(...desired);
  while (sum(fitted(cap)) > available && cap > MIN_EM + pad) cap -= 0.25;
  const weights = fitted(cap);
  return weights.map((w) => (w / sum(weights)) * totalPt);
}

/** The same widths in whole twips, adding up to the table's width exactly. */
export function columnTwips(widthsPt: number[], totalTwips: number): number[] {
  const twips = widthsPt.map((w) => Math.floor(w * 20));
  twips[twips.length - 1]! += totalTwips - twips.reduce((a, b) => a + b, 0);
  return twips;
}
