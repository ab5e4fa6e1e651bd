import type { FieldDefinition } from '../../shared/ledger-definition.js';

/** How a column's cells are written. */
export type CellKind = 'seq' | 'text' | 'int' | 'money' | 'date' | 'range';

/**
 * What a cell may hold. Deliberately no object form: exceljs turns `{ formula }` objects into
 * formulas, and user text (even "=1+1") must only ever be written as a plain string.
 */
export type CellValue = string | number | Date | null;

export function cellKindOf(field: FieldDefinition): CellKind {
  switch (field.type) {
    case 'int':
      return 'int';
    case 'money':
      return 'money';
    case 'date':
      return 'date';
    case 'range':
      return 'range';
    default:
      return 'text';
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A stored YYYY-MM-DD as a Date at UTC midnight (exceljs writes Dates as UTC serial days), or null
 * when it is not a real date. Hand-rolled rather than dayjs: it runs once per row of large exports.
 */
function isoToDate(text: string): Date | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** The cell value of one stored field value. */
export function toCellValue(kind: CellKind, value: string | number | null | undefined): CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'int':
    case 'money':
    case 'seq': {
      if (typeof value === 'number') return value;
      const trimmed = value.trim();
      return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : value;
    }
    case 'date':
      return (typeof value === 'string' ? isoToDate(value.trim()) : null) ?? String(value);
    case 'range':
      // "25" adds up as a number; "3-5" stays as written.
      if (typeof value === 'number') return value;
      return /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
    case 'text':
      return String(value);
  }
}

const moneyFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The text a cell shows once formatted, used to fit column widths. */
export function shownText(kind: CellKind, value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return '0000-00-00';
  if (typeof value === 'number') return kind === 'money' ? moneyFormat.format(value) : String(value);
  return value;
}
