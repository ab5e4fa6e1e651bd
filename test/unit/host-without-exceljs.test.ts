import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const EXCELJS = `${path.sep}node_modules${path.sep}exceljs${path.sep}`;
const exceljsLoaded = () => Object.keys(require.cache).some((file) => file.includes(EXCELJS));

describe('the host and the API handlers', () => {
  it('start without loading exceljs: only the export and import threads write workbooks', async () => {
    expect(exceljsLoaded()).toBe(false);
    await import('../../main/host/server.js');
    await import('../../main/handlers.js');
    await import('../../main/export/export-xlsx.js');
    expect(exceljsLoaded()).toBe(false);
    // The check itself sees exceljs once something does load it.
    await import('../../main/export/xlsx-writer.js');
    expect(exceljsLoaded()).toBe(true);
  });
});
