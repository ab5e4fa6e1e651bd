import { TaizhangError } from '../store/errors.js';
import { readDateStyles } from './date-styles.js';
import { readSharedStrings } from './shared-strings.js';
import { isBlankCell, type SheetCell } from './sheet-cell.js';
import type { SheetInfo } from './workbook-index.js';
import type { CheckedWorkbook } from './workbook-file.js';
import { partText, unescapeOoxml, xmlParser } from './xml-parts.js';
import { columnLetter } from './text.js';
import { CRAFTED, MAX_CELL_CHARS, MAX_ROW_CHARS, ReadLimitError } from './read-limits.js';

/** A row that holds something; cells[0] is column A. */
export interface SheetRow {
  number: number;
  cells: SheetCell[];
}

/** What cells refer to outside their sheet. */
interface CellContext {
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

const DAY_MS = 86_400_000;
/** Excel's last column, XFD. */
const MAX_COLUMN = 16_384;
/** Days from Excel's day 0 (1899-12-30 in the 1900 system, 1904-01-01 in the 1904 one) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = { 1900: 25_569, 1904: 24_107 };

/** One <c> as it is read: its attributes and the texts of its <v>, <f> and <is>. */
interface OpenCell {
  column: number;
  type: string;
  style: number;
  value: string | null;
  formula: string | null;
  inline: string | null;
}

function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

/** A limit of read-limits.ts passed, or bytes that are not UTF-8: the file as a whole is refused. */
function refused(fileName: string, error: ReadLimitError): TaizhangError {
  return new TaizhangError('bad-file', `无法导入“${fileName}”：${error.message}`);
}

function unreadable(fileName: string, sheet: string | null, detail: string): TaizhangError {
  const where = sheet ? `工作表“${sheet}”` : '工作簿';
  return new TaizhangError(
    'bad-file',
    `无法导入“${fileName}”：${where}的内容已损坏，无法解析（${detail.slice(0, 120)}）`,
  );
}

/**
 * Reads a checked .xlsx's worksheets row by row straight from the archive (saxes over the
 * inflated XML), so a 300,000-row sheet never sits in memory: the shared strings and the date
 * styles are read once, then each sheet streams. Cells arrive as a person sees them: shared and
 * inline strings as text, numbers styled as dates as Date (UTC midnight of the day), formulas as
 * their cached result, errors and formulas saved without a result as problems.
 */
export class WorkbookReader {
  private context: Promise<CellContext> | null = null;

  constructor(
    private readonly workbook: CheckedWorkbook,
    private readonly fileName: string,
  ) {}

  /**
   * The sheet's non-blank rows in order; empty (even styled) rows are passed over. `onProgress`
   * hears how far through the sheet's XML the reading is, from 0 to 1.
   */
  async *rows(sheet: SheetInfo, onProgress?: (fraction: number) => void): AsyncGenerator<SheetRow> {
    const context = await this.cellContext();
    const entry = this.workbook.entries.get(sheet.path);
    if (!entry) throw unreadable(this.fileName, sheet.name, `缺少 ${sheet.path}`);
    const ready: SheetRow[] = [];
    let problem: string | null = null;
    const label = `工作表“${sheet.name}”（${sheet.path}）`;
    const handlers = sheetHandlers(context, ready, (detail) => (problem ??= detail), `工作表“${sheet.name}”`);
    const parser = xmlParser(handlers, label);
    let inflated = 0;
    const progress = onProgress && ((n: number) => onProgress(Math.min(1, (inflated += n) / Math.max(1, entry.size))));
    try {
      for await (const piece of partText(this.workbook.bytes, entry, { label, onInflated: progress })) {
        parser.write(piece);
        if (problem) throw new Error(problem);
        yield* ready;
        ready.length = 0;
      }
      parser.close();
      yield* ready;
    } catch (error) {
      if (error instanceof TaizhangError) throw error;
      if (error instanceof ReadLimitError) throw refused(this.fileName, error);
      throw unreadable(this.fileName, sheet.name, error instanceof Error ? error.message : String(error));
    }
  }

