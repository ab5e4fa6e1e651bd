import type { ComposedBlock } from './compose.js';
import type { TextSegment } from './fill-text.js';
import type { AttachmentTable } from './attachment-tables.js';
import type { PrintedReport } from './printed-report.js';
import {
  BODY_CHARACTER_SPACING_PT,
  FONT,
  LANDSCAPE_TEXT_HEIGHT_PT,
  LANDSCAPE_TEXT_WIDTH_PT,
  LINE_PT,
  PAGE,
  SIZE_PT,
  TEXT_HEIGHT_PT,
  TEXT_WIDTH_PT,
  TITLE_CHARS_PER_LINE,
  type HeadingLevel,
} from './gbt9704.js';
import { addresseeLine } from './addressee.js';
import { attachmentNoteHang, signatureLayout } from './signature-layout.js';
import {
  attachmentCellPt,
  CELL_LINE_FACTOR,
  CELL_MARGIN,
  columnWidths,
  keepWithNext,
  printedCell,
  rowHeightPt,
} from './table-layout.js';
import { balanceTitle, linesFor, titleLines, widthInEm } from './text-metrics.js';

/**
 * An HTML rendering of the report for the app: A4 page boxes with the GB/T 9704 margins, fonts,
 * sizes, two-character indents and the exact 28.9 pt line pitch (22 lines a page). Pages are
 * broken by counting characters the way the page is set (28 to a line), so page breaks land
 * where Word puts them give or take a line.
 */

const STACK = {
  title: `"${FONT.title}", "FZXiaoBiaoSong-B05S", "Source Han Serif SC", "Noto Serif CJK SC", "SimSun", serif`,
  body: `"${FONT.body}", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", serif`,
  heading1: `"${FONT.heading1}", "SimHei", "Noto Sans CJK SC", sans-serif`,
  heading2: `"${FONT.heading2}", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", serif`,
  pageNumber: `"${FONT.pageNumber}", "SimSun", "Noto Serif CJK SC", serif`,
};

const CSS = `
@page { size: A4; margin: 0; }
/* Narrow frames in the app see the whole width of a page; print stays at 100%. */
@media screen and (max-width: 840px) { html { zoom: 0.8; } }
@media screen and (max-width: 690px) { html { zoom: 0.65; } }
html, body { margin: 0; padding: 0; background: #e8e8e8; }
.page { position: relative; box-sizing: border-box; width: ${PAGE.widthMm}mm; height: ${PAGE.heightMm}mm; margin: 6mm auto;
  padding: ${PAGE.margin.topMm}mm ${PAGE.margin.rightMm}mm ${PAGE.margin.bottomMm}mm ${PAGE.margin.leftMm}mm;
  background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); overflow: hidden; color: #000; }
.page.landscape { width: ${PAGE.heightMm}mm; height: ${PAGE.widthMm}mm; }
p { margin: 0; font-family: ${STACK.body}; font-size: ${SIZE_PT.body}pt; line-height: ${LINE_PT}pt; height: auto;
  text-indent: 2em; text-align: justify; letter-spacing: ${BODY_CHARACTER_SPACING_PT}pt;
  white-space: pre-wrap; line-break: strict; text-autospace: no-autospace; }
p.cont, p.flush { text-indent: 0; }
p.title { font-family: ${STACK.title}; font-size: ${SIZE_PT.title}pt; text-align: center; text-indent: 0; letter-spacing: 0; }
p.h1 { font-family: ${STACK.heading1}; }
p.h2 { font-family: ${STACK.heading2}; }
p.h3, p.h4, p.table-title { font-weight: bold; }
p.table-title { text-align: center; text-indent: 0; }
p.right { text-align: right; text-indent: 0; }
p.attachment-label { font-family: ${STACK.heading1}; text-indent: 0; text-align: left; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-family: ${STACK.body}; }
th, td { border: 0.5pt solid #000; padding: ${CELL_MARGIN.top / 20}pt ${CELL_MARGIN.side / 20}pt; vertical-align: middle;
  word-break: break-all; text-align: left; }
th { font-weight: bold; text-align: center; }
td.c { text-align: center; }
.pn { position: absolute; bottom: ${PAGE.footerMm}mm; font-family: ${STACK.pageNumber}; font-size: ${SIZE_PT.pageNumber}pt; line-height: 1; }
.pn.odd { right: calc(${PAGE.margin.rightMm}mm + ${SIZE_PT.pageNumber}pt); }
.pn.even { left: calc(${PAGE.margin.leftMm}mm + ${SIZE_PT.pageNumber}pt); }
.figure.mark { background: #fff1b8; }
`;

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

