import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: repo });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repo, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layering lint rule', () => {
  it('stops the core from importing electron', async () => {
    const found = await problems('main/store/x.ts', "import { app } from 'electron';\nexport const a = app;\n");
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('Electron 只能在 main/electron/ 中使用');
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

  it('keeps shared/ free of Node and main/', async () => {
    expect(await problems('shared/x.ts', "import os from 'node:os';\nexport const a = os;\n")).toHaveLength(1);
    expect(
      await problems('shared/x.ts', "import { dispatch } from '../main/api.js';\nexport const a = dispatch;\n"),
    ).toHaveLength(1);
  });
});
