import { parsePeriod } from '../../../../shared/period.js';
import { defaultExportTitle as titleOf } from '../../../../shared/export-title.js';

/** The title the core will give the table, for the period code the page holds; the user may edit it. */
export function defaultExportTitle(parts: { period?: string; unitName: string; ledgerLabel: string }): string {
  const periodLabel = parts.period ? parsePeriod(parts.period)?.label : undefined;
  return titleOf({ periodLabel, unitName: parts.unitName, ledgerLabel: parts.ledgerLabel });
}

/** "2019年上半年（2019-01-01 至 2019-06-30）", or 全部期间 when no period is set. */
export function periodText(period: string | undefined): string {
  const parsed = period ? parsePeriod(period) : null;
  return parsed ? `${parsed.label}（${parsed.from} 至 ${parsed.to}）` : '全部期间';
}