interface Page {
  landscape: boolean;
  html: string[];
  usedPt: number;
}

/** Lays blocks onto page boxes, starting a new page when the next line or table row does not fit. */
class Paginator {
  readonly pages: Page[] = [];

  constructor(private readonly highlight: boolean) {}

  newPage(landscape: boolean): void {
    this.pages.push({ landscape, html: [], usedPt: 0 });
  }

  private get page(): Page {
    return this.pages[this.pages.length - 1]!;
  }

  get capacityPt(): number {
    return this.page.landscape ? LANDSCAPE_TEXT_HEIGHT_PT : TEXT_HEIGHT_PT;
  }

  private fits(heightPt: number): boolean {
    return this.page.usedPt + heightPt <= this.capacityPt + 0.01;
  }

  private place(html: string, heightPt: number): void {
    if (!this.fits(heightPt) && this.page.usedPt > 0) this.newPage(this.page.landscape);
    this.page.html.push(html);
    this.page.usedPt += heightPt;
  }

  segmentsHtml(segments: TextSegment[]): string {
    return segments
      .map((s) =>
        s.figure === undefined
          ? esc(s.text)
          : `<span class="figure${this.highlight ? ' mark' : ''}" data-figure="${esc(s.figure)}">${esc(s.text)}</span>`,
      )
      .join('');
  }

  line(className: string, html: string, lines = 1, style = ''): void {
    this.place(`<p class="${className}"${style ? ` style="${style}"` : ''}>${html || '&#8203;'}</p>`, lines * LINE_PT);
  }

  blank(): void {
    this.line('flush', '');
  }

  /** Starts a new page unless `lines` lines still fit on this one (Word's keep with next). */
  keepTogether(lines: number): void {
    const free = Math.floor((this.capacityPt - this.page.usedPt + 0.01) / LINE_PT);
    if (lines > free && this.page.usedPt > 0) this.newPage(this.page.landscape);
  }

  /** A body paragraph, split across pages line by line when it does not fit. */
  paragraph(className: string, segments: TextSegment[], indentEm = 2): void {
    let rest = segments;
    let indent = indentEm;
    let cls = className;
    while (rest.length > 0) {
      const lines = linesFor(rest.map((s) => s.text).join(''), PAGE.charsPerLine, indent);
      let free = Math.floor((this.capacityPt - this.page.usedPt + 0.01) / LINE_PT);
      if (free <= 0) {
        this.newPage(this.page.landscape);
        free = Math.floor((this.capacityPt + 0.01) / LINE_PT);
      }
      if (lines <= free) {
        this.line(cls, this.segmentsHtml(rest), lines);
        return;
      }
      // As Word's widow and orphan control: no single line left at the foot or carried to the head of a page.
      const headLines = lines - free === 1 ? free - 1 : free;
      if (headLines < 2) {
        this.newPage(this.page.landscape);
        continue;
      }
      const [head, tail] = splitAt(rest, headLines * PAGE.charsPerLine - indent);
      this.line(cls, this.segmentsHtml(head), headLines);
      this.newPage(this.page.landscape);
      rest = tail;
      indent = 0;
      cls = `${className} cont`;
    }
  }

