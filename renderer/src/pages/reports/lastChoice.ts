/** The report type and period last worked on, so coming back to 报送 opens the same draft. */
export interface ReportChoice {
  type: string;
  period: string | undefined;
}

const STORAGE_KEY = 'taizhang.reports.choice';

/** This half-year, "2019H1": what a half-year summary is usually written for. */
function currentHalfYear(): string {
  const today = new Date();
  return `${today.getFullYear()}H${today.getMonth() < 6 ? 1 : 2}`;
}

export function readChoice(): ReportChoice {
  const fallback: ReportChoice = { type: 'half-year-summary', period: currentHalfYear() };
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<ReportChoice> | null;
    if (!stored || typeof stored.type !== 'string') return fallback;
    return { type: stored.type, period: typeof stored.period === 'string' ? stored.period : undefined };
  } catch {
    return fallback;
  }
}

export function rememberChoice(choice: ReportChoice): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(choice));
  } catch {
    // Storage may be full or refused; the choice is then simply not remembered.
  }
}
