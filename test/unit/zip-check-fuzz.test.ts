import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { listZipEntries, verifyZip, ZipCheckError } from '../../main/import/zip-check.js';

/*
 * zip-check.ts reads offsets and lengths straight out of the file, from the end record through
 * the central directory to each local header, before anything else trusts the archive. Whatever
 * the bytes, it must end in a ZipCheckError (which the import turns into a TaizhangError), never
 * a RangeError from reading past the buffer, and never wait forever.
 */

const RUNS = 10_000;
const HANG_MS = 5000;

let workbook: Buffer;
/** Where the central directory starts: the fields that steer every read are there and after. */
let directory: number;

beforeAll(async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('学生资助');
  sheet.addRow(['序号', '姓名', '性别', '身份证号', '金额', '发放日期']);
  for (let i = 1; i <= 40; i++)
    sheet.addRow([i, `学生${i}`, i % 2 ? '男' : '女', `42282220080101${i}`, 500, '2019-04-12']);
  workbook = Buffer.from(await book.xlsx.writeBuffer());
  directory = listZipEntries(workbook).directoryOffset;
});

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'byte'; at: number; value: number; nearDirectory: boolean }
  | { kind: 'field'; at: number; width: 2 | 4; value: number; nearDirectory: boolean }
  | { kind: 'splice'; at: number; remove: number; insert: Uint8Array };

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
// Values that flip a reader onto another path: zero, all ones (zip64 markers), just past a limit.
const edge = fc.constantFrom(0, 1, 0x7f, 0xff, 0xffff, 0x10000, 0x7fffffff, 0xffffffff);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }).map(({ at }) => ({
    kind: 'truncate' as const,
    at: Math.floor(at * workbook.length),
  })),
  fc.record({ at: fraction, value: fc.integer({ min: 0, max: 255 }), nearDirectory: fc.boolean() }).map((m) => ({
    kind: 'byte' as const,
    ...m,
    at: Math.floor(m.at * 1e9),
  })),
  fc
    .record({
      at: fraction,
      width: fc.constantFrom(2 as const, 4 as const),
      value: fc.oneof(edge, fc.integer({ min: 0, max: 0xffffffff })),
      nearDirectory: fc.boolean(),
    })
    .map((m) => ({ kind: 'field' as const, ...m, at: Math.floor(m.at * 1e9) })),
  fc
    .record({ at: fraction, remove: fc.integer({ min: 0, max: 64 }), insert: fc.uint8Array({ maxLength: 64 }) })
    .map((m) => ({ kind: 'splice' as const, ...m, at: Math.floor(m.at * workbook.length) })),
);

/** Offsets of byte and field changes: anywhere, or (half the time) in the central directory and end record. */
function place(at: number, nearDirectory: boolean, length: number, width: number): number {
  const start = nearDirectory ? Math.min(directory, length - width) : 0;
  const span = Math.max(1, length - width - start + 1);
  return start + (at % span);
}

function mutate(source: Buffer, mutations: Mutation[]): Buffer {
  let bytes = Buffer.from(source);
  for (const m of mutations) {
    if (bytes.length === 0) break;
    switch (m.kind) {
      case 'truncate':
        bytes = bytes.subarray(0, Math.min(m.at, bytes.length - 1));
        break;
      case 'byte':
        bytes[place(m.at, m.nearDirectory, bytes.length, 1)] = m.value;
        break;
      case 'field':
        if (bytes.length < m.width) break;
        if (m.width === 2) bytes.writeUInt16LE(m.value & 0xffff, place(m.at, m.nearDirectory, bytes.length, 2));
        else bytes.writeUInt32LE(m.value >>> 0, place(m.at, m.nearDirectory, bytes.length, 4));
        break;
      case 'splice':
        bytes = Buffer.concat([
          bytes.subarray(0, Math.min(m.at, bytes.length)),
          m.insert,
          bytes.subarray(Math.min(m.at + m.remove, bytes.length)),
        ]);
        break;
    }
  }
  return bytes;
}

/** What verifyZip ended with: 'ok', the ZipCheckError's kind, or the foreign error itself. */
async function outcome(bytes: Buffer): Promise<string | Error> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<Error>((resolve) => {
    timer = setTimeout(() => resolve(new Error(`verifyZip still running after ${HANG_MS} ms`)), HANG_MS);
  });
  const run = verifyZip(bytes, () => () => {}).then(
    () => 'ok',
    (error: unknown) => (error instanceof ZipCheckError ? error.problem.kind : (error as Error)),
  );
  try {
    return await Promise.race([run, hang]);
  } finally {
    clearTimeout(timer);
  }
}

describe('zip-check on damaged workbooks', () => {
  it('the unmutated workbook passes', async () => {
    expect(await outcome(workbook)).toBe('ok');
  });

  it(`fails ${RUNS} truncated and mutated real workbooks with a ZipCheckError only, and never hangs`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const result = await outcome(mutate(workbook, mutations));
        if (result instanceof Error) throw result;
      }),
      { numRuns: RUNS, seed: 20190412 },
    );
  }, 600_000);
});
