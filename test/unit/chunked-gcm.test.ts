import { createDecipheriv, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import {
  CHUNK_SIZE,
  DecryptChunks,
  EncryptChunks,
  newCipher,
  type CipherParams,
} from '../../main/archive/chunked-gcm.js';

const AAD = Buffer.from('header bytes');

async function encrypt(key: Buffer, params: CipherParams, pieces: Buffer[]): Promise<Buffer> {
  const sealed = Readable.from(pieces).pipe(new EncryptChunks(key, params, AAD));
  return buffer(sealed);
}

async function decrypt(key: Buffer, params: CipherParams, bytes: Buffer, sizes?: number[]): Promise<Buffer> {
  const out: Buffer[] = [];
  const pieces = sizes ? cut(bytes, sizes) : [bytes];
  await pipeline(Readable.from(pieces), new DecryptChunks(key, params, AAD), async (source) => {
    for await (const chunk of source as AsyncIterable<Buffer>) out.push(chunk);
  });
  return Buffer.concat(out);
}

/**
 * The file layout read with node:crypto alone, as another program would: [u32 length][ciphertext]
 * [16-byte tag] chunks, the nonce being the 7-byte prefix, the chunk's number (u32) and a last flag.
 */
function readLayout(key: Buffer, params: CipherParams, bytes: Buffer): { plain: Buffer; lengths: number[] } {
  const prefix = Buffer.from(params.noncePrefix, 'base64');
  const plain: Buffer[] = [];
  const lengths: number[] = [];
  let at = 0;
  for (let counter = 0; at < bytes.length; counter++) {
    const length = bytes.readUInt32BE(at);
    const body = bytes.subarray(at + 4, at + 4 + length);
    const tag = bytes.subarray(at + 4 + length, at + 4 + length + 16);
    at += 4 + length + 16;
    const nonce = Buffer.concat([prefix, Buffer.alloc(5)]);
    nonce.writeUInt32BE(counter, 7);
    nonce[11] = at === bytes.length ? 1 : 0;
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(AAD);
    decipher.setAuthTag(tag);
    plain.push(decipher.update(body), decipher.final());
    lengths.push(length);
  }
  return { plain: Buffer.concat(plain), lengths };
}

/** `data` cut into pieces of the given sizes, in turn, as a stream hands them over. */
function cut(data: Buffer, sizes: number[]): Buffer[] {
  const pieces: Buffer[] = [];
  for (let at = 0, i = 0; at < data.length; i++) {
    const size = sizes[i % sizes.length]!;
    pieces.push(data.subarray(at, at + size));
    at += size;
  }
  return pieces;
}

describe('encrypted chunks', () => {
  const cases: Array<[string, number, number[]]> = [
    ['nothing', 0, [1]],
    ['a few bytes', 5, [2]],
    ['exactly one chunk, in odd pieces', CHUNK_SIZE, [7, 300_000, 512]],
    ['one byte past a chunk', CHUNK_SIZE + 1, [CHUNK_SIZE + 1]],
    ['two and a half chunks in one piece', CHUNK_SIZE * 2.5, [CHUNK_SIZE * 3]],
    ['three chunks in pieces that straddle them', CHUNK_SIZE * 3, [700_000, 1_500_000, 1]],
  ];

  it.each(cases)('%s: full chunks, the last flagged, read back by node:crypto alone', async (_name, size, sizes) => {
    const { key, params } = await newCipher('口令');
    const data = randomBytes(size);
    const sealed = await encrypt(key, params, cut(data, sizes));

    const { plain, lengths } = readLayout(key, params, sealed);
    expect(plain.equals(data)).toBe(true);
    expect(lengths.slice(0, -1).every((length) => length === CHUNK_SIZE)).toBe(true);
    expect(lengths.at(-1)).toBe(size === 0 ? 0 : size - (lengths.length - 1) * CHUNK_SIZE);
    expect(lengths.at(-1)).toBeLessThanOrEqual(CHUNK_SIZE);
    expect((await decrypt(key, params, sealed)).equals(data)).toBe(true);
    // Read back in pieces that cut the length fields and the tags too.
    expect((await decrypt(key, params, sealed, [3, 1, CHUNK_SIZE + 8, 17])).equals(data)).toBe(true);
  });

  it('refuses a stream cut after a whole chunk, and chunks swapped', async () => {
    const { key, params } = await newCipher('口令');
    const data = randomBytes(CHUNK_SIZE * 2 + 10);
    const sealed = await encrypt(key, params, [data]);
    const chunk = 4 + CHUNK_SIZE + 16;
    await expect(decrypt(key, params, sealed.subarray(0, chunk))).rejects.toThrow('文件不完整');
    const swapped = Buffer.concat([
      sealed.subarray(chunk, 2 * chunk),
      sealed.subarray(0, chunk),
      sealed.subarray(2 * chunk),
    ]);
    await expect(decrypt(key, params, swapped)).rejects.toThrow('第 1 个数据块校验失败');
  });

  it('is done with each piece once it has taken it: scribbling over a piece then changes nothing', async () => {
    const { key, params } = await newCipher('口令');
    const data = randomBytes(CHUNK_SIZE * 2 + 300_000);
    // One buffer lent over and over, as a backup reads into a few slots and refills them.
    const slot = Buffer.alloc(700_000);
    const pieces = cut(data, [700_000]);
    const given: Buffer[] = [];
    let givenBack = () => {};
    const sealer = new EncryptChunks(key, params, AAD, (piece) => {
      given.push(piece);
      piece.fill(0xee);
      givenBack();
    });
    async function* lent() {
      for (const piece of pieces) {
        piece.copy(slot);
        const back = new Promise<void>((resolve) => (givenBack = resolve));
        yield slot.subarray(0, piece.length);
        // Filled again only once given back.
        await back;
      }
    }
    const sealed = await buffer(Readable.from(lent()).pipe(sealer));

    expect(given.map((piece) => piece.length)).toEqual(pieces.map((piece) => piece.length));
    expect(readLayout(key, params, sealed).plain.equals(data)).toBe(true);
  });

  it('opens chunks from pieces it gives back at once, cut anywhere: scribbling over a given piece changes nothing', async () => {
    const { key, params } = await newCipher('口令');
    const data = randomBytes(CHUNK_SIZE * 3 + 5_000);
    const sealed = await encrypt(key, params, [data]);
    // Pieces of one reused buffer: whole chunks, chunks cut in their length field, body and tag.
    for (const sizes of [[4 + CHUNK_SIZE + 16], [2, 4 + CHUNK_SIZE + 16, 700_000, 9], [CHUNK_SIZE * 2 + 3, 1]]) {
      const slot = Buffer.alloc(Math.max(...sizes));
      let givenBack = () => {};
      let given = 0;
      async function* lent() {
        for (const piece of cut(sealed, sizes)) {
          piece.copy(slot);
          const back = new Promise<void>((resolve) => (givenBack = resolve));
          yield slot.subarray(0, piece.length);
          await back;
        }
      }
      const opener = new DecryptChunks(key, params, AAD, (piece) => {
        given++;
        piece.fill(0xee);
        givenBack();
      });
      const plain = await buffer(Readable.from(lent()).pipe(opener));
      expect(plain.equals(data)).toBe(true);
      expect(given).toBe(cut(sealed, sizes).length);
    }
  });
});
