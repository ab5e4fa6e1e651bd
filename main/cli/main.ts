import { runCli } from './index.js';

const code = await runCli(process.argv.slice(2));
// serve keeps running; every other command ends here.
if (code !== 0 || !process.argv.slice(2).includes('serve')) process.exitCode = code;
