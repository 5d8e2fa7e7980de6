import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';

/** HTTP the way a browser talks to the app over loopback: kept-alive connections, cookies. */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A multipart/form-data body with one file (field `file`), as a browser sends it. */
export function multipart(
  file: Buffer,
  filename = 'import.xlsx',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----ikt-bench-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${XLSX_TYPE}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, file, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A port nobody listens on now (the OS picks it; a race with another process is possible but unlikely). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** From writing the request to the answer's last byte. */
  ms: number;
}

/** One request over `agent`, the whole answer read. */
export function request(
  agent: http.Agent,
  base: { host: string; port: number },
  options: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const headers: Record<string, string | number> = { ...options.headers };
    if (options.body !== undefined) headers['content-length'] = Buffer.byteLength(options.body);
    const req = http.request(
      { agent, host: base.host, port: base.port, method: options.method, path: options.path, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Signs in over HTTP; answers the session cookie (`ikt_session=…`). */
export async function signInOverHttp(
  agent: http.Agent,
  base: { host: string; port: number },
  credentials: { email: string; password: string },
): Promise<string> {
  const answer = await request(agent, base, {
    method: 'POST',
    path: '/api/auth/login',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const cookie = (answer.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('ikt_session='));
  if (answer.status !== 200 || !cookie) {
    throw new Error(`sign-in of ${credentials.email} failed (${answer.status}: ${answer.body.slice(0, 200)})`);
  }
  return cookie;
}
