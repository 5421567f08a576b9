/**
 * Bodies that cost more than their size (issue 12, finding 1): an audit's 1 MiB JSON object of 131,070 short keys
 * took 12.5 s to answer 400 at telegram-login and stalled every other request as long. Each bomb here must be
 * answered at once with a DRF-style 4xx while /health/ keeps answering, whether it is refused by the limits on the
 * raw bytes (size, keys, depth) or, with those limits lifted, reaches the validation pipe (which must not walk keys
 * the DTO does not declare).
 */
import { deepBomb, keyBomb, keyBombOf, MIB } from '../helpers/body-bombs';
import { accessTokenFor } from '../helpers/auth';
import { Answer, portOf, postBytes } from '../helpers/raw-http';
import { startTestApp, TEST_WEBHOOK_SECRET, TestApp } from '../helpers/test-app';
import { SECRET_HEADER, WEBHOOK } from '../helpers/updates';

const LOGIN = '/api/users/auth/telegram-login/';
const PARSE = '/api/transactions/parse/';
/** "At once": generous for a shared 2-core machine; the bombs took 12–28 s before the fix. */
const QUICK_MS = 1500;

const post = (
  port: number,
  path: string,
  body: Buffer,
  headers: Record<string, string> = {},
  chunked = false,
) => postBytes(port, path, body, { 'Content-Type': 'application/json', ...headers }, chunked);

