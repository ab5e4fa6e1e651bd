import type { ApiMethod, ApiResult } from '../../shared/api-methods.js';
import type { ApiInput, ApiOutput, TaizhangBridge } from '../../shared/api.js';
import type { FieldError } from '../../shared/validation.js';
import { authorization, reportRefusedToken } from './session-token.js';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the page is served by the browser host. */
    taizhang?: TaizhangBridge;
  }
}

/** A failed call, carrying the Chinese message and, for invalid records, the error of each field. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function overHttp<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiOutput<M>>> {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authorization() },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    throw new ApiError('offline', `无法连接台账服务（调用 ${method}），请确认台账归档仍在运行`);
  }
  if (response.status === 401) reportRefusedToken();
  const text = await response.text();
  try {
    return JSON.parse(text) as ApiResult<ApiOutput<M>>;
  } catch {
    throw new ApiError('internal', `台账服务返回了无法识别的内容（调用 ${method}，HTTP ${response.status}）`);
  }
}

/** Calls one method of the contract in shared/api.ts, through the preload when present, else over HTTP. */
export async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = window.taizhang ? await window.taizhang.call(method, input) : await overHttp(method, input);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.fieldErrors ?? []);
  return result.value;
}

/**
 * Fetches a file the host offers (an export's /downloads/ link) with the session token, which a
 * plain link could not send; the bytes come back as a Blob.
 */
export async function fetchFromHost(url: string, what: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(url, { headers: authorization() });
  } catch {
    throw new ApiError('offline', `无法连接台账服务（下载${what}），请确认台账归档仍在运行`);
  }
  if (response.status === 401) reportRefusedToken();
  if (!response.ok) {
    const text = (await response.text()).slice(0, 300);
    let message = text;
    try {
      message = (JSON.parse(text) as { error: { message: string } }).error.message;
    } catch {
      // A plain-text refusal from the host is already the message.
    }
    throw new ApiError('bad-file', message || `下载${what}失败（HTTP ${response.status}）`);
  }
  return response.blob();
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
