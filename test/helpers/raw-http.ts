import { request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import { connect, Socket } from 'node:net';
import type { TestApp } from './test-app';

/** The loopback port the test app's HTTP server listens on (listening on an ephemeral one first if needed). */
export function portOf(t: TestApp): Promise<number> {
  const server = t.app.getHttpServer() as Server;
  const addr = server.address();
  if (addr && typeof addr === 'object') return Promise.resolve(addr.port);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The whole response as received (status line, headers, body). */
  raw: string;
}

/** Parses one HTTP/1.1 response with a Content-Length or without a body. */
export function parseResponse(raw: string): RawResponse {
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const [statusLine, ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = end < 0 ? '' : raw.slice(end + 4);
  if (headers['content-length'] !== undefined)
    body = Buffer.from(body).subarray(0, Number(headers['content-length'])).toString();
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body, raw };
}

/**
 * Writes `request` byte for byte on a fresh connection (no client library fixing the Host header or the framing)
 * and resolves with the response once the server closes the connection (send `Connection: close`, or HTTP/1.0).
 */
export function rawRequest(port: number, request: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => resolve(parseResponse(Buffer.concat(chunks).toString('utf8'))));
    socket.write(request); // not end(): a half-closed connection makes Node abort the request in flight
  });
}

/**
 * A slow client: opens a connection, writes `first`, then one byte of `rest` every `everyMs`, until the server closes
 * the connection (or `rest` runs out). Resolves with what the server answered and when it closed, in ms.
 */
export function dribble(
  port: number,
  first: string,
  rest: string,
  everyMs: number,
): Promise<{ response: RawResponse; closedAfterMs: number; bytesSent: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket: Socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', () => undefined); // a reset is one way of being cut
    socket.on('close', () => {
      clearInterval(timer);
      resolve({
        response: parseResponse(Buffer.concat(chunks).toString('utf8')),
        closedAfterMs: Date.now() - started,
        bytesSent: sent,
      });
    });
    socket.on('connect', () => {
      socket.write(first);
      sent += Buffer.byteLength(first);
      let i = 0;
      timer = setInterval(() => {
        if (i >= rest.length || socket.destroyed) {
          clearInterval(timer);
          return;
        }
        socket.write(rest[i++]);
        sent++;
      }, everyMs);
    });
  });
}

export interface Answer {
  status: number;
  /** The JSON body parsed, else the text. */
  body: unknown;
  ms: number;
}

/**
 * POSTs `body` as it is (bytes, not re-encoded by a client library) with exactly `headers` (no Content-Type unless
 * given); `chunked` sends it without a Content-Length, in 64 kB writes.
 */
export function postBytes(
  port: number,
  path: string,
  body: Buffer,
  headers: Record<string, string> = {},
  chunked = false,
): Promise<Answer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { ...(chunked ? {} : { 'Content-Length': body.length }), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: the caller's assertion on the body shows it
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, ms: Date.now() - started });
        });
      },
    );
    // The server may answer (413) and close before the whole body is written.
    req.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'EPIPE' || e.code === 'ECONNRESET'
        ? resolve({ status: 413, body: 'reset', ms: Date.now() - started })
        : reject(e),
    );
    if (chunked) for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
    else req.write(body);
    req.end();
  });
}
