import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-store.js';
import { copyIntoPlace, moveIntoPlace } from '../../main/export/copy-into-place.js';

describe('saving a finished export where the user chose', () => {
  it('copies into place, replaces only when the user agreed, and leaves no temp file', () => {
    const dir = tempDir();
    const source = path.join(dir, 'source.xlsx');
    const target = path.join(dir, '学生资助台账.xlsx');
    fs.writeFileSync(source, 'new');
    copyIntoPlace(source, target, false);
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    fs.writeFileSync(source, 'newer');
    expect(() => copyIntoPlace(source, target, false)).toThrow(`文件已存在，未作覆盖：${target}`);
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    copyIntoPlace(source, target, true);
    expect(fs.readFileSync(target, 'utf8')).toBe('newer');
    expect(fs.readdirSync(dir).sort()).toEqual(['source.xlsx', '学生资助台账.xlsx'].sort());
    // The one error table words it, naming the file the user chose.
    expect(() => copyIntoPlace(source, path.join(dir, 'missing', 'x.xlsx'), true)).toThrow(
      `找不到 ${path.join(dir, 'missing', 'x.xlsx')}：文件或所在文件夹不存在`,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('moves the job’s file on the same drive: same file, no copy, and the existing target kept unless agreed', () => {
    const dir = tempDir();
    const source = path.join(dir, 'job.xlsx');
    const target = path.join(dir, '学生资助台账.xlsx');
    fs.writeFileSync(source, 'new', { mode: 0o600 });
    const inode = fs.statSync(source).ino;
    moveIntoPlace(source, target, false);
    expect(fs.statSync(target).ino).toBe(inode);
    expect(fs.existsSync(source)).toBe(false);

    fs.writeFileSync(source, 'newer', { mode: 0o600 });
    expect(() => moveIntoPlace(source, target, false)).toThrow(`文件已存在，未作覆盖：${target}`);
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(fs.readFileSync(source, 'utf8')).toBe('newer');
    moveIntoPlace(source, target, true);
    expect(fs.readFileSync(target, 'utf8')).toBe('newer');
    expect(fs.readdirSync(dir)).toEqual(['学生资助台账.xlsx']);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);

    fs.writeFileSync(source, 'x');
    expect(() => moveIntoPlace(source, path.join(dir, 'missing', 'x.xlsx'), true)).toThrow(
      `找不到 ${path.join(dir, 'missing', 'x.xlsx')}：文件或所在文件夹不存在`,
    );
    expect(fs.readFileSync(source, 'utf8')).toBe('x');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
