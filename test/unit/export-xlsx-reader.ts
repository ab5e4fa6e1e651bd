import fs from 'node:fs';
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import XLSX from 'xlsx';

/**
 * Reads an exported .xlsx back without exceljs: cells with SheetJS, the print settings straight
 * from the sheet and workbook XML with jszip and fast-xml-parser.
 */

export interface ReadBook {
  sheetNames: string[];
  sheet(name: string): ReadSheet;
}

export interface ReadSheet {
  raw: XLSX.WorkSheet;
  cell(row: number, col: number): XLSX.CellObject | undefined;
  /** The cell as Excel shows it (formatted), '' when empty. */
  text(row: number, col: number): string;
  /** Shown texts of a row, from column 1 up to and including `cols`. */
  rowTexts(row: number, cols: number): string[];
  merges: string[];
  lastRow: number;
  lastCol: number;
}

/** 1-based row and column, as in Excel. */
function address(row: number, col: number): string {
  return XLSX.utils.encode_cell({ r: row - 1, c: col - 1 });
}

export function readBook(file: string): ReadBook {
  const book = XLSX.read(fs.readFileSync(file), { cellNF: true });
  return {
    sheetNames: book.SheetNames,
    sheet(name) {
      const raw = book.Sheets[name];
      if (!raw) throw new Error(`no sheet ${name}; sheets: ${book.SheetNames.join(', ')}`);
      const range = XLSX.utils.decode_range(raw['!ref'] ?? 'A1');
      const cell = (row: number, col: number) => raw[address(row, col)] as XLSX.CellObject | undefined;
      const text = (row: number, col: number) => {
        const c = cell(row, col);
        if (!c || c.v === undefined || c.v === null) return '';
        return c.w ?? String(c.v);
      };
      return {
        raw,
        cell,
        text,
        rowTexts: (row, cols) => Array.from({ length: cols }, (_, i) => text(row, i + 1)),
        merges: (raw['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)),
        lastRow: range.e.r + 1,
        lastCol: range.e.c + 1,
      };
    },
  };
}

/** Y-M-D of an Excel serial date, computed without SheetJS's formatting. */
export function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false });

export interface BookXml {
  /** The parsed <worksheet> of the n-th sheet (1-based), and its raw text. */
  sheet(n: number): Promise<{ xml: string; worksheet: Record<string, unknown> }>;
  definedNames(): Promise<Array<{ name: string; localSheetId?: string; text: string }>>;
}

export async function readBookXml(file: string): Promise<BookXml> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const part = async (name: string) => {
    const entry = zip.file(name);
    if (!entry) throw new Error(`${file} has no part ${name}`);
    return entry.async('string');
  };
  return {
    async sheet(n) {
      const xml = await part(`xl/worksheets/sheet${n}.xml`);
      return { xml, worksheet: parser.parse(xml).worksheet as Record<string, unknown> };
    },
    async definedNames() {
      const list = findAll(parser.parse(await part('xl/workbook.xml')), 'definedName') as Array<Record<string, string>>;
      return list.map((n) => ({
        name: n['@name']!,
        localSheetId: n['@localSheetId'],
        text: n['#text']!,
      }));
    },
  };
}

/** Every element with a given tag anywhere below a parsed node. */
export function findAll(node: unknown, tag: string, found: unknown[] = []): unknown[] {
  if (Array.isArray(node)) {
    for (const item of node) findAll(item, tag, found);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === tag) found.push(...(Array.isArray(value) ? value : [value]));
      findAll(value, tag, found);
    }
  }
  return found;
}
