/**
 * Rate limits follow the real client (issue 12, finding 5):
 * - X-Forwarded-For is believed only from the proxies TRUST_PROXY names (default: loopback). A client that is not a
 *   named proxy — on a private network included — cannot pick a fresh rate-limit bucket by spoofing the header; a
 *   named proxy's header is honoured, so clients behind it keep separate buckets.
 * - Every REST write (POST, PUT, PATCH, DELETE) counts against its user, whatever address it comes from: 429 with
 *   Retry-After and DRF's body past RATE_LIMIT_WRITES_PER_MINUTE; shared by every instance through Redis.
 * - A client that sent too many wrong webhook secrets is refused (429) for the rest of the minute, even with the
 *   right one; Telegram's own deliveries (another address) are not.
 */
import { randomBytes } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { AUTH_RATE_LIMIT } from '../../src/modules/auth/auth.throttle';
import { accessTokenFor } from '../helpers/auth';
import { startTestApp, TEST_WEBHOOK_SECRET, TestApp } from '../helpers/test-app';
import { SECRET_HEADER, textUpdate, WEBHOOK } from '../helpers/updates';

const LOGIN = '/api/users/auth/telegram-login/';
const THROTTLED = /^Request was throttled\. Expected available in \d+ seconds?\.$/;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** A fresh TEST-NET address, so tests (and parallel runs sharing Redis) never share a counter. */
const freshIp = () => `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
/** An address that is not this machine's: a proxy named in TRUST_PROXY that the tests never connect from. */
const OTHER_PROXY = '192.0.2.250';

/** `times` webhook requests with wrong secrets, each from `from()` (a fresh address each by default): all 401. */
async function failWebhookSecrets(t: TestApp, times: number, from: () => string = freshIp): Promise<void> {
  for (let i = 0; i < times; i++) {
    const headers = {
      'Content-Type': 'application/json',
      [SECRET_HEADER]: `guess-${i}`,
      'X-Forwarded-For': from(),
    };
    await t.http.post(WEBHOOK).set(headers).send('{}').expect(401);
  }
}

let nextChatId = 870_000_000;
let nextUpdateId = 870_000_000;

const expense = (n: number) => ({
  type: 'expense',
  amount: `${1000 + n}.00`,
  currency: 'UZS',
  category: 'groceries',
});

/** This machine's own non-loopback address in a private or unique-local range (what the old `trust proxy` trusted). */
function privateAddressOfThisMachine(): string | undefined {
  const all = Object.values(networkInterfaces()).flat();
  const isPrivate = (a: string) =>
    /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a) || /^f[cd][0-9a-f]{2}:/i.test(a);
  return all.find((i) => i && !i.internal && isPrivate(i.address))?.address;
}

describe('security: X-Forwarded-For only from the proxies in TRUST_PROXY (e2e)', () => {
  describe('a peer that is not a named proxy (TRUST_PROXY names another address)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ BOT_MODE: 'webhook', TRUST_PROXY: OTHER_PROXY });
    });
    afterAll(() => t?.close());

    it('a spoofed X-Forwarded-For on every request does not reset the login limit', async () => {
      for (let i = 0; i < AUTH_RATE_LIMIT; i++)
        await t.http.post(LOGIN).set('X-Forwarded-For', freshIp()).send({}).expect(400);
      const res = await t.http.post(LOGIN).set('X-Forwarded-For', freshIp()).send({}).expect(429);
      expect(res.body).toEqual({ detail: expect.stringMatching(THROTTLED) });
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    });

    it('nor the lock-out after too many wrong webhook secrets', async () => {
      const limit = t.config.rateLimits.webhookFailuresPerMinute;
      await failWebhookSecrets(t, limit);
      const chatId = nextChatId++;
      const res = await t.http
        .post(WEBHOOK)
        .set({
          'Content-Type': 'application/json',
          [SECRET_HEADER]: TEST_WEBHOOK_SECRET,
          'X-Forwarded-For': freshIp(),
        })
        .send(JSON.stringify(textUpdate(nextUpdateId++, chatId, '/start')))
        .expect(429);
      expect(res.body).toEqual({ detail: expect.stringMatching(THROTTLED) });
      expect(t.telegram.textsTo(chatId)).toEqual([]);
    });
  });

  describe('a trusted proxy (the default: loopback)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ TRUST_PROXY: undefined });
    });
    afterAll(() => t?.close());

    it("honours the proxy's X-Forwarded-For: each client behind it has its own login limit", async () => {
      const client = freshIp();
      for (let i = 0; i < AUTH_RATE_LIMIT; i++)
        await t.http.post(LOGIN).set('X-Forwarded-For', client).send({}).expect(400);
      await t.http.post(LOGIN).set('X-Forwarded-For', client).send({}).expect(429);
      // The proxy adds its own hop after the client's spoofed one: the last untrusted address is still the client.
      await t.http.post(LOGIN).set('X-Forwarded-For', `${freshIp()}, ${client}`).send({}).expect(429);
      await t.http.post(LOGIN).set('X-Forwarded-For', freshIp()).send({}).expect(400);
    });

    it('locks out a client after too many wrong webhook secrets, even with the right one, and only that client', async () => {
      const attacker = freshIp();
      const limit = t.config.rateLimits.webhookFailuresPerMinute;
      expect(limit).toBe(20);
      await failWebhookSecrets(t, limit, () => attacker);
      const chatId = nextChatId++;
      const genuine = (from: string) =>
        t.http
          .post(WEBHOOK)
          .set({
            'Content-Type': 'application/json',
            [SECRET_HEADER]: TEST_WEBHOOK_SECRET,
            'X-Forwarded-For': from,
          })
          .send(JSON.stringify(textUpdate(nextUpdateId++, chatId, '/start')));
      const refused = await genuine(attacker).expect(429);
      expect(refused.body).toEqual({ detail: expect.stringMatching(THROTTLED) });
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.body.detail).toContain(`in ${retryAfter} second`);
      expect(t.telegram.textsTo(chatId)).toEqual([]);
      // Telegram, from its own address, is served.
      await genuine(freshIp()).expect(200);
      expect(t.telegram.textsTo(chatId)).toHaveLength(1);
    });
  });

  describe('a client on a private network (this machine’s own private address) with the default TRUST_PROXY', () => {
    const address = privateAddressOfThisMachine();
    const itHere = address ? it : it.skip;
    if (!address)
      process.stderr.write(
        '[security] no private or unique-local address on this machine: the private-network client test is skipped\n',
      );
    let t: TestApp;
    let base = '';
    beforeAll(async () => {
      if (!address) return;
      t = await startTestApp({ TRUST_PROXY: undefined });
      const server = (await t.app.listen(0, '::')) as Server;
      base = `http://${address.includes(':') ? `[${address}]` : address}:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => t?.close());

    itHere(
      'cannot pick its own bucket with X-Forwarded-For (private addresses are not proxies unless named)',
      async () => {
        const post = (xff: string) =>
          fetch(`${base}${LOGIN}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
            body: '{}',
          }).then(async (r) => {
            await r.arrayBuffer();
            return r.status;
          });
        for (let i = 0; i < AUTH_RATE_LIMIT; i++) expect(await post(freshIp())).toBe(400);
        expect(await post(freshIp())).toBe(429);
      },
    );
  });
});

describe('security: REST writes are limited per user (e2e)', () => {
  const LIMIT = 5;
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BOT_MODE: 'none', RATE_LIMIT_WRITES_PER_MINUTE: String(LIMIT) });
  });
  afterAll(() => t?.close());

  it(`POST /api/transactions/ #${LIMIT + 1} in a minute → 429, Retry-After, DRF body, nothing stored; from any address`, async () => {
    const { token, userId } = await accessTokenFor(t, nextChatId++);
    const post = (n: number, ip = freshIp()) =>
      t.http
        .post('/api/transactions/')
        .set('Authorization', `Bearer ${token}`)
        .set('X-Forwarded-For', ip)
        .send(expense(n));
    for (let i = 0; i < LIMIT; i++) {
      const res = await post(i).expect(201);
      expect(res.headers['x-ratelimit-limit']).toBe(String(LIMIT));
      expect(res.headers['x-ratelimit-remaining']).toBe(String(LIMIT - 1 - i));
    }
    const res = await post(LIMIT).expect(429);
    expect(res.body).toEqual({ detail: expect.stringMatching(THROTTLED) });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(res.body.detail).toContain(`in ${retryAfter} second`);
    const rows = await t.db.query('SELECT count(*)::int AS n FROM transactions WHERE user_id = $1', [userId]);
    expect(rows[0].n).toBe(LIMIT);
  });

  it('every write method counts; reads do not; other users are unaffected', async () => {
    const { token } = await accessTokenFor(t, nextChatId++);
    const auth = { Authorization: `Bearer ${token}` };
    const created = await t.http.post('/api/transactions/').set(auth).send(expense(1)).expect(201);
    const id = created.body.id as string;
    await t.http.patch(`/api/transactions/${id}/`).set(auth).send({ description: 'x' }).expect(200);
    await t.http.put(`/api/transactions/${id}/`).set(auth).send(expense(2)).expect(200);
    await t.http.post('/api/transactions/parse/').set(auth).send({ text: 'такси 20000' }).expect(200);
    await t.http.patch('/api/users/me/').set(auth).send({ language: 'en' }).expect(200);
    for (let i = 0; i < 3 * LIMIT; i++) await t.http.get('/api/transactions/').set(auth).expect(200);
    await t.http.delete(`/api/transactions/${id}/`).set(auth).expect(429);
    await t.http.patch('/api/users/me/').set(auth).send({ language: 'uz' }).expect(429);
    await t.http.get(`/api/transactions/${id}/`).set(auth).expect(200);

    const other = await accessTokenFor(t, nextChatId++);
    await t.http
      .post('/api/transactions/')
      .set('Authorization', `Bearer ${other.token}`)
      .send(expense(3))
      .expect(201);
  });

  it('unauthenticated writes are not counted against anybody (they are 401 first)', async () => {
    for (let i = 0; i < LIMIT + 2; i++) await t.http.post('/api/transactions/').send(expense(i)).expect(401);
  });
});

