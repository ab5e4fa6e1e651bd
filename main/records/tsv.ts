/**
 * Rows of cells from text copied out of Excel or WPS: tab between cells, a line break between rows,
 * and a cell holding a tab, a line break or a quote written in double quotes (a quote doubled).
 * The line break after the last row, which both add, does not make an empty row.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && cell === '') {
      // A quoted cell: up to the closing quote, "" standing for one quote.
      const close = quotedEnd(text, i + 1);
      if (close !== -1) {
        cell = text.slice(i + 1, close).replace(/""/g, '"');
        i = close + 1;
        continue;
      }
    }
    if (c === '\t') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endRow();
      i++;
    } else if (c === '\n' || c === '\r') endRow();
    else cell += c;
    i++;
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/** Where a quoted cell starting at `from` closes: a quote not doubled and followed by a tab, a line break or the end. */
function quotedEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') {
        i += 2;
        continue;
      }
      const next = text[i + 1];
      return next === undefined || next === '\t' || next === '\n' || next === '\r' ? i : -1;
    }
    i++;
  }
  return -1;
}
