/*
 * How much of a workbook the reader holds at once. The import thread's heap is capped, but V8
 * does not always end a thread cleanly at its cap: one huge allocation can abort the whole process
 * (the host or Electron's main with it). So the reader stops well before that, at sizes no sheet
 * saved by Excel or WPS comes near, checked as the bytes are inflated and parsed. The CLI and the
 * app read through the same code and so refuse the same files with the same words.
 */

const MB = 1024 * 1024;

/**
 * The shared string table is the one part kept whole in memory. A 300,000-row 资助 ledger's is
 * about 32 MB; at 64 MB even a table of millions of one-character strings, each costing more in
 * the heap than in the file, stays well inside the import thread's heap.
 */
export const MAX_SHARED_STRINGS_BYTES = 64 * MB;

/** The workbook part, its relationships and the styles: a few kilobytes in any real file. */
export const MAX_SMALL_PART_BYTES = 16 * MB;

/**
 * One cell's text: 32 times Excel's own limit (32,767), so a long cell written by another program
 * is still read and answered row by row with its length, while one of a gigabyte is not.
 */
export const MAX_CELL_CHARS = 1024 * 1024;

/**
 * One row's text held while the row is read (inline and formula strings; shared strings are
 * referenced, not copied).
 */
export const MAX_ROW_CHARS = 8 * MB;

/**
 * XML the parser may buffer before it reports anything: one element's text, a tag with its
 * attributes, a comment. A cell at MAX_CELL_CHARS written with entities (&amp; for &) takes 5 MB.
 */
export const MAX_PENDING_XML_CHARS = 8 * MB;

/** More parts than a workbook of a thousand sheets has. */
export const MAX_ZIP_ENTRIES = 20_000;

/** The tail every such refusal ends with. */
export const CRAFTED = '文件可能已损坏或被构造，未导入任何记录';

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`;
}

/** Which limit the archive's stated size of a part is held to before it is inflated, if any. */
export function partLimit(name: string): number | null {
  if (/^xl\/sharedStrings\d*\.xml$/i.test(name)) return MAX_SHARED_STRINGS_BYTES;
  if (/^xl\/(workbook\.xml|styles\.xml|_rels\/workbook\.xml\.rels)$/i.test(name)) return MAX_SMALL_PART_BYTES;
  return null;
}

export function sharedStringsLabel(name: string): string {
  return `工作簿中的共享文字（${name}）`;
}

/** What a part is, for a message: 工作簿中的共享文字（xl/sharedStrings.xml）. */
export function partLabel(name: string): string {
  if (/sharedStrings/i.test(name)) return sharedStringsLabel(name);
  return name === 'xl/workbook.xml' ? `工作簿的目录（${name}）` : `工作簿的部件（${name}）`;
}

/**
 * A limit passed or undecodable bytes met while a part is read. The message is complete but for
 * the file's name, which the reader, knowing it, puts in front.
 */
export class ReadLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadLimitError';
  }
}

export function notUtf8(label: string): ReadLimitError {
  return new ReadLimitError(`${label}中有不是 UTF-8 编码的字节，文件已损坏，未导入任何记录`);
}

export function partTooLarge(label: string, limit: number): ReadLimitError {
  return new ReadLimitError(`${label}解压后超过 ${megabytes(limit)}，${CRAFTED}`);
}
