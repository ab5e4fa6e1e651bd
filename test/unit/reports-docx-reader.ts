import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';

/**
 * Reads a .docx back without the library that wrote it: the zip with jszip, the parts with
 * fast-xml-parser, in document order.
 */

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}

function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const value = tag ? node[tag] : undefined;
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const attrs = node?.[':@'] as Record<string, string> | undefined;
  return attrs?.[name];
}

/** Every element named `tag` under `nodes`, depth first, not looking inside matches. */
export function all(nodes: XmlNode[], tag: string, stopAt: string[] = []): XmlNode[] {
  const found: XmlNode[] = [];
  for (const node of nodes) {
    const t = tagOf(node);
    if (t === tag) found.push(node);
    else if (!t || !stopAt.includes(t)) found.push(...all(childrenOf(node), tag, stopAt));
  }
  return found;
}

export function first(node: XmlNode, tag: string): XmlNode | undefined {
  return all(childrenOf(node), tag)[0];
}

function textOf(nodes: XmlNode[]): string {
  let text = '';
  for (const node of nodes) {
    const t = tagOf(node);
    if (t === '#text') text += String(node['#text']);
    else if (t === 'w:t') text += textOf(childrenOf(node));
    else if (t && t !== 'w:instrText') text += textOf(childrenOf(node));
  }
  return text;
}

export interface RunInfo {
  text: string;
  ascii?: string;
  eastAsia?: string;
  hAnsi?: string;
  size?: string;
  bold: boolean;
}

export interface ParagraphInfo {
  text: string;
  align?: string;
  firstLine?: string;
  left?: string;
  right?: string;
  hanging?: string;
  line?: string;
  lineRule?: string;
  runs: RunInfo[];
  inTable: boolean;
  /** Index of the section (w:sectPr order) the paragraph belongs to. */
  section: number;
  node: XmlNode;
}

function runInfo(run: XmlNode): RunInfo {
  const rPr = first(run, 'w:rPr');
  const fonts = rPr ? first(rPr, 'w:rFonts') : undefined;
  const b = rPr ? first(rPr, 'w:b') : undefined;
  return {
    text: textOf(all(childrenOf(run), 'w:t')),
    ascii: attr(fonts, 'w:ascii'),
    eastAsia: attr(fonts, 'w:eastAsia'),
    hAnsi: attr(fonts, 'w:hAnsi'),
    size: attr(rPr ? first(rPr, 'w:sz') : undefined, 'w:val'),
    bold: b !== undefined && attr(b, 'w:val') !== 'false' && attr(b, 'w:val') !== '0',
  };
}

export function paragraphInfo(p: XmlNode, inTable: boolean, section: number): ParagraphInfo {
  const pPr = first(p, 'w:pPr');
  const ind = pPr ? first(pPr, 'w:ind') : undefined;
  const spacing = pPr ? first(pPr, 'w:spacing') : undefined;
  const runs = all(childrenOf(p), 'w:r').map(runInfo);
  return {
    text: runs.map((r) => r.text).join(''),
    align: attr(pPr ? first(pPr, 'w:jc') : undefined, 'w:val'),
    firstLine: attr(ind, 'w:firstLine'),
    left: attr(ind, 'w:left') ?? attr(ind, 'w:start'),
    right: attr(ind, 'w:right') ?? attr(ind, 'w:end'),
    hanging: attr(ind, 'w:hanging'),
    line: attr(spacing, 'w:line'),
    lineRule: attr(spacing, 'w:lineRule'),
    runs,
    inTable,
    section,
    node: p,
  };
}

export interface DocxContents {
  zip: JSZip;
  /** Body paragraphs in order, those in table cells marked. */
  paragraphs: ParagraphInfo[];
  tables: XmlNode[];
  sections: XmlNode[];
  part(name: string): Promise<XmlNode[]>;
  /** The footer part a section's footerReference of this type points to. */
  footer(section: XmlNode, type: 'default' | 'even'): Promise<XmlNode[]>;
  text: string;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxContents> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} missing from the .docx`);
    return parser.parse(await file.async('string')) as XmlNode[];
  };
  const document = await part('word/document.xml');
  const body = all(document, 'w:body')[0]!;
  const paragraphs: ParagraphInfo[] = [];
  const sections: XmlNode[] = [];
  const tables: XmlNode[] = [];
  // Word puts a section's sectPr in its last paragraph's pPr, and the last section's at the end of the body.
  const walk = (nodes: XmlNode[], inTable: boolean) => {
    for (const node of nodes) {
      const t = tagOf(node);
      if (t === 'w:p') {
        paragraphs.push(paragraphInfo(node, inTable, sections.length));
        const pPr = first(node, 'w:pPr');
        const sect = pPr ? first(pPr, 'w:sectPr') : undefined;
        if (sect && !inTable) sections.push(sect);
      } else if (t === 'w:tbl') {
        if (!inTable) tables.push(node);
        walk(childrenOf(node), true);
      } else if (t === 'w:sectPr' && !inTable) sections.push(node);
      else walk(childrenOf(node), inTable);
    }
  };
  walk(childrenOf(body), false);
  const rels = await part('word/_rels/document.xml.rels');
  const targets = new Map(all(rels, 'Relationship').map((r) => [attr(r, 'Id')!, attr(r, 'Target')!]));
  return {
    zip,
    paragraphs,
    tables,
    sections,
    part,
    footer: async (section, type) => {
      const ref = all(childrenOf(section), 'w:footerReference').find((r) => attr(r, 'w:type') === type);
      if (!ref) throw new Error(`no ${type} footer`);
      return part(`word/${targets.get(attr(ref, 'r:id')!)!.replace(/^\/?word\//, '')}`);
    },
    text: paragraphs.map((p) => p.text).join('\n'),
  };
}

/** The rows of a table, each a list of its cells' text. */
export function tableRows(table: XmlNode): string[][] {
  return all(childrenOf(table), 'w:tr').map((tr) =>
    all(childrenOf(tr), 'w:tc').map((tc) =>
      all(childrenOf(tc), 'w:p')
        .map((p) => paragraphInfo(p, true, 0).text)
        .join(''),
    ),
  );
}

export function instrText(nodes: XmlNode[]): string {
  return all(nodes, 'w:instrText')
    .map((n) => textOf(childrenOf(n)))
    .join(' ');
}

export function footerParagraphs(nodes: XmlNode[]): ParagraphInfo[] {
  return all(nodes, 'w:p').map((p) => paragraphInfo(p, false, 0));
}
