import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('stats')
    .description('按台账统计记录数（JSON）')
    .option('--db <file>', '台账文件路径')
    .option('--period <period>', '期间，如 2019、2019-04、2019H1、2018-2019S2')
    .option('--unit <name>', '只统计该填报单位')
    .action(async (options: { db?: string; period?: string; unit?: string }) => {
      const { openExisting, periodFrom, printJson } = await import('../context.js');
      const { listLedgerSummaries } = await import('../../store/ledger-types.js');
      const { countRecords } = await import('../../store/record-query.js');
      const { resolveUnit } = await import('../../store/units.js');
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
