import type { ReadonlyDb } from '../store/readonly-db.js';
import { getLedgerDefinition } from '../store/ledger-types.js';
import { resolveUnit } from '../store/units.js';
import type { LedgerDefinition } from '../../shared/ledger-definition.js';
import { todayIso } from '../../shared/dates.js';
import { defaultExportTitle } from '../../shared/export-title.js';
import { checkExportRequest, type ExportRequest, type SheetRequest } from './export-options.js';
import { defaultExportFileName, uniqueSheetNames } from './file-name.js';
import type { SheetTexts } from './xlsx-layout.js';

export interface ResolvedSheet {
  def: LedgerDefinition;
  /** The cut of the ledger: filters, search and sort as the grid had them. */
  request: SheetRequest;
  /** The sheet's name in the workbook. */
  name: string;
  texts: SheetTexts;
}

/**
 * An export checked and resolved against the ledger file once, on the thread that holds the file
 * open: its period, unit, definitions, titles and file name travel to the worker as they are.
 */
export interface ResolvedExport {
  unitId: number;
  period?: { from: string; to: string };
  mask: boolean;
  /** The default file name, used when the target is a folder and offered when the app saves. */
  fileName: string;
  sheets: ResolvedSheet[];
}

export function resolveExport(db: ReadonlyDb, request: ExportRequest): ResolvedExport {
  const period = checkExportRequest(request);
  const unit = resolveUnit(db, request.unit ?? {});
  const defs = request.sheets.map((s) => getLedgerDefinition(db, s.ledger));
  const names = uniqueSheetNames(defs.map((d) => d.label));
  const fillDate = request.fillDate ?? todayIso();
  return {
    unitId: unit.id,
    ...(period ? { period: { from: period.from, to: period.to } } : {}),
    mask: request.mask === true,
    fileName: defaultExportFileName({
      periodLabel: period?.label,
      ledgerLabels: defs.map((d) => d.label),
      unitName: unit.name,
    }),
    sheets: request.sheets.map((sheet, i) => {
      const def = defs[i]!;
      return {
        def,
        request: sheet,
        name: names[i]!,
        texts: {
          attachmentNo: request.attachmentNo === undefined ? undefined : request.attachmentNo + i,
          title:
            sheet.title?.trim() ||
            defaultExportTitle({ periodLabel: period?.label, unitName: unit.name, ledgerLabel: def.label }),
          unitName: unit.name,
          fillDate,
        },
      };
    }),
  };
}
