import { FONT } from './gbt9704.js';

/**
 * word/fontTable.xml for the 公文 fonts. Offices without 仿宋_GB2312 or 方正小标宋简体 installed
 * substitute by what the table says of a missing font: its alternate name (w:altName), its
 * character set (86: GB2312) and its PANOSE class, so a declared font falls back to the Chinese
 * face of the same style (仿宋, 宋体, 楷体, 黑体) instead of a Western default. The docx library
 * writes this part empty unless fonts are embedded, which the 公文 fonts' licences do not allow.
 */

interface FontEntry {
  name: string;
  altName: string;
  panose: string;
  family: 'modern' | 'auto';
  pitch: 'fixed' | 'variable';
  /** w:sig: the Unicode ranges and code pages the face covers, as Windows reports them. */
  sig: { usb0: string; usb1: string; usb2: string; csb0: string };
}

const CJK_SIG = { usb0: '00000001', usb1: '080E0000', usb2: '00000010', csb0: '00040000' };

/** Each 公文 font with the face that stands in for it, then those faces under their Western names. */
const ENTRIES: FontEntry[] = [
  { name: FONT.body, altName: '仿宋', panose: '02010609030101010101', family: 'modern', pitch: 'fixed', sig: CJK_SIG },
  {
    name: FONT.title,
    altName: '宋体',
    panose: '02010600030101010101',
    family: 'auto',
    pitch: 'variable',
    sig: CJK_SIG,
  },
  {
    name: FONT.heading1,
    altName: 'SimHei',
    panose: '02010609060101010101',
    family: 'modern',
    pitch: 'fixed',
    sig: CJK_SIG,
  },
  {
    name: FONT.heading2,
    altName: '楷体',
    panose: '02010609030101010101',
    family: 'modern',
    pitch: 'fixed',
    sig: CJK_SIG,
  },
  { name: '仿宋', altName: 'FangSong', panose: '02010609060101010101', family: 'modern', pitch: 'fixed', sig: CJK_SIG },
  { name: '楷体', altName: 'KaiTi', panose: '02010609060101010101', family: 'modern', pitch: 'fixed', sig: CJK_SIG },
  { name: '宋体', altName: 'SimSun', panose: '02010600030101010101', family: 'auto', pitch: 'variable', sig: CJK_SIG },
];

function entryXml(font: FontEntry): string {
  const { usb0, usb1, usb2, csb0 } = font.sig;
  return (
    `<w:font w:name="${font.name}">` +
    `<w:altName w:val="${font.altName}"/>` +
    `<w:panose1 w:val="${font.panose}"/>` +
    '<w:charset w:val="86"/>' +
    `<w:family w:val="${font.family}"/>` +
    `<w:pitch w:val="${font.pitch}"/>` +
    `<w:sig w:usb0="${usb0}" w:usb1="${usb1}" w:usb2="${usb2}" w:usb3="00000000" w:csb0="${csb0}" w:csb1="00000000"/>` +
    '</w:font>'
  );
}

/** The part's path and XML, as the docx Packer's overrides take them. */
export function fontTablePart(): { path: string; data: string } {
  return {
    path: 'word/fontTable.xml',
    data:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      ENTRIES.map(entryXml).join('') +
      '</w:fonts>',
  };
}
