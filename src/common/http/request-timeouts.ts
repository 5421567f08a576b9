import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Slow clients are cut: a request whose headers are not complete within `headersMs`, or whose headers and body are
 * not complete within `requestMs`, gets 408 and its connection is closed (a client sending a byte every few seconds
 * would otherwise hold a socket, and a body parser, for as long as it likes). Node enforces both limits on a timer
 * that by default runs every 30 s, so a limit of 30 s could take a minute; the timer runs here at a quarter of the
 * shorter limit (at most once a second), before the server starts listening.
 */
export function applyRequestTimeouts(
  server: Server,
  limits: { headersTimeoutMs: number; requestTimeoutMs: number },
): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs);
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(
    1000,
    Math.max(50, Math.floor(limits.headersTimeoutMs / 4)),
  );
}

/**
 * Node's own answer to a client error (408, 431, 400) has no body; with this, it carries the DRF-style JSON body the
 * API uses everywhere.
 */
export function answerClientErrorsWithJson(server: Server): void {
  server.on('clientError', answerClientError);
}

/** Status and DRF-style detail for an error Node's HTTP parser raises before the request reaches Express. */
export function clientErrorResponse(code: string | undefined): {
  status: number;
  reason: string;
  detail: string;
} {
  switch (code ?? '') {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, reason: 'Request Timeout', detail: 'The request was not received in time.' };
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        reason: 'Request Header Fields Too Large',
        detail: 'Request header fields are too large.',
      };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, reason: 'Payload Too Large', detail: 'Request body is too large.' };
    default:
      return { status: 400, reason: 'Bad Request', detail: 'Malformed HTTP request.' };
  }
}

/** As Node does, writes only when nothing of a response went out on the socket yet; then closes the connection. */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) {
    const { status, reason, detail } = clientErrorResponse(error.code);
    const body = JSON.stringify({ detail });
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
