import type { ApiMethod } from '../shared/api-methods.js';
import type { ApiOutput, ParsedInput } from '../shared/api.js';
import type { Db } from './store/database.js';
import { chooseUnit, createUnit, currentUnit, listUnits } from './store/units.js';
import { getLedgerDefinition, listLedgerSummaries } from './store/ledger-types.js';
import { createRecord, deleteRecord, getRecord, updateRecord } from './store/records.js';
import { listRecords } from './store/record-query.js';
import { queuedWrite } from './store/write-queue.js';
import { copyLedgerType, createLedgerType, restoreArchivedField, updateLedgerType } from './ledgers/type-editor.js';
import { proposeHeaderInWorker } from './import/import-in-worker.js';
import { appInfo, switchLedger, type CallsInFlight } from './app/switch-ledger.js';
import { REPORT_HANDLERS } from './reports/handlers.js';
import { IMPORT_HANDLERS } from './import/api-handlers.js';
import { EXPORT_HANDLERS } from './export/api-handlers.js';
import { ATTACHMENT_HANDLERS, type EvidenceShell } from './attachments/api-handlers.js';
import { ARCHIVE_HANDLERS } from './archive/api-handlers.js';
import { SUBMISSION_HANDLERS } from './submissions/api-handlers.js';
import type { AutoBackup } from './archive/auto-backup.js';
import type { ExportJobs } from './export/export-jobs.js';
import type { ImportJobs } from './import/import-jobs.js';
import type { DeliverFile } from './export/delivery.js';
import { AUDIT_HANDLERS } from './audit/api-handlers.js';
import { RECORD_GRID_HANDLERS, recordQueryOf } from './records/api-handlers.js';
import { recordHistory } from './audit/record-history.js';
import type { OperatorSetting } from './settings/operator.js';

export interface ApiContext {
  db: Db;
  dbFile: string;
  /** Who the audit rows name; where operatorSetting is given, it follows that setting. */
  operator: string;
  /** The installation's chosen operator name (operator.get/set); absent where the caller fixes the name. */
  operatorSetting?: OperatorSetting;
  transport: 'electron' | 'http' | 'test';
  /** Exports run for the UI (export.*); a transport without it answers those calls with an error. */
  exports?: ExportJobs;
  /** Imports the UI follows (import.start/status/cancel). */
  imports?: ImportJobs;
  /** Hands a finished export to the user: a save dialog in Electron, a download link in the browser. */
  deliverFile?: DeliverFile;
  /** better-sqlite3 built for Electron's ABI, for worker threads that open the ledger file themselves. */
  nativeBinding?: string;
  /** The desktop's open dialog and system viewer for evidence files; absent in the browser host. */
  evidenceShell?: EvidenceShell;
  /** The automatic backups of the open ledger, asked to look at once when their folder is set. */
  autoBackup?: AutoBackup;
  /** The transport's calls still running, which a switch of ledger waits for (app.switchLedger). */
  calls?: CallsInFlight;
  /**
   * Where a switch of ledger is remembered for the next start; absent where the ledger was named
   * explicitly (--db, TAIZHANG_DB), which a restart opens again.
   */
  ledgerChoiceFolder?: string;
}

/** Handlers may be async (file reading, document packing); dispatch awaits them. */
type Handlers = { [M in ApiMethod]: (ctx: ApiContext, input: ParsedInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>> };

export const HANDLERS: Handlers = {
  'app.info': (ctx) => appInfo(ctx),
  'app.switchLedger': (ctx, input) => switchLedger(ctx, input.file),
  'units.list': (ctx) => ({ units: listUnits(ctx.db), currentId: currentUnit(ctx.db)?.id ?? null }),
  'units.create': (ctx, input) => createUnit(ctx.db, input.name, ctx.operator),
  'units.choose': (ctx, input) => chooseUnit(ctx.db, input.id),
  'ledgers.list': (ctx, input) => listLedgerSummaries(ctx.db, input.unitId),
  'ledgers.get': (ctx, input) => getLedgerDefinition(ctx.db, input.key),
  'ledgerTypes.create': (ctx, input) => createLedgerType(ctx.db, input.draft, ctx.operator),
  'ledgerTypes.update': (ctx, input) => updateLedgerType(ctx.db, input.key, input.draft, ctx.operator),
  'ledgerTypes.copy': (ctx, input) => copyLedgerType(ctx.db, input.key, ctx.operator),
  'ledgerTypes.restoreField': (ctx, input) =>
    restoreArchivedField(ctx.db, input.key, input.field, ctx.operator, input.label),
  'ledgerTypes.fromXlsxHeader': (_ctx, input) =>
    proposeHeaderInWorker({ data: input.data, fileName: input.fileName, sheet: input.sheet }),
  'records.list': (ctx, input) =>
    listRecords(ctx.db, recordQueryOf(input, input.sort), { page: input.page, pageSize: input.pageSize }),
  'records.get': (ctx, input) => getRecord(ctx.db, input.id),
  'records.create': (ctx, input) => queuedWrite(ctx.db, () => createRecord(ctx.db, input, ctx.operator)),
  'records.update': (ctx, input) => queuedWrite(ctx.db, () => updateRecord(ctx.db, input, ctx.operator)),
  'records.delete': async (ctx, input) => {
    await queuedWrite(ctx.db, () => deleteRecord(ctx.db, input.id, ctx.operator));
    return { deleted: input.id };
  },
  'records.history': (ctx, input) => recordHistory(ctx.db, input.id),
  ...RECORD_GRID_HANDLERS,
  ...REPORT_HANDLERS,
  ...IMPORT_HANDLERS,
  ...EXPORT_HANDLERS,
  ...ATTACHMENT_HANDLERS,
  ...ARCHIVE_HANDLERS,
  ...SUBMISSION_HANDLERS,
  ...AUDIT_HANDLERS,
};
