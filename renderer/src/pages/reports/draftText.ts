/**
 * A paragraph's stored text (see shared/report-draft.ts) as the pieces the editor shows: typed
 * prose, live figures ({{key}}) and optional parts ([[…]]). The editor never shows the marks; it
 * draws figures as chips and optional parts as spans (ProseEditor), and writes the marks back.
 * Read the way main/reports/fill-text.ts reads it, so the editor and the print agree.
 */

export type Piece =
  { kind: 'text'; text: string } | { kind: 'figure'; key: string } | { kind: 'group'; children: Piece[] };

const TOKEN = /\{\{\s*([a-zA-Z0-9.]+)\s*\}\}|\[\[|\]\]/g;
/** Where the report's sentences end: a sentence with an empty figure outside [[…]] is not printed. */
const SENTENCE_END = /[。！？；]/;

/** The pieces of a stored text; an unbalanced bracket stays as typed text, as the report prints it. */
export function parseDraftText(text: string): Piece[] {
  const root: Piece[] = [];
  const stack: Piece[][] = [root];
  let last = 0;
  const top = () => stack[stack.length - 1]!;
  const pushText = (t: string) => {
    if (t) top().push({ kind: 'text', text: t });
  };
  for (const match of text.matchAll(TOKEN)) {
    pushText(text.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[1] !== undefined) top().push({ kind: 'figure', key: match[1] });
    else if (match[0] === '[[') {
      const group: Piece = { kind: 'group', children: [] };
      top().push(group);
      stack.push(group.children);
    } else if (stack.length > 1) stack.pop();
    else pushText(match[0]);
  }
  pushText(text.slice(last));
  while (stack.length > 1) {
    const children = stack.pop()!;
    const parent = top();
    parent.splice(parent.length - 1, 1, { kind: 'text', text: '[[' }, ...children);
  }
  return root;
}

/** The top-level pieces cut into sentences, each ending with its 。！？； where it has one. */
export function sentencesOf(pieces: Piece[]): Piece[][] {
  const sentences: Piece[][] = [];
  let current: Piece[] = [];
  for (const piece of pieces) {
    if (piece.kind !== 'text') {
      current.push(piece);
      continue;
    }
    let rest = piece.text;
    let at: number;
    while ((at = rest.search(SENTENCE_END)) >= 0) {
      current.push({ kind: 'text', text: rest.slice(0, at + 1) });
      sentences.push(current);
      current = [];
      rest = rest.slice(at + 1);
    }
    if (rest) current.push({ kind: 'text', text: rest });
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}
