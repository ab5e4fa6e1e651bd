import type { Alignment, Borders, Font, Style } from 'exceljs';
import type { CellKind } from './cell-values.js';
import type { ColumnSpec } from './xlsx-layout.js';

/*
 * Style objects of an exported sheet. Each is built once and shared by every cell that uses it:
 * exceljs caches a style's id by object identity, so 300,000 rows cost one lookup per cell.
 */

/** GB2312 charset, so Excel and WPS pick the Chinese face rather than a Latin fallback. */
const GB2312 = 134;
const thin = { style: 'thin' } as const;
const THIN_BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const BODY_FONT: Partial<Font> = { name: '宋体', size: 11, charset: GB2312 };
const BOLD_BODY_FONT: Partial<Font> = { ...BODY_FONT, bold: true };

const NUM_FMT: Record<CellKind, string> = {
  seq: '0',
  int: '0',
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
  range: 'General',
  text: '@',
};

function alignment(col: ColumnSpec): Partial<Alignment> {
  return { horizontal: col.align, vertical: 'middle', wrapText: col.wraps };
}

export interface SheetStyles {
  attachment: Partial<Style>;
  title: Partial<Style>;
  info: Partial<Style>;
  header: Partial<Style>;
  /** One per column, in column order. */
  data: Array<Partial<Style>>;
  totalLabel: Partial<Style>;
  /** One per column: bold, with the column's number format. */
  total: Array<Partial<Style>>;
  footer: Partial<Style>;
}

export function sheetStyles(columns: ColumnSpec[], titleSize: number): SheetStyles {
  return {
    attachment: {
      font: { name: '黑体', size: 14, charset: GB2312 },
      alignment: { horizontal: 'left', vertical: 'middle' },
    },
    title: {
      font: { name: '黑体', size: titleSize, bold: true, charset: GB2312 },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    },
    info: { font: BODY_FONT, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } },
    header: {
      font: BOLD_BODY_FONT,
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      border: THIN_BORDER,
    },
    data: columns.map((col) => ({
      font: BODY_FONT,
      alignment: alignment(col),
      border: THIN_BORDER,
      numFmt: NUM_FMT[col.kind],
    })),
    totalLabel: {
      font: BOLD_BODY_FONT,
      alignment: { horizontal: 'center', vertical: 'middle' },
      border: THIN_BORDER,
    },
    total: columns.map((col) => ({
      font: BOLD_BODY_FONT,
      alignment: { ...alignment(col), wrapText: false },
      border: THIN_BORDER,
      numFmt: NUM_FMT[col.kind],
    })),
    footer: { font: BODY_FONT, alignment: { horizontal: 'left', vertical: 'middle' } },
  };
}
