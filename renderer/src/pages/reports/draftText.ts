/**
 * A paragraph's stored text (see shared/report-draft.ts) as the pieces the editor shows: typed
 * prose, live figures ({{key}}) and optional parts ([[…]]). The editor never shows the marks; it
 * draws figures as chips and optional parts as spans (ProseEditor), and writes the marks back.
 * The marks are read by shared/draft-marks.ts, as the print reads them.
 */
import { parseDraftText, SENTENCE_END, type DraftPiece } from '../../../../shared/draft-marks.js';

export type Piece = DraftPiece;
export { parseDraftText };

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
