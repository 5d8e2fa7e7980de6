import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import net from 'node:net';
import { request } from '../support/http-request';

export { request, type HttpAnswer } from '../support/http-request';

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
