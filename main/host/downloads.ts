import fs from 'node:fs';
import type http from 'node:http';
import type { ExportJobs } from '../export/export-jobs.js';
import type { DeliverFile } from '../export/delivery.js';

/** Finished exports are fetched from here: /downloads/<job id>. */
export const DOWNLOADS_PREFIX = '/downloads/';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The browser host delivers a finished export as a link the page then follows. */
export const deliverAsDownload: DeliverFile = (file) =>
  Promise.resolve({ downloadUrl: `${DOWNLOADS_PREFIX}${file.jobId}` });

/** RFC 5987 ext-value: UTF-8, percent-encoded, with the characters encodeURIComponent leaves but attr-char forbids. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment` with the real (Chinese) name in filename*, and a plain-ASCII filename for clients
 * that do not read filename*.
 */
export function contentDisposition(fileName: string, fallback = 'taizhang-export.xlsx'): string {
  const plain = /^[\x20-\x7e]+$/.test(fileName) && !/["\\%]/.test(fileName) ? fileName : fallback;
  return `attachment; filename="${plain}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

function refuse(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(message);
}

/**
 * Streams one finished export to the browser, once: after it is fully sent the file is removed and
 * the job forgotten. Only ids of finished jobs in the registry are served; the caller has already
 * checked the Host and Origin headers.
 */
export function serveDownload(jobs: ExportJobs, req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.method !== 'GET') return refuse(res, 405, '下载只接受 GET 请求');
  // A page on another site could link here; a browser says where a request came from.
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return refuse(res, 403, '拒绝来自其他网站的下载请求');
  }
  const jobId = (req.url ?? '').slice(DOWNLOADS_PREFIX.length).split('?')[0]!;
  const file = UUID.test(jobId) ? jobs.downloadable(jobId) : null;
  if (!file) return refuse(res, 404, '找不到这个导出文件：它可能已经下载过或已清理，请重新导出');
  let size: number;
  try {
    size = fs.statSync(file.path).size;
  } catch {
    return refuse(res, 404, '找不到这个导出文件：它可能已经下载过或已清理，请重新导出');
  }
  res.writeHead(200, {
    'Content-Type': XLSX_TYPE,
    'Content-Length': size,
    'Content-Disposition': contentDisposition(file.fileName),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  const stream = fs.createReadStream(file.path);
  stream.on('error', () => res.destroy());
  res.on('finish', () => jobs.release(file.jobId));
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}
