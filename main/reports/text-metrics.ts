/**
 * Widths of text in ems of its font size, as a 公文 page lays it out: Chinese characters and
 * full-width punctuation take one em, Latin letters, digits and ASCII punctuation half of one.
 */
export function widthInEm(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width += code < 0x2000 ? 0.5 : 1;
  }
  return width;
}

/** Lines a paragraph takes at `charsPerLine` ems a line, its first line indented by `indentEm`. */
export function linesFor(text: string, charsPerLine: number, indentEm = 0): number {
  return Math.max(1, Math.ceil((indentEm + widthInEm(text)) / charsPerLine - 1e-9));
}

/** A line never starts with closing punctuation, and a number is never cut from what follows it (2019年). */
const NO_LINE_START = /^[，。、；：？！）》”’」』%]/;
const KEEPS_NEXT = /^[0-9A-Za-z.-]$/;

/** Widths (in ems) at which a title may be broken, each with whether a number starts there. */
function breakPoints(chars: string[]): Array<{ at: number; width: number; beforeNumber: boolean }> {
  const points: Array<{ at: number; width: number; beforeNumber: boolean }> = [];
  let width = 0;
  chars.forEach((ch, i) => {
    width += widthInEm(ch);
    const next = chars[i + 1];
    if (next === undefined || NO_LINE_START.test(next) || KEEPS_NEXT.test(ch)) return;
    // 2019年4月 is one date.
    if (ch === '年' && /[0-9]/.test(next)) return;
    points.push({ at: i + 1, width, beforeNumber: /[0-9]/.test(next) });
  });
  return points;
}

/**
 * Breaks a title that does not fit on one line into lines of near-equal width, as 公文 titles
 * are set (never a lone character on the last line), preferring the break before the year that
 * follows the unit's name. A title holding the user's own line breaks is left as written.
 */
export function balanceTitle(title: string, charsPerLine: number): string {
  // A line's last em is kept free: digits and Latin letters are a little wider than half an em.
  const room = charsPerLine - 1;
  const width = widthInEm(title);
  if (title.includes('\n') || width <= room) return title;
  const chars = [...title];
  const points = breakPoints(chars);
  const lines = Math.ceil(width / room);
  const cuts: number[] = [];
  for (let k = 1; k < lines; k++) {
    const target = (width * k) / lines;
    const fits = points.filter(
      (p) => p.width - (cuts.length ? points.find((q) => q.at === cuts.at(-1))!.width : 0) <= room,
    );
    const near = (p: { width: number }) => Math.abs(p.width - target);
    const preferred = fits.filter((p) => p.beforeNumber && near(p) <= room * 0.3);
    const best = [...(preferred.length ? preferred : fits)].sort((a, b) => near(a) - near(b))[0];
    if (!best || cuts.includes(best.at)) break;
    cuts.push(best.at);
  }
  cuts.sort((a, b) => a - b);
  return chars.map((ch, i) => (cuts.includes(i + 1) ? `${ch}\n` : ch)).join('');
}

/** Lines a title takes once balanced, its own line breaks kept. */
export function titleLines(title: string, charsPerLine: number): number {
  return balanceTitle(title, charsPerLine)
    .split('\n')
    .reduce((n, line) => n + linesFor(line, charsPerLine), 0);
}
