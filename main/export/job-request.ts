import type { ParsedInput } from '../../shared/api.js';
import { parsePeriod } from '../../shared/period.js';
import type { Db } from '../store/database.js';
import { TaizhangError } from '../store/errors.js';
import { getLedgerDefinition } from '../store/ledger-types.js';
import { resolveUnit } from '../store/units.js';
import type { ExportXlsxOptions } from './export-options.js';
import { defaultExportFileName } from './file-name.js';

/** An export as the job registry runs it: everything but the ledger file and the place it is written to. */
export type JobExportOptions = Omit<ExportXlsxOptions, 'dbFile' | 'out' | 'overwrite' | 'nativeBinding'>;

export interface ExportJobRequest {
  options: JobExportOptions;
  /** The name the user is offered when saving or downloading. */
  fileName: string;
}

/**
 * Turns an export.start payload into export options, checked against the ledger file first so that
 * an unknown ledger or unit is reported at once rather than by the worker. The first ledger is the
 * one on screen: the title, search and filters apply to it; the others are exported whole.
 */
export function exportJobRequest(db: Db, input: ParsedInput<'export.start'>): ExportJobRequest {
  const unit = resolveUnit(db, { id: input.unitId });
  const labels = input.ledgers.map((key) => getLedgerDefinition(db, key).label);
  if (new Set(input.ledgers).size !== input.ledgers.length) {
    throw new TaizhangError('bad-request', '同一个台账在报送包中选择了两次');
  }
  const period = input.period === undefined ? undefined : (parsePeriod(input.period) ?? undefined);
  const [first, ...others] = input.ledgers;
  return {
    options: {
      sheets: [
        { ledger: first!, title: input.title, search: input.search, filters: input.filters },
        ...others.map((ledger) => ({ ledger })),
      ],
      period: period?.code,
      unit: { id: unit.id },
      attachmentNo: input.attachmentNo,
      mask: input.maskId,
    },
    fileName: defaultExportFileName({ periodLabel: period?.label, ledgerLabels: labels, unitName: unit.name }),
  };
}