const describeWithRedis = process.env.TEST_REDIS_AVAILABLE === '0' ? describe.skip : describe;

describeWithRedis('security: per-user write limits shared through Redis by two instances (e2e)', () => {
  const LIMIT = 4;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp({ BOT_MODE: 'none', REDIS_URL, RATE_LIMIT_WRITES_PER_MINUTE: String(LIMIT) });
    b = await startTestApp({ BOT_MODE: 'none', REDIS_URL, RATE_LIMIT_WRITES_PER_MINUTE: String(LIMIT) });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('writes spread over both instances share one limit', async () => {
    const chatId = nextChatId++;
    const { token, userId } = await accessTokenFor(a, chatId);
    // The same user on the second instance's database (instances behind one balancer share one database).
    await b.db.query(
      `INSERT INTO users (id, telegram_chat_id, language, currency, timezone) VALUES ($1, $2, 'ru', 'UZS', 'Asia/Tashkent')`,
      [userId, chatId],
    );
    for (let i = 0; i < LIMIT; i++) {
      await (i % 2 ? a : b).http
        .post('/api/transactions/')
        .set('Authorization', `Bearer ${token}`)
        .send(expense(i))
        .expect(201);
    }
    await a.http
      .post('/api/transactions/')
      .set('Authorization', `Bearer ${token}`)
      .send(expense(9))
      .expect(429);
    await b.http
      .post('/api/transactions/')
      .set('Authorization', `Bearer ${token}`)
      .send(expense(9))
      .expect(429);
  });
});
