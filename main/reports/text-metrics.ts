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
