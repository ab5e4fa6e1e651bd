import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type ApiContext } from '../api.js';
import type { Db } from '../store/database.js';
import { CONTENT_SECURITY_POLICY, requestProblem } from './security.js';
import { defaultRendererDir, readStatic } from './static-files.js';
import { ExportJobs } from '../export/export-jobs.js';
import { ImportJobs } from '../import/import-jobs.js';
import { deliverAsDownload, DOWNLOADS_PREFIX, serveDownload } from './downloads.js';

// Room for an uploaded spreadsheet as base64 (the contract caps each file; this caps the request).
const MAX_BODY = 48 * 1024 * 1024;

export interface HostOptions {
  db: Db;
  dbFile: string;
  operator: string;
  /** 0 picks a free port. */
  port: number;
  rendererDir?: string;
}

export interface BrowserHost {
  url: string;
  port: number;
  /** The exports started from the page; their files go when the host closes. */
  exports: ExportJobs;
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

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too-large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
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
    const tooLarge = error instanceof Error && error.message === 'too-large';
    return sendJson(res, tooLarge ? 413 : 400, {
      ok: false,
      error: { code: 'bad-request', message: tooLarge ? '调用内容超过 48 MB' : '调用内容不是有效的 JSON' },
    });
  }
  const result = await dispatch(ctx, method, payload);
  const status = result.ok ? 200 : result.error.code === 'bad-request' ? 400 : 200;
  sendJson(res, status, result);
}

/** Serves the built renderer and the API contract on 127.0.0.1 only. */
export function startBrowserHost(options: HostOptions): Promise<BrowserHost> {
  const exports = new ExportJobs({ dbFile: options.dbFile });
  const imports = new ImportJobs();
  const ctx: ApiContext = {
    db: options.db,
    dbFile: options.dbFile,
    operator: options.operator,
    transport: 'http',
    exports,
    imports,
    deliverFile: deliverAsDownload,
  };
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  let port = options.port;
  const server = http.createServer((req, res) => {
    const problem = requestProblem(req, port);
    if (problem) return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: problem } });
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      void handleApi(ctx, req, res, url.slice(5).split('?')[0]!).catch(() => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: '服务内部错误' } });
      });
      return;
    }
    if (url.startsWith(DOWNLOADS_PREFIX)) return serveDownload(exports, req, res);
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
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        exports,
        close: async () => {
          await Promise.all([exports.dispose(), imports.dispose()]);
          await new Promise<void>((done) => server.close(() => done()));
        },
      });
    });
  });
}
