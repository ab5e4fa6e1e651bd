import type { ApiOutput, ParsedInput } from '../../shared/api.js';
import type { ApiContext } from '../handlers.js';
import { ledgerAuditOperators, listLedgerAudit } from '../store/audit.js';
import { getLedgerDefinition } from '../store/ledger-types.js';
import { TaizhangError } from '../store/errors.js';
import { describeAuditRow } from './describe.js';

type Method = 'audit.list' | 'operator.get' | 'operator.set';
type AuditHandlers = { [M in Method]: (ctx: ApiContext, input: ParsedInput<M>) => ApiOutput<M> };

/**
 * A day as the keeper means it: the log's times are UTC instants, the page's dates are this
 * computer's calendar days (the host serves 127.0.0.1 only, so the page runs on the same computer).
 */
function localDayStart(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

export const AUDIT_HANDLERS: AuditHandlers = {
  'audit.list': (ctx, input) => {
    const def = getLedgerDefinition(ctx.db, input.ledger);
    if (input.from && input.to && input.from > input.to) {
      throw new TaizhangError('bad-request', `起始日期 ${input.from} 晚于结束日期 ${input.to}，请重新选择`);
    }
    const page = listLedgerAudit(ctx.db, {
      ledger: input.ledger,
      operator: input.operator,
      from: input.from ? localDayStart(input.from) : undefined,
      until: input.to ? localDayStart(input.to, 1) : undefined,
      page: input.page,
      pageSize: input.pageSize,
    });
    return {
      total: page.total,
      rows: page.rows.map((row) => describeAuditRow(row, def)),
      operators: ledgerAuditOperators(ctx.db, input.ledger),
    };
  },
  'operator.get': (ctx) => {
    const setting = ctx.operatorSetting;
    return {
      name: ctx.operator,
      asked: setting ? setting.source !== 'system' : true,
      canChange: setting !== undefined,
    };
  },
  'operator.set': (ctx, input) => {
    if (!ctx.operatorSetting) {
      throw new TaizhangError('bad-request', '此处的操作人姓名由启动参数决定，不能在界面中修改');
    }
    return { name: ctx.operatorSetting.set(input.name) };
  },
};
