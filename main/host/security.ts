import type { IncomingMessage } from 'node:http';

/** Same rules as the Electron window: scripts only from the app itself, nothing remote. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // antd writes its component styles at run time into <style> elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Only this machine's own page may talk to the host: the Host header must name the loopback
 * address and port we listen on (defeats DNS rebinding) and any Origin must be that same page.
 */
export function requestProblem(req: IncomingMessage, port: number): string | null {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = req.headers.host ?? '';
  if (!allowedHosts.includes(host)) return `拒绝来自主机“${host.slice(0, 80)}”的请求：本服务只接受本机访问`;
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) {
    return `拒绝来源“${origin.slice(0, 80)}”的请求：只接受本机台账归档页面的调用`;
  }
  return null;
}
