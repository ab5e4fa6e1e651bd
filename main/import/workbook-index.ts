import { StringDecoder } from 'node:string_decoder';
import type { EntryObserver } from './zip-check.js';
import { MergeScanner, type MergeRange } from './merge-scan.js';

/** A worksheet as the workbook lists it, with its merged ranges. */
export interface SheetInfo {
  name: string;
  /** The worksheet's part in the archive, e.g. xl/worksheets/sheet1.xml. */
  path: string;
  hidden: boolean;
  merges: MergeRange[];
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, code: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (code[0] !== '#') return named[code.toLowerCase()]!;
    return String.fromCodePoint(
      code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1)),
    );
  });
}

function attribute(tag: string, name: RegExp): string | undefined {
  const m = new RegExp(`\\s${name.source}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]!) : undefined;
}

/** Rels targets are relative to xl/ unless they start with a slash. */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/**
 * Builds the sheet list while the archive is being checked: names and visibility from
 * workbook.xml, their parts from its rels, and each worksheet's merged ranges.
 */
export function sheetIndexer(): { observer: EntryObserver; sheets(): SheetInfo[] } {
  const texts = new Map<string, { decoder: StringDecoder; text: string }>();
  const scanners = new Map<string, MergeScanner>();
  const observer: EntryObserver = (entry) => {
    if (entry.name === WORKBOOK || entry.name === WORKBOOK_RELS) {
      const part = { decoder: new StringDecoder('utf8'), text: '' };
      texts.set(entry.name, part);
      return (chunk) => {
        part.text += part.decoder.write(chunk);
      };
    }
    if (!WORKSHEET.test(entry.name)) return null;
    const scanner = new MergeScanner();
    scanners.set(entry.name, scanner);
    return (chunk) => scanner.push(chunk);
  };
  const sheets = (): SheetInfo[] => {
    const targets = new Map<string, string>();
    for (const [, tag] of (texts.get(WORKBOOK_RELS)?.text ?? '').matchAll(/<Relationship\b([^>]*)>/g)) {
      const id = attribute(tag!, /Id/);
      const target = attribute(tag!, /Target/);
      if (id && target) targets.set(id, partPath(target));
    }
    const list: SheetInfo[] = [];
    for (const [, tag] of (texts.get(WORKBOOK)?.text ?? '').matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
      const path = targets.get(attribute(tag!, /(?:\w+:)?id/) ?? '');
      const state = attribute(tag!, /state/);
      list.push({
        name: attribute(tag!, /name/) ?? '',
        path: path ?? '',
        hidden: state === 'hidden' || state === 'veryHidden',
        merges: scanners.get(path ?? '')?.finish() ?? [],
      });
    }
    return list;
  };
  return { observer, sheets };
}
