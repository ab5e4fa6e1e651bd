import { unitProfile } from './unit-profile.js';

/**
 * 主送机关: whom a report is addressed to by default, and how the line is printed.
 *
 * Notice 02 (建始县教育局 2019 年东西部扶贫协作工作方案, 三、2) sets the route for 建始's units: the
 * schools report each month and each half-year to the bureau's 扶贫办, and the bureau's 扶贫办
 * sends its monthly summary on to 县扶贫办 and 滨江区教育局 — named here in full, as the report
 * leaves the county. Elsewhere no notice says, and no default is better than a wrong one.
 */

const BUREAU_ADDRESSEE = '县扶贫办、杭州市滨江区教育局';
const SCHOOL_ADDRESSEE = '县教育局扶贫办';

/** The reports notice 02 routes; an activity summary goes where its own notice says, so it has no default. */
const ROUTED_REPORTS = new Set(['monthly-progress', 'half-year-summary']);

/** The 主送机关 a new draft of this report type starts with, for this unit; '' when there is none. */
export function defaultAddressee(reportType: string, unitName: string): string {
  const unit = unitProfile({ name: unitName });
  if (!ROUTED_REPORTS.has(reportType) || unit.region !== 'jianshi') return '';
  if (unit.kind === 'bureau') return BUREAU_ADDRESSEE;
  return unit.kind === 'school' ? SCHOOL_ADDRESSEE : '';
}

/**
 * The 主送机关 line as GB/T 9704-2012 7.3.2 prints it: flush left below the title, ending with a
 * full-width colon. Users type it with or without the colon, or with a half-width one.
 */
export function addresseeLine(addressee: string): string {
  const names = addressee
    .trim()
    .replace(/[\s:：，,、；;。]+$/, '')
    .trim();
  return names ? `${names}：` : '';
}
