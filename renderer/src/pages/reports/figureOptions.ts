import type { ApiOutput } from '../../../../shared/api.js';
import type { FigureView } from '../../../../shared/report-draft.js';

export type FigureOption = ApiOutput<'reports.types'>['figures'][number];

/** The figures a user may put in text, named "支教（人次）". */
export function figureLabel(figure: FigureOption): string {
  return `${figure.label}${figure.unit ? `（${figure.unit}）` : ''}`;
}

/** "41人次"; a text figure (a list of names, a breakdown) by how many records it is drawn from. */
export function figureValue(figure: FigureView): string {
  if (figure.kind !== 'text') return `${figure.text}${figure.unit}`;
  return figure.recordCount > 0 ? `${figure.recordCount} 条记录` : figure.text;
}

/** Figures that count records can show them; the unit's name and the period cannot. */
export function isTraceable(figure: FigureView | undefined): boolean {
  return figure !== undefined && figure.recordCount > 0;
}

/** The {{keys}} a text names, in order, without repeats. */
export function figureKeysIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([a-zA-Z0-9.]+)\s*\}\}/g)].map((m) => m[1]!))];
}
