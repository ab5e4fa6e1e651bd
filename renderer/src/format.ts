import type { FieldDefinition } from '../../shared/ledger-definition.js';

const MONEY = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const COUNT = new Intl.NumberFormat('zh-CN');

/** 1,200.50 — money always with two decimals. */
export function formatMoney(value: number): string {
  return MONEY.format(value);
}

export function formatCount(value: number): string {
  return COUNT.format(value);
}

/** How a stored value reads in a table cell: money with 2 decimals, ID numbers exactly as stored. */
export function formatCell(field: FieldDefinition, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (field.type === 'money' && typeof value === 'number') return formatMoney(value);
  if (field.type === 'int' && typeof value === 'number') return formatCount(value);
  return String(value);
}

/** A column width that fits both the header (with its sort arrows) and the field's usual content. */
export function columnWidth(field: FieldDefinition): number {
  return Math.max(field.label.length * 15 + 52, contentWidth(field));
}

function contentWidth(field: FieldDefinition): number {
  switch (field.type) {
    case 'idcard':
      return 190;
    case 'date':
      return 116;
    case 'month':
    case 'int':
    case 'range':
      return 96;
    case 'money':
      return 130;
    case 'phone':
      return 136;
    case 'longtext':
    case 'url':
      return 260;
    case 'person':
      return 96;
    case 'unit':
      return 180;
    case 'text':
    case 'fuzzy-time':
      return 150;
    case 'enum':
      return Math.max(96, 16 * Math.max(...(field.choices ?? []).map((c) => c.length), 0) + 48);
    default:
      return 110;
  }
}
