import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { ComposedBlock } from './compose.js';
import type { AttachmentTable } from './attachment-tables.js';
import type { PrintedReport } from './printed-report.js';
import {
  CHAR_TWIPS,
  FONT,
  BODY_CHARACTER_SPACING,
  HEADING_STYLE,
  LANDSCAPE_TEXT_HEIGHT_PT,
  LINE_PT,
  LINE_TWIPS,
  PAGE,
  SIZE_PT,
  TEXT_HEIGHT_PT,
  TITLE_CHARS_PER_LINE,
  mm,
} from './gbt9704.js';
import { addresseeLine } from './addressee.js';
import { attachmentNoteHang, signatureLayout } from './signature-layout.js';
import {
  attachmentCellPt,
  CELL_LINE_FACTOR,
  CELL_MARGIN,
  columnTwips,
  columnWidths,
  keepWithNext,
  printedCell,
  rowHeightPt,
} from './table-layout.js';
import { balanceTitle, titleLines } from './text-metrics.js';
import { fontTablePart } from './font-table.js';

interface RunStyle {
  font: string;
  sizePt: number;
  bold?: boolean;
  /** Body-size text is set 28 characters a line. */
  condensed?: boolean;
}

/** Every run names its font for all scripts: Word and WPS pick the CJK face from eastAsia. */
function run(text: string, style: RunStyle): TextRun {
  return new TextRun(runOptions(text, style));
}

function runOptions(text: string, style: RunStyle) {
  return {
    text,
    font: { ascii: style.font, eastAsia: style.font, hAnsi: style.font, cs: style.font },
    size: style.sizePt * 2,
    bold: style.bold ?? false,
    characterSpacing: style.condensed ? BODY_CHARACTER_SPACING : undefined,
  };
}

const BODY: RunStyle = { font: FONT.body, sizePt: SIZE_PT.body, condensed: true };
/**
 * Digits take the half character the 28-character line counts them at: Word's extra space between
 * Chinese and numbers (autoSpaceDN) is off, so lines break where the preview breaks them.
 */
const ON_GRID = { autoSpaceEastAsianText: false } as const;
const EXACT_LINE = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const TWO_CHARS = 2 * CHAR_TWIPS;

function bodyParagraph(
  children: TextRun[],
  options: { indent?: boolean; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]; keep?: boolean } = {},
): Paragraph {
  return new Paragraph({
    children,
    spacing: EXACT_LINE,
    alignment: options.alignment ?? AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: TWO_CHARS },
    ...ON_GRID,
    ...(options.keep ? KEEP_WITH_NEXT : {}),
  });
}

/**
 * The last paragraph of the body, the 附件 list and the signature stay on one page: a page with
 * the signature and no text is not allowed (GB/T 9704-2012 7.3.5).
 */
const KEEP_WITH_NEXT = { keepNext: true, keepLines: true } as const;

/** An empty line of the 22-line grid (GB/T 9704 "空一行"). */
function blankLine(keep = false): Paragraph {
  return new Paragraph({ children: [run('', BODY)], spacing: EXACT_LINE, ...ON_GRID, ...(keep ? KEEP_WITH_NEXT : {}) });
}

/** The title, centred; a line break the user typed ("\n") starts a new line, to keep words whole. */
function titleParagraph(text: string): Paragraph {
  const style = { font: FONT.title, sizePt: SIZE_PT.title };
  return new Paragraph({
    children: balanceTitle(text, TITLE_CHARS_PER_LINE)
      .split('\n')
      .map((line, i) => (i === 0 ? run(line, style) : new TextRun({ ...runOptions(line, style), break: 1 }))),
    alignment: AlignmentType.CENTER,
    spacing: EXACT_LINE,
    ...ON_GRID,
  });
}

