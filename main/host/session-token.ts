import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The secret that lets a page use the browser host. Any local process or user can reach
 * 127.0.0.1, so the host answers only callers that got the link it printed; a new one each start.
 */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The link that hands the token to the page: in the fragment, which the browser never sends. */
export function linkWithToken(url: string, token: string): string {
  return `${url}#token=${token}`;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Whether the request carries `Authorization: Bearer <token>`; compared in constant time. */
export function hasSessionToken(req: IncomingMessage, token: string): boolean {
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(req.headers.authorization ?? '');
  // Equal-length digests, so neither the length nor the first differing byte shows in the timing.
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}

export const MISSING_TOKEN_MESSAGE =
  '未获授权：请打开 taizhang serve 或 npm start 启动时打印的链接（含 #token=…）使用台账归档';
