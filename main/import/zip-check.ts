import zlib from 'node:zlib';
import { MAX_ZIP_ENTRIES, partLimit } from './read-limits.js';

/** The decompressed size a workbook may reach; a larger one is a zip bomb, not a ledger. */
export const MAX_UNPACKED_BYTES = 1536 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The entries an archive lists, and where its central directory starts. */
export interface ZipListing {
  entries: ZipEntry[];
  directoryOffset: number;
}

export type ZipProblem =
  | { kind: 'truncated' }
  | { kind: 'encrypted' }
  | { kind: 'too-large' }
  | { kind: 'too-many-entries' }
  /** A part read whole whose stated size passes its limit (read-limits.ts). */
  | { kind: 'part-too-large'; entry: string; limit: number }
  | { kind: 'corrupt'; entry?: string };

export class ZipCheckError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.kind);
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function fail(problem: ZipProblem): never {
  throw new ZipCheckError(problem);
}

function findEndRecord(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  return fail({ kind: 'truncated' });
}

function directoryBounds(bytes: Buffer, eocd: number): { count: number; offset: number } {
  let count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) {
    const locator = eocd - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR) fail({ kind: 'corrupt' });
    const record = Number(bytes.readBigUInt64LE(locator + 8));
    if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_EOCD) fail({ kind: 'corrupt' });
    count = Number(bytes.readBigUInt64LE(record + 32));
    offset = Number(bytes.readBigUInt64LE(record + 48));
  }
  return { count, offset };
}

/** Sizes and offset from the zip64 extra field, for entries whose 32-bit fields are saturated. */
function applyZip64(bytes: Buffer, entry: ZipEntry, extraStart: number, extraEnd: number): void {
  for (let at = extraStart; at + 4 <= extraEnd;) {
    const id = bytes.readUInt16LE(at);
    const size = bytes.readUInt16LE(at + 2);
    // A field that claims more bytes than the extra area holds is damage, not a reason to read past it.
    if (at + 4 + size > extraEnd) fail({ kind: 'corrupt', entry: entry.name });
    if (id === 0x0001) {
      let field = at + 4;
      const fieldEnd = field + size;
      const next = () => {
        if (field + 8 > fieldEnd) fail({ kind: 'corrupt', entry: entry.name });
        const value = Number(bytes.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/** The central directory: every entry the archive says it holds. */
export function listZipEntries(bytes: Buffer): ZipListing {
  const eocd = findEndRecord(bytes);
  const { count, offset } = directoryBounds(bytes, eocd);
  if (count > MAX_ZIP_ENTRIES) fail({ kind: 'too-many-entries' });
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) fail({ kind: 'corrupt' });
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength + extraLength + commentLength > bytes.length) fail({ kind: 'corrupt' });
    const entry: ZipEntry = {
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    };
    applyZip64(bytes, entry, at + 46 + nameLength, at + 46 + nameLength + extraLength);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, directoryOffset: offset };
}

export function entryData(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > bytes.length) fail({ kind: 'truncated' });
  if (bytes.readUInt32LE(at) !== LOCAL) fail({ kind: 'corrupt', entry: entry.name });
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) fail({ kind: 'truncated' });
  return bytes.subarray(start, end);
}

/** Sees an entry's inflated bytes as they are checked; null for entries it does not want. */
export type EntryObserver = (entry: ZipEntry) => ((chunk: Buffer) => void) | null;

/** Inflates one entry in chunks, checking its CRC and size without holding the whole output. */
function verifyDeflated(data: Buffer, entry: ZipEntry, observe: ((chunk: Buffer) => void) | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflater = zlib.createInflateRaw();
    let crc = 0;
    let size = 0;
    inflater.on('data', (chunk: Buffer) => {
      crc = zlib.crc32(chunk, crc);
      size += chunk.length;
      observe?.(chunk);
      if (size > entry.size) inflater.destroy(new ZipCheckError({ kind: 'corrupt', entry: entry.name }));
    });
    inflater.on('error', (error) =>
      reject(error instanceof ZipCheckError ? error : new ZipCheckError({ kind: 'corrupt', entry: entry.name })),
    );
    inflater.on('end', () => {
      if (size !== entry.size || crc >>> 0 !== entry.crc)
        reject(new ZipCheckError({ kind: 'corrupt', entry: entry.name }));
      else resolve();
    });
    inflater.end(data);
  });
}

/**
 * Checks a zip archive end to end before anything parses it: directory present, no encryption,
 * every entry inflating to its recorded size and CRC. Stream parsers can stall on a damaged
 * entry instead of failing; this turns every such file into one clear error first. The
 * observer sees each entry's inflated bytes on the way.
 */
export async function verifyZip(bytes: Buffer, observer: EntryObserver = () => null): Promise<ZipListing> {
  const listing = listZipEntries(bytes);
  const { entries } = listing;
  let total = 0;
  for (const entry of entries) {
    if (entry.flags & 0x1) fail({ kind: 'encrypted' });
    total += entry.size;
    if (total > MAX_UNPACKED_BYTES) fail({ kind: 'too-large' });
    const limit = partLimit(entry.name);
    if (limit !== null && entry.size > limit) fail({ kind: 'part-too-large', entry: entry.name, limit });
  }
  for (const entry of entries) {
    const data = entryData(bytes, entry);
    const observe = observer(entry);
    if (entry.method === 0) {
      if (data.length !== entry.size || zlib.crc32(data) >>> 0 !== entry.crc) {
        fail({ kind: 'corrupt', entry: entry.name });
      }
      observe?.(data);
    } else if (entry.method === 8) {
      await verifyDeflated(data, entry, observe);
    } else {
      fail({ kind: 'corrupt', entry: entry.name });
    }
  }
  return listing;
}
