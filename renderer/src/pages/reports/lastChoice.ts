/** The report type and period last worked on, so coming back to 报送 opens the same draft. */
export interface ReportChoice {
  type: string;
  period: string | undefined;
}

const STORAGE_KEY = 'taizhang.reports.choice';

/** The choice remembered from last time, or null the first time (the page then picks the period). */
export function readChoice(): ReportChoice | null {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<ReportChoice> | null;
    if (!stored || typeof stored.type !== 'string') return null;
    return { type: stored.type, period: typeof stored.period === 'string' ? stored.period : undefined };
  } catch {
    return null;
  }
}

export function rememberChoice(choice: ReportChoice): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(choice));
  } catch {
    // Storage may be full or refused; the choice is then simply not remembered.
  }
}
