import type { ZipEntry } from './zip-check.js';
import { readPart, unescapeOoxml } from './xml-parts.js';

/**
 * The workbook's shared string table (xl/sharedStrings.xml): every <si> as the text a person
 * sees, rich-text runs joined, phonetic guides (<rPh>) left out.
 */
export async function readSharedStrings(bytes: Buffer, entry: ZipEntry): Promise<string[]> {
  const strings: string[] = [];
  let text: string | null = null;
  let inText = false;
  let phonetic = 0;
  await readPart(bytes, entry, {
    open(name) {
      if (name === 'si') text = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        strings.push(unescapeOoxml(text ?? ''));
        text = null;
      }
    },
    text(piece) {
      if (inText && text !== null) text += piece;
    },
  });
  return strings;
}
