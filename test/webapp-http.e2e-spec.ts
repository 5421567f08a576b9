/**
 * How the server hands out the Mini App and guards the API for browsers: /app/ static files with their cache
 * headers and Content-Security-Policy, the SPA fallback, and CORS on /api/ for PUBLIC_URL's origin only.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MINI_APP_CSP } from '../src/modules/webapp/webapp.static';
import { signedInitData } from './helpers/init-data';
import { startTestApp, TestApp } from './helpers/test-app';
import { ensureWebBuild, WEB_DIST } from './helpers/web-build';

const ORIGIN = 'https://pay.example.com';

describe('Mini App static files (e2e)', () => {
  let t: TestApp;
  let script: string;
  beforeAll(async () => {
    await ensureWebBuild();
    script = readdirSync(join(WEB_DIST, 'assets')).find((f) => f.endsWith('.js'))!;
    t = await startTestApp({ BOT_MODE: 'none', PUBLIC_URL: `${ORIGIN}/` });
  });
  afterAll(() => t?.close());

  it('serves index.html at /app/ with the CSP, never cached', async () => {
    const res = await t.http.get('/app/').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<div id="root"></div>');
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script: script-src 'self' suffices
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBe(MINI_APP_CSP);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it("the CSP allows only the app's own scripts, styles and API, and framing by Telegram's web clients", () => {
    const directives = Object.fromEntries(
      MINI_APP_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['img-src']).toEqual(["'self'", 'data:']);
    expect(directives['frame-ancestors']).toEqual(['https://web.telegram.org', 'https://*.telegram.org']);
    expect(MINI_APP_CSP).not.toContain('unsafe-eval');
    expect(MINI_APP_CSP).not.toContain('unsafe-inline');
  });

  it('hashed assets are cached for a year, with the CSP too', async () => {
    const res = await t.http.get(`/app/assets/${script}`).expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-security-policy']).toBe(MINI_APP_CSP);
  });

  it('client-side paths get index.html; a missing asset is a 404, not index.html', async () => {
    const page = await t.http.get('/app/stats').expect(200);
    expect(page.text).toContain('<div id="root"></div>');
    expect(page.headers['cache-control']).toBe('no-cache');
    const missing = await t.http.get('/app/assets/nope-123.js').expect(404);
    expect(missing.body).toEqual({ detail: 'Not found.' });
  });

  it('/app redirects to /app/ (the launch fragment survives a redirect in browsers)', async () => {
    const res = await t.http.get('/app').expect(301);
    expect(res.headers.location).toBe('/app/');
  });

  it('other methods get a DRF 405', async () => {
    const res = await t.http.post('/app/').send({}).expect(405);
    expect(res.body).toEqual({ detail: 'Method "POST" not allowed.' });
  });

  it("the Mini App's CSP (Telegram may frame it) is on /app/ only; the API keeps helmet's, which frames nothing", async () => {
    const res = await t.http.get('/health/').expect(200);
    expect(res.headers['content-security-policy']).not.toContain('telegram.org');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  });
});

describe('CORS on /api/ (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BOT_MODE: 'none', PUBLIC_URL: `${ORIGIN}/` });
  });
  afterAll(() => t?.close());

  const preflight = (origin: string, method = 'POST') =>
    t.http
      .options('/api/transactions/')
      .set('Origin', origin)
      .set('Access-Control-Request-Method', method)
      .set('Access-Control-Request-Headers', 'authorization,content-type,idempotency-key');

  it("a preflight from the app's own origin (PUBLIC_URL) is allowed with the headers the app sends", async () => {
    const res = await preflight(ORIGIN).expect(204);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(res.headers['access-control-allow-methods']).toContain('PATCH');
    expect(res.headers['access-control-allow-headers']).toMatch(/Authorization/);
    expect(res.headers['access-control-allow-headers']).toMatch(/Idempotency-Key/);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers.vary).toMatch(/Origin/);
  });

  it.each(['https://evil.example.com', 'http://pay.example.com', 'https://pay.example.com.evil.io', 'null'])(
    'a preflight from %s is refused with no CORS headers',
    async (origin) => {
      const res = await preflight(origin).expect(403);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-methods']).toBeUndefined();
    },
  );

  it('simple requests: the own origin gets Access-Control-Allow-Origin, any other origin none', async () => {
    const chatId = 820_000_001;
    const own = await t.http
      .post('/api/users/auth/telegram-login/')
      .set('Origin', ORIGIN)
      .send({ telegram_chat_id: chatId, init_data: signedInitData(chatId) })
      .expect(200);
    expect(own.headers['access-control-allow-origin']).toBe(ORIGIN);
    const other = await t.http
      .post('/api/users/auth/telegram-login/')
      .set('Origin', 'https://evil.example.com')
      .send({ telegram_chat_id: chatId, init_data: signedInitData(chatId) });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('CORS headers only on /api/', async () => {
    const res = await t.http.get('/health/').set('Origin', ORIGIN).expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS without PUBLIC_URL (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BOT_MODE: 'none', PUBLIC_URL: undefined, TELEGRAM_WEBHOOK_URL: undefined });
  });
  afterAll(() => t?.close());

  it('allows no origin at all', async () => {
    const res = await t.http
      .options('/api/users/me/')
      .set('Origin', 'http://localhost:5173')
      .set('Access-Control-Request-Method', 'GET')
      .expect(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await t.http.get('/api/users/me/').set('Origin', 'http://localhost:5173').expect(401);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });
});
