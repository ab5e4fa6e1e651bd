import type { Command } from 'commander';
import { listLedgerSummaries } from '../../store/ledger-types.js';
import { countRecords } from '../../store/record-query.js';
import { resolveUnit } from '../../store/units.js';
import { openExisting, periodFrom, printJson } from '../context.js';

export function register(program: Command): void {
  program
    .command('stats')
    .description('按台账统计记录数（JSON）')
    .option('--db <file>', '台账文件路径')
    .option('--period <period>', '期间，如 2019、2019-04、2019H1、2018-2019S2')
    .option('--unit <name>', '只统计该填报单位')
    .action((options: { db?: string; period?: string; unit?: string }) => {
      const period = periodFrom(options.period);
      const { db } = openExisting(options);
      const unitId = options.unit === undefined ? undefined : resolveUnit(db, { name: options.unit }).id;
      const counts: Record<string, number> = {};
      for (const ledger of listLedgerSummaries(db)) {
        counts[ledger.key] = countRecords(db, {
          ledger: ledger.key,
          unitId,
          dateFrom: period?.from,
          dateTo: period?.to,
        });
      }
      db.close();
      printJson(counts);
    });
}
