import { failAbandonedSubmissions } from '../submissions/abandoned.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type ApiContext } from '../api.js';
import type { Db } from '../store/database.js';
import { CONTENT_SECURITY_POLICY, requestProblem } from './security.js';
import { defaultRendererDir, readStatic } from './static-files.js';
import { ExportJobs } from '../export/export-jobs.js';
import { ImportJobs } from '../import/import-jobs.js';
import { deliverAsDownload, DOWNLOADS_PREFIX, serveDownload } from './downloads.js';
import { hasSessionToken, linkWithToken, MISSING_TOKEN_MESSAGE, newSessionToken } from './session-token.js';
import { isEvidenceUrl, serveEvidence } from './evidence-routes.js';
import { startAutoBackup } from '../archive/auto-backup.js';
import type { OperatorSetting } from '../settings/operator.js';
import { CallsInFlight } from '../app/switch-ledger.js';

// Room for an uploaded spreadsheet as base64 (the contract caps each file; this caps the request).
const MAX_BODY = 48 * 1024 * 1024;
// How much, and for how long, the rest of a refused body is read and thrown away before answering.
const MAX_DRAIN = 64 * 1024 * 1024;
const DRAIN_MS = 10_000;

export interface HostOptions {
  db: Db;
  dbFile: string;
  operator: string;
  /** The installation's chosen name: when given, every audited write carries it, as 设置 changes it. */
  operatorSetting?: OperatorSetting;
  /** Where a switch of ledger in the app is remembered for the next start (see ApiContext). */
  ledgerChoiceFolder?: string;
  /** 0 picks a free port. */
  port: number;
  rendererDir?: string;
}

export interface BrowserHost {
  url: string;
  /** `url` with this start's session token in the fragment: the link to print and open. */
  link: string;
  /** Every /api/ and /downloads/ request must carry it as `Authorization: Bearer …`. */
  token: string;
  port: number;
  /** The exports started from the page; their files go when the host closes or the ledger is switched. */
  readonly exports: ExportJobs;
  /** The ledger in use: the one given, or the one the page switched to (which the host closes). */
  readonly db: Db;
  readonly dbFile: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/**
 * Refuses a request without keeping its body, then closes the connection. The rest of the body
 * is read and thrown away before answering: a socket closed while data is still arriving is
 * reset, and the client would see the reset instead of the answer. A sender that goes on too long
 * is answered anyway and cut off.
 */
function refuseAndClose(req: http.IncomingMessage, res: http.ServerResponse, status: number, message: string): void {
  req.removeAllListeners('data');
  let drained = 0;
  const answer = () => {
    if (res.headersSent) return;
    clearTimeout(cut);
    res.setHeader('Connection', 'close');
    sendJson(res, status, { ok: false, error: { code: status === 401 ? 'unauthorized' : 'bad-request', message } });
  };
  const cut = setTimeout(answer, DRAIN_MS);
  cut.unref();
  if (req.readableEnded) return answer();
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > MAX_DRAIN) answer();
  });
  req.once('end', answer);
  req.once('error', answer);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.off('data', onData);
        chunks.length = 0;
        reject(new Error('too-large'));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleApi(ctx: ApiContext, req: http.IncomingMessage, res: http.ServerResponse, method: string) {
  if (req.method !== 'POST')
    return sendJson(res, 405, { ok: false, error: { code: 'bad-request', message: '只接受 POST 调用' } });
  // A JSON content type cannot be sent cross-site without a preflight, which this host never answers.
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendJson(res, 415, { ok: false, error: { code: 'bad-request', message: '调用内容必须是 JSON' } });
  }
  let payload: unknown;
  try {
    const text = await readBody(req);
    payload = text ? JSON.parse(text) : {};
  } catch (error) {
    if (error instanceof Error && error.message === 'too-large') {
      return refuseAndClose(req, res, 413, '调用内容超过 48 MB，未处理：请换用较小的文件');
    }
    return sendJson(res, 400, { ok: false, error: { code: 'bad-request', message: '调用内容不是有效的 JSON' } });
  }
  const result = await dispatch(ctx, method, payload);
  const status = result.ok ? 200 : result.error.code === 'bad-request' ? 400 : 200;
  sendJson(res, status, result);
}

/** Serves the built renderer and the API contract on 127.0.0.1 only. */
export function startBrowserHost(options: HostOptions): Promise<BrowserHost> {
  const imports = new ImportJobs();
  const setting = options.operatorSetting;
  const calls = new CallsInFlight();
  const ctx: ApiContext = {
    db: options.db,
    dbFile: options.dbFile,
    get operator() {
      return setting?.name ?? options.operator;
    },
    operatorSetting: setting,
    transport: 'http',
    exports: new ExportJobs({ dbFile: options.dbFile }),
    imports,
    deliverFile: deliverAsDownload,
    calls,
    ledgerChoiceFolder: options.ledgerChoiceFolder,
  };
  failAbandonedSubmissions(ctx.db, ctx.operator);
  // Replaced when the page switches ledgers (main/app/switch-ledger.ts).
  const exports = () => ctx.exports!;
  const autoBackup = (ctx.autoBackup = startAutoBackup(ctx));
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  const token = newSessionToken();
  let port = options.port;
  const server = http.createServer((req, res) => {
    const problem = requestProblem(req, port);
    if (problem) return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: problem } });
    const url = req.url ?? '/';
    // The page itself is public (it holds no data and never the token); what it calls is not.
    const guarded = url.startsWith('/api/') || url.startsWith(DOWNLOADS_PREFIX) || isEvidenceUrl(url);
    if (guarded && !hasSessionToken(req, token)) return refuseAndClose(req, res, 401, MISSING_TOKEN_MESSAGE);
    if (url.startsWith('/api/')) {
      void handleApi(ctx, req, res, url.slice(5).split('?')[0]!).catch(() => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: '服务内部错误' } });
      });
      return;
    }
    if (url.startsWith(DOWNLOADS_PREFIX)) return serveDownload(exports(), req, res);
    if (isEvidenceUrl(url)) {
      // An upload writes into the open ledger when its last byte has come: no switch before that.
      const done = req.method === 'POST' ? calls.begin('evidence.upload') : () => {};
      res.once('close', done);
      return serveEvidence(ctx, req, res, {
        json: (status, value) => sendJson(res, status, value),
        refuse: (status, message) => refuseAndClose(req, res, status, message),
      });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain; charset=utf-8', '不支持的请求方法');
    const file = readStatic(rendererDir, url);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', '界面文件不存在：请先运行 npm run build');
    send(res, 200, file.type, file.body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}/`;
      resolve({
        url,
        link: linkWithToken(url, token),
        token,
        port,
        get exports() {
          return exports();
        },
        get db() {
          return ctx.db;
        },
        get dbFile() {
          return ctx.dbFile;
        },
        close: async () => {
          // The backup on quit runs while the ledger is still open: it is recorded there when done.
          await Promise.all([exports().dispose(), imports.dispose(), autoBackup.close()]);
          await new Promise<void>((done) => server.close(() => done()));
          // A ledger the page switched to was opened here; the one given stays its opener's to close.
          if (ctx.db !== options.db) ctx.db.close();
        },
      });
    });
  });
}
