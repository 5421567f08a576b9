/**
 * Tokens end to end (trusted login mode, so logins need no proof): the README's client flow, refresh rotation and
 * reuse detection, concurrent refresh, the bearer strategy's refusals, GET/PATCH /api/users/me/.
 */
import { createHmac, generateKeyPairSync, randomUUID, sign as rsaSign } from 'node:crypto';
import { RateLimitStorage } from '../src/common/rate-limit/rate-limit.storage';
import { startTestApp, TEST_SECRET_KEY, TestApp } from './helpers/test-app';

const LOGIN = '/api/users/auth/telegram-login/';
const REFRESH = '/api/users/auth/refresh-token/';
const BEARER_REFUSED = 'Given token not valid for any token type';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Builds a JWT by hand, so tests control the header, the claims and the signature. */
function craftJwt(
  claims: Record<string, unknown>,
  opts: { alg?: 'HS256' | 'HS512' | 'none' | 'RS256'; secret?: string } = {},
): string {
  const alg = opts.alg ?? 'HS256';
  const input = `${b64({ alg, typ: 'JWT' })}.${b64(claims)}`;
  if (alg === 'none') return `${input}.`;
  if (alg === 'RS256') {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return `${input}.${rsaSign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
  }
  const mac = createHmac(alg === 'HS512' ? 'sha512' : 'sha256', opts.secret ?? TEST_SECRET_KEY)
    .update(input)
    .digest('base64url');
  return `${input}.${mac}`;
}

function claims(
  userId: string,
  type: 'access' | 'refresh',
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { token_type: type, exp: now + 300, iat: now, jti: randomUUID(), user_id: userId, ...overrides };
}

function decode(token: string): Record<string, unknown> {
  const [header, payload] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString()),
    ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
  };
}

let nextChatId = 810_000_000;

describe('tokens (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BOT_MODE: 'none', AUTH_TELEGRAM_LOGIN: 'trusted' });
  });
  afterAll(() => t?.close());
  beforeEach(() => t.app.get(RateLimitStorage).reset());

  async function login(
    phone?: string,
  ): Promise<{ access: string; refresh: string; user_id: string; chatId: number }> {
    const chatId = nextChatId++;
    const res = await t.http
      .post(LOGIN)
      .send({ telegram_chat_id: chatId, ...(phone ? { phone_number: phone } : {}) })
      .expect(200);
    return { ...res.body, chatId };
  }
  const refresh = (token: unknown) => t.http.post(REFRESH).send({ refresh: token });
  const me = (token: string) => t.http.get('/api/users/me/').set('Authorization', `Bearer ${token}`);

  describe("trusted mode and the README's Python client", () => {
    it("runs the README's Python example: login with chat id and phone, then GET /api/transactions/ with the Bearer token", async () => {
      const res = await t.http
        .post(LOGIN)
        .set('Content-Type', 'application/json')
        .send({ telegram_chat_id: 123456789, phone_number: '+998901234567' })
        .expect(200);
      expect(Object.keys(res.body).sort()).toEqual([
        'access',
        'is_new_user',
        'phone_number',
        'refresh',
        'user_id',
      ]);
      expect(res.body).toMatchObject({ phone_number: '+998901234567', is_new_user: true });
      const list = await t.http
        .get('/api/transactions/')
        .set({ Authorization: `Bearer ${res.body.access}`, 'Content-Type': 'application/json' })
        .expect(200);
      expect(list.body).toMatchObject({ count: 0, next: null, previous: null, results: [] });
      const again = await t.http.post(LOGIN).send({ telegram_chat_id: 123456789 }).expect(200);
      expect(again.body).toMatchObject({
        user_id: res.body.user_id,
        phone_number: '+998901234567',
        is_new_user: false,
      });
    });

    it('ignores proof fields in trusted mode and still validates the body', async () => {
      await t.http.post(LOGIN).send({ telegram_chat_id: nextChatId++, init_data: 'garbage' }).expect(200);
      const bad = await t.http.post(LOGIN).send({ telegram_chat_id: 0 }).expect(400);
      expect(bad.body).toEqual({ telegram_chat_id: ['Ensure this value is greater than or equal to 1.'] });
    });

    it('twenty concurrent first logins create one user and exactly one is_new_user', async () => {
      const chatId = nextChatId++;
      const results = await Promise.all(
        Array.from({ length: 20 }, () => t.http.post(LOGIN).send({ telegram_chat_id: chatId })),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
      expect(results.filter((r) => r.body.is_new_user)).toHaveLength(1);
      expect(new Set(results.map((r) => r.body.user_id)).size).toBe(1);
    });
  });

  describe('claims', () => {
    it('are simplejwt-shaped, HS256, with the configured lifetimes', async () => {
      const { access, refresh: refreshToken, user_id } = await login();
      const a = decode(access);
      const r = decode(refreshToken);
      expect(a.header).toEqual({ alg: 'HS256', typ: 'JWT' });
      expect(Object.keys(a).filter((k) => k !== 'header')).toEqual([
        'token_type',
        'exp',
        'iat',
        'jti',
        'user_id',
      ]);
      expect(a).toMatchObject({ token_type: 'access', user_id });
      expect(r).toMatchObject({ token_type: 'refresh', user_id });
      expect((a.exp as number) - (a.iat as number)).toBe(60 * 60);
      expect((r.exp as number) - (r.iat as number)).toBe(7 * 24 * 3600);
      expect(a.jti).not.toEqual(r.jti);
    });
  });

  describe('POST /api/users/auth/refresh-token/', () => {
    it('rotates: a new pair, the new access token works, the old refresh token is dead at once', async () => {
      const first = await login();
      const res = await refresh(first.refresh).expect(200);
      expect(Object.keys(res.body).sort()).toEqual(['access', 'refresh']);
      expect(res.body.refresh).not.toEqual(first.refresh);
      await me(res.body.access).expect(200);
      const reused = await refresh(first.refresh).expect(401);
      expect(reused.body).toEqual({ detail: 'Token is blacklisted', code: 'token_not_valid' });
    });

    it('serves the path without the trailing slash too', async () => {
      const first = await login();
      await t.http.post('/api/users/auth/refresh-token').send({ refresh: first.refresh }).expect(200);
    });

    it('keeps rotating along a chain, recording it in refresh_tokens', async () => {
      const first = await login();
      let token = first.refresh;
      for (let i = 0; i < 3; i++) token = (await refresh(token).expect(200)).body.refresh;
      const rows: Array<{ family_id: string; revoked: boolean; replaced: boolean }> = await t.db.query(
        `SELECT family_id, revoked_at IS NOT NULL AS revoked, replaced_by IS NOT NULL AS replaced FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at`,
        [first.user_id],
      );
      expect(rows).toHaveLength(4);
      expect(new Set(rows.map((r) => r.family_id)).size).toBe(1);
      expect(rows.map((r) => [r.revoked, r.replaced])).toEqual([
        [true, true],
        [true, true],
        [true, true],
        [false, false],
      ]);
      await refresh(token).expect(200);
    });

    it("reuse of a rotated token revokes the whole login: the attacker's and the victim's newest tokens both die", async () => {
      const stolen = (await login()).refresh;
      const attacker = (await refresh(stolen).expect(200)).body.refresh; // the thief rotates first
      const res = await refresh(stolen).expect(401); // the victim's client presents the rotated one
      expect(res.body).toEqual({ detail: 'Token is blacklisted', code: 'token_not_valid' });
      expect((await refresh(attacker).expect(401)).body).toEqual({
        detail: 'Token is blacklisted',
        code: 'token_not_valid',
      });
    });

    it('reuse revokes only that login, not the same user’s other sessions', async () => {
      const first = await login();
      const other = await t.http.post(LOGIN).send({ telegram_chat_id: first.chatId }).expect(200);
      await refresh(first.refresh).expect(200);
      await refresh(first.refresh).expect(401);
      await refresh(other.body.refresh).expect(200);
    });

    it('ten concurrent refreshes with the same token: exactly one 200', async () => {
      const first = await login();
      const results = await Promise.all(Array.from({ length: 10 }, () => refresh(first.refresh)));
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 200)) expect(r.status).toBe(401);
      const live: unknown[] = await t.db.query(
        'SELECT jti FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL',
        [first.user_id],
      );
      expect(live.length).toBeLessThanOrEqual(1);
    });

    it.each([
      ['missing', {}, 'This field is required.'],
      ['null', { refresh: null }, 'This field may not be null.'],
      ['blank', { refresh: '' }, 'This field may not be blank.'],
      ['not a string', { refresh: 42 }, 'Not a valid string.'],
    ])('refresh %s → 400', async (_name, body, message) => {
      const res = await t.http.post(REFRESH).send(body).expect(400);
      expect(res.body).toEqual({ refresh: [message] });
    });

    it.each<[string, (userId: string) => string, string]>([
      ['garbage', () => 'not-a-jwt', 'Token is invalid'],
      ['an alg none token', (u) => craftJwt(claims(u, 'refresh'), { alg: 'none' }), 'Token is invalid'],
      ['an HS512 token', (u) => craftJwt(claims(u, 'refresh'), { alg: 'HS512' }), 'Token is invalid'],
      ['an RS256 token', (u) => craftJwt(claims(u, 'refresh'), { alg: 'RS256' }), 'Token is invalid'],
      [
        'a token signed with another secret',
        (u) => craftJwt(claims(u, 'refresh'), { secret: 'another-secret-key-0123456789abcd' }),
        'Token is invalid',
      ],
      ['a token without jti', (u) => craftJwt(claims(u, 'refresh', { jti: undefined })), 'Token is invalid'],
      ['a token without exp', (u) => craftJwt(claims(u, 'refresh', { exp: undefined })), 'Token is invalid'],
      ['a token without iat', (u) => craftJwt(claims(u, 'refresh', { iat: undefined })), 'Token is invalid'],
      [
        'a well-signed token that was never issued',
        (u) => craftJwt(claims(u, 'refresh')),
        'Token is invalid',
      ],
      [
        'an expired token',
        (u) => craftJwt(claims(u, 'refresh', { exp: Math.floor(Date.now() / 1000) - 10 })),
        'Token is expired',
      ],
      ['an access token', (u) => craftJwt(claims(u, 'access')), 'Token has wrong type'],
    ])('refuses %s with 401', async (_name, make, detail) => {
      const { user_id } = await login();
      const res = await refresh(make(user_id)).expect(401);
      expect(res.body).toEqual({ detail, code: 'token_not_valid' });
    });

    it('refuses a real access token as refresh ("Token has wrong type") and a tampered real refresh token', async () => {
      const first = await login();
      expect((await refresh(first.access).expect(401)).body).toEqual({
        detail: 'Token has wrong type',
        code: 'token_not_valid',
      });
      const [h, p, s] = first.refresh.split('.');
      const tampered = `${h}.${p}.${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}`;
      expect((await refresh(tampered).expect(401)).body).toEqual({
        detail: 'Token is invalid',
        code: 'token_not_valid',
      });
      const forged = `${h}.${b64({ ...decode(first.refresh), header: undefined, user_id: randomUUID() })}.${s}`;
      expect((await refresh(forged).expect(401)).body).toEqual({
        detail: 'Token is invalid',
        code: 'token_not_valid',
      });
      await refresh(first.refresh).expect(200); // none of that burnt the genuine token
    });

    it('refuses a refresh token whose row has expired', async () => {
      const first = await login();
      await t.db.query(
        `UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [first.user_id],
      );
      expect((await refresh(first.refresh).expect(401)).body).toEqual({
        detail: 'Token is expired',
        code: 'token_not_valid',
      });
    });

    it('throttles per client IP', async () => {
      for (let i = 0; i < 30; i++)
        await t.http.post(REFRESH).set('X-Forwarded-For', '198.51.100.1').send({}).expect(400);
      const res = await t.http.post(REFRESH).set('X-Forwarded-For', '198.51.100.1').send({}).expect(429);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(res.body.detail).toMatch(/^Request was throttled\. Expected available in \d+ seconds?\.$/);
    });
  });

  describe('Bearer access tokens', () => {
    it('no header → 401 "Authentication credentials were not provided."', async () => {
      const res = await t.http.get('/api/users/me/').expect(401);
      expect(res.body).toEqual({ detail: 'Authentication credentials were not provided.' });
    });

    it('another scheme is no credentials, a bare "Bearer" is a bad header (as simplejwt)', async () => {
      const basic = await t.http.get('/api/users/me/').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
      expect(basic.body).toEqual({ detail: 'Authentication credentials were not provided.' });
      const bare = await t.http.get('/api/users/me/').set('Authorization', 'Bearer').expect(401);
      expect(bare.body).toEqual({
        detail: 'Authorization header must contain two space-delimited values',
        code: 'bad_authorization_header',
      });
    });

    it.each<[string, (userId: string) => string, string]>([
      ['garbage', () => 'garbage', 'Token is invalid'],
      ['alg none', (u) => craftJwt(claims(u, 'access'), { alg: 'none' }), 'Token is invalid'],
      ['HS512', (u) => craftJwt(claims(u, 'access'), { alg: 'HS512' }), 'Token is invalid'],
      ['RS256', (u) => craftJwt(claims(u, 'access'), { alg: 'RS256' }), 'Token is invalid'],
      [
        'another secret',
        (u) => craftJwt(claims(u, 'access'), { secret: 'another-secret-key-0123456789abcd' }),
        'Token is invalid',
      ],
      [
        'expired',
        (u) => craftJwt(claims(u, 'access', { exp: Math.floor(Date.now() / 1000) - 10 })),
        'Token is expired',
      ],
      ['a refresh token', (u) => craftJwt(claims(u, 'refresh')), 'Token has wrong type'],
      ['no token_type', (u) => craftJwt(claims(u, 'access', { token_type: undefined })), 'Token is invalid'],
      ['no jti', (u) => craftJwt(claims(u, 'access', { jti: undefined })), 'Token is invalid'],
      ['no exp', (u) => craftJwt(claims(u, 'access', { exp: undefined })), 'Token is invalid'],
      ['no iat', (u) => craftJwt(claims(u, 'access', { iat: undefined })), 'Token is invalid'],
      ['a non-uuid user_id', () => craftJwt(claims('42', 'access')), 'Token is invalid'],
    ])('refuses %s with the simplejwt body', async (_name, make, message) => {
      const { user_id } = await login();
      const res = await me(make(user_id)).expect(401);
      expect(res.body).toEqual({
        detail: BEARER_REFUSED,
        code: 'token_not_valid',
        messages: [{ token_class: 'AccessToken', token_type: 'access', message }],
      });
    });

    it('refuses the real refresh token and a tampered real access token', async () => {
      const first = await login();
      expect((await me(first.refresh).expect(401)).body.messages[0].message).toBe('Token has wrong type');
      const [h, p, s] = first.access.split('.');
      await me(`${h}.${p}.${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}`).expect(401);
      await me(first.access).expect(200);
    });

    it('accepts a hand-made token with the right claims and secret (the negative cases above are not vacuous)', async () => {
      const { user_id } = await login();
      await me(craftJwt(claims(user_id, 'access'))).expect(200);
    });

    it("refuses a deleted user's token with 401 User not found", async () => {
      const first = await login();
      await t.db.query('DELETE FROM users WHERE id = $1', [first.user_id]);
      const res = await me(first.access).expect(401);
      expect(res.body).toEqual({ detail: 'User not found', code: 'user_not_found' });
      expect((await refresh(first.refresh).expect(401)).body.code).toBe('token_not_valid'); // its refresh rows went with it
    });
  });

  describe('GET/PATCH /api/users/me/', () => {
    it('shows the profile, with and without the trailing slash', async () => {
      const first = await login('+998935554433');
      for (const path of ['/api/users/me/', '/api/users/me']) {
        const res = await t.http.get(path).set('Authorization', `Bearer ${first.access}`).expect(200);
        expect(res.body).toMatchObject({
          id: first.user_id,
          telegram_chat_id: first.chatId,
          phone_number: '+998935554433',
          language: 'ru',
          currency: 'UZS',
          timezone: 'Asia/Tashkent',
        });
      }
    });

    it('updates phone, language, currency and timezone', async () => {
      const first = await login();
      const res = await t.http
        .patch('/api/users/me/')
        .set('Authorization', `Bearer ${first.access}`)
        .send({ phone_number: '+79001234567', language: 'en', currency: 'USD', timezone: 'Europe/Moscow' })
        .expect(200);
      expect(res.body).toMatchObject({
        phone_number: '+79001234567',
        language: 'en',
        currency: 'USD',
        timezone: 'Europe/Moscow',
      });
      expect((await me(first.access).expect(200)).body.phone_number).toBe('+79001234567');
    });

    it.each([
      [
        'without +',
        '998901234567',
        'Phone number must start with "+" and be in international format, e.g. +998901234567.',
      ],
      ['invalid', '+99890', 'Enter a valid international phone number, e.g. +998901234567.'],
    ])('refuses a phone %s like /phone does', async (_name, phone, message) => {
      const first = await login();
      const res = await t.http
        .patch('/api/users/me/')
        .set('Authorization', `Bearer ${first.access}`)
        .send({ phone_number: phone })
        .expect(400);
      expect(res.body).toEqual({ phone_number: [message] });
    });

    it("stores another user's typed phone unverified, as it would a free number", async () => {
      await login('+998971234567');
      const second = await login();
      const res = await t.http
        .patch('/api/users/me/')
        .set('Authorization', `Bearer ${second.access}`)
        .send({ phone_number: '+998971234567' })
        .expect(200);
      expect(res.body).toMatchObject({ phone_number: '+998971234567', phone_verified: false });
    });

    it('needs a token', async () => {
      await t.http.patch('/api/users/me/').send({ language: 'en' }).expect(401);
    });
  });
});