function cellParagraph(
  text: string,
  sizePt: number,
  bold: boolean,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
  keepNext: boolean,
): Paragraph {
  return new Paragraph({
    children: [run(text, { font: FONT.body, sizePt, bold })],
    alignment,
    spacing: { line: Math.round(sizePt * CELL_LINE_FACTOR * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    ...ON_GRID,
    ...(keepNext ? { keepNext: true } : {}),
  });
}

/**
 * A table whose rows are never split, whose header row repeats on every page, and whose rows
 * keep with the next where table-layout.ts says, so no row stands alone on a page. `roomPt` is
 * the height it has on the page it starts: a table that fits there is kept whole.
 */
function table(
  headers: string[],
  rows: string[][],
  totals: string[] | null,
  widthTwips: number,
  sizePt: number,
  roomPt: number,
): Table {
  const widthsPt = columnWidths(headers, rows, widthTwips / 20, sizePt);
  const widths = columnTwips(widthsPt, widthTwips);
  const all = [headers, ...rows, ...(totals ? [totals] : [])];
  const keep = keepWithNext(
    all.map((cells) => rowHeightPt(cells, widthsPt, sizePt)),
    roomPt,
  );
  const cell = (text: string, c: number, bold: boolean, centred: boolean, keepNext: boolean) =>
    new TableCell({
      children: [cellParagraph(text, sizePt, bold, centred ? AlignmentType.CENTER : AlignmentType.LEFT, keepNext)],
      width: { size: widths[c]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: CELL_MARGIN.side, right: CELL_MARGIN.side, top: CELL_MARGIN.top, bottom: CELL_MARGIN.top },
    });
  const tableRows = all.map((cells, i) => {
    const isHeader = i === 0;
    const isTotal = totals !== null && i === all.length - 1;
    return new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: headers.map((_, c) => cell(cells[c] ?? '', c, isHeader || isTotal, isHeader || c === 0, keep[i]!)),
    });
  });
  return new Table({
    rows: tableRows,
    width: { size: widthTwips, type: WidthType.DXA },
    columnWidths: widths,
    alignment: AlignmentType.CENTER,
  });
}

const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const LANDSCAPE_TEXT_WIDTH = PAGE.height - PAGE.margin.left - PAGE.margin.right;

/** A body table, its notes for the archivist taken out of the cells. */
function bodyTable(headers: string[], rows: string[][]): Table {
  return table(
    headers.map(printedCell),
    rows.map((r) => r.map(printedCell)),
    null,
    TEXT_WIDTH,
    SIZE_PT.table,
    TEXT_HEIGHT_PT - LINE_PT,
  );
}

function bodyBlock(block: ComposedBlock, keep = false): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'heading': {
      const style = HEADING_STYLE[block.level];
      return [
        bodyParagraph(
          [
            run(`${block.number}${block.text}`, {
              font: style.font,
              sizePt: SIZE_PT.body,
              bold: style.bold,
              condensed: true,
            }),
          ],
          // A heading is never the last line of a page.
          { keep: true },
        ),
      ];
    }
    case 'paragraph':
      return [
        bodyParagraph(
          block.segments.map((s) => run(s.text, BODY)),
          { keep },
        ),
      ];
    case 'table':
      return [
        ...(block.title
          ? [
              // A caption never ends a page apart from its table.
              bodyParagraph([run(block.title, { ...BODY, bold: true })], {
                indent: false,
                alignment: AlignmentType.CENTER,
                keep: true,
              }),
            ]
          : []),
        bodyTable(block.headers, block.rows),
        blankLine(),
      ];
  }
}

