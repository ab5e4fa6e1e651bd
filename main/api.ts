import { API } from '../shared/api.js';
import { isApiMethod, type ApiResult } from '../shared/api-methods.js';
import { toUserError } from './errors/user-message.js';
import { validationMessage, type FieldLabels } from './errors/validation-message.js';
import { getLedgerDefinition } from './store/ledger-types.js';
import { HANDLERS, type ApiContext } from './handlers.js';

export type { ApiContext } from './handlers.js';

/** The labels of the ledger a payload names, so a bad record value is named as the form names it. */
function fieldLabels(ctx: ApiContext, payload: unknown): FieldLabels | undefined {
  const ledger = (payload as { ledger?: unknown } | null)?.ledger;
  if (typeof ledger !== 'string') return undefined;
  try {
    return Object.fromEntries(getLedgerDefinition(ctx.db, ledger).fields.map((field) => [field.key, field.label]));
  } catch {
    return undefined;
  }
}

/**
 * The single entry both transports (Electron IPC and the browser host) end in.
 * The method name and its payload are checked against the contract before any handler runs,
 * and every failure comes back as a value the renderer can show.
 */
export async function dispatch(ctx: ApiContext, method: unknown, payload: unknown): Promise<ApiResult<unknown>> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'bad-request', message: `未知的调用：${String(method).slice(0, 60)}` } };
  }
  const parsed = API[method].input.safeParse(payload ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'bad-request',
        message: validationMessage(parsed.error.issues, payload ?? {}, fieldLabels(ctx, payload)),
      },
    };
  }
  const done = ctx.calls?.begin(method);
  try {
    const handler = HANDLERS[method] as (c: ApiContext, input: unknown) => unknown;
    return { ok: true, value: await handler(ctx, parsed.data) };
  } catch (error) {
    // The payload is never logged: it may hold ID numbers.
    const failure = toUserError(error, { dbFile: ctx.dbFile, where: method });
    return { ok: false, error: { code: failure.code, message: failure.message, fieldErrors: failure.fieldErrors } };
  } finally {
    done?.();
  }
}
