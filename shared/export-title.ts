/**
 * The title an exported table gets when the user gives none: "{期间}{单位}{台账名称}", e.g.
 * 2019年上半年建始县高坪镇中心小学学生资助台账. The export dialog shows it for editing, so both
 * the page and the core word it here.
 */
export function defaultExportTitle(parts: { periodLabel?: string; unitName: string; ledgerLabel: string }): string {
  return `${parts.periodLabel ?? ''}${parts.unitName}${parts.ledgerLabel}`;
}
