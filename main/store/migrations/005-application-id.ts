import { LEDGER_APPLICATION_ID } from '../ledger-application-id.js';

// Marks the file as a ledger (main/store/ledger-file.ts), so another program's database is
// never taken for one. New files get it here too, as they run every migration.
export default `
  PRAGMA application_id = ${LEDGER_APPLICATION_ID};
  `;
