import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { SaxesParser } from 'saxes';
import { entryData, type ZipEntry } from './zip-check.js';
import {
  CRAFTED,
  MAX_PENDING_XML_CHARS,
  MAX_SMALL_PART_BYTES,
  megabytes,
  notUtf8,
  partLabel,
  partTooLarge,
  ReadLimitError,
} from './read-limits.js';

const PIECE = 64 * 1024;

function* slices(data: Buffer): Generator<Buffer> {
  for (let at = 0; at < data.length; at += PIECE) yield data.subarray(at, at + PIECE);
}

export interface PartReading {
  /** How the part is named in a message: 工作表“名单”（xl/worksheets/sheet1.xml）; by default its path. */
  label?: string;
  /** The most bytes it may inflate to; past this the reading stops with a ReadLimitError. */
  maxBytes?: number;
  onInflated?: (bytes: number) => void;
}

/** The part's raw bytes, inflated piece by piece as they are asked for. */
async function* partBytes(bytes: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    yield* slices(data);
    return;
  }
  const inflater = zlib.createInflateRaw({ chunkSize: PIECE });
  const source = Readable.from(slices(data), { objectMode: false });
  source.pipe(inflater);
  try {
    yield* inflater as AsyncIterable<Buffer>;
  } finally {
    source.destroy();
    inflater.destroy();
  }
}

/**
 * One archive part's XML as text, inflated piece by piece as it is asked for, so a 160 MB
 * worksheet never sits in memory whole. Characters cut by a piece boundary are carried over.
 * Bytes that are not UTF-8 end the reading: read as U+FFFD they would slip into the ledger as
 * damaged names and ID numbers.
 */
export async function* partText(bytes: Buffer, entry: ZipEntry, reading: PartReading = {}): AsyncGenerator<string> {
  const label = reading.label ?? partLabel(entry.name);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw notUtf8(label);
    }
  };
  let inflated = 0;
  for await (const chunk of partBytes(bytes, entry)) {
    inflated += chunk.length;
    // The archive check held every part to its stated size and read-limits.ts, but it knows parts
    // only by their usual names; here the limit holds whatever the part is called.
    if (inflated > entry.size) throw new ReadLimitError(`${label}解压后比文件目录记载的更大，${CRAFTED}`);
    if (reading.maxBytes !== undefined && inflated > reading.maxBytes) throw partTooLarge(label, reading.maxBytes);
    reading.onInflated?.(chunk.length);
    yield decode(chunk);
  }
  const rest = decode();
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

/**
 * A strict, non-validating XML parser (saxes) that reports elements by local name. saxes keeps
 * an element's text, a tag or a comment whole until it ends; the parser stops when that much
 * grows past MAX_PENDING_XML_CHARS, so one endless text cannot fill the heap.
 */
export class XmlReader {
  private readonly parser = new SaxesParser({ position: false });
  /** Characters written since saxes last reported something. */
  private pending = 0;

  constructor(
    handlers: XmlHandlers,
    private readonly label: string,
  ) {
    const { open, close, text } = handlers;
    const parser = this.parser;
    const seen = () => {
      this.pending = 0;
    };
    parser.on('opentag', (tag) => {
      seen();
      open?.(localName(tag.name), tag.attributes as Record<string, string>);
    });
    parser.on('closetag', (tag) => {
      seen();
      close?.(localName(tag.name));
    });
    parser.on('text', (piece) => {
      seen();
      text?.(piece);
    });
    parser.on('cdata', (piece) => {
      seen();
      text?.(piece);
    });
    // Only comments besides: a handler on processing instructions, the doctype or the XML
    // declaration made saxes read a 300,000-row sheet twice as slowly, and those are short anyway
    // (a long one still passes MAX_PENDING_XML_CHARS and is refused).
    parser.on('comment', seen);
  }

  write(piece: string): void {
    this.parser.write(piece);
    this.pending += piece.length;
    if (this.pending > MAX_PENDING_XML_CHARS) {
      throw new ReadLimitError(
        `${this.label}中有一段超过 ${megabytes(MAX_PENDING_XML_CHARS)} 的连续文字或标记，${CRAFTED}`,
      );
    }
  }

  close(): void {
    this.parser.close();
  }
}

/** `label` names the part in a message: 工作表“名单”（xl/worksheets/sheet1.xml）. */
export function xmlParser(handlers: XmlHandlers, label: string): XmlReader {
  return new XmlReader(handlers, label);
}

/**
 * Parses a whole part with the handlers; for parts read once and kept (shared strings, styles),
 * held to MAX_SMALL_PART_BYTES unless the reading says otherwise.
 */
export async function readPart(
  bytes: Buffer,
  entry: ZipEntry,
  handlers: XmlHandlers,
  reading: PartReading = {},
): Promise<void> {
  const label = reading.label ?? partLabel(entry.name);
  const parser = xmlParser(handlers, label);
  for await (const piece of partText(bytes, entry, { maxBytes: MAX_SMALL_PART_BYTES, ...reading, label })) {
    parser.write(piece);
  }
  parser.close();
}

/** Parses XML text already in memory (the workbook and its relationships). */
export function readXmlText(text: string, handlers: XmlHandlers, label: string): void {
  const parser = xmlParser(handlers, label);
  for (let at = 0; at < text.length; at += PIECE) parser.write(text.slice(at, at + PIECE));
  parser.close();
}

/** Excel's _xHHHH_ escapes in stored strings (e.g. _x000D_ for a carriage return). */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
