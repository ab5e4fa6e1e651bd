/** PRAGMA application_id of every ledger file: 'TZLG' in ASCII. */
export const LEDGER_APPLICATION_ID = 0x545a4c47;
