import type { ZipEntry } from './zip-check.js';
import { readPart } from './xml-parts.js';

/** Built-in number formats that show a date or time (ECMA-376 §18.8.30, with the zh-CN ids). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** Whether a custom format code shows a date or time: y m d h s outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[\\_*]./g, '');
  return /[ymdhs]/i.test(bare);
}

/**
 * Which cell styles (indexes into <cellXfs>) show their number as a date: Excel stores a date
 * as a day count and only the style tells it apart from a number.
 */
export async function readDateStyles(bytes: Buffer, entry: ZipEntry): Promise<boolean[]> {
  const codes = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await readPart(bytes, entry, {
    open(name, attributes) {
      if (name === 'numFmt') codes.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formats.map((id) => {
    const code = codes.get(id);
    return code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}
