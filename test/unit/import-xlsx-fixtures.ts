import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { LedgerDefinition, RecordValues } from '../../shared/ledger-definition.js';
import { idCardCheckChar } from '../../shared/idcard.js';

/** One sheet of a workbook built for a test: rows of exceljs cell values, merges, formats. */
export interface SheetSpec {
  name?: string;
  rows: ExcelJS.CellValue[][];
  /** Sheet row number of rows[0]; rows before it stay empty. */
  startRow?: number;
  merges?: string[];
  /** "A1" → number format, e.g. a date cell written as yyyy年m月d日. */
  formats?: Record<string, string>;
  /** Empty rows carrying borders and fills only, as people leave below a table. */
  styledEmptyRows?: { from: number; count: number; columns: number };
  state?: 'visible' | 'hidden';
}

export async function buildXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  sheets.forEach((spec, i) => {
    const sheet = workbook.addWorksheet(spec.name ?? `Sheet${i + 1}`, { state: spec.state ?? 'visible' });
    const start = spec.startRow ?? 1;
    spec.rows.forEach((values, r) => {
      const row = sheet.getRow(start + r);
      values.forEach((value, c) => {
        if (value !== undefined) row.getCell(c + 1).value = value;
      });
    });
    for (const [address, numFmt] of Object.entries(spec.formats ?? {})) sheet.getCell(address).numFmt = numFmt;
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
    if (spec.styledEmptyRows) {
      const { from, count, columns } = spec.styledEmptyRows;
      for (let r = from; r < from + count; r++) {
        const row = sheet.getRow(r);
        for (let c = 1; c <= columns; c++) {
          const cell = row.getCell(c);
          cell.border = {
            top: { style: 'thin' },
            bottom: { style: 'thin' },
            left: { style: 'thin' },
            right: { style: 'thin' },
          };
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
        }
      }
    }
  });
  // At deflate's fastest level: the default level took a fifth of the time a 30,000-row workbook
  // takes to build, and no test depends on how small the file is.
  return Buffer.from(
    await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } }),
  );
}

export async function writeXlsx(dir: string, name: string, sheets: SheetSpec[]): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await buildXlsx(sheets));
  return file;
}

/** A Date cell for a calendar day, as Excel stores it (UTC midnight). */
export function excelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/**
 * A ledger laid out the way attachment tables are submitted: 附件N, a merged title, a 填报单位
 * line, the header with 序号, the records (dates as real date cells in 2019年4月12日 format,
 * money as numbers in #,##0.00, ID and phone numbers as text), a 合计 row and a 填表人 footer.
 */
export function attachmentTable(
  def: LedgerDefinition,
  records: RecordValues[],
  options: { attachment?: string; title?: string; unit?: string; sheet?: string } = {},
): SheetSpec {
  const width = def.fields.length + 1;
  const last = String.fromCharCode(64 + width);
  const rows: ExcelJS.CellValue[][] = [
    [options.attachment ?? '附件1'],
    [options.title ?? `2019年${options.unit ?? ''}${def.label}`],
    [`填报单位（盖章）：${options.unit ?? '建始县教育局'}\u3000\u3000\u3000填报日期：2019年3月20日`],
    ['序号', ...def.fields.map((f) => f.label)],
  ];
  const formats: Record<string, string> = {};
  records.forEach((values, i) => {
    const rowNumber = rows.length + 1;
    rows.push([
      i + 1,
      ...def.fields.map((field, c): ExcelJS.CellValue => {
        const value = values[field.key] ?? null;
        const address = `${String.fromCharCode(66 + c)}${rowNumber}`;
        if (field.type === 'date' && typeof value === 'string') {
          formats[address] = 'yyyy年m月d日';
          return excelDate(value);
        }
        if (field.type === 'money' && typeof value === 'number') formats[address] = '#,##0.00';
        return value;
      }),
    ]);
  });
  const totals = def.totals ?? [];
  if (totals.length > 0) {
    rows.push([
      '合计',
      ...def.fields.map((f) =>
        totals.includes(f.key) ? records.reduce((sum, r) => sum + Number(r[f.key] ?? 0), 0) : null,
      ),
    ]);
  }
  const footerRow = rows.length + 1;
  rows.push(['填表人：\u3000\u3000\u3000\u3000审核人：\u3000\u3000\u3000\u3000联系电话：']);
  return {
    name: options.sheet ?? def.label,
    rows,
    formats,
    merges: [`A2:${last}2`, `A3:${last}3`, `A${footerRow}:${last}${footerRow}`],
  };
}

/** A real-checksum 身份证号 from its first 17 digits (the 17th odd for a man, even for a woman). */
export function idNumber(first17: string): string {
  return first17 + idCardCheckChar(first17);
}
