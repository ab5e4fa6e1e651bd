import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';

/*
 * exceljs's stream reader turns each chunk of XML into text on its own, so a Chinese character
 * cut by a chunk boundary (every 16 KB of inflated XML) arrives as two or three U+FFFD
 * (exceljs issues #2063, #2084; fix not released). The XML is re-cut here so that every piece
 * ends on a whole character before exceljs decodes it. Pieces also stay small: a 64 KB piece
 * of Chinese is a 128 KB string, which V8 puts straight into the old generation.
 */
const PIECE = 16 * 1024;

/** How many leading bytes of `bytes` end on a whole UTF-8 character. */
function wholeCharacters(bytes: Buffer): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue;
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + size <= bytes.length ? bytes.length : i;
  }
  return bytes.length;
}

/** Cuts byte chunks into whole-character pieces of at most PIECE bytes, carrying a cut character over. */
class PieceCutter {
  private rest = Buffer.alloc(0);

  *cut(chunk: Buffer): Generator<Buffer> {
    const joined = this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk;
    const whole = wholeCharacters(joined);
    this.rest = Buffer.from(joined.subarray(whole));
    for (let at = 0; at < whole;) {
      const end = at + PIECE >= whole ? whole : at + wholeCharacters(joined.subarray(at, at + PIECE));
      yield joined.subarray(at, end);
      at = end;
    }
  }

  *end(): Generator<Buffer> {
    if (this.rest.length > 0) yield this.rest;
  }
}

/** Re-cuts a worksheet's XML for exceljs's worksheet reader. */
export async function* utf8Pieces(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  const cutter = new PieceCutter();
  for await (const chunk of source) yield* cutter.cut(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  yield* cutter.end();
}

class PieceStream extends Transform {
  private readonly cutter = new PieceCutter();

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    for (const piece of this.cutter.cut(chunk)) this.push(piece);
    done();
  }

  override _flush(done: TransformCallback): void {
    for (const piece of this.cutter.end()) this.push(piece);
    done();
  }
}

type EntryParser = (this: unknown, entry: Readable, ...rest: unknown[]) => unknown;

/** Makes the reader see its shared strings and workbook entries in whole-character pieces. */
export function cutEntriesWhole(reader: object): void {
  const target = reader as Record<string, unknown>;
  for (const method of ['_parseSharedStrings', '_parseWorkbook']) {
    const original = target[method];
    if (typeof original !== 'function') throw new Error(`exceljs WorkbookReader has no ${method}`);
    target[method] = function (this: unknown, entry: Readable, ...rest: unknown[]) {
      // pipeline passes an error in the entry on to the pieces, where exceljs listens for it.
      const pieces = pipeline(entry, new PieceStream(), () => undefined);
      return (original as EntryParser).call(this, pieces, ...rest);
    };
  }
}
