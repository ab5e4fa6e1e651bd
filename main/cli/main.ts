import { runCli } from './index.js';
import { sweepStaleTempFiles } from '../export/temp-registry.js';

// Exports cut short by a kill leave temp files with minors' data; every start clears those of dead processes.
sweepStaleTempFiles();
const code = await runCli(process.argv.slice(2));
// serve keeps running; every other command ends here.
if (code !== 0 || !process.argv.slice(2).includes('serve')) process.exitCode = code;
