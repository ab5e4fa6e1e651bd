import http from 'node:http';

export interface HttpReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One plain HTTP request to a server on this machine, the reply read whole. */
export function httpRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export type ApiReply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** One contract call to a browser host, as the page makes it: same origin, with the session token. */
export async function callApi<T>(
  host: { port: number; token: string },
  method: string,
  payload: unknown,
): Promise<ApiReply<T>> {
  const reply = await httpRequest(host.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: {
      'Content-Type': 'application/json',
      Origin: `http://127.0.0.1:${host.port}`,
      Authorization: `Bearer ${host.token}`,
    },
    body: JSON.stringify(payload),
  });
  return JSON.parse(reply.body.toString('utf8')) as ApiReply<T>;
}

/** The value of a call that must succeed; a refusal fails the test with its message. */
export function valueOf<T>(reply: ApiReply<T>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}
