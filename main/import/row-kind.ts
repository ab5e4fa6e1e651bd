import { cellText, isBlankCell, type SheetCell } from './sheet-cell.js';
import { compactLabel } from './text.js';

/** What a row below the header is: a record, or one of the lines tables carry around their data. */
export type RowKind = 'data' | 'blank' | 'total' | 'footer' | 'header-repeat';

/**
 * A total's word ends at a colon, a bracket, a figure or the cell's end, so 合计：, 合计(元) and
 * 合计 1200 are totals but a project named 总计划… is not.
 */
const TOTAL = /^(合计|小计|总计|共计|总合计)(:|\(|\d|$)/;
const SIGNERS = [
  '填表人',
  '填报人',
  '制表人',
  '审核人',
  '负责人',
  '单位负责人',
  '分管领导',
  '联系电话',
  '联系人',
  '填表日期',
  '填报日期',
  '制表日期',
  '填报单位',
];
const SIGNER = new RegExp(`^(${SIGNERS.join('|')})(:|$)`);
const NOTE = /^(注|备注|说明|填表说明)\d*[:.、]/;

/** The compact texts of the first `limit` non-blank cells, and how many cells are non-blank. */
function leadingTexts(cells: SheetCell[], limit: number): { texts: string[]; filled: number } {
  const texts: string[] = [];
  let filled = 0;
  for (const cell of cells) {
    if (isBlankCell(cell)) continue;
    filled++;
    if (texts.length < limit) texts.push(compactLabel(cellText(cell)));
  }
  return { texts, filled };
}

/** Cells that read as the header's own labels; most cells are ruled out by their first character. */
function headerCells(cells: SheetCell[], header: string[]): number {
  let same = 0;
  cells.forEach((cell, i) => {
    const label = header[i];
    if (!label || typeof cell !== 'string' || cell.length > 60) return;
    if (cell.trimStart()[0] === label[0] && compactLabel(cell) === label) same++;
  });
  return same;
}

function isFooter(first: string): boolean {
  if (SIGNER.test(first) || NOTE.test(first)) return true;
  // "填表人  审核人  联系电话" (ideographic spaces) in one cell, with nothing filled in yet.
  return SIGNERS.filter((s) => first.includes(s)).length >= 2 && SIGNERS.some((s) => first.startsWith(s));
}

/**
 * Whether a row closes the data, by its first cells: a 合计/小计 line or a footer (填表人, 注:).
 * Both the import and the reading of a header for a new ledger type stop or skip on it.
 */
export function closingKind(cells: SheetCell[]): 'total' | 'footer' | null {
  const { texts } = leadingTexts(cells, 2);
  // 合计 and 填表人 often sit in the 序号 column, so they are looked for before emptiness.
  if (texts.some((t) => TOTAL.test(t))) return 'total';
  return isFooter(texts[0] ?? '') ? 'footer' : null;
}

export interface RowContext {
  /** Columns (0-based) that hold fields or are waiting for the user to map them. */
  dataColumns: number[];
  /** The header's compact texts by column, to spot a header repeated on every printed page. */
  header: string[];
  /** A footer line has been passed: a lone cell after it (a date, 盖章) is part of the footer. */
  afterFooter: boolean;
}

export function classifyRow(cells: SheetCell[], ctx: RowContext): RowKind {
  const closing = closingKind(cells);
  if (closing) return closing;
  if (ctx.dataColumns.every((c) => isBlankCell(cells[c]))) return 'blank';
  if (ctx.afterFooter && leadingTexts(cells, 0).filled === 1) return 'footer';
  if (headerCells(cells, ctx.header) >= Math.max(2, Math.ceil(ctx.dataColumns.length / 2))) return 'header-repeat';
  return 'data';
}
