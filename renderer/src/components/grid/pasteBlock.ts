import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';

/**
 * The cells of a block copied from Excel or WPS: rows split by line breaks, cells by tabs, a cell in
 * double quotes may hold both. Used to count what a paste would overwrite; the store parses the
 * same text itself when it writes.
 */
export function parseBlock(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** A first row whose cells are all field labels is a header, as the store's 'auto' takes it. */
export function startsWithHeader(def: LedgerDefinition, rows: string[][]): boolean {
  const labels = new Set(def.fields.map((f) => f.label));
  const first = rows[0]?.filter((c) => c.trim() !== '') ?? [];
  return first.length > 0 && first.every((c) => labels.has(c.trim()));
}

/** How many cells of existing rows a paste would change, without the header row. */
export function pastedCellCount(def: LedgerDefinition, rows: string[][]): number {
  const body = startsWithHeader(def, rows) ? rows.slice(1) : rows;
  return body.reduce((sum, r) => sum + r.length, 0);
}