/** "— 1 —" in 4号 宋体, one character in from the outer edge: odd pages right, even pages left. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneChar = SIZE_PT.pageNumber * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { ascii: FONT.pageNumber, eastAsia: FONT.pageNumber, hAnsi: FONT.pageNumber, cs: FONT.pageNumber },
            size: SIZE_PT.pageNumber * 2,
          }),
        ],
      }),
    ],
  });
}

function section(children: Array<Paragraph | Table>, landscape: boolean, first: boolean): ISectionOptions {
  return {
    properties: {
      type: first ? undefined : SectionType.NEXT_PAGE,
      page: {
        size: {
          width: PAGE.width,
          height: PAGE.height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { ...pick(PAGE.margin), header: mm(15), footer: mm(PAGE.footerMm) },
      },
      // No snapping grid: LibreOffice would give the 22 pt title two grid lines; exact spacing keeps 22 lines.
      grid: { type: DocumentGridType.DEFAULT, linePitch: LINE_TWIPS },
    },
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    children,
  };
}

function pick(margin: typeof PAGE.margin) {
  return { top: margin.top, bottom: margin.bottom, left: margin.left, right: margin.right };
}

function signature(report: PrintedReport): Paragraph[] {
  const { unit, date } = report.signature;
  if (!unit && !date) return [];
  const layout = signatureLayout(unit, date, report.sealed);
  const line = (text: string, rightEm: number, keep: boolean) =>
    new Paragraph({
      children: [run(text, BODY)],
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(rightEm * CHAR_TWIPS) },
      spacing: EXACT_LINE,
      ...ON_GRID,
      ...(keep ? KEEP_WITH_NEXT : {}),
    });
  return [
    ...Array.from({ length: layout.blankLinesBefore }, () => blankLine(true)),
    ...(unit ? [line(unit, layout.unitRightEm, date !== '')] : []),
    ...(date ? [line(date, layout.dateRightEm, false)] : []),
  ];
}

function attachmentNotes(notes: string[], keep: boolean): Paragraph[] {
  if (notes.length === 0) return [];
  return [
    blankLine(true),
    ...notes.map((note, i) => {
      const hang = attachmentNoteHang(notes, i);
      return new Paragraph({
        children: [run(note, BODY)],
        spacing: EXACT_LINE,
        ...ON_GRID,
        ...(keep || i < notes.length - 1 ? KEEP_WITH_NEXT : {}),
        indent: { left: Math.round(hang.leftEm * CHAR_TWIPS), hanging: Math.round(hang.hangingEm * CHAR_TWIPS) },
      });
    }),
  ];
}

/**
 * An attachment on pages of its own (GB/T 9704-2012 7.3.7): "附件1" in 3号黑体 flush left on
 * the first line, its title centred on the third, then its table.
 */
function attachmentSection(attachment: AttachmentTable): ISectionOptions {
  const width = attachment.landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
  const sizePt = attachmentCellPt(attachment.headers.length, attachment.landscape);
  const pageHeight = attachment.landscape ? LANDSCAPE_TEXT_HEIGHT_PT : TEXT_HEIGHT_PT;
  const headLines = 3 + titleLines(attachment.title, TITLE_CHARS_PER_LINE);
  return section(
    [
      bodyParagraph([run(attachment.label, { font: FONT.heading1, sizePt: SIZE_PT.body, condensed: true })], {
        indent: false,
        alignment: AlignmentType.LEFT,
      }),
      blankLine(),
      titleParagraph(attachment.title),
      blankLine(),
      table(attachment.headers, attachment.rows, attachment.totals, width, sizePt, pageHeight - headLines * LINE_PT),
    ],
    attachment.landscape,
    false,
  );
}

/** The report as a GB/T 9704-2012 .docx: A4, 22 lines of 28 characters, page numbers outside. */
export function buildDocument(report: PrintedReport): Document {
  const main: Array<Paragraph | Table> = [titleParagraph(report.title), blankLine()];
  // 主送机关 (7.3.2): on the line below the empty one under the title, flush left, wrapping flush left.
  const addressee = addresseeLine(report.addressee);
  if (addressee) main.push(bodyParagraph([run(addressee, BODY)], { indent: false, alignment: AlignmentType.LEFT }));
  const signed = report.signature.unit !== '' || report.signature.date !== '';
  const tail = signed || report.attachmentNotes.length > 0;
  report.body.forEach((block, i) => main.push(...bodyBlock(block, tail && i === report.body.length - 1)));
  main.push(...attachmentNotes(report.attachmentNotes, signed), ...signature(report));
  return new Document({
    title: report.title.replace(/\n/g, ''),
    creator: '台账归档',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: FONT.body, eastAsia: FONT.body, hAnsi: FONT.body, cs: FONT.body },
            size: SIZE_PT.body * 2,
          },
          paragraph: { spacing: EXACT_LINE },
        },
      },
    },
    sections: [section(main, false, true), ...report.attachments.map(attachmentSection)],
  });
}

export async function writeDocx(report: PrintedReport): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(report), false, [fontTablePart()]);
}
