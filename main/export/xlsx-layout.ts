import type { FieldDefinition, LedgerDefinition } from '../../shared/ledger-definition.js';
import { chineseDate } from '../../shared/dates.js';
import { cellKindOf, type CellKind } from './cell-values.js';
import { columnPixels, displayWidth } from './column-width.js';

/** One column of an exported table: 序号 first, then the ledger's fields in definition order. */
export interface ColumnSpec {
  /** The field key; null for the 序号 column. */
  key: string | null;
  label: string;
  kind: CellKind;
  align: 'left' | 'center' | 'right';
  /** Long text wraps inside the column once it reaches `cap` widths. */
  wraps: boolean;
  cap: number;
  /** Summed in the 合计 row. */
  total: boolean;
}

export interface SheetTexts {
  /** "附件N" above the title, when given. */
  attachmentNo?: number;
  title: string;
  unitName: string;
  /** YYYY-MM-DD, shown as 2019年3月20日. */
  fillDate: string;
}

/** Row numbers of the parts of a sheet above the data. */
export interface SheetRows {
  attachment: number | null;
  title: number;
  info: number;
  header: number;
  firstData: number;
}

export interface SheetLayout {
  columns: ColumnSpec[];
  rows: SheetRows;
  texts: { attachment: string | null; title: string; info: string; footer: string };
  hasTotals: boolean;
  /** Rows repeated at the top of every printed page: the title through the header row. */
  printTitlesRow: string;
}

/** U+3000, the full-width space forms use to leave room for handwriting. */
const IDEOGRAPHIC_SPACE = '\u3000';

export const FOOTER_TEXT = `填表人：${IDEOGRAPHIC_SPACE.repeat(3)}审核人：${IDEOGRAPHIC_SPACE.repeat(3)}联系电话：`;
export const PAGE_FOOTER = '&C第 &P 页 共 &N 页';

export function infoLine(unitName: string, fillDate: string): string {
  return `填报单位（盖章）：${unitName} ${IDEOGRAPHIC_SPACE.repeat(2)}填报日期：${chineseDate(fillDate)}`;
}

const SHORT_TEXT_TYPES = new Set<FieldDefinition['type']>(['enum', 'idcard', 'phone', 'person', 'month', 'fuzzy-time']);

function fieldColumn(field: FieldDefinition, totals: Set<string>): ColumnSpec {
  const kind = cellKindOf(field);
  const base = { key: field.key, label: field.label, kind, total: totals.has(field.key) };
  if (kind === 'money') return { ...base, align: 'right', wraps: false, cap: Infinity };
  if (kind !== 'text') return { ...base, align: 'center', wraps: false, cap: Infinity };
  if (SHORT_TEXT_TYPES.has(field.type)) return { ...base, align: 'center', wraps: true, cap: 24 };
  return { ...base, align: 'left', wraps: true, cap: field.type === 'longtext' ? 40 : 30 };
}

export function sheetColumns(def: LedgerDefinition): ColumnSpec[] {
  const totals = new Set(def.totals ?? []);
  const seq: ColumnSpec = {
    key: null,
    label: '序号',
    kind: 'seq',
    align: 'center',
    wraps: false,
    cap: Infinity,
    total: false,
  };
  return [seq, ...def.fields.map((field) => fieldColumn(field, totals))];
}

export function sheetLayout(def: LedgerDefinition, texts: SheetTexts): SheetLayout {
  const columns = sheetColumns(def);
  const first = texts.attachmentNo === undefined ? 1 : 2;
  const rows: SheetRows = {
    attachment: texts.attachmentNo === undefined ? null : 1,
    title: first,
    info: first + 1,
    header: first + 2,
    firstData: first + 3,
  };
  return {
    columns,
    rows,
    texts: {
      attachment: texts.attachmentNo === undefined ? null : `附件${texts.attachmentNo}`,
      title: texts.title,
      info: infoLine(texts.unitName, texts.fillDate),
      footer: FOOTER_TEXT,
    },
    hasTotals: columns.some((c) => c.total),
    printTitlesRow: `${rows.title}:${rows.header}`,
  };
}

/** A4 minus 0.5-inch side margins, in Excel's pixels at 96 dpi. */
const PORTRAIT_PIXELS = 697;
const MAX_PORTRAIT_COLUMNS = 8;

/** Landscape when the table has more than eight columns or is wider than a portrait page. */
export function orientationFor(widths: number[]): 'portrait' | 'landscape' {
  const pixels = widths.reduce((sum, w) => sum + columnPixels(w), 0);
  return widths.length > MAX_PORTRAIT_COLUMNS || pixels > PORTRAIT_PIXELS ? 'landscape' : 'portrait';
}

/** Points to pixels at 96 dpi. */
const PX_PER_PT = 96 / 72;

/**
 * The title's font size and line count: 18 pt when it fits across the table on one line, else
 * 16 pt, wrapping onto more lines if even that is too wide.
 */
export function titleFit(title: string, tablePixels: number): { size: number; lines: number } {
  const glyphs = displayWidth(title) / 2;
  for (const size of [18, 16]) {
    if (glyphs * size * PX_PER_PT <= tablePixels - 16) return { size, lines: 1 };
  }
  return { size: 16, lines: Math.ceil((glyphs * 16 * PX_PER_PT) / Math.max(tablePixels - 16, 1)) };
}
