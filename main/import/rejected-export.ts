import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { TaizhangError } from '../store/errors.js';
import type { FieldType } from '../../shared/ledger-definition.js';
import type { ImportPlan } from './import-plan.js';
import { numberText } from './normalize.js';
import { cellErrorLine } from './row-check.js';
import { cellText, isProblem, type SheetCell } from './sheet-cell.js';
import { compactLabel } from './text.js';

const REASON = '错误原因';
/** Excel refuses longer cells; a longer original is cut and the cut is said in 错误原因. */
const EXCEL_CELL_LIMIT = 32767;

/**
 * Fields whose values are words, not quantities: their cells go back as text, so Excel shows an
 * ID number stored as a number (422822200801011200) as those digits, not as 4.22822E+17.
 */
const TEXT_TYPES = new Set<FieldType>([
  'text',
  'longtext',
  'idcard',
  'phone',
  'person',
  'unit',
  'fuzzy-time',
  'range',
  'enum',
  'url',
]);

type OutCell = string | number | boolean | Date | null;

/** A row to hand back: its original cells and why it was not imported. */
interface HandedBack {
  row: number;
  cells: SheetCell[];
  reasons: string[];
}

function outCell(cell: SheetCell | undefined, notes: string[], header: string, asText: boolean): OutCell {
  if (cell === undefined || cell === null) return null;
  if (isProblem(cell)) return cell.detail;
  if (typeof cell === 'string' && cell.length > EXCEL_CELL_LIMIT) {
    notes.push(`“${header}”原有 ${cell.length} 个字，超出 Excel 单元格上限，此处只保留前 ${EXCEL_CELL_LIMIT} 个`);
    return cell.slice(0, EXCEL_CELL_LIMIT);
  }
  if (asText && typeof cell === 'number') return numberText(cell);
  if (asText && typeof cell !== 'string') return cellText(cell);
  return cell;
}

/** Rejected rows and conflicts together, in sheet order: one file to correct. */
function handedBack(plan: ImportPlan): HandedBack[] {
  return [
    ...plan.rejected.map((r) => ({ row: r.row, cells: r.cells, reasons: r.errors.map(cellErrorLine) })),
    ...plan.conflicts.map((c) => ({ row: c.row, cells: c.cells, reasons: [c.message] })),
  ].sort((a, b) => a.row - b.row);
}

function headerTexts(plan: ImportPlan, rows: HandedBack[]): { texts: string[]; reasonIndex: number } {
  // A loop, not Math.max(...rows): 200,000 arguments overflow the stack.
  let width = plan.header.length;
  for (const row of rows) width = Math.max(width, row.cells.length);
  const texts = Array.from({ length: width }, (_, i) => cellText(plan.header[i]).trim());
  let reasonIndex = texts.findIndex((t) => compactLabel(t) === REASON);
  if (reasonIndex < 0) {
    reasonIndex = texts.length;
    texts.push(REASON);
  }
  return { texts, reasonIndex };
}

function rowValues(row: HandedBack, texts: string[], reasonIndex: number, textColumns: Set<number>): OutCell[] {
  const notes: string[] = [];
  const values = texts.map((header, i) =>
    i === reasonIndex ? null : outCell(row.cells[i], notes, header, textColumns.has(i)),
  );
  values[reasonIndex] = [...row.reasons, ...notes].join('；');
  return values;
}

/**
 * Writes the rejected rows and conflicts as a workbook the user can correct and import again: the
 * original header and cells (as read, dates as dates, every cell of a text column as text) and an
 * 错误原因 column. Its header keeps the layout, so a remembered column mapping applies to it too.
 */
export async function writeRejectedXlsx(plan: ImportPlan, stream: Writable): Promise<void> {
  const rows = handedBack(plan);
  const { texts, reasonIndex } = headerTexts(plan, rows);
  const textColumns = new Set(
    plan.columns.filter((c) => c.field && TEXT_TYPES.has(c.field.type)).map((c) => c.column - 1),
  );
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(plan.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = texts.map((header, i) => ({
    width: i === reasonIndex ? 60 : Math.min(40, Math.max(10, header.length * 2 + 4)),
    style: textColumns.has(i) ? { numFmt: '@' } : {},
  }));
  const head = sheet.addRow(texts);
  head.font = { bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  head.commit();
  for (const back of rows) {
    const row = sheet.addRow(rowValues(back, texts, reasonIndex, textColumns));
    row.eachCell((cell, column) => {
      if (textColumns.has(column - 1)) cell.numFmt = '@';
      else if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
    row.getCell(reasonIndex + 1).font = { color: { argb: 'FFC00000' } };
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

export async function rejectedXlsxBuffer(plan: ImportPlan): Promise<Buffer> {
  const sink = new PassThrough();
  const parts: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => parts.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  // The writer ends the stream it was given once the archive is complete.
  await writeRejectedXlsx(plan, sink);
  await ended;
  return Buffer.concat(parts);
}

/** Writes the file whole or not at all: into a temporary name beside it, then renamed. */
export async function writeRejectedFile(plan: ImportPlan, file: string): Promise<void> {
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    const out = fs.createWriteStream(temp);
    const closed = new Promise<void>((resolve, reject) => {
      out.on('close', resolve);
      out.on('error', reject);
    });
    await writeRejectedXlsx(plan, out);
    await closed;
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    const detail = error instanceof Error ? error.message : String(error);
    throw new TaizhangError('bad-file', `无法写出待修正文件 ${target}：${detail}`);
  }
}
