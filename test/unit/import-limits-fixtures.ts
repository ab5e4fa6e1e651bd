import zlib from 'node:zlib';

/*
 * Hand-built .xlsx archives for the reader's limits: a sharedStrings part that inflates to more
 * than a gigabyte from a few megabytes, and parts holding bytes that are not UTF-8. The archive is
 * written here byte by byte so a part's deflate stream can be assembled from repeated blocks
 * instead of compressing the gigabyte.
 */

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A part's bytes before compression, or its raw deflate stream with the size and CRC it inflates to. */
export type PartBody = string | Buffer | { deflated: Buffer; size: number; crc: number };

interface Packed {
  name: Buffer;
  data: Buffer;
  method: number;
  size: number;
  crc: number;
}

function pack(name: string, body: PartBody): Packed {
  const nameBytes = Buffer.from(name, 'utf8');
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return { name: nameBytes, data: zlib.deflateRawSync(raw), method: 8, size: raw.length, crc: zlib.crc32(raw) };
  }
  return { name: nameBytes, data: body.deflated, method: 8, size: body.size, crc: body.crc };
}

/** A zip archive of the parts, in the order given (no zip64: every part stays under 4 GB). */
export function zipParts(parts: Record<string, PartBody>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, body] of Object.entries(parts)) {
    const p = pack(name, body);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(p.name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(p.method, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(p.name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, p.name, p.data);
    centrals.push(central, p.name);
    offset += 30 + p.name.length + p.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A raw deflate stream of the pieces in order, each distinct piece compressed once: a full flush
 * ends a piece's blocks on a byte boundary with an empty dictionary, so compressed pieces can be
 * laid end to end, and a gigabyte of text costs only its few distinct megabytes to build.
 */
export async function deflatedPieces(pieces: Buffer[]): Promise<{ deflated: Buffer; size: number; crc: number }> {
  const compressed = new Map<Buffer, Buffer>();
  const flushed = (bytes: Buffer) =>
    new Promise<Buffer>((resolve) => {
      const deflater = zlib.createDeflateRaw({ level: 9 });
      const out: Buffer[] = [];
      deflater.on('data', (c: Buffer) => out.push(c));
      deflater.write(bytes);
      deflater.flush(zlib.constants.Z_FULL_FLUSH, () => resolve(Buffer.concat(out)));
    });
  const out: Buffer[] = [];
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    if (!compressed.has(piece)) compressed.set(piece, await flushed(piece));
    out.push(compressed.get(piece)!);
    crc = zlib.crc32(piece, crc);
    size += piece.length;
  }
  // The final block: empty, stored, marked last.
  out.push(Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]));
  return { deflated: Buffer.concat(out), size, crc };
}

/**
 * The parts every workbook needs around one sheet named 名单 and, when given, its shared strings
 * (at xl/sharedStrings.xml, or where `stringsPart` says: the relationship names the part).
 */
export function workbookParts(
  sheet: PartBody,
  strings?: PartBody,
  stringsPart = 'sharedStrings.xml',
): Record<string, PartBody> {
  const rels = [
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`,
    strings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="${stringsPart}"/>` : '',
  ].join('');
  const parts: Record<string, PartBody> = {
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
  };
  if (strings) parts[`xl/${stringsPart}`] = strings;
  return parts;
}

/** A worksheet of inline-string rows, the first row at row 1. */
export function inlineSheet(rows: string[][]): string {
  const cells = (row: string[]) => row.map((text) => `<c t="inlineStr"><is><t>${text}</t></is></c>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${rows
    .map((row, i) => `<row r="${i + 1}">${cells(row)}</row>`)
    .join('')}</sheetData></worksheet>`;
}

/** A worksheet whose XML is given between <sheetData> and </sheetData>. */
export function sheetXml(sheetData: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${sheetData}</sheetData></worksheet>`;
}

/** A shared string table of the given <si> contents. */
export function sharedStringsXml(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}">${items.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;
}

/**
 * The file of the report: 1.4 MB on disk, its shared strings inflating to 1.4 GB in strings of
 * 70 MB, referenced by a small sheet whose header they are. Smaller bombs, of shorter strings, and
 * bombs whose part only the relationship names, come from the options.
 */
export async function sharedStringsBomb(
  options: { megabytes?: number; stringMegabytes?: number; stringsPart?: string } = {},
): Promise<Buffer> {
  const MB = 1024 * 1024;
  const total = options.megabytes ?? 1400;
  const each = options.stringMegabytes ?? 70;
  const text = Buffer.alloc(MB, 'A');
  const close = '</t></si><si><t>';
  const between = Buffer.concat([Buffer.alloc(MB - close.length, 'A'), Buffer.from(close)]);
  const pieces = [Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}"><si><t>`)];
  for (let m = 1; m <= total; m++) pieces.push(m % each === 0 && m < total ? between : text);
  pieces.push(Buffer.from('</t></si></sst>'));
  const sheet = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>');
  return zipParts(workbookParts(sheet, await deflatedPieces(pieces), options.stringsPart));
}
