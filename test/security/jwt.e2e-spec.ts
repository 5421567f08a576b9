/**
 * JWT attacks, one table: every forged or misused token against both places a token is accepted (a Bearer access
 * token on a protected endpoint, a refresh token on refresh-token/). Each must be a 401 with the body of docs/interface.md §3;
 * never 200, never 5xx. Refresh reuse revokes the whole family.
 */
import { createHmac, generateKeyPairSync, randomUUID, sign as rsaSign } from 'node:crypto';
import { RateLimitStorage } from '../../src/common/rate-limit/rate-limit.storage';
import { startTestApp, TEST_SECRET_KEY, TestApp } from '../helpers/test-app';

const LOGIN = '/api/users/auth/telegram-login/';
const REFRESH = '/api/users/auth/refresh-token/';
const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PUBLIC_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();

type Header = Record<string, unknown>;
function jwt(header: Header, claims: Record<string, unknown>, signer: (input: string) => string): string {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${signer(input)}`;
}
const hs = (key: string | Buffer) => (input: string) =>
  createHmac('sha256', key).update(input).digest('base64url');
const rs = (input: string) => rsaSign('sha256', Buffer.from(input), privateKey).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
function claims(
  userId: string,
  type: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return { token_type: type, exp: now() + 300, iat: now(), jti: randomUUID(), user_id: userId, ...overrides };
}
const flipLast = (s: string) => `${s.slice(0, -1)}${s.endsWith('A') ? 'B' : 'A'}`;

interface Session {
  access: string;
  refresh: string;
  user_id: string;
}

/** An attack: builds the token from a genuine session (for tamper cases) and the token type the target expects. */
type Attack = [name: string, make: (s: Session, type: 'access' | 'refresh') => string, detail: RegExp];

const INVALID = /^Token is invalid$/;
const ATTACKS: Attack[] = [
  [
    'alg none, no signature',
    (s, ty) => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims(s.user_id, ty))}.`,
    INVALID,
  ],
  [
    'alg None (case games)',
    (s, ty) => `${b64({ alg: 'None', typ: 'JWT' })}.${b64(claims(s.user_id, ty))}.`,
    INVALID,
  ],
  [
    'alg none with the genuine signature kept',
    (s, ty) => `${b64({ alg: 'none', typ: 'JWT' })}.${s[ty].split('.')[1]}.${s[ty].split('.')[2]}`,
    INVALID,
  ],
  [
    'RS256 signed with an attacker key',
    (s, ty) => jwt({ alg: 'RS256', typ: 'JWT' }, claims(s.user_id, ty), rs),
    INVALID,
  ],
  [
    'HS256 keyed with an RSA public key (RS/HS confusion)',
    (s, ty) => jwt({ alg: 'HS256', typ: 'JWT' }, claims(s.user_id, ty), hs(PUBLIC_PEM)),
    INVALID,
  ],
  [
    'RS256 header over an HS256 signature with the real secret',
    (s, ty) => jwt({ alg: 'RS256', typ: 'JWT' }, claims(s.user_id, ty), hs(TEST_SECRET_KEY)),
    INVALID,
  ],
  [
    'HS256 signed with garbage',
    (s, ty) => jwt({ alg: 'HS256', typ: 'JWT' }, claims(s.user_id, ty), hs('garbage')),
    INVALID,
  ],
  [
    'HS256 signed with an empty key',
    (s, ty) => jwt({ alg: 'HS256', typ: 'JWT' }, claims(s.user_id, ty), hs('')),
    INVALID,
  ],
  [
    'a jwk header pointing at the attacker key',
    (s, ty) => jwt({ alg: 'RS256', jwk: publicKey.export({ format: 'jwk' }) }, claims(s.user_id, ty), rs),
    INVALID,
  ],
  [
    'a kid header with path traversal',
    (s, ty) => jwt({ alg: 'HS256', kid: '../../../../dev/null' }, claims(s.user_id, ty), hs('')),
    INVALID,
  ],
  [
    'tampered payload (another user_id), genuine signature',
    (s, ty) => {
      const [h, p, sig] = s[ty].split('.');
      const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
      return `${h}.${b64({ ...payload, user_id: randomUUID() })}.${sig}`;
    },
    INVALID,
  ],
  [
    'tampered payload (exp pushed out), genuine signature',
    (s, ty) => {
      const [h, p, sig] = s[ty].split('.');
      const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
      return `${h}.${b64({ ...payload, exp: payload.exp + 86_400 * 365 })}.${sig}`;
    },
    INVALID,
  ],
  ['tampered signature', (s, ty) => flipLast(s[ty]), INVALID],
  ['signature removed', (s, ty) => s[ty].split('.').slice(0, 2).join('.') + '.', INVALID],
  ['two segments only', (s, ty) => s[ty].split('.').slice(0, 2).join('.'), INVALID],
  ['four segments', (s, ty) => `${s[ty]}.AAAA`, INVALID],
  [
    'expired',
    (s, ty) =>
      jwt(
        { alg: 'HS256', typ: 'JWT' },
        claims(s.user_id, ty, { exp: now() - 5, iat: now() - 400 }),
        hs(TEST_SECRET_KEY),
      ),
    /^Token is (expired|invalid)$/,
  ],
  [
    'missing exp',
    (s, ty) =>
      jwt({ alg: 'HS256', typ: 'JWT' }, claims(s.user_id, ty, { exp: undefined }), hs(TEST_SECRET_KEY)),
    INVALID,
  ],
  [
    'exp as a string',
    (s, ty) =>
      jwt(
        { alg: 'HS256', typ: 'JWT' },
        claims(s.user_id, ty, { exp: String(now() + 300) }),
        hs(TEST_SECRET_KEY),
      ),
    INVALID,
  ],
  [
    'missing jti',
    (s, ty) =>
      jwt({ alg: 'HS256', typ: 'JWT' }, claims(s.user_id, ty, { jti: undefined }), hs(TEST_SECRET_KEY)),
    INVALID,
  ],
  [
    'missing token_type',
    (s, ty) =>
      jwt(
        { alg: 'HS256', typ: 'JWT' },
        claims(s.user_id, ty, { token_type: undefined }),
        hs(TEST_SECRET_KEY),
      ),
    INVALID,
  ],
  [
    'unknown token_type',
    (s, ty) =>
      jwt({ alg: 'HS256', typ: 'JWT' }, claims(s.user_id, ty, { token_type: 'admin' }), hs(TEST_SECRET_KEY)),
    /^Token (is invalid|has wrong type)$/,
  ],
  [
    'missing user_id',
    (s, ty) =>
      jwt({ alg: 'HS256', typ: 'JWT' }, claims(s.user_id, ty, { user_id: undefined }), hs(TEST_SECRET_KEY)),
    INVALID,
  ],
  [
    'user_id as an object (injection)',
    (s, ty) =>
      jwt(
        { alg: 'HS256', typ: 'JWT' },
        claims(s.user_id, ty, { user_id: { $ne: null } }),
        hs(TEST_SECRET_KEY),
      ),
    INVALID,
  ],
  [
    'user_id "\' OR 1=1 --"',
    (s, ty) =>
      jwt(
        { alg: 'HS256', typ: 'JWT' },
        claims(s.user_id, ty, { user_id: "' OR 1=1 --" }),
        hs(TEST_SECRET_KEY),
      ),
    INVALID,
  ],
  ['not base64 at all', () => '!!!.@@@.###', INVALID],
  [
    'an 8 kB token',
    (s, ty) =>
      jwt({ alg: 'HS256', typ: 'JWT' }, claims(s.user_id, ty, { pad: 'x'.repeat(6_000) }), hs('garbage')),
    INVALID,
  ],
];

