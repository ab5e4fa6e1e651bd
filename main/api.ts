import { API } from '../shared/api.js';
import { isApiMethod, type ApiResult } from '../shared/api-methods.js';
import { TaizhangError } from './store/errors.js';
import { HANDLERS, type ApiContext } from './handlers.js';

export type { ApiContext } from './handlers.js';

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
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(整体)'}：${i.message}`).join('；');
    return { ok: false, error: { code: 'bad-request', message: `调用 ${method} 的参数不正确：${where}` } };
  }
  try {
    const handler = HANDLERS[method] as (c: ApiContext, input: unknown) => unknown;
    return { ok: true, value: await handler(ctx, parsed.data) };
  } catch (error) {
    if (error instanceof TaizhangError) {
      return { ok: false, error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } };
    }
    console.error(`[taizhang] ${method} failed`, error);
    return {
      ok: false,
      error: { code: 'internal', message: `操作失败：${error instanceof Error ? error.message : String(error)}` },
    };
  }
}
