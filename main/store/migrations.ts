import initial from './migrations/001-initial.js';
import reports from './migrations/002-reports.js';
import searchWithoutPositions from './migrations/003-search-without-positions.js';
import importBatches from './migrations/004-import-batches.js';
import applicationId from './migrations/005-application-id.js';
import auditChain from './migrations/006-audit-chain.js';
import submissions from './migrations/007-submissions.js';
import gridQueries from './migrations/008-grid-queries.js';

export { LEDGER_APPLICATION_ID } from './ledger-application-id.js';

/** One migration: SQL run in the transaction that moves a file from one schema version to the next. */
export type Migration = string;

/**
 * Versioned schema, one file per step under migrations/. Entry i moves a file from version i to
 * i+1 (main/store/database.ts `migrate`); a new migration goes at the end, and a released one is
 * never edited, since files already past it would not run it again.
 */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  reports,
  searchWithoutPositions,
  importBatches,
  applicationId,
  auditChain,
  submissions,
  gridQueries,
];
