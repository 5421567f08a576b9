/**
 * The Host header is the client's to choose (issue 12, finding 6). Pagination links are built on PUBLIC_URL when it
 * is set, so a forged Host never reaches a response; without PUBLIC_URL the Host is validated, and a malformed one
 * ("a b", "[::1", empty) is a DRF 400 on every route, never a 500 or a stack trace. Raw requests: no client library
 * gets to fix the header.
 */
import { accessTokenFor } from '../helpers/auth';
import { portOf, rawRequest } from '../helpers/raw-http';
import { startTestApp, TestApp } from '../helpers/test-app';

const get = (path: string, host: string | null, token?: string) =>
  `GET ${path} HTTP/1.1\r\n${host === null ? '' : `Host: ${host}\r\n`}${token ? `Authorization: Bearer ${token}\r\n` : ''}Connection: close\r\n\r\n`;

const MALFORMED = [
  'a b',
  '[::1',
  '',
  'evil.example@pay.example.uz',
  'pay.example.uz/x',
  'pay.example.uz:99999',
  '%65vil.example',
  'pay.example.uz:80:80',
];

async function userWithThreeTransactions(t: TestApp, chatId: number): Promise<string> {
  const { token } = await accessTokenFor(t, chatId);
  for (const amount of ['1.00', '2.00', '3.00']) {
    await t.http
      .post('/api/transactions/')
      .set('Authorization', `Bearer ${token}`)
      .send({ type: 'expense', amount, currency: 'UZS' })
      .expect(201);
  }
  return token;
}

describe('security: Host header, PUBLIC_URL set (e2e)', () => {
  let t: TestApp;
  let port: number;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://pay.example.uz' });
    port = await portOf(t);
    token = await userWithThreeTransactions(t, 94_001);
  });
  afterAll(() => t?.close());

  it.each(['evil.example', 'evil.example:8443', 'localhost'])(
    'links come from PUBLIC_URL whatever the Host (%s)',
    async (host) => {
      const res = await rawRequest(
        port,
        get('/api/transactions/?page_size=1&page=2&ordering=amount', host, token),
      );
      expect(res.status).toBe(200);
      const body = JSON.parse(res.body);
      expect(body.next).toBe('https://pay.example.uz/api/transactions/?page_size=1&page=3&ordering=amount');
      expect(body.previous).toBe('https://pay.example.uz/api/transactions/?page_size=1&ordering=amount');
      expect(res.body).not.toContain('evil');
    },
  );

  it('a forged X-Forwarded-Host does not reach the links either', async () => {
    const res = await rawRequest(
      port,
      get('/api/transactions/?page_size=1', 'pay.example.uz', token).replace(
        'Connection:',
        'X-Forwarded-Host: evil.example\r\nConnection:',
      ),
    );
    expect(JSON.parse(res.body).next).toBe('https://pay.example.uz/api/transactions/?page_size=1&page=2');
  });

  it.each(MALFORMED)('a malformed Host %j → 400 DRF body', async (host) => {
    const res = await rawRequest(port, get('/api/transactions/?page_size=1', host, token));
    expect({ status: res.status, body: res.body }).toEqual({
      status: 400,
      body: JSON.stringify({ detail: 'Invalid Host header.' }),
    });
  });
});

describe('security: Host header, no PUBLIC_URL (e2e)', () => {
  let t: TestApp;
  let port: number;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: undefined });
    port = await portOf(t);
    token = await userWithThreeTransactions(t, 94_002);
  });
  afterAll(() => t?.close());

  it.each(['localhost:8000', '127.0.0.1', '[::1]:8000', 'ovozpay_app:8000'])(
    'a well-formed Host %s is used for the links',
    async (host) => {
      const res = await rawRequest(port, get('/api/transactions/?page_size=1', host, token));
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).next).toBe(`http://${host}/api/transactions/?page_size=1&page=2`);
    },
  );

  it.each(MALFORMED)(
    'a malformed Host %j → 400 DRF body on the list, the health check and an unknown route',
    async (host) => {
      for (const path of [
        '/api/transactions/?page_size=1',
        '/health/',
        '/api/goals/?page_size=1',
        '/no-such-page/',
      ]) {
        const res = await rawRequest(port, get(path, host, token));
        expect({ path, status: res.status, type: res.headers['content-type'], body: res.body }).toEqual({
          path,
          status: 400,
          type: expect.stringMatching(/^application\/json/),
          body: JSON.stringify({ detail: 'Invalid Host header.' }),
        });
      }
    },
  );

  it('an HTTP/1.0 request without a Host gets its page and a DRF 400 only where a link must be built', async () => {
    const health = await rawRequest(port, 'GET /health/ HTTP/1.0\r\n\r\n');
    expect(health.status).toBe(200);
    const list = await rawRequest(
      port,
      `GET /api/transactions/?page_size=1 HTTP/1.0\r\nAuthorization: Bearer ${token}\r\n\r\n`,
    );
    expect({ status: list.status, body: list.body }).toEqual({
      status: 400,
      body: JSON.stringify({ detail: 'Invalid Host header.' }),
    });
  });
});
