/** Characters Windows refuses in file names, and control characters. */
// eslint-disable-next-line no-control-regex
const ILLEGAL_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f]/g;
const RESERVED_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
/**
 * Linux and macOS take at most 255 bytes of UTF-8 in a name (85 Chinese characters); this leaves
 * room for the extension and a " (2)" a browser may add.
 */
const MAX_NAME_BYTES = 240;

/** Whole characters from the start of `text` that fit in `bytes` bytes of UTF-8. */
function cutToBytes(text: string, bytes: number): string {
  let used = 0;
  let cut = '';
  for (const ch of text) {
    used += Buffer.byteLength(ch);
    if (used > bytes) break;
    cut += ch;
  }
  return cut;
}

/**
 * A file name (without folder or extension) that every system accepts: a title written on
 * several lines becomes one, illegal characters become "_", trailing dots and spaces go,
 * reserved device names (CON, NUL, COM1 …) get a prefix, and an empty name becomes `fallback`.
 */
export function sanitizeFileName(name: string, fallback = '导出'): string {
  let clean = name
    .replace(/\s*[\r\n]+\s*/g, '')
    .replace(ILLEGAL_IN_FILE_NAME, '_')
    .replace(/\s+/g, ' ')
    .trim();
  clean = cutToBytes(clean, MAX_NAME_BYTES).replace(/[. ]+$/, '');
  if (clean === '') clean = fallback;
  return RESERVED_NAMES.test(clean) ? `_${clean}` : clean;
}

/**
 * The default name of an exported table: "2019年上半年-学生资助台账-建始县高坪镇中心小学.xlsx";
 * a bundle of several ledgers is "2019年上半年-报送材料-<单位>.xlsx". Without a period the first
 * part is left out.
 */
export function defaultExportFileName(parts: {
  periodLabel?: string;
  ledgerLabels: string[];
  unitName: string;
}): string {
  const subject = parts.ledgerLabels.length === 1 ? parts.ledgerLabels[0]! : '报送材料';
  const segments = [parts.periodLabel, subject, parts.unitName].filter((s): s is string => Boolean(s && s.trim()));
  return `${sanitizeFileName(segments.join('-'))}.xlsx`;
}

const ILLEGAL_IN_SHEET_NAME = /[[\]:*?/\\]/g;
const MAX_SHEET_NAME = 31;

/**
 * Sheet names for a bundle, one per ledger label: at most 31 characters, none of []:*?/\,
 * no apostrophe (it would break the print-titles reference), and unique ignoring case.
 */
export function uniqueSheetNames(labels: string[]): string[] {
  const taken = new Set<string>();
  return labels.map((label) => {
    const base = label.replace(ILLEGAL_IN_SHEET_NAME, '_').replace(/'/g, '’').trim() || '台账';
    let name = [...base].slice(0, MAX_SHEET_NAME).join('');
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = `(${n})`;
      name = [...base].slice(0, MAX_SHEET_NAME - suffix.length).join('') + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}
