import type { EntryObserver } from './zip-check.js';
import { MergeScanner, type MergeRange } from './merge-scan.js';
import { readXmlText } from './xml-parts.js';
import { notUtf8, partLabel } from './read-limits.js';

/** A worksheet as the workbook lists it, with its merged ranges. */
export interface SheetInfo {
  name: string;
  /** The worksheet's part in the archive, e.g. xl/worksheets/sheet1.xml. */
  path: string;
  hidden: boolean;
  merges: MergeRange[];
}

/** What the workbook part and its relationships say: the sheets and the parts cells refer to. */
export interface WorkbookIndex {
  sheets: SheetInfo[];
  sharedStrings: string | null;
  styles: string | null;
  /** Dates counted from 1904 (old Mac Excel) rather than 1900. */
  date1904: boolean;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/** Rels targets are relative to xl/ unless they start with a slash. */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

interface Relationships {
  /** Id → part, worksheets only (a chart sheet holds no cells). */
  worksheets: Map<string, string>;
  byType: Map<string, string>;
}

function relationships(xml: string, label: string): Relationships {
  const worksheets = new Map<string, string>();
  const byType = new Map<string, string>();
  readXmlText(
    xml,
    {
      open(name, a) {
        if (name !== 'Relationship' || !a.Id || !a.Target) return;
        const type = a.Type?.slice(a.Type.lastIndexOf('/') + 1) ?? '';
        if (type === 'worksheet') worksheets.set(a.Id, partPath(a.Target));
        else byType.set(type, partPath(a.Target));
      },
    },
    label,
  );
  return { worksheets, byType };
}

function relationshipId(attributes: Record<string, string>): string {
  const key = Object.keys(attributes).find((k) => k === 'id' || k.endsWith(':id'));
  return key ? attributes[key]! : '';
}

/**
 * Builds the workbook's index while the archive is being checked: sheet names and visibility
 * from workbook.xml, their parts from its rels, and each worksheet's merged ranges.
 */
export function sheetIndexer(): { observer: EntryObserver; index(): WorkbookIndex } {
  const texts = new Map<string, { decoder: TextDecoder; text: string; damaged: boolean }>();
  const scanners = new Map<string, MergeScanner>();
  const observer: EntryObserver = (entry) => {
    if (entry.name === WORKBOOK || entry.name === WORKBOOK_RELS) {
      // Sheet names come from here: bytes that are not UTF-8 would name a sheet with U+FFFD. The
      // failure waits for index(), as the observer runs inside the archive check's inflater.
      const part = { decoder: new TextDecoder('utf-8', { fatal: true }), text: '', damaged: false };
      texts.set(entry.name, part);
      return (chunk) => {
        if (part.damaged) return;
        try {
          part.text += part.decoder.decode(chunk, { stream: true });
        } catch {
          part.damaged = true;
        }
      };
    }
    if (!WORKSHEET.test(entry.name)) return null;
    const scanner = new MergeScanner();
    scanners.set(entry.name, scanner);
    return (chunk) => scanner.push(chunk);
  };
  const index = (): WorkbookIndex => {
    for (const [name, part] of texts) {
      let damaged = part.damaged;
      try {
        if (!damaged) part.text += part.decoder.decode();
      } catch {
        damaged = true;
      }
      if (damaged) throw notUtf8(partLabel(name));
    }
    const rels = relationships(texts.get(WORKBOOK_RELS)?.text ?? '<Relationships/>', partLabel(WORKBOOK_RELS));
    const sheets: SheetInfo[] = [];
    let date1904 = false;
    readXmlText(
      texts.get(WORKBOOK)?.text ?? '<workbook/>',
      {
        open(name, a) {
          if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
          if (name !== 'sheet') return;
          const path = rels.worksheets.get(relationshipId(a));
          if (!path) return;
          sheets.push({
            name: a.name ?? '',
            path,
            hidden: a.state === 'hidden' || a.state === 'veryHidden',
            merges: scanners.get(path)?.finish() ?? [],
          });
        },
      },
      partLabel(WORKBOOK),
    );
    return {
      sheets,
      sharedStrings: rels.byType.get('sharedStrings') ?? null,
      styles: rels.byType.get('styles') ?? null,
      date1904,
    };
  };
  return { observer, index };
}
