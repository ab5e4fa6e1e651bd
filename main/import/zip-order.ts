import { listZipEntries, type ZipListing } from './zip-check.js';

/** The parts exceljs's stream reader needs before any worksheet, in the order it needs them. */
const FIRST = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/**
 * The archive's bytes with the workbook's own parts moved ahead of its worksheets. A stream
 * reader meets entries in file order; Excel stores worksheets before the shared strings and
 * styles, and exceljs then copies every worksheet to a temporary file (personal data on disk)
 * and reads it a second time. Local records are moved whole; the central directory, which a
 * stream reader only skips, follows unchanged.
 */
export function* workbookPartsFirst(bytes: Buffer, listing: ZipListing): Generator<Buffer> {
  const byOffset = [...listing.entries].sort((a, b) => a.localOffset - b.localOffset);
  const records = byOffset.map((entry, i) => ({
    name: entry.name,
    bytes: bytes.subarray(entry.localOffset, byOffset[i + 1]?.localOffset ?? listing.directoryOffset),
  }));
  const rank = (name: string) => (FIRST.includes(name) ? FIRST.indexOf(name) : FIRST.length);
  const ordered = records
    .map((record, i) => ({ ...record, i }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.i - b.i);
  for (const record of ordered) yield record.bytes;
  yield bytes.subarray(listing.directoryOffset);
}

/** The same for bytes not yet listed; null when the archive cannot be listed. */
export function reorderedOrNull(bytes: Buffer): Generator<Buffer> | null {
  try {
    return workbookPartsFirst(bytes, listZipEntries(bytes));
  } catch {
    return null;
  }
}
