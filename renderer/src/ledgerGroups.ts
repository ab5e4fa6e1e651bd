import { LEDGER_CATEGORIES } from '../../shared/ledger-definition.js';
import type { ApiOutput } from '../../shared/api.js';

export type LedgerSummary = ApiOutput<'ledgers.list'>[number];

export interface LedgerGroup {
  category: string;
  ledgers: LedgerSummary[];
  total: number;
}

/** Ledgers in the catalogue's category order; a category not in the catalogue comes after, as written. */
export function groupByCategory(ledgers: LedgerSummary[]): LedgerGroup[] {
  const names: string[] = [...LEDGER_CATEGORIES];
  for (const l of ledgers) if (!names.includes(l.category)) names.push(l.category);
  return names.map((category) => {
    const members = ledgers.filter((l) => l.category === category);
    return { category, ledgers: members, total: members.reduce((sum, l) => sum + l.count, 0) };
  });
}
