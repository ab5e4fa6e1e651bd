import { HEADER_FILE_MAX_BYTES, type LedgerTypeDraft } from '../../shared/ledger-type-draft.js';
import { TaizhangError } from '../store/errors.js';
import { loadWorkbook } from '../import/workbook-file.js';
import { WorkbookReader, type SheetRow } from '../import/sheet-reader.js';
import { cellText, isProblem, type SheetCell } from '../import/sheet-cell.js';
import { columnLetter } from '../import/text.js';
import { closingKind } from '../import/row-kind.js';
import { guessFieldType, type Sample } from './guess-field-type.js';
import { CUSTOM_CATEGORY } from './type-editor.js';

/** A ledger type read off a spreadsheet's header row, for the user to check before it is created. */
export interface HeaderProposal {
  sheets: string[];
  sheet: number;
  sheetName: string;
  /** The header's row number as Excel shows it (1 = the first row). */
  headerRow: number;
  /** The merged title above the header, when there is one; it becomes the proposed label. */
  title: string | null;
  draft: LedgerTypeDraft;
  /** The first few data rows, one text per proposed field, to show beside the proposal. */
  sampleRows: string[][];
}

const SAMPLE_ROWS = 20;
const SHOWN_ROWS = 5;
/** Rows above the header that a submitted table carries: 附件N, the unit and date line. */
const FORM_LINE = /填报单位|填表单位|填报日期|盖章/;
const ATTACHMENT_LINE = /^附件\s*\d*/;
const SKIPPED_COLUMN = '序号';

function sampleOf(cell: SheetCell | undefined): Sample {
  // Excel keeps a date as a day count; the reader hands it over as that day's UTC midnight.
  if (cell instanceof Date) return { text: cell.toISOString().slice(0, 10), isDate: true };
  if (cell === undefined || cell === null || isProblem(cell)) return { text: '', isDate: false };
  return { text: cellText(cell).trim(), isDate: false };
}

function texts(row: SheetRow): string[] {
  return row.cells.map((c) => sampleOf(c).text);
}

function isHeader(cells: string[]): boolean {
  const filled = cells.filter((t) => t !== '');
  // A merged title leaves one filled cell (the others of a merge are empty); a header has several.
  return filled.length >= 2 && !ATTACHMENT_LINE.test(filled[0]!) && !filled.some((t) => FORM_LINE.test(t));
}

function uniqueLabels(labels: string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    const suffix = n === 1 ? '' : `（${n}）`;
    return `${label.slice(0, 40 - suffix.length)}${suffix}`;
  });
}

interface SheetTop {
  title: string | null;
  header: SheetRow;
  data: SheetRow[];
}

/** Reads rows until the header and up to SAMPLE_ROWS data rows below it have been seen. */
async function readTop(rows: AsyncGenerator<SheetRow>, where: string): Promise<SheetTop> {
  let title: string | null = null;
  let header: SheetRow | null = null;
  const data: SheetRow[] = [];
  for await (const row of rows) {
    const cells = texts(row);
    if (!header) {
      if (isHeader(cells)) header = row;
      else {
        const only = cells.find((t) => t !== '');
        if (title === null && only && !ATTACHMENT_LINE.test(only) && !FORM_LINE.test(only)) title = only;
      }
      continue;
    }
    // Totals and signatures end the data, as they do when the sheet is imported.
    if (closingKind(row.cells)) break;
    data.push(row);
    if (data.length >= SAMPLE_ROWS) break;
  }
  if (!header) throw new TaizhangError('bad-file', `${where}中没有找到表头行（至少有两个栏目名称的一行）`);
  return { title, header, data };
}

function proposeFields(top: SheetTop): { draft: LedgerTypeDraft['fields']; columns: number[] } {
  const headerTexts = texts(top.header);
  const width = Math.max(headerTexts.length, ...top.data.map((r) => r.cells.length));
  const columns: number[] = [];
  const labels: string[] = [];
  for (let c = 0; c < width; c++) {
    const label = (headerTexts[c] ?? '').replace(/\s+/g, '').slice(0, 40);
    if (label === SKIPPED_COLUMN) continue;
    if (label === '' && top.data.every((r) => sampleOf(r.cells[c]).text === '')) continue;
    columns.push(c);
    labels.push(label || `第${columnLetter(c + 1)}列`);
  }
  const draft = uniqueLabels(labels).map((label, i) => ({
    label,
    type: guessFieldType(
      label,
      top.data.map((r) => sampleOf(r.cells[columns[i]!])),
    ),
    required: false,
  }));
  return { draft, columns };
}

/**
 * Proposes a ledger type from the header row of one sheet of an .xlsx: title rows, 附件N and
 * 填报单位 lines above the header are passed over, 序号 is left out, and each column's type is
 * guessed from its name and the first data rows.
 */
export async function proposeFromXlsx(bytes: Buffer, fileName: string, sheetIndex: number): Promise<HeaderProposal> {
  const workbook = await loadWorkbook({ bytes, name: fileName });
  const sheet = workbook.sheets[sheetIndex];
  if (!sheet) {
    throw new TaizhangError(
      'bad-request',
      `“${fileName}”只有 ${workbook.sheets.length} 个工作表，没有第 ${sheetIndex + 1} 个`,
    );
  }
  const where = `“${fileName}”的工作表“${sheet.name}”`;
  const rows = new WorkbookReader(workbook, fileName).rows(sheet);
  try {
    const top = await readTop(rows, where);
    const { draft, columns } = proposeFields(top);
    if (draft.length === 0) throw new TaizhangError('bad-file', `${where}的表头除“序号”外没有其他栏目`);
    return {
      sheets: workbook.sheets.map((s) => s.name),
      sheet: sheetIndex,
      sheetName: sheet.name,
      headerRow: top.header.number,
      title: top.title,
      draft: {
        label: (top.title ?? sheet.name).slice(0, 60),
        category: CUSTOM_CATEGORY,
        kind: draft.some((f) => f.type === 'date') ? 'record' : 'plan',
        fields: draft,
      },
      sampleRows: top.data.slice(0, SHOWN_ROWS).map((r) => columns.map((c) => sampleOf(r.cells[c]).text)),
    };
  } finally {
    await rows.return(undefined);
  }
}

/**
 * The API's form: the file arrives as base64 from the UI, which never sends a path. It runs in the
 * import thread (import-in-worker.ts proposeHeaderInWorker), never on the API's thread.
 */
export function proposeFromBase64(
  data: string,
  fileName: string | undefined,
  sheetIndex: number,
): Promise<HeaderProposal> {
  const bytes = Buffer.from(data, 'base64');
  const name = fileName ?? '所选文件';
  if (bytes.length > HEADER_FILE_MAX_BYTES) {
    throw new TaizhangError(
      'bad-file',
      `“${name}”超过 ${HEADER_FILE_MAX_BYTES / 1024 / 1024} MB，请只保留表头和前几行数据后再试`,
    );
  }
  return proposeFromXlsx(bytes, name, sheetIndex);
}
