import type { ParsedInput } from '../../shared/api.js';
import type { Db } from '../store/database.js';
import { resolveExport, type ResolvedExport } from './resolve-export.js';

/** An export as the job registry starts it: resolved against the ledger file, with the name offered on saving. */
export interface ExportJobStart {
  options: { export: ResolvedExport };
  /** The name the user is offered when saving or downloading. */
  fileName: string;
}

/**
 * Turns an export.start payload into an export resolved against the ledger file, so that an
 * unknown ledger or unit is reported at once rather than by the worker. The first ledger is the
 * one on screen: the title, search and filters apply to it; the others are exported whole.
 */
export function exportJobRequest(db: Db, input: ParsedInput<'export.start'>): ExportJobStart {
  const [first, ...others] = input.ledgers;
  const resolved = resolveExport(db, {
    sheets: [
      { ledger: first!, title: input.title, search: input.search, filters: input.filters },
      ...others.map((ledger) => ({ ledger })),
    ],
    period: input.period,
    unit: { id: input.unitId },
    attachmentNo: input.attachmentNo,
    mask: input.maskId,
  });
  return { options: { export: resolved }, fileName: resolved.fileName };
}
