import type { Db } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { getLedgerDefinition } from '../store/ledger-types.js';
import { openDraftText, saveDraftText } from '../reports/report-service.js';
import { parseIsoDate } from '../../shared/dates.js';
import type { ReportContent } from '../../shared/report-draft.js';

/** How a report is signed, as `export docx` and `submit` take it: --date, --addressee, --sealed. */
export interface SigningOptions {
  date?: string;
  addressee?: string;
  sealed?: boolean;
}

/** The longest 主送机关 a draft keeps (shared/report-draft.ts). */
const MAX_ADDRESSEE = 100;

/** Checks the options before anything is drafted, so a typo never reaches a file. */
function checked(options: SigningOptions): SigningOptions {
  let date: string | undefined;
  if (options.date !== undefined) {
    date = parseIsoDate(options.date) ?? undefined;
    if (!date) {
      throw new TaizhangError('bad-request', `成文日期“${options.date}”不是日历上的日子，应写作 2019-07-05`);
    }
  }
  if (options.addressee !== undefined && options.addressee.length > MAX_ADDRESSEE) {
    throw new TaizhangError('bad-request', `主送机关不能超过 ${MAX_ADDRESSEE} 个字`);
  }
  return { date, addressee: options.addressee, sealed: options.sealed };
}

/** Whether any option was given. */
export function givesSigning(options: SigningOptions): boolean {
  return options.date !== undefined || options.addressee !== undefined || options.sealed === true;
}

/** Returns a function that applies the checked options to a draft's content, leaving what was not given. */
export function signingEdit(options: SigningOptions): (content: ReportContent) => ReportContent {
  const { date, addressee, sealed } = checked(options);
  return (content) => ({
    ...content,
    ...(date ? { signatureDate: date } : {}),
    ...(addressee !== undefined ? { addressee } : {}),
    ...(sealed ? { sealed: true } : {}),
  });
}

/**
 * Writes the options into the drafts of the reports a submission drafts, since a submission
 * prints each report as its draft stands. All or none: the ledgers are checked first, so a
 * submission refused for a wrong ledger key leaves the drafts as they were.
 */
export function signDrafts(
  db: Db,
  submission: { period: string; unit?: string; ledger: string[]; reports: string[] },
  sign: (content: ReportContent) => ReportContent,
  operator: string,
): void {
  db.transaction(() => {
    for (const ledger of submission.ledger) getLedgerDefinition(db, ledger);
    for (const type of submission.reports) {
      const ref = { type, period: submission.period, unitName: submission.unit };
      saveDraftText(db, ref, sign(openDraftText(db, ref, operator).content), operator);
    }
  })();
}
