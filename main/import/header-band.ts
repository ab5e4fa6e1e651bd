import { isBlankCell, type SheetCell } from './sheet-cell.js';
import type { MergeRange } from './merge-scan.js';
import type { SheetRow } from './sheet-reader.js';

/** The last row of the header: further down when the header row's merges reach into the rows below. */
export function headerEnd(headerRow: number, merges: MergeRange[]): number {
  let last = headerRow;
  for (const m of merges) if (m.top <= headerRow && m.bottom >= headerRow) last = Math.max(last, m.bottom);
  return last;
}

/**
 * Completes a header drawn over two rows with merged cells. A label merged down from the row
 * above (序号, 姓名 spanning two rows while 资助情况 splits into sub-columns) fills its column;
 * rows of the header below the header row (band) name their columns with their sub-labels.
 */
export function resolveHeader(head: SheetRow[], band: SheetRow[], merges: MergeRange[]): SheetCell[] {
  const header = head[head.length - 1]!;
  const cells = [...header.cells];
  const byNumber = new Map(head.map((r) => [r.number, r]));
  for (const m of merges) {
    if (m.top < header.number && m.bottom >= header.number && isBlankCell(cells[m.left - 1])) {
      cells[m.left - 1] = byNumber.get(m.top)?.cells[m.left - 1] ?? null;
    }
  }
  for (const row of band) {
    row.cells.forEach((cell, i) => {
      if (!isBlankCell(cell)) cells[i] = cell;
    });
  }
  for (let i = 0; i < cells.length; i++) cells[i] ??= null;
  return cells;
}

/**
 * Gives each row of a value merged down over several data rows (one 责任股室 for three rows)
 * that value, as the rows stream past. Only a merge's first column is filled: a merge across
 * columns is layout, not data.
 */
export class MergeFiller {
  private readonly byTop = new Map<number, MergeRange[]>();
  private active: Array<{ column: number; bottom: number; value: SheetCell }> = [];

  constructor(merges: MergeRange[], afterRow: number) {
    for (const m of merges) {
      if (m.bottom > m.top && m.top > afterRow) this.byTop.set(m.top, [...(this.byTop.get(m.top) ?? []), m]);
    }
  }

  fill(row: SheetRow): void {
    if (this.byTop.size === 0) return;
    this.active = this.active.filter((a) => a.bottom >= row.number);
    for (const a of this.active) {
      if (!isBlankCell(row.cells[a.column])) continue;
      while (row.cells.length < a.column) row.cells.push(null);
      row.cells[a.column] = a.value;
    }
    for (const m of this.byTop.get(row.number) ?? []) {
      const value = row.cells[m.left - 1];
      if (value !== undefined && !isBlankCell(value)) this.active.push({ column: m.left - 1, bottom: m.bottom, value });
    }
  }
}
