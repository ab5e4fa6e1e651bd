import type { FigureSet } from './figure-types.js';
import { DRAFT_MARK, parseDraftText, SENTENCE_END, type DraftPiece } from '../../shared/draft-marks.js';

/** A piece of filled text; `figure` names the figure it was filled from, for tracing. */
export interface TextSegment {
  text: string;
  figure?: string;
  /** A prompt standing for a required paragraph not yet written: shown, never exported. */
  prompt?: boolean;
}

type Node = DraftPiece;

const SEPARATORS = '，、；：,;:';
const ONLY_PUNCTUATION = /^[\s，、；：。！？,;:.!?（）()“”"']*$/;

/** The figure keys a text refers to, in order, without repeats. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(DRAFT_MARK)].filter((m) => m[1] !== undefined).map((m) => m[1]!))];
}

function figureSegment(key: string, figures: FigureSet): { segment: TextSegment; empty: boolean } {
  const figure = figures.get(key);
  // An unknown key stays visible as written, so a typo shows in the preview instead of vanishing.
  if (!figure) return { segment: { text: `{{${key}}}` }, empty: false };
  return { segment: { text: figure.text, figure: key }, empty: figure.empty };
}

/** A group's text, or null when it is left out. */
function renderGroup(children: Node[], figures: FigureSet): TextSegment[] | null {
  const segments: TextSegment[] = [];
  let directFigures = 0;
  let groups = 0;
  let keptGroups = 0;
  for (const node of children) {
    if (node.kind === 'text') segments.push({ text: node.text });
    else if (node.kind === 'figure') {
      const { segment, empty } = figureSegment(node.key, figures);
      if (empty) return null;
      directFigures++;
      segments.push(segment);
    } else {
      groups++;
      const inner = renderGroup(node.children, figures);
      if (inner) {
        keptGroups++;
        segments.push(...inner);
      }
    }
  }
  if (directFigures === 0 && groups > 0 && keptGroups === 0) return null;
  return segments;
}

interface Sentence {
  segments: TextSegment[];
  hollow: boolean;
}

/** Splits the top level into sentences; a sentence with an empty figure outside any group is hollow. */
function sentences(nodes: Node[], figures: FigureSet): Sentence[] {
  const result: Sentence[] = [];
  let current: Sentence = { segments: [], hollow: false };
  const close = () => {
    if (current.segments.length > 0) result.push(current);
    current = { segments: [], hollow: false };
  };
  for (const node of nodes) {
    if (node.kind === 'figure') {
      const { segment, empty } = figureSegment(node.key, figures);
      if (empty) current.hollow = true;
      current.segments.push(segment);
    } else if (node.kind === 'group') {
      current.segments.push(...(renderGroup(node.children, figures) ?? []));
    } else {
      let rest = node.text;
      let at: number;
      while ((at = rest.search(SENTENCE_END)) >= 0) {
        current.segments.push({ text: rest.slice(0, at + 1) });
        close();
        rest = rest.slice(at + 1);
      }
      if (rest) current.segments.push({ text: rest });
    }
  }
  close();
  return result;
}

function mergeText(segments: TextSegment[]): TextSegment[] {
  const merged: TextSegment[] = [];
  for (const s of segments) {
    const prev = merged[merged.length - 1];
    if (prev && prev.figure === undefined && s.figure === undefined) prev.text += s.text;
    else merged.push({ ...s });
  }
  return merged;
}

/** Tidies the punctuation that left-out parts leave behind: "，。" → "。", "、、" → "、", a trailing "；" → "。". */
function tidy(segments: TextSegment[]): TextSegment[] {
  const merged = mergeText(segments);
  const sep = `[${SEPARATORS}]`;
  merged.forEach((s, i) => {
    if (s.figure !== undefined) return;
    let t = s.text
      .replace(new RegExp(`${sep}+(?=[。！？])`, 'g'), '')
      .replace(new RegExp(`(${sep})${sep}+`, 'g'), '$1')
      .replace(/[。！？](?:[，、；：])+/g, (m) => m[0]!);
    if (i === 0) t = t.replace(new RegExp(`^\\s*${sep}+`), '');
    if (i === merged.length - 1) t = t.replace(/[，、；,;]\s*$/, '。');
    s.text = t;
  });
  return merged.filter((s) => s.text !== '');
}

/**
 * Fills a paragraph's figures, leaving out empty groups and hollow sentences.
 * Returns null when nothing worth printing is left.
 */
export function fillParagraph(text: string, figures: FigureSet): TextSegment[] | null {
  const kept = sentences(parseDraftText(text), figures).filter((s) => !s.hollow);
  const segments = tidy(kept.flatMap((s) => s.segments));
  const printable = segments.some((s) => s.figure !== undefined || !ONLY_PUNCTUATION.test(s.text));
  return printable ? segments : null;
}

/** Fills a title or heading, where nothing is left out: an empty figure is written as it is. */
export function fillLine(text: string, figures: FigureSet): string {
  return text.replace(DRAFT_MARK, (mark, key: string | undefined) =>
    key === undefined ? '' : (figures.get(key)?.text ?? mark),
  );
}

export function segmentsText(segments: TextSegment[]): string {
  return segments.map((s) => s.text).join('');
}
