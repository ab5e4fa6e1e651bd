import { parsePeriod } from '../../../../shared/period.js';

/**
 * The table title the core uses when none is given: "{期间}{单位}{台账名称}", e.g.
 * 2019年上半年建始县高坪镇中心小学学生资助台账. Shown in the dialog so the user can edit it.
 */
export function defaultExportTitle(parts: { period?: string; unitName: string; ledgerLabel: string }): string {
  const label = parts.period ? (parsePeriod(parts.period)?.label ?? '') : '';
  return `${label}${parts.unitName}${parts.ledgerLabel}`;
}

/** "2019年上半年（2019-01-01 至 2019-06-30）", or 全部期间 when no period is set. */
export function periodText(period: string | undefined): string {
  const parsed = period ? parsePeriod(period) : null;
  return parsed ? `${parsed.label}（${parsed.from} 至 ${parsed.to}）` : '全部期间';
}
