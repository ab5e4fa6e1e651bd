import { StringDecoder } from 'node:string_decoder';
import { columnNumber } from './text.js';

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MARK = Buffer.from('<mergeCells');
const END = '</mergeCells>';
const REF = /<mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;
/** More than any real sheet's list of merges; past this the rest is not kept. */
const MAX_TEXT = 16 * 1024 * 1024;

/**
 * Picks a worksheet's <mergeCells> list out of its XML as the bytes go by. The list follows
 * <sheetData>, so a stream reader learns of merges only after every row; scanning the XML
 * while the archive is checked gives them before the first row is read. Bytes are searched
 * as bytes; only the short stretch from <mergeCells on is decoded.
 */
export class MergeScanner {
  private carry = Buffer.alloc(0);
  private text: string | null = null;
  private closed = false;
  private readonly decoder = new StringDecoder('utf8');

  push(bytes: Buffer): void {
    if (this.text !== null) {
      if (!this.closed && this.text.length < MAX_TEXT) {
        const from = Math.max(0, this.text.length - END.length);
        this.text += this.decoder.write(bytes);
        this.closed = this.text.includes(END, from);
      }
      return;
    }
    const edge = Buffer.concat([this.carry, bytes.subarray(0, MARK.length - 1)]).indexOf(MARK);
    const start = edge >= 0 ? Buffer.concat([this.carry.subarray(edge), bytes]) : null;
    const at = start ? -1 : bytes.indexOf(MARK);
    if (start || at >= 0) {
      this.text = this.decoder.write(start ?? bytes.subarray(at));
      this.closed = this.text.includes(END);
      return;
    }
    const keep = MARK.length - 1;
    this.carry = Buffer.from((bytes.length >= keep ? bytes : Buffer.concat([this.carry, bytes])).subarray(-keep));
  }

  finish(): MergeRange[] {
    if (this.text === null) return [];
    const ranges: MergeRange[] = [];
    for (const m of (this.text + this.decoder.end()).matchAll(REF)) {
      ranges.push({ left: columnNumber(m[1]!), top: Number(m[2]), right: columnNumber(m[3]!), bottom: Number(m[4]) });
    }
    return ranges;
  }
}
