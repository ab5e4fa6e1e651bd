import type { FigureView } from '../../shared/report-draft.js';

export type FigureKind = 'count' | 'money' | 'percent' | 'text';

/**
 * The records a figure counts, as a condition over one ledger's records in the report's scope
 * (`r` is the record row), so they can be listed a page at a time without carrying their ids.
 * `where` is built from constants in code; values from users only ever come in as params.
 */
export interface RecordSelection {
  ledger: string;
  unitId: number;
  from: string;
  to: string;
  where: string;
  params: Array<string | number>;
}

/** One statistic drawn from the ledgers, with the records it counts. */
export interface Figure {
  key: string;
  label: string;
  /** The ledger the records belong to; null for figures about the report itself (unit, period). */
  ledger: string | null;
  kind: FigureKind;
  /** 人次, 人, 元, 条, 期, 项 … ('' for text and percent). */
  unit: string;
  value: number;
  /** How the value is written in the report, without its unit ("16.63万" for money: the text adds 元). */
  text: string;
  /** Nothing to report: no sentence is written about an empty figure. */
  empty: boolean;
  /** Where the records behind the figure are; several ledgers for a figure about the targets. */
  records: RecordSelection[];
  recordCount: number;
}

export type FigureSet = Map<string, Figure>;

/** Above this many 元 a report writes 万元 (16.63万元), as county reports do. */
const WAN_FROM_YUAN = 10_000;

/**
 * Money as a report writes it before its 元: "3200", "1234.56", or "16.63万" from 10,000 元 up,
 * so a sentence reading "{{aid.amount}}元" prints "16.63万元".
 */
export function formatMoney(yuan: number): string {
  const cents = Math.round(yuan * 100);
  if (Math.abs(cents) >= WAN_FROM_YUAN * 100) return `${(cents / 1_000_000).toFixed(2)}万`;
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
  records: RecordSelection[],
  recordCount: number,
): Figure {
  return {
    key,
    label,
    ledger,
    kind: 'count',
    unit,
    value,
    text: String(value),
    empty: value === 0,
    records,
    recordCount,
  };
}

export function moneyFigure(
  key: string,
  label: string,
  ledger: string,
  cents: number,
  records: RecordSelection[],
  recordCount: number,
): Figure {
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
    records,
    recordCount,
  };
}

export function textFigure(
  key: string,
  label: string,
  ledger: string | null,
  text: string,
  records: RecordSelection[] = [],
  recordCount = 0,
): Figure {
  const trimmed = text.trim();
  return {
    key,
    label,
    ledger,
    kind: 'text',
    unit: '',
    value: 0,
    text: trimmed,
    empty: trimmed === '',
    records,
    recordCount,
  };
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
    recordCount: figure.recordCount,
  };
}
