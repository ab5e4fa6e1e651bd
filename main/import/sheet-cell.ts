import { dateFromCell } from './normalize-date.js';

/** A cell that holds no usable value: an Excel error (#N/A …) or a formula saved without its result. */
export interface CellProblem {
  problem: 'error' | 'no-result';
  /** The error code, or the formula text. */
  detail: string;
}

/** One cell as the import sees it: what Excel shows, reduced to plain values. */
export type SheetCell = string | number | boolean | Date | null | CellProblem;

export function isProblem(cell: SheetCell): cell is CellProblem {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

export function isBlankCell(cell: SheetCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** The text a person sees in the cell, for finding headers and recognising 合计 / 填表人 lines. */
export function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return dateFromCell(cell);
  return '';
}
