import { contextBridge, ipcRenderer } from 'electron';
import { isApiMethod, type ApiResult } from '../../shared/api-methods.js';
import { IPC_CHANNEL } from './channel.js';

/**
 * The renderer's only door: one `call` that carries a contract method name and its payload.
 * Names outside the contract never reach the main process; payloads are checked there.
 */
contextBridge.exposeInMainWorld('taizhang', {
  call(method: unknown, input: unknown): Promise<ApiResult<unknown>> {
    if (!isApiMethod(method)) {
      return Promise.resolve({ ok: false, error: { code: 'bad-request', message: `未知的调用：${String(method)}` } });
    }
    return ipcRenderer.invoke(IPC_CHANNEL, method, input) as Promise<ApiResult<unknown>>;
  },
});
