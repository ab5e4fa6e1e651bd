import type { ZipEntry } from './zip-check.js';
import { readPart, unescapeOoxml } from './xml-parts.js';
import {
  CRAFTED,
  MAX_CELL_CHARS,
  MAX_SHARED_STRINGS_BYTES,
  ReadLimitError,
  sharedStringsLabel,
} from './read-limits.js';

/**
 * The workbook's shared string table (xl/sharedStrings.xml): every <si> as the text a person
 * sees, rich-text runs joined, phonetic guides (<rPh>) left out. It is the one part held whole,
 * so it is held to MAX_SHARED_STRINGS_BYTES, and each string to what one cell can hold.
 */
export async function readSharedStrings(bytes: Buffer, entry: ZipEntry): Promise<string[]> {
  const label = sharedStringsLabel(entry.name);
  const strings: string[] = [];
  let text: string | null = null;
  let inText = false;
  let phonetic = 0;
  await readPart(
    bytes,
    entry,
    {
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
        if (!inText || text === null) return;
        if (text.length + piece.length > MAX_CELL_CHARS) {
          throw new ReadLimitError(
            `${label}第 ${strings.length + 1} 条超过 ${MAX_CELL_CHARS.toLocaleString('en-US')} 个字符，${CRAFTED}`,
          );
        }
        text += piece;
      },
    },
    { label, maxBytes: MAX_SHARED_STRINGS_BYTES },
  );
  return strings;
}
