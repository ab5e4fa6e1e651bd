import { benchArchive } from './archive.js';

/*
 * The archive bench in a process of its own (started by scripts/bench/index.ts), so the peak memory
 * it reports is that of the backups and restores, not what the export before it left in the bench's
 * process. Arguments: the ledger file, a scratch folder, the megabytes of evidence to add.
 */
const [dbFile, dir, evidenceMb] = process.argv.slice(2);
await benchArchive({ dbFile: dbFile!, dir: dir!, evidenceMb: Number(evidenceMb) });
