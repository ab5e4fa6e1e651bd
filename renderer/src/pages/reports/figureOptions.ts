import type { ApiOutput } from '../../../../shared/api.js';

export type FigureOption = ApiOutput<'reports.types'>['figures'][number];

/** The figures a user may put in text, named "支教（人次）  {{exchange.teaching}}". */
export function figureLabel(figure: FigureOption): string {
  return `${figure.label}${figure.unit ? `（${figure.unit}）` : ''}`;
}
