import type { ApiInput } from '../../../../shared/api.js';
import type { ExportRequest } from './useExportJob.js';

/** The grid's current cut of the ledger, which the export takes over: its column filters included. */
export interface ExportScope {
  period?: string;
  search?: string;
  filters?: ApiInput<'records.totals'>['filters'];
}

/** What the user sets in the export dialog. */
export interface ExportChoices {
  /** Unset while the user has not touched the title: it then follows the default. */
  title?: string;
  attachmentNo?: number;
  maskId: boolean;
  unitId?: number;
  bundle: boolean;
  /** Further ledgers of a submission bundle, after the one on screen. */
  others: string[];
}

/** Why the export cannot start yet, or null. */
export function choicesProblem(choices: ExportChoices): string | null {
  if (choices.title !== undefined && !choices.title.trim()) return '请填写表格标题';
  if (choices.unitId === undefined) return '请先选择填报单位';
  if (choices.bundle && choices.others.length === 0) return '合并为报送包时，请至少再选择一个台账';
  return null;
}

/** The export.start payload; the title is sent only when it differs from the default the core would use. */
export function exportRequest(
  ledger: string,
  scope: ExportScope,
  choices: ExportChoices,
  defaultTitle: string,
): ExportRequest {
  const title = choices.title?.trim();
  return {
    ledgers: [ledger, ...(choices.bundle ? choices.others : [])],
    unitId: choices.unitId,
    period: scope.period,
    search: scope.search,
    filters: scope.filters,
    maskId: choices.maskId,
    attachmentNo: choices.attachmentNo,
    ...(title && title !== defaultTitle ? { title } : {}),
  };
}
