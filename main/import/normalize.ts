import type { FieldDefinition, FieldType } from '../../shared/ledger-definition.js';
import { isScientificNotation } from '../../shared/idcard.js';
import { isProblem, type SheetCell } from './sheet-cell.js';
import { dateFromCell, dateFromNumber, parseDateText, parseMonthText } from './normalize-date.js';
import { compactLabel, quote, toHalfWidth } from './text.js';

/** A cell made ready for validateRecord, or the reason it cannot be. */
export type Normalized = { value: string | number | null } | { error: string };

/** What a short field should hold, for messages. */
const WHAT: Partial<Record<FieldType, string>> = {
  date: '日期',
  month: '月份',
  int: '整数',
  money: '金额',
  idcard: '身份证号',
  phone: '电话号码',
  range: '数字或范围',
  enum: '选项',
};
/** Longer than any value these fields can hold; said plainly instead of quoted back. */
const SHORT_LIMIT = 200;

export function numberStoredIdMessage(shown: string): string {
  return `单元格以数字形式保存（读出为 ${shown}），Excel 的数字只保留 15 位有效数字，这个 18 位身份证号的末几位已经丢失，无法修复；请把该列设为“文本”格式，按原始证件重新录入`;
}

/** Digits as a person would read them: no exponent for whole numbers, no floating-point tail. */
export function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
  return String(Number(value.toPrecision(15)));
}

/** 1200.0000000001 from a SUM becomes 1200; real extra decimals stay for validation to report. */
function roundNoise(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = value * scale;
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) < 1e-6 ? rounded / scale : value;
}

function amountText(text: string): string {
  let t = toHalfWidth(text).replace(/\s+/g, '');
  t = t.replace(/^(¥|\$|RMB)/i, '').replace(/元$/, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  return t;
}

function idCard(cell: string | number): Normalized {
  if (typeof cell === 'number') return { error: numberStoredIdMessage(numberText(cell)) };
  const t = toHalfWidth(cell).replace(/\s+/g, '').toUpperCase();
  if (isScientificNotation(t)) {
    return {
      error: `${quote(t)}是 Excel 把身份证号当作数字保存后的科学计数法写法，末几位已经丢失，无法修复；请把该列设为“文本”格式，按原始证件重新录入`,
    };
  }
  return { value: t };
}

function phone(cell: string | number): string {
  if (typeof cell === 'number') return numberText(cell);
  const t = toHalfWidth(cell).replace(/\s+/g, '');
  const withArea = /^\((0\d{2,3})\)(\d{7,8})$/.exec(t);
  return withArea ? `${withArea[1]}-${withArea[2]}` : t;
}

function enumChoice(field: FieldDefinition, text: string): string {
  const choices = field.choices ?? [];
  if (choices.includes(text)) return text;
  const compact = compactLabel(text);
  return choices.find((c) => compactLabel(c) === compact) ?? text;
}

/** "王 芳" (padded with an ideographic space to line up with longer names) is 王芳; "阿依古丽·买买提" keeps its dot. */
function personName(text: string): string {
  return /^[\p{Script=Han}\s]+$/u.test(text) ? text.replace(/\s+/g, '') : text;
}

function dateValue(cell: string | number | Date): string | number {
  if (cell instanceof Date) return dateFromCell(cell);
  if (typeof cell === 'number') return dateFromNumber(cell) ?? numberText(cell);
  // A text that is no real date (2019-13-45) goes on as written, for validation to name it.
  return parseDateText(cell) ?? cell.trim();
}

function monthValue(cell: string | number | Date): string | number {
  if (cell instanceof Date) return dateFromCell(cell).slice(0, 7);
  if (typeof cell === 'number') return dateFromNumber(cell)?.slice(0, 7) ?? numberText(cell);
  return parseMonthText(cell) ?? parseDateText(cell)?.slice(0, 7) ?? cell.trim();
}

function problemMessage(cell: { problem: 'error' | 'no-result'; detail: string }): string {
  return cell.problem === 'error'
    ? `单元格是错误值 ${cell.detail}（公式出错），没有可导入的内容`
    : `单元格是公式 ${quote(cell.detail, 40)}，但文件中没有保存计算结果；请先在 Excel 或 WPS 中打开并保存该文件，再导入`;
}

/**
 * Turns one cell into the raw value the form would send for the field: Excel dates and serials,
 * 2019.4.12 and 2019年4月12日 to YYYY-MM-DD; "1,200.50" and "￥1200" to plain digits;
 * full-width digits to ASCII; ID numbers without spaces and with an upper-case X. Whether the
 * value is acceptable is left to validateRecord, the same check the form makes.
 */
export function normalizeCell(field: FieldDefinition, cell: SheetCell): Normalized {
  if (cell === null) return { value: null };
  if (isProblem(cell)) return { error: problemMessage(cell) };
  if (typeof cell === 'string' && cell.trim() === '') return { value: null };
  const what = WHAT[field.type];
  if (what && typeof cell === 'string' && cell.length > SHORT_LIMIT) {
    return { error: `内容过长（${cell.length} 个字），不是有效的${what}` };
  }
  if (typeof cell === 'boolean') {
    const yesNo = field.choices?.includes('是') ? (cell ? '是' : '否') : cell ? 'TRUE' : 'FALSE';
    return { value: yesNo };
  }
  if (cell instanceof Date && ['int', 'money', 'idcard', 'phone', 'range'].includes(field.type)) {
    return { error: `单元格是日期（${dateFromCell(cell)}），应为${what}` };
  }
  switch (field.type) {
    case 'date':
      return { value: dateValue(cell) };
    case 'month':
      return { value: monthValue(cell) };
    case 'int':
    case 'money': {
      const decimals = field.type === 'int' ? 0 : 2;
      return { value: typeof cell === 'number' ? roundNoise(cell, decimals) : amountText(cell as string) };
    }
    case 'idcard':
      return idCard(cell as string | number);
    case 'phone':
      return { value: phone(cell as string | number) };
    case 'range':
      return { value: typeof cell === 'number' ? numberText(cell) : toHalfWidth(cell as string).trim() };
    default:
      break;
  }
  const text = cell instanceof Date ? dateFromCell(cell) : typeof cell === 'number' ? numberText(cell) : cell.trim();
  switch (field.type) {
    case 'enum':
      return { value: enumChoice(field, text) };
    case 'person':
      return { value: personName(text) };
    case 'longtext':
      return { value: text.replace(/\r\n?/g, '\n') };
    default:
      return { value: text };
  }
}
