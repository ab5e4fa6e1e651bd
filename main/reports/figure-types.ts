import type { FigureView } from '../../shared/report-draft.js';

export type FigureKind = 'count' | 'money' | 'percent' | 'text';

/** One statistic drawn from the ledgers, with the ids of the records it counts. */
export interface Figure {
  key: string;
  label: string;
  /** The ledger the records belong to; null for figures about the report itself (unit, period). */
  ledger: string | null;
  kind: FigureKind;
  /** 人次, 人, 元, 条, 期, 项 … ('' for text and percent). */
  unit: string;
  value: number;
  /** How the value is written in the report, without its unit. */
  text: string;
  /** Nothing to report: no sentence is written about an empty figure. */
  empty: boolean;
  recordIds: number[];
}

export type FigureSet = Map<string, Figure>;

/** Money in 元: whole amounts without decimals, others with two. */
export function formatMoney(yuan: number): string {
  const cents = Math.round(yuan * 100);
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

export function formatPercent(percent: number): string {
  return `${(Math.round(percent * 10) / 10).toFixed(1)}%`;
}

export function countFigure(
  key: string,
  label: string,
  ledger: string,
  unit: string,
  value: number,
  recordIds: number[],
): Figure {
  return { key, label, ledger, kind: 'count', unit, value, text: String(value), empty: value === 0, recordIds };
}

export function moneyFigure(key: string, label: string, ledger: string, cents: number, recordIds: number[]): Figure {
  const value = cents / 100;
  return {
    key,
    label,
    ledger,
    kind: 'money',
    unit: '元',
    value,
    text: formatMoney(value),
    empty: cents === 0,
    recordIds,
  };
}

export function textFigure(
  key: string,
  label: string,
  ledger: string | null,
  text: string,
  recordIds: number[],
): Figure {
  const trimmed = text.trim();
  return { key, label, ledger, kind: 'text', unit: '', value: 0, text: trimmed, empty: trimmed === '', recordIds };
}

export function toFigureView(figure: Figure): FigureView {
  return {
    key: figure.key,
    label: figure.label,
    ledger: figure.ledger,
    kind: figure.kind,
    unit: figure.unit,
    value: figure.value,
    text: figure.text,
    empty: figure.empty,
    recordCount: figure.recordIds.length,
  };
}
