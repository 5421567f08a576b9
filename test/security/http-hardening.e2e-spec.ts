/**
 * Rate limits on the auth endpoints (429 + Retry-After + the DRF body; counters shared through Redis when
 * REDIS_URL is set, so two instances behind a load balancer count together) and helmet's security headers.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimitStorage, THROTTLE_KEY_PREFIX } from '../../src/common/rate-limit/rate-limit.storage';
import { AUTH_RATE_LIMIT } from '../../src/modules/auth/auth.throttle';
import { accessTokenFor } from '../helpers/auth';
import { startTestApp, TestApp } from '../helpers/test-app';

/** The machine's Redis (CI starts it); override with TEST_REDIS_URL. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ENDPOINTS = ['/api/users/auth/telegram-login/', '/api/users/auth/refresh-token/'];
const THROTTLED = /^Request was throttled\. Expected available in \d+ seconds?\.$/;
/** A fresh TEST-NET address per test, so tests (and parallel runs sharing Redis) never share a counter. */
const freshIp = () => `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

async function exhaust(t: TestApp, path: string, ip: string, n = AUTH_RATE_LIMIT): Promise<void> {
  for (let i = 0; i < n; i++) {
    const res = await t.http.post(path).set('X-Forwarded-For', ip).send({});
    expect(res.status).toBe(400);
  }
}

describe('security: rate limits, in memory (no REDIS_URL) (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BOT_MODE: 'none', REDIS_URL: undefined });
  });
  afterAll(() => t?.close());

  it('counts in this process', () => expect(t.app.get(RateLimitStorage).shared).toBe(false));

  it.each(ENDPOINTS)(
    '%s: request %#+31 in a minute → 429, Retry-After, DRF body; other IPs and endpoints unaffected',
    async (path) => {
      const ip = freshIp();
      const first = await t.http.post(path).set('X-Forwarded-For', ip).send({});
      expect(first.headers['x-ratelimit-limit']).toBe(String(AUTH_RATE_LIMIT));
      await exhaust(t, path, ip, AUTH_RATE_LIMIT - 1);
      const res = await t.http.post(path).set('X-Forwarded-For', ip).send({}).expect(429);
      expect(res.body).toEqual({ detail: expect.stringMatching(THROTTLED) });
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(res.body.detail).toContain(`in ${retryAfter} second`);
      await t.http.post(path).set('X-Forwarded-For', freshIp()).send({}).expect(400);
      const other = ENDPOINTS.find((p) => p !== path)!;
      await t.http.post(other).set('X-Forwarded-For', ip).send({}).expect(400);
    },
  );

  it('other endpoints are not throttled', async () => {
    const { token } = await accessTokenFor(t, 12_345);
    for (let i = 0; i < AUTH_RATE_LIMIT + 5; i++)
      await t.http.get('/api/users/me/').set('Authorization', `Bearer ${token}`).expect(200);
  });
});

/** Redis is needed only here: without one (a laptop) this block is skipped, with the reason printed by global-setup. */
const describeWithRedis = process.env.TEST_REDIS_AVAILABLE === '0' ? describe.skip : describe;

describe('security: auth rate limits while Redis is unreachable (e2e)', () => {
  it('keeps serving (per-instance counting) while Redis is unreachable', async () => {
    const offline = await startTestApp({ BOT_MODE: 'none', REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const ip = freshIp();
      await exhaust(offline, ENDPOINTS[0], ip);
      await offline.http.post(ENDPOINTS[0]).set('X-Forwarded-For', ip).send({}).expect(429);
    } finally {
      await offline.close();
    }
  });
});

describeWithRedis('security: rate limits shared through Redis (e2e)', () => {
  let a: TestApp;
  let b: TestApp;
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await redis.ping(); // fails clearly when no Redis is running (.ci/run starts one)
    a = await startTestApp({ BOT_MODE: 'none', REDIS_URL });
    b = await startTestApp({ BOT_MODE: 'none', REDIS_URL });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    redis?.disconnect();
  });

  it('both instances count in Redis', () => {
    expect(a.app.get(RateLimitStorage).shared).toBe(true);
    expect(b.app.get(RateLimitStorage).shared).toBe(true);
  });

  it.each(ENDPOINTS)('%s: requests spread over two instances share one limit', async (path) => {
    const ip = freshIp();
    for (let i = 0; i < AUTH_RATE_LIMIT; i++)
      await (i % 2 ? a : b).http.post(path).set('X-Forwarded-For', ip).send({}).expect(400);
    const res = await a.http.post(path).set('X-Forwarded-For', ip).send({}).expect(429);
    expect(res.body.detail).toMatch(THROTTLED);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await b.http.post(path).set('X-Forwarded-For', ip).send({}).expect(429);
    const keys = await redis.keys(`*${THROTTLE_KEY_PREFIX}*`);
    expect(keys.length).toBeGreaterThan(0);
  });
});

describe('security: headers (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it.each([
    ['GET', '/health/'],
    ['GET', '/api/users/me/'],
    ['POST', '/api/users/auth/telegram-login/'],
    ['POST', '/telegram/webhook/'],
    ['GET', '/api/docs/'],
    ['GET', '/no-such-page/'],
  ])('%s %s carries helmet headers and no X-Powered-By', async (method, path) => {
    const req = method === 'GET' ? t.http.get(path) : t.http.post(path).send({});
    const res = await (path === '/no-such-page/' ? req.withoutSpecCheck('a page that does not exist') : req);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
    expect(res.headers['content-security-policy']).toContain("object-src 'none'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('Swagger UI still loads: its page, script and stylesheet are same-origin, allowed by the CSP', async () => {
    const page = await t.http.get('/api/docs/').expect(200);
    expect(page.text).toContain('swagger-ui');
    const scripts = [...page.text.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src).not.toMatch(/^https?:/); // same origin: script-src 'self'
      await t.http.get(new URL(src, 'http://x/api/docs/').pathname).expect(200);
    }
    expect(page.text).not.toMatch(/<script>(?!\s*<\/script>)/); // no inline script (script-src has no 'unsafe-inline')
  });

  it('leaves the Content-Security-Policy and X-Frame-Options of /app/ to the Mini App (Telegram frames it)', async () => {
    const res = await t.http.get('/app/');
    // The Mini App's own policy (not helmet's): framed by Telegram's web clients only.
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors https:\/\/web\.telegram\.org/);
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
