import type { CellValue } from 'exceljs';
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

function richText(parts: Array<{ text?: string }>): string {
  return parts.map((p) => p.text ?? '').join('');
}

/** Reads an exceljs cell value: rich text joined, hyperlinks as their text, formulas as their cached result. */
export function toSheetCell(value: CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  // A formula whose cached result is an error comes back from the stream reader as NaN.
  if (typeof value === 'number') return Number.isFinite(value) ? value : { problem: 'error', detail: '#VALUE!' };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { problem: 'error', detail: '#VALUE!' } : value;
  if ('richText' in value) return richText(value.richText);
  if ('error' in value) return { problem: 'error', detail: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: CellValue }).result;
    if (result === undefined || result === null) {
      return { problem: 'no-result', detail: `=${(value as { formula?: string }).formula ?? ''}` };
    }
    return toSheetCell(result);
  }
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text)
      return richText((text as { richText: Array<{ text?: string }> }).richText);
    return value.hyperlink;
  }
  return null;
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
