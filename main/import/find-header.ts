import type { FieldLookup } from './header-match.js';
import type { SheetRow } from './sheet-reader.js';

/** Titles, 附件N lines and 填报单位 lines sit above the header; a header further down is not looked for. */
export const HEADER_SCAN_ROWS = 40;

/** Fewest field names a row must hold to count as the header: two, or half of a very small ledger. */
export function headerThreshold(fieldCount: number): number {
  return Math.min(2, Math.ceil(fieldCount / 2));
}

/**
 * The index (into rows) of the header: the row among the first few that names the most of the
 * ledger's fields, the earliest on a tie; -1 when none names enough.
 */
export function findHeaderRow(rows: SheetRow[], lookup: FieldLookup): number {
  let best = -1;
  let bestScore = headerThreshold(lookup.def.fields.length) - 1;
  rows.slice(0, HEADER_SCAN_ROWS).forEach((row, i) => {
    const score = lookup.score(row.cells);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}
