import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Db } from '../store/database.js';
import { storedEvidence } from '../attachments/stored-evidence.js';

/**
 * The desktop app's answer to app://taizhang/evidence/<id>: the stored file, streamed, with the
 * same headers the browser host sends, so the page draws thumbnails the same way in both. Only the
 * app's own page can ask (the scheme serves no other origin), so no session token is needed.
 */
export function evidenceResponse(ledger: { db: Db; dbFile: string }, idText: string): Response {
  const stored = storedEvidence(ledger.db, ledger.dbFile, idText);
  if (!stored.ok) {
    return new Response(JSON.stringify({ ok: false, error: stored.error }), {
      status: stored.status,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  const body = Readable.toWeb(fs.createReadStream(stored.file)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: stored.headers });
}