  private cellContext(): Promise<CellContext> {
    this.context ??= (async () => {
      const { bytes, entries, sharedStrings, styles, date1904 } = this.workbook;
      const stringsEntry = sharedStrings ? entries.get(sharedStrings) : undefined;
      const stylesEntry = styles ? entries.get(styles) : undefined;
      try {
        return {
          strings: stringsEntry ? await readSharedStrings(bytes, stringsEntry) : [],
          dateStyles: stylesEntry ? await readDateStyles(bytes, stylesEntry) : [],
          date1904,
        };
      } catch (error) {
        if (error instanceof ReadLimitError) throw refused(this.fileName, error);
        throw unreadable(this.fileName, null, error instanceof Error ? error.message : String(error));
      }
    })();
    return this.context;
  }
}

function numberCell(text: string, cell: OpenCell, context: CellContext): SheetCell {
  if (text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return { problem: 'error', detail: '#VALUE!' };
  if (!context.dateStyles[cell.style]) return value;
  const serial = value - UNIX_EPOCH_SERIAL[context.date1904 ? 1904 : 1900];
  return new Date(Math.round(serial * DAY_MS));
}

/** The value a cell shows, from its type (t), style and texts. */
function cellValue(cell: OpenCell, context: CellContext, fail: (detail: string) => void): SheetCell {
  const { value, formula } = cell;
  if (cell.type === 'inlineStr') return cell.inline ?? value;
  // Programs that write formulas without computing them (openpyxl among them) leave <v> out or
  // empty; only a text result (t="str") can truly be empty.
  const noResult = value === null || (value.trim() === '' && cell.type !== 'str');
  if (formula !== null && noResult) return { problem: 'no-result', detail: `=${formula || '…'}` };
  if (value === null) return null;
  switch (cell.type) {
    case 's': {
      const text = context.strings[Number(value)];
      if (text === undefined) fail(`单元格引用的共享字符串 ${value} 不存在`);
      return text ?? null;
    }
    case 'str':
      return unescapeOoxml(value);
    case 'b':
      return value === '1' || value === 'true';
    case 'e':
      return { problem: 'error', detail: value };
    case 'd': {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? { problem: 'error', detail: '#VALUE!' } : date;
    }
    default:
      return numberCell(value, cell, context);
  }
}

/** The XML handlers that turn <row>/<c> elements into SheetRows, pushed to `ready`. */
function sheetHandlers(context: CellContext, ready: SheetRow[], fail: (detail: string) => void, sheetLabel: string) {
  let rowNumber = 0;
  let column = 0;
  let cells: SheetCell[] | null = null;
  let cell: OpenCell | null = null;
  /** Which text is being gathered: a <v>, an <f>, or a <t> of an inline string. */
  let gathering: 'value' | 'formula' | 'inline' | null = null;
  let phonetic = 0;
  let text = '';
  /** Characters gathered for the current row; each text of a cell is held to MAX_CELL_CHARS. */
  let rowChars = 0;
  const tooLong = () =>
    new ReadLimitError(
      `${sheetLabel}第 ${rowNumber} 行 ${columnLetter(column)} 列的文字超过 ${MAX_CELL_CHARS.toLocaleString('en-US')} 个字符，${CRAFTED}`,
    );
  return {
    open(name: string, a: Record<string, string>) {
      switch (name) {
        case 'row':
          rowNumber = a.r ? Number(a.r) : rowNumber + 1;
          column = 0;
          cells = null;
          rowChars = 0;
          break;
        case 'c':
          column = a.r ? columnOf(a.r) : column + 1;
          if (column > MAX_COLUMN) fail(`第 ${rowNumber} 行的单元格 ${a.r ?? ''} 超出了 Excel 的列范围`);
          cell = { column, type: a.t ?? 'n', style: a.s ? Number(a.s) : 0, value: null, formula: null, inline: null };
          break;
        case 'v':
          gathering = 'value';
          text = '';
          break;
        case 'f':
          gathering = 'formula';
          text = '';
          break;
        case 'is':
          if (cell) cell.inline = '';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (cell?.inline !== null && cell?.inline !== undefined && phonetic === 0) {
            gathering = 'inline';
            text = '';
          }
          break;
      }
    },
    text(piece: string) {
      if (!gathering) return;
      const before = gathering === 'inline' ? (cell?.inline?.length ?? 0) : 0;
      rowChars += piece.length;
      if (before + text.length + piece.length > MAX_CELL_CHARS) throw tooLong();
      if (rowChars > MAX_ROW_CHARS) {
        throw new ReadLimitError(
          `${sheetLabel}第 ${rowNumber} 行的文字合计超过 ${MAX_ROW_CHARS.toLocaleString('en-US')} 个字符，${CRAFTED}`,
        );
      }
      text += piece;
    },
    close(name: string) {
      switch (name) {
        case 'v':
          if (cell && gathering === 'value') cell.value = text;
          gathering = null;
          break;
        case 'f':
          if (cell && gathering === 'formula') cell.formula = text;
          gathering = null;
          break;
        case 't':
          if (cell && gathering === 'inline') cell.inline += unescapeOoxml(text);
          gathering = null;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c': {
          if (!cell) break;
          const value = cellValue(cell, context, fail);
          if (!isBlankCell(value) && cell.column > 0 && cell.column <= MAX_COLUMN) {
            cells ??= [];
            cells[cell.column - 1] = value;
          }
          cell = null;
          break;
        }
        case 'row':
          if (cells) {
            for (let c = 0; c < cells.length; c++) cells[c] ??= null;
            ready.push({ number: rowNumber, cells });
          }
          cells = null;
          break;
      }
    },
  };
}
