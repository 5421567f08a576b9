import { createServer } from 'node:http';
import { applyRequestTimeouts, clientErrorResponse } from './request-timeouts';

describe('clientErrorResponse', () => {
  it.each([
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'The request was not received in time.'],
    ['HPE_HEADER_OVERFLOW', 431, 'Request header fields are too large.'],
    ['HPE_CHUNK_EXTENSIONS_OVERFLOW', 413, 'Request body is too large.'],
    ['HPE_INVALID_METHOD', 400, 'Malformed HTTP request.'],
    [undefined, 400, 'Malformed HTTP request.'],
  ])('%s → %i', (code, status, detail) => {
    expect(clientErrorResponse(code)).toMatchObject({ status, detail });
  });
});

describe('applyRequestTimeouts', () => {
  it.each([
    [30_000, 30_000, 1000],
    [1000, 2000, 250],
    [100, 100, 50],
    [60_000, 30_000, 1000], // a request timeout below the headers timeout is raised to it
  ])('headers %i ms, request %i ms → checked every %i ms', (headersTimeoutMs, requestTimeoutMs, interval) => {
    const server = createServer();
    applyRequestTimeouts(server, { headersTimeoutMs, requestTimeoutMs });
    expect(server.headersTimeout).toBe(headersTimeoutMs);
    expect(server.requestTimeout).toBe(Math.max(headersTimeoutMs, requestTimeoutMs));
    expect((server as unknown as { connectionsCheckingInterval: number }).connectionsCheckingInterval).toBe(
      interval,
    );
  });
});
