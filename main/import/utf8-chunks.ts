import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

/*
 * exceljs's stream reader turns each chunk of XML into text on its own, so a Chinese character
 * cut by a chunk boundary (every 16 KB of inflated XML) arrives as two or three U+FFFD
 * (exceljs issues #2063, #2084; fix not released). Text is decoded here across chunk
 * boundaries before exceljs sees it.
 */

/** Decodes a stream of XML bytes to text without splitting a character between chunks. */
export async function* utf8Text(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

type EntryParser = (this: unknown, entry: Readable, ...rest: unknown[]) => unknown;

/**
 * Makes the reader decode its shared strings and workbook entries as text (a StringDecoder on
 * the entry stream). Worksheets are decoded by utf8Text in the sheet reader.
 */
export function decodeEntriesAsText(reader: object): void {
  const target = reader as Record<string, unknown>;
  for (const method of ['_parseSharedStrings', '_parseWorkbook']) {
    const original = target[method];
    if (typeof original !== 'function') throw new Error(`exceljs WorkbookReader has no ${method}`);
    target[method] = function (this: unknown, entry: Readable, ...rest: unknown[]) {
      entry.setEncoding('utf8');
      return (original as EntryParser).call(this, entry, ...rest);
    };
  }
}