/** GET /health/ while `attack` runs: the attack's answer and the longest wait for health. */
async function whileHealthIsPolled(
  t: TestApp,
  attack: () => Promise<Answer>,
): Promise<{ answer: Answer; healthMaxMs: number }> {
  let done = false;
  let healthMaxMs = 0;
  const poll = (async () => {
    while (!done) {
      const started = Date.now();
      await t.http.get('/health/').expect(200);
      healthMaxMs = Math.max(healthMaxMs, Date.now() - started);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const answer = await attack();
  done = true;
  await poll;
  return { answer, healthMaxMs };
}

describe('security: key and depth bombs, default limits (e2e)', () => {
  let t: TestApp;
  let port: number;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    port = await portOf(t);
    token = (await accessTokenFor(t, 93_001)).token;
  });
  afterAll(() => t?.close());

  const TOO_LARGE = { detail: 'Request body is too large.' };
  const TOO_MANY_KEYS = { detail: 'JSON parse error - more than 1000 keys.' };
  const TOO_DEEP = { detail: 'JSON parse error - nesting deeper than 32 levels.' };
  const webhook = () => ({ [SECRET_HEADER]: TEST_WEBHOOK_SECRET });
  const bearer = () => ({ Authorization: `Bearer ${token}` });

  it.each([
    ['login: the audit’s 1 MiB of 131,070 keys', 413, LOGIN, keyBomb(131_070), {}, false, TOO_LARGE],
    ['login: the same, chunked (no Content-Length)', 413, LOGIN, keyBomb(131_070), {}, true, TOO_LARGE],
    ['login: 64 kB of 8,000 keys', 400, LOGIN, keyBombOf(64 * 1024), {}, false, TOO_MANY_KEYS],
    ['login: 60,000 levels of nesting', 400, LOGIN, deepBomb(30_000), {}, false, TOO_DEEP],
    [
      'parse (logged in): 64 kB of 8,000 keys',
      400,
      PARSE,
      keyBombOf(64 * 1024),
      'bearer',
      false,
      TOO_MANY_KEYS,
    ],
    [
      'an unknown /api route: 1 MiB of keys',
      404,
      '/api/nothing-here/',
      keyBomb(131_070),
      {},
      false,
      { detail: 'Not found.' },
    ],
    [
      'an unknown route outside /api: 1 MiB of keys, chunked',
      404,
      '/wp-login.php',
      keyBomb(131_070),
      {},
      true,
      { detail: 'Not found.' },
    ],
    [
      'webhook without the secret: 1 MiB of keys',
      401,
      WEBHOOK,
      keyBomb(131_070),
      {},
      false,
      { detail: 'Authentication credentials were not provided.' },
    ],
    [
      'webhook with the secret: 1 MiB of 131,070 keys',
      400,
      WEBHOOK,
      keyBomb(131_070),
      'webhook',
      false,
      { detail: 'JSON parse error - more than 20000 keys.' },
    ],
    [
      'webhook with the secret: the same, chunked',
      400,
      WEBHOOK,
      keyBomb(131_070),
      'webhook',
      true,
      { detail: 'JSON parse error - more than 20000 keys.' },
    ],
    [
      'webhook with the secret: 1 MiB + 1 of keys',
      413,
      WEBHOOK,
      keyBomb(131_072),
      'webhook',
      false,
      TOO_LARGE,
    ],
    [
      'webhook with the secret: 500,000 levels of nesting',
      400,
      WEBHOOK,
      deepBomb(500_000),
      'webhook',
      false,
      TOO_DEEP,
    ],
  ] as const)(
    '%s → %i at once, /health/ unaffected',
    async (_name, status, path, body, auth, chunked, expected) => {
      const headers = auth === 'bearer' ? bearer() : auth === 'webhook' ? webhook() : {};
      const { answer, healthMaxMs } = await whileHealthIsPolled(t, () =>
        post(port, path, body, headers, chunked),
      );
      expect({ status: answer.status, body: answer.body }).toEqual({ status, body: expected });
      expect(answer.ms).toBeLessThan(QUICK_MS);
      expect(healthMaxMs).toBeLessThan(QUICK_MS);
    },
  );

  it('an unknown route never parses the body: invalid JSON there is a 404, not a parse error', async () => {
    const res = await post(port, '/api/nothing-here/', Buffer.from('{"broken":'));
    expect({ status: res.status, body: res.body }).toEqual({ status: 404, body: { detail: 'Not found.' } });
    const put = await post(port, '/api/users/auth/telegram-login/x/', Buffer.from('{"broken":'));
    expect(put.status).toBe(404);
  });

  it('a body within the limits still works: 1,000 keys beside the declared field', async () => {
    const extra = Object.fromEntries(Array.from({ length: 999 }, (_, i) => [`k${i}`, i]));
    const res = await t.http
      .post(PARSE)
      .set(bearer())
      .send({ ...extra, text: 'кофе 18000' })
      .expect(200);
    expect(res.body.items).toEqual([expect.objectContaining({ amount: '18000.00' })]);
  });
});

describe('security: key bombs reaching the validation pipe (limits on the bytes lifted) (e2e)', () => {
  let t: TestApp;
  let port: number;
  let token: string;
  beforeAll(async () => {
    // What an operator could configure: the pipe itself must stay linear in what the DTO declares.
    t = await startTestApp({
      API_MAX_BODY_KB: '1024',
      JSON_MAX_KEYS: '100000',
      WEBHOOK_JSON_MAX_KEYS: '1000000',
    });
    port = await portOf(t);
    token = (await accessTokenFor(t, 93_002)).token;
  });
  afterAll(() => t?.close());

  it('login: 100,000 undeclared keys → the field errors at once', async () => {
    const { answer, healthMaxMs } = await whileHealthIsPolled(t, () => post(port, LOGIN, keyBomb(100_000)));
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 400,
      body: { telegram_chat_id: ['This field is required.'] },
    });
    expect(answer.ms).toBeLessThan(QUICK_MS);
    expect(healthMaxMs).toBeLessThan(QUICK_MS);
  });

  it('parse: 99,999 keys nested under the declared field → "Not a valid string." at once', async () => {
    const body = Buffer.concat([Buffer.from('{"text":'), keyBomb(99_999), Buffer.from('}')]);
    const { answer, healthMaxMs } = await whileHealthIsPolled(t, () =>
      post(port, PARSE, body, { Authorization: `Bearer ${token}` }),
    );
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 400,
      body: { text: ['Not a valid string.'] },
    });
    expect(answer.ms).toBeLessThan(QUICK_MS);
    expect(healthMaxMs).toBeLessThan(QUICK_MS);
  });

  it('webhook: 131,070 keys beside an update_id → handled (200) at once', async () => {
    const body = Buffer.concat([Buffer.from('{"update_id":930001,'), keyBomb(131_000).subarray(1)]);
    expect(body.length).toBeLessThan(MIB);
    const { answer, healthMaxMs } = await whileHealthIsPolled(t, () =>
      post(port, WEBHOOK, body, { [SECRET_HEADER]: TEST_WEBHOOK_SECRET }),
    );
    expect(answer.status).toBe(200);
    expect(answer.ms).toBeLessThan(QUICK_MS);
    expect(healthMaxMs).toBeLessThan(QUICK_MS);
  });
});
