/**
 * The marks of a report paragraph's stored text (shared/report-draft.ts): {{key}} for a live
 * figure, [[…]] for a part left out when a figure in it is empty. Read here once, for the print
 * (main/reports/fill-text.ts) and the editor (renderer/src/pages/reports), so both agree.
 */

export type DraftPiece =
  { kind: 'text'; text: string } | { kind: 'figure'; key: string } | { kind: 'group'; children: DraftPiece[] };

/** A figure mark, or an optional part's opening or closing bracket. */
export const DRAFT_MARK = /\{\{\s*([a-zA-Z0-9.]+)\s*\}\}|\[\[|\]\]/g;

/** Where the report's sentences end: a sentence with an empty figure outside [[…]] is not printed. */
export const SENTENCE_END = /[。！？；]/;

/** The pieces of a stored text; an unbalanced bracket stays as typed text, as the report prints it. */
export function parseDraftText(text: string): DraftPiece[] {
  const root: DraftPiece[] = [];
  const stack: DraftPiece[][] = [root];
  let last = 0;
  const top = () => stack[stack.length - 1]!;
  const pushText = (t: string) => {
    if (t) top().push({ kind: 'text', text: t });
  };
  for (const match of text.matchAll(DRAFT_MARK)) {
    pushText(text.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[1] !== undefined) top().push({ kind: 'figure', key: match[1] });
    else if (match[0] === '[[') {
      const group: DraftPiece = { kind: 'group', children: [] };
      top().push(group);
      stack.push(group.children);
    } else if (stack.length > 1) stack.pop();
    else pushText(match[0]);
  }
  pushText(text.slice(last));
  // An unclosed [[ is text: its mark goes back in place and what followed it is kept as is.
  while (stack.length > 1) {
    const children = stack.pop()!;
    const parent = top();
    parent.splice(parent.length - 1, 1, { kind: 'text', text: '[[' }, ...children);
  }
  return root;
}
