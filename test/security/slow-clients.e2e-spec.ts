/**
 * Slow clients (issue 12, finding 10): a client that sends its headers or its body a byte at a time holds a
 * connection as long as it likes unless the server bounds the time a request may take to arrive. Here the bounds are
 * set short through the environment (HTTP_HEADERS_TIMEOUT_SECONDS=1, HTTP_REQUEST_TIMEOUT_SECONDS=2) and raw sockets
 * dribble; each is cut with a DRF-style 408 within a second or so of its limit, while other clients are served.
 */
import { accessTokenFor } from '../helpers/auth';
import { dribble, portOf } from '../helpers/raw-http';
import { startTestApp, TestApp } from '../helpers/test-app';

/** The audit's byte every 5 s against a 30 s limit, scaled to the test's 1–2 s limits: bytes keep arriving, yet the request is cut. */
const EVERY_MS = 250;
const TIMED_OUT = JSON.stringify({ detail: 'The request was not received in time.' });

describe('security: slow clients are cut (e2e)', () => {
  let t: TestApp;
  let port: number;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp({ HTTP_HEADERS_TIMEOUT_SECONDS: '1', HTTP_REQUEST_TIMEOUT_SECONDS: '2' });
    port = await portOf(t);
    token = (await accessTokenFor(t, 95_001)).token;
  });
  afterAll(() => t?.close());

  it('headers a byte at a time → 408 and closed after the 1 s headers timeout; others are served meanwhile', async () => {
    const slow = dribble(
      port,
      'GET /health/ HTTP/1.1\r\nHost: localhost\r\nX-Slow: ',
      'a'.repeat(100),
      EVERY_MS,
    );
    await t.http.get('/health/').expect(200);
    await t.http.get('/api/users/me/').set('Authorization', `Bearer ${token}`).expect(200);
    const { response, closedAfterMs } = await slow;
    expect({ status: response.status, body: response.body }).toEqual({ status: 408, body: TIMED_OUT });
    expect(response.headers['content-type']).toBe('application/json');
    expect(closedAfterMs).toBeGreaterThanOrEqual(900);
    expect(closedAfterMs).toBeLessThan(3000);
  });

  it.each([
    ['telegram-login', '/api/users/auth/telegram-login/', ''],
    ['a logged-in POST /api/transactions/', '/api/transactions/', 'auth'],
    ['the webhook', '/telegram/webhook/', 'webhook'],
  ])(
    'a body a byte at a time to %s → 408 and closed after the 2 s request timeout',
    async (_name, path, auth) => {
      const extra =
        auth === 'auth'
          ? `Authorization: Bearer ${token}\r\n`
          : auth === 'webhook'
            ? 'X-Telegram-Bot-Api-Secret-Token: test-webhook-secret\r\n'
            : '';
      const body = JSON.stringify({ telegram_chat_id: 1, pad: 'x'.repeat(200) });
      const head = `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n${extra}\r\n`;
      const { response, closedAfterMs, bytesSent } = await dribble(port, head, body, EVERY_MS);
      expect({ status: response.status, body: response.body }).toEqual({ status: 408, body: TIMED_OUT });
      expect(closedAfterMs).toBeGreaterThanOrEqual(1900);
      expect(closedAfterMs).toBeLessThan(4000);
      expect(bytesSent).toBeLessThan(head.length + body.length); // cut, not finished
    },
  );

  it('a connection that sends nothing is closed too', async () => {
    const { closedAfterMs, bytesSent } = await dribble(port, '', '', EVERY_MS);
    expect(bytesSent).toBe(0);
    expect(closedAfterMs).toBeLessThan(6000);
  });

  it('requests within the limits are unaffected', async () => {
    await t.http
      .post('/api/transactions/')
      .set('Authorization', `Bearer ${token}`)
      .send({ type: 'expense', amount: '5.00', currency: 'UZS' })
      .expect(201);
    await t.http.get('/api/transactions/').set('Authorization', `Bearer ${token}`).expect(200);
  });
});
