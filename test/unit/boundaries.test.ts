import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: repo });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repo, file) });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('the layering lint rule', () => {
  it('stops the core from importing electron', async () => {
    const found = await problems('main/store/x.ts', "import { app } from 'electron';\nexport const a = app;\n");
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('Electron 只能在 main/electron/ 中使用');
  });

  it('stops the core from reaching electron by import(), require(), a subpath or a type', async () => {
    for (const code of [
      "export const e = await import('electron');\n",
      'export const e = await import(`electron`);\n',
      "export const e = require('electron');\n",
      "export const e = await import('electron/main');\n",
      "export const e = require('electron/main');\n",
      "import { app } from 'electron/main';\nexport const a = app;\n",
      "export type E = typeof import('electron');\n",
    ]) {
      const found = await problems('main/store/x.ts', code);
      expect(found, code).toHaveLength(1);
      expect(found[0], code).toContain('Electron 只能在 main/electron/ 中使用');
    }
    expect(await problems('scripts/x.mjs', "export const e = await import('electron');\n")).toHaveLength(1);
    expect(await problems('test/unit/x.test.ts', "export const e = await import('electron');\n")).toHaveLength(1);
  });

  it('lets the core read electron/package.json for the version', async () => {
    expect(await problems('scripts/x.mjs', "export const v = require('electron/package.json').version;\n")).toEqual([]);
  });

  it('lets main/electron import electron', async () => {
    expect(await problems('main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual(
      [],
    );
  });

  it('stops the renderer from importing Node, the database or main/', async () => {
    expect(await problems('renderer/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await problems('renderer/src/x.ts', "import fs from 'fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await problems('renderer/src/x.ts', "import D from 'better-sqlite3';\nexport const a = D;\n")).toHaveLength(
      1,
    );
    expect(
      await problems(
        'renderer/src/x.ts',
        "import { dispatch } from '../../main/api.js';\nexport const a = dispatch;\n",
      ),
    ).toHaveLength(1);
  });

  it('stops the renderer from reaching Node, the database, main/ or electron by import() or require()', async () => {
    for (const code of [
      "export const m = await import('node:fs');\n",
      "export const m = await import('fs/promises');\n",
      "import fs from 'fs/promises';\nexport const a = fs;\n",
      "export const m = require('os');\n",
      "export const m = await import('better-sqlite3');\n",
      "export const m = await import('../../main/api.js');\n",
      "export const m = require('../../main/api.js');\n",
      "export const m = await import('electron');\n",
      "export const m = await import('electron/renderer');\n",
      "import { ipcRenderer } from 'electron/renderer';\nexport const a = ipcRenderer;\n",
    ]) {
      expect(await problems('renderer/src/x.ts', code), code).toHaveLength(1);
    }
    expect(await problems('renderer/src/x.tsx', "export const m = await import('node:path');\n")).toHaveLength(1);
    expect(await problems('renderer/src/x.ts', "export const m = await import('./main.js');\n")).toEqual([]);
    expect(await problems('renderer/src/x.ts', "export const m = await import('antd');\n")).toEqual([]);
  });

  it('keeps shared/ free of Node and main/', async () => {
    expect(await problems('shared/x.ts', "import os from 'node:os';\nexport const a = os;\n")).toHaveLength(1);
    expect(
      await problems('shared/x.ts', "import { dispatch } from '../main/api.js';\nexport const a = dispatch;\n"),
    ).toHaveLength(1);
  });

  it('keeps shared/ free of Node, main/ and electron reached by import() or require()', async () => {
    for (const code of [
      "export const m = await import('node:os');\n",
      "export const m = await import('path');\n",
      "export const m = require('crypto');\n",
      "export const m = await import('../main/api.js');\n",
      "export const m = await import('electron');\n",
      "export const m = require('electron/common');\n",
    ]) {
      expect(await problems('shared/x.ts', code), code).toHaveLength(1);
    }
    expect(await problems('shared/x.ts', "export const m = await import('./period.js');\n")).toEqual([]);
  });
});
