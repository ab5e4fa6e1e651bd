import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME } from './channel.js';
import { CONTENT_SECURITY_POLICY } from '../host/security.js';
import { fileInside } from '../host/file-inside.js';
import { EVIDENCE_PATH } from '../../shared/attachment-api.js';
import type { Db } from '../store/database.js';
import { evidenceResponse } from './evidence-response.js';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from rendererDir only; anything outside it is refused. Evidence files
 * are served from the ledger in use (it changes when the user switches ledgers).
 */
export function serveRenderer(rendererDir: string, ledger: () => { db: Db; dbFile: string }): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith(EVIDENCE_PATH)) {
      if (request.method !== 'GET') return new Response('查看附件只接受 GET 请求', { status: 405 });
      return evidenceResponse(ledger(), pathname.slice(EVIDENCE_PATH.length));
    }
    const target = fileInside(root, pathname === '/' ? '/index.html' : pathname);
    if (target === null || target === root) return new Response('forbidden', { status: 403 });
    const response = await net.fetch(pathToFileURL(target).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}
