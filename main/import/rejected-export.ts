import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { TaizhangError } from '../store/errors.js';
import type { ImportPlan, RejectedRow } from './import-plan.js';
import { cellErrorLine } from './row-check.js';
import { cellText, isProblem, type SheetCell } from './sheet-cell.js';
import { compactLabel } from './text.js';

const REASON = '错误原因';
/** Excel refuses longer cells; a longer original is cut and the cut is said in 错误原因. */
const EXCEL_CELL_LIMIT = 32767;

type OutCell = string | number | boolean | Date | null;

function outCell(cell: SheetCell | undefined, notes: string[], header: string): OutCell {
  if (cell === undefined || cell === null) return null;
  if (isProblem(cell)) return cell.detail;
  if (typeof cell === 'string' && cell.length > EXCEL_CELL_LIMIT) {
    notes.push(`“${header}”原有 ${cell.length} 个字，超出 Excel 单元格上限，此处只保留前 ${EXCEL_CELL_LIMIT} 个`);
    return cell.slice(0, EXCEL_CELL_LIMIT);
  }
  return cell;
}

function headerTexts(plan: ImportPlan): { texts: string[]; reasonIndex: number } {
  const width = Math.max(plan.header.length, ...plan.rejected.map((r) => r.cells.length));
  const texts = Array.from({ length: width }, (_, i) => cellText(plan.header[i]).trim());
  let reasonIndex = texts.findIndex((t) => compactLabel(t) === REASON);
  if (reasonIndex < 0) {
    reasonIndex = texts.length;
    texts.push(REASON);
  }
  return { texts, reasonIndex };
}

function rowValues(row: RejectedRow, texts: string[], reasonIndex: number): OutCell[] {
  const notes: string[] = [];
  const values = texts.map((header, i) => (i === reasonIndex ? null : outCell(row.cells[i], notes, header)));
  values[reasonIndex] = [...row.errors.map(cellErrorLine), ...notes].join('；');
  return values;
}

/**
 * Writes the rejected rows as a workbook the user can correct and import again: the original
 * header and cells (as read, dates as dates, ID numbers as text) and an 错误原因 column. Its
 * header keeps the layout, so a remembered column mapping applies to it too.
 */
export async function writeRejectedXlsx(plan: ImportPlan, stream: Writable): Promise<void> {
  const { texts, reasonIndex } = headerTexts(plan);
  const textColumns = new Set(
    plan.columns.filter((c) => c.field && ['idcard', 'phone'].includes(c.field.type)).map((c) => c.column - 1),
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
  for (const rejected of plan.rejected) {
    const row = sheet.addRow(rowValues(rejected, texts, reasonIndex));
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
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
