import type { Command } from 'commander';
import * as init from './init.js';
import * as ledgers from './ledgers.js';
import * as demo from './demo.js';
import * as stats from './stats.js';
import * as serve from './serve.js';
import * as importFile from './import.js';
import * as exportFile from './export.js';
import * as backup from './backup.js';
import * as restore from './restore.js';
import * as attach from './attach.js';
import * as attachments from './attachments.js';
import * as verify from './verify.js';
import * as submitCommand from './submit.js';
import * as submissions from './submissions.js';
import * as unlock from './unlock.js';

/** Every subcommand, each in a file of its own that exports register(program). */
export const COMMANDS: ReadonlyArray<{ register(program: Command): void }> = [
  init,
  ledgers,
  demo,
  stats,
  serve,
  importFile,
  exportFile,
  backup,
  restore,
  attach,
  attachments,
  verify,
  submitCommand,
  submissions,
  unlock,
];
