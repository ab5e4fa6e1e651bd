import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { SaxesParser } from 'saxes';
import { entryData, type ZipEntry } from './zip-check.js';

const PIECE = 64 * 1024;

function* slices(data: Buffer): Generator<Buffer> {
  for (let at = 0; at < data.length; at += PIECE) yield data.subarray(at, at + PIECE);
}

/**
 * One archive part's XML as text, inflated piece by piece as it is asked for, so a 160 MB
 * worksheet never sits in memory whole. Characters cut by a piece boundary are carried over.
 */
export async function* partText(
  bytes: Buffer,
  entry: ZipEntry,
  onInflated?: (bytes: number) => void,
): AsyncGenerator<string> {
  const data = entryData(bytes, entry);
  const decoder = new StringDecoder('utf8');
  if (entry.method === 0) {
    for (const slice of slices(data)) {
      onInflated?.(slice.length);
      yield decoder.write(slice);
    }
  } else {
    const inflater = zlib.createInflateRaw({ chunkSize: PIECE });
    const source = Readable.from(slices(data), { objectMode: false });
    source.pipe(inflater);
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        onInflated?.(chunk.length);
        yield decoder.write(chunk);
      }
    } finally {
      source.destroy();
      inflater.destroy();
    }
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

export interface XmlHandlers {
  /** An element opens; names come without their namespace prefix (x:row is row). */
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** A strict, non-validating XML parser (saxes) that reports elements by local name. */
export function xmlParser(handlers: XmlHandlers): SaxesParser {
  const parser = new SaxesParser({ position: false });
  const { open, close, text } = handlers;
  if (open) parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as Record<string, string>));
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  return parser;
}

/** Parses a whole part with the handlers; for parts read once and kept (shared strings, styles). */
export async function readPart(bytes: Buffer, entry: ZipEntry, handlers: XmlHandlers): Promise<void> {
  const parser = xmlParser(handlers);
  for await (const piece of partText(bytes, entry)) parser.write(piece);
  parser.close();
}

/** Parses XML text already in memory (the workbook and its relationships). */
export function readXmlText(text: string, handlers: XmlHandlers): void {
  xmlParser(handlers).write(text).close();
}

/** Excel's _xHHHH_ escapes in stored strings (e.g. _x000D_ for a carriage return). */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