describe('security: JWT attacks (e2e)', () => {
  let t: TestApp;
  let chatId = 880_000_000;
  beforeAll(async () => {
    t = await startTestApp({ BOT_MODE: 'none', AUTH_TELEGRAM_LOGIN: 'trusted' });
  });
  afterAll(() => t?.close());
  beforeEach(() => t.app.get(RateLimitStorage).reset());

  const login = async (): Promise<Session> =>
    (await t.http.post(LOGIN).send({ telegram_chat_id: chatId++ }).expect(200)).body as Session;
  const asBearer = (token: string) => t.http.get('/api/users/me/').set('Authorization', `Bearer ${token}`);
  const asRefresh = (token: string) => t.http.post(REFRESH).send({ refresh: token });

  it('the genuine tokens work (the refusals below are not vacuous)', async () => {
    const s = await login();
    await asBearer(s.access).expect(200);
    await asRefresh(s.refresh).expect(200);
  });

  describe.each(ATTACKS)('%s', (_name, make, detail) => {
    it('as a Bearer access token → 401 token_not_valid', async () => {
      const s = await login();
      const res = await asBearer(make(s, 'access'));
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        detail: 'Given token not valid for any token type',
        code: 'token_not_valid',
      });
      expect(res.body.messages[0].message).toMatch(detail);
      await asBearer(s.access).expect(200); // the attack burnt nothing
    });

    it('as a refresh token → 401 token_not_valid', async () => {
      const s = await login();
      const res = await asRefresh(make(s, 'refresh'));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('token_not_valid');
      expect(res.body.detail).toMatch(detail);
      await asRefresh(s.refresh).expect(200);
    });
  });

  const NOT_PROVIDED = { detail: 'Authentication credentials were not provided.' };
  const BAD_HEADER = {
    detail: 'Authorization header must contain two space-delimited values',
    code: 'bad_authorization_header',
  };
  it.each([
    ['Bearer <token> junk', (a: string) => `Bearer ${a} junk`, BAD_HEADER],
    ['Bearer <token> <token>', (a: string) => `Bearer ${a} ${a}`, BAD_HEADER],
    ['Bearer <token>\tjunk', (a: string) => `Bearer ${a}\tjunk`, BAD_HEADER],
    ['Bearer alone', () => 'Bearer', BAD_HEADER],
    ['bearer <token> (the scheme is "Bearer")', (a: string) => `bearer ${a}`, NOT_PROVIDED],
    ['BEARER <token>', (a: string) => `BEARER ${a}`, NOT_PROVIDED],
    ['JWT <token>', (a: string) => `JWT ${a}`, NOT_PROVIDED],
    ['the token without a scheme', (a: string) => a, NOT_PROVIDED],
  ])('Authorization: %s → 401 with the simplejwt body, the token unused', async (_name, header, body) => {
    const s = await login();
    const res = await t.http.get('/api/users/me/').set('Authorization', header(s.access));
    expect({ status: res.status, body: res.body }).toEqual({ status: 401, body });
    await asBearer(s.access).expect(200);
    await t.http.get('/api/users/me/').set('Authorization', `Bearer  ${s.access}`).expect(200); // whitespace runs split like simplejwt's header.split()
  });

  it('an access token used as a refresh token and a refresh token used as a Bearer: "wrong type"', async () => {
    const s = await login();
    expect((await asRefresh(s.access).expect(401)).body).toEqual({
      detail: 'Token has wrong type',
      code: 'token_not_valid',
    });
    expect((await asBearer(s.refresh).expect(401)).body.messages[0].message).toBe('Token has wrong type');
    for (const path of ['/api/transactions/', '/api/transactions/balance/', '/api/categories/']) {
      await t.http.get(path).set('Authorization', `Bearer ${s.refresh}`).expect(401);
    }
  });

  it('refresh reuse: presenting a rotated token revokes the whole family, including the newest pair', async () => {
    const s = await login();
    const second = (await asRefresh(s.refresh).expect(200)).body as Session;
    const third = (await asRefresh(second.refresh).expect(200)).body as Session;
    expect((await asRefresh(s.refresh).expect(401)).body).toEqual({
      detail: 'Token is blacklisted',
      code: 'token_not_valid',
    });
    await asRefresh(third.refresh).expect(401); // the legitimate holder's newest token died too
    await asRefresh(second.refresh).expect(401);
    const active = await t.db.query(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`,
      [s.user_id],
    );
    expect(active[0].n).toBe(0);
  });
});