  /**
   * A table as the .docx sets it: rows never split, the header row repeated on each page, and rows
   * kept with the next where table-layout.ts says (a run of kept rows moves to the next page whole).
   */
  table(
    title: string,
    headers: string[],
    rows: string[][],
    totals: string[] | null,
    sizePt: number,
    roomPt: number,
  ): void {
    const widthPt = this.page.landscape ? LANDSCAPE_TEXT_WIDTH_PT : TEXT_WIDTH_PT;
    const widths = columnWidths(headers, rows, widthPt, sizePt);
    const colgroup = `<colgroup>${widths.map((w) => `<col style="width:${((w / widthPt) * 100).toFixed(3)}%">`).join('')}</colgroup>`;
    const lineHeight = sizePt * CELL_LINE_FACTOR;
    const rowHtml = (cells: string[], tag: 'th' | 'td') =>
      `<tr>${cells.map((c, i) => `<${tag}${tag === 'td' && i === 0 ? ' class="c"' : ''}>${esc(c)}</${tag}>`).join('')}</tr>`;
    const head = rowHtml(headers, 'th');
    const all = totals ? [...rows, totals] : rows;
    const heights = [headers, ...all].map((cells) => rowHeightPt(cells, widths, sizePt));
    const headHeight = heights[0]!;
    const keep = keepWithNext(heights, roomPt);
    // heights and keep count the header row first: row i of `all` is their entry i + 1.
    /** The height of row i and the rows it keeps with. */
    const keptRun = (i: number) => {
      let height = heights[i + 1]!;
      for (let j = i; j < all.length - 1 && keep[j + 1]; j++) height += heights[j + 2]!;
      return height;
    };
    if (title) {
      // The caption moves to the next page with its table, as keepNext does in the .docx.
      const first = all.length ? keptRun(0) : 0;
      if (!this.fits(LINE_PT + headHeight + first) && this.page.usedPt > 0) this.newPage(this.page.landscape);
      this.line('table-title', esc(title));
    }
    let chunk: string[] = [];
    let chunkHeight = headHeight;
    const flush = () => {
      if (chunk.length === 0) return;
      this.place(
        `<table style="font-size:${sizePt}pt;line-height:${lineHeight}pt">${colgroup}<thead>${head}</thead><tbody>${chunk.join('')}</tbody></table>`,
        chunkHeight,
      );
      chunk = [];
      chunkHeight = headHeight;
    };
    all.forEach((cells, i) => {
      const height = heights[i + 1]!;
      // A run of kept rows that does not fit goes to the next page whole, when a page can hold it.
      const needed = i === 0 || !keep[i] ? keptRun(i) : height;
      const movable = headHeight + needed <= this.capacityPt;
      if (chunk.length > 0 && !this.fits(chunkHeight + (movable ? needed : height))) {
        flush();
        this.newPage(this.page.landscape);
      } else if (chunk.length === 0 && !this.fits(chunkHeight + (movable ? needed : height)) && this.page.usedPt > 0) {
        this.newPage(this.page.landscape);
      }
      chunk.push(rowHtml(cells, 'td'));
      chunkHeight += height;
    });
    flush();
  }
}

/** Splits segments after `ems` ems of text. */
function splitAt(segments: TextSegment[], ems: number): [TextSegment[], TextSegment[]] {
  const head: TextSegment[] = [];
  const tail: TextSegment[] = [];
  let used = 0;
  for (const segment of segments) {
    if (used >= ems) {
      tail.push(segment);
      continue;
    }
    let cut = 0;
    for (const ch of segment.text) {
      const w = widthInEm(ch);
      if (used + w > ems + 1e-9) break;
      used += w;
      cut += ch.length;
    }
    if (cut > 0) head.push({ ...segment, text: segment.text.slice(0, cut) });
    if (cut < segment.text.length) {
      tail.push({ ...segment, text: segment.text.slice(cut) });
      used = ems;
    }
  }
  return [head, tail];
}

function blockLines(block: ComposedBlock): number {
  if (block.kind === 'table') return 2;
  const text = block.kind === 'heading' ? `${block.number}${block.text}` : block.segments.map((s) => s.text).join('');
  return linesFor(text, PAGE.charsPerLine, 2);
}

/**
 * Lines that must share a page with block i, as the .docx keeps them: a heading with what follows
 * it (the first two lines of a paragraph), and the last paragraph whole with the 附件 list and signature.
 */
