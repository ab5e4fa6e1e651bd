import fs from 'node:fs';
import type http from 'node:http';
import { PassThrough } from 'node:stream';
import { EVIDENCE_PATH, EVIDENCE_UPLOAD_PATH, evidenceTooLargeMessage } from '../../shared/attachment-api.js';
import type { ApiContext } from '../handlers.js';
import { toUserError } from '../errors/user-message.js';
import { TaizhangError } from '../store/errors.js';
import { attachEvidence, evidenceField, type AttachmentInfo } from '../attachments/attachments.js';
import { storedEvidence } from '../attachments/stored-evidence.js';
import { MAX_EVIDENCE_BYTES } from '../attachments/evidence-store.js';

/** How the server answers: JSON like /api/, or a refusal that first drains what is still being sent. */
export interface EvidenceReply {
  json(status: number, value: unknown): void;
  refuse(status: number, message: string): void;
}

type EvidenceContext = Pick<ApiContext, 'db' | 'dbFile' | 'operator'>;

/** The evidence routes, which take the session token like /api/. */
export function isEvidenceUrl(url: string): boolean {
  return url.startsWith(EVIDENCE_PATH) || url === EVIDENCE_UPLOAD_PATH || url.startsWith(`${EVIDENCE_UPLOAD_PATH}?`);
}

export function serveEvidence(
  ctx: EvidenceContext,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  reply: EvidenceReply,
): void {
  const url = req.url ?? '/';
  if (url.startsWith(EVIDENCE_PATH)) return serveStored(ctx, url.slice(EVIDENCE_PATH.length), req, res, reply);
  void receiveUpload(ctx, new URL(url, 'http://127.0.0.1').searchParams, req, reply);
}

const failure = (ctx: EvidenceContext, error: unknown, where: string) => {
  const { code, message } = toUserError(error, { dbFile: ctx.dbFile, where });
  return { code, message };
};

/**
 * Takes one file as the raw request body and streams it into the evidence store: the host holds a
 * few chunks of it at a time, never the whole file. Everything that can be checked without the
 * bytes (size, record, field, name) is checked first, so a refused upload stores nothing.
 */
async function receiveUpload(
  ctx: EvidenceContext,
  query: URLSearchParams,
  req: http.IncomingMessage,
  reply: EvidenceReply,
): Promise<void> {
  if (req.method !== 'POST') return reply.refuse(405, '上传附件只接受 POST 请求');
  // Not a type a page on another site may send without a preflight, which this host never answers.
  if (!(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
    return reply.refuse(415, '上传的附件必须以原始文件内容（application/octet-stream）发送');
  }
  const name = query.get('name')?.trim() ?? '';
  const recordId = Number(query.get('record'));
  const field = query.get('field') ?? '';
  if (!name) return reply.refuse(400, '上传附件时没有给出文件名，未附上任何文件');
  if (!Number.isSafeInteger(recordId) || recordId <= 0)
    return reply.refuse(400, '上传附件时记录编号不正确，未附上任何文件');
  const length = req.headers['content-length'];
  if (length === undefined || !/^\d{1,12}$/.test(length)) {
    return reply.refuse(411, `上传“${name}”时没有给出文件大小，未附上：请刷新页面后重试`);
  }
  if (Number(length) > MAX_EVIDENCE_BYTES) return reply.refuse(413, evidenceTooLargeMessage(name));
  try {
    evidenceField(ctx.db, recordId, field);
  } catch (error) {
    return reply.refuse(400, failure(ctx, error, 'evidence upload').message);
  }
  // The store destroys its source on a failure; a go-between keeps the request, and so the
  // connection that must carry the answer, alive. A sender that gives up mid-file fails the store.
  const source = req.pipe(new PassThrough({ highWaterMark: 1024 * 1024 }));
  req.once('close', () => {
    if (!req.complete) source.destroy(new TaizhangError('cancelled', `上传“${name}”中断，未附上`));
  });
  let info: AttachmentInfo;
  try {
    info = await attachEvidence(ctx.db, ctx.dbFile, { recordId, field, name, source }, ctx.operator);
  } catch (error) {
    const problem = failure(ctx, error, 'evidence upload');
    if (!req.complete) {
      req.unpipe(source);
      req.resume();
      return reply.refuse(400, problem.message);
    }
    return reply.json(200, { ok: false, error: problem });
  }
  reply.json(200, { ok: true, value: info });
}

/** `attachment` with the original name; the plain-ASCII fallback must not claim to be an export. */
/** Streams one stored file to the page, which fetches it with the token (thumbnails, downloads). */
function serveStored(
  ctx: EvidenceContext,
  idText: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  reply: EvidenceReply,
): void {
  if (req.method !== 'GET') return reply.refuse(405, '查看附件只接受 GET 请求');
  const stored = storedEvidence(ctx.db, ctx.dbFile, idText);
  if (!stored.ok) return reply.json(stored.status, { ok: false, error: stored.error });
  res.writeHead(200, stored.headers);
  const stream = fs.createReadStream(stored.file);
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}
