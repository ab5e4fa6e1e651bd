import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForZip } from '../../main/export/zip-backpressure.js';

/*
 * main/export/zip-backpressure.ts reads undocumented fields of exceljs's streaming writer; should
 * they change, the export would still work but pile whole sheets up in memory, which no other
 * test would notice. exceljs is pinned exactly in package.json: an upgrade has to pass here.
 */

const require = createRequire(import.meta.url);

interface Internals {
  stream?: { pipes?: Array<{ writableLength?: number; _writableState?: { length?: unknown } }>; buffers?: unknown };
}

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function streamingSheet() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-test-'));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: fs.createWriteStream(path.join(dir, 'out.xlsx')),
    useSharedStrings: false,
  });
  const worksheet = workbook.addWorksheet('学生资助');
  return { workbook, worksheet, internals: worksheet as unknown as Internals };
}

describe('the exceljs internals the export relies on', () => {
  it('exceljs is the exact version package.json pins', () => {
    const pinned = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> })
      .dependencies.exceljs;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = (
      JSON.parse(fs.readFileSync(require.resolve('exceljs/package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    expect(installed).toBe(pinned);
  });

  it('a sheet writer has its buffer stream, piped to the zip, whose queue length can be read', async () => {
    const { workbook, worksheet, internals } = streamingSheet();
    const stream = internals.stream;
    expect(stream).toBeDefined();
    expect(Array.isArray(stream!.buffers)).toBe(true);
    expect(stream!.pipes).toHaveLength(1);
    const sink = stream!.pipes![0]!;
    const queued = () => sink.writableLength ?? (sink._writableState?.length as number);
    expect(typeof queued()).toBe('number');

    // Rows committed without yielding queue up in front of the zip: the length must say so.
    for (let i = 0; i < 40_000; i++) worksheet.addRow([i, '建始县高坪镇中心小学'.repeat(4)]).commit();
    expect(queued()).toBeGreaterThan(4 * 1024 * 1024);
    expect(sink).toHaveProperty('on');
    await waitForZip(worksheet);
    expect(queued()).toBeLessThanOrEqual(4 * 1024 * 1024);

    worksheet.commit();
    await workbook.commit();
  });
});