function keptLines(body: ComposedBlock[], i: number, tailLines: number): number {
  const last = body.length - 1;
  const block = body[i]!;
  if (block.kind !== 'heading')
    return i === last && tailLines > 0 && block.kind !== 'table' ? blockLines(block) + tailLines : 0;
  if (i > 0 && body[i - 1]!.kind === 'heading') return 0;
  let lines = 0;
  let j = i;
  for (; j <= last && body[j]!.kind === 'heading'; j++) lines += blockLines(body[j]!);
  if (j > last) return lines + tailLines;
  const next = body[j]!;
  if (j === last && tailLines > 0 && next.kind !== 'table') return lines + blockLines(next) + tailLines;
  return lines + Math.min(2, blockLines(next));
}

/** Titles keep the line breaks the user typed. */
function titleHtml(title: string): string {
  return balanceTitle(title, TITLE_CHARS_PER_LINE).split('\n').map(esc).join('<br>');
}

function bodyBlock(p: Paginator, block: ComposedBlock): void {
  switch (block.kind) {
    case 'heading':
      p.paragraph(`h${block.level as HeadingLevel}`, [{ text: `${block.number}${block.text}` }]);
      return;
    case 'paragraph':
      p.paragraph('body', block.segments);
      return;
    case 'table':
      p.table(
        block.title,
        block.headers.map(printedCell),
        block.rows.map((r) => r.map(printedCell)),
        null,
        SIZE_PT.table,
        TEXT_HEIGHT_PT - LINE_PT,
      );
      p.blank();
      return;
  }
}

function attachment(p: Paginator, table: AttachmentTable): void {
  p.newPage(table.landscape);
  p.line('attachment-label', esc(table.label));
  p.blank();
  const lines = titleLines(table.title, TITLE_CHARS_PER_LINE);
  p.line('title', titleHtml(table.title), lines);
  p.blank();
  const sizePt = attachmentCellPt(table.headers.length, table.landscape);
  p.table('', table.headers, table.rows, table.totals, sizePt, p.capacityPt - (3 + lines) * LINE_PT);
}

export function renderPreviewHtml(
  report: PrintedReport,
  options: { highlightFigures?: boolean } = {},
): { html: string; pages: number } {
  const p = new Paginator(options.highlightFigures ?? false);
  p.newPage(false);
  p.line('title', titleHtml(report.title), titleLines(report.title, TITLE_CHARS_PER_LINE));
  p.blank();
  const addressee = addresseeLine(report.addressee);
  if (addressee) p.paragraph('flush', [{ text: addressee }], 0);
  const notes = report.attachmentNotes.map((note, i) => {
    const hang = attachmentNoteHang(report.attachmentNotes, i);
    return { note, hang, lines: linesFor(note, PAGE.charsPerLine - hang.leftEm, -hang.hangingEm) };
  });
  const { unit, date } = report.signature;
  const signature = signatureLayout(unit, date, report.sealed);
  // The last paragraph, the 附件 list and the signature share a page, as the .docx keeps them.
  const tailLines =
    (notes.length ? 1 + notes.reduce((n, x) => n + x.lines, 0) : 0) +
    (unit || date ? signature.blankLinesBefore + (unit ? 1 : 0) + (date ? 1 : 0) : 0);
  report.body.forEach((block, i) => {
    const kept = keptLines(report.body, i, tailLines);
    if (kept > 0) p.keepTogether(kept);
    bodyBlock(p, block);
  });
  if (notes.length > 0) {
    p.blank();
    for (const { note, hang, lines } of notes) {
      p.line('flush', esc(note), lines, `padding-left:${hang.leftEm}em;text-indent:-${hang.hangingEm}em`);
    }
  }
  if (unit || date) {
    for (let n = 0; n < signature.blankLinesBefore; n++) p.blank();
    if (unit) p.line('right', esc(unit), 1, `padding-right:${signature.unitRightEm}em`);
    if (date) p.line('right', esc(date), 1, `padding-right:${signature.dateRightEm}em`);
  }
  for (const table of report.attachments) attachment(p, table);
  const pages = p.pages.map((page, i) => {
    const side = (i + 1) % 2 === 1 ? 'odd' : 'even';
    return `<section class="page${page.landscape ? ' landscape' : ''}" data-page="${i + 1}">${page.html.join('\n')}<div class="pn ${side}">— ${i + 1} —</div></section>`;
  });
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(report.title)}</title><style>${CSS}</style></head>
<body>
${pages.join('\n')}
</body></html>`;
  return { html, pages: pages.length };
}
