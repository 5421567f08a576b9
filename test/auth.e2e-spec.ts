/**
 * telegram-login in `verified` mode (the default): each proof valid and refused, field validation, the documented body (docs/interface.md §3),
 * concurrent first logins, throttling.
 */
import { RateLimitStorage } from '../src/common/rate-limit/rate-limit.storage';
import { LoginCodesService } from '../src/modules/auth/login-codes.service';
import { signInitData, signLoginWidget } from '../src/modules/auth/telegram-proof';
import { startTestApp, TEST_BOT_TOKEN, TestApp } from './helpers/test-app';

const LOGIN = '/api/users/auth/telegram-login/';
const OTHER_TOKEN = '987654321:OTHER-token_abcdefghijklmnopqrstuv';
const nowSeconds = () => Math.floor(Date.now() / 1000);

function initData(
  userId: number,
  opts: { token?: string; authDate?: number; user?: Record<string, unknown> } = {},
): string {
  return signInitData(opts.token ?? TEST_BOT_TOKEN, {
    query_id: 'AAHdF6IQAAAAAN0XohDhrOrc',
    user: JSON.stringify({
      id: userId,
      first_name: 'Ali',
      last_name: 'Valiyev',
      username: 'ali_v',
      language_code: 'uz',
      ...opts.user,
    }),
    auth_date: String(opts.authDate ?? nowSeconds()),
  });
}

function widget(userId: number, opts: { token?: string; authDate?: number } = {}) {
  return signLoginWidget(opts.token ?? TEST_BOT_TOKEN, {
    id: userId,
    first_name: 'Ali',
    username: 'ali_v',
    photo_url: 'https://t.me/i/userpic/320/ali.jpg',
    auth_date: opts.authDate ?? nowSeconds(),
  });
}

let nextChatId = 700_000_000;
const newChatId = () => nextChatId++;

describe('POST /api/users/auth/telegram-login/ (verified mode, e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BOT_MODE: 'none' });
  });
  afterAll(() => t?.close());
  beforeEach(() => t.app.get(RateLimitStorage).reset());

  const login = (body: unknown) => t.http.post(LOGIN).send(body as object);

  describe('Mini App init_data', () => {
    it('logs in, creates the user with the profile from initData, answers exactly the documented body', async () => {
      const chatId = newChatId();
      const res = await login({ telegram_chat_id: chatId, init_data: initData(chatId) }).expect(200);
      expect(Object.keys(res.body).sort()).toEqual([
        'access',
        'is_new_user',
        'phone_number',
        'refresh',
        'user_id',
      ]);
      expect(res.body).toMatchObject({ phone_number: null, is_new_user: true });
      expect(res.body.user_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const me = await t.http
        .get('/api/users/me/')
        .set('Authorization', `Bearer ${res.body.access}`)
        .expect(200);
      expect(me.body).toMatchObject({
        id: res.body.user_id,
        telegram_chat_id: chatId,
        first_name: 'Ali',
        last_name: 'Valiyev',
        username: 'ali_v',
        language: 'uz',
      });

      const again = await login({ telegram_chat_id: chatId, init_data: initData(chatId) }).expect(200);
      expect(again.body).toMatchObject({ user_id: res.body.user_id, is_new_user: false });
    });

    it('accepts the chat id as a digit string', async () => {
      const chatId = newChatId();
      await login({ telegram_chat_id: String(chatId), init_data: initData(chatId) }).expect(200);
    });

    it.each([
      [
        'signed with another bot token',
        (id: number) => initData(id, { token: OTHER_TOKEN }),
        'Telegram authentication data is invalid.',
      ],
      [
        'with a tampered user',
        (id: number) => initData(id).replace('Ali', 'Eve'),
        'Telegram authentication data is invalid.',
      ],
      [
        'with a tampered hash',
        (id: number) => initData(id).replace(/hash=(.)/, (_m, c: string) => `hash=${c === 'a' ? 'b' : 'a'}`),
        'Telegram authentication data is invalid.',
      ],
      [
        'older than 24 hours',
        (id: number) => initData(id, { authDate: nowSeconds() - 24 * 3600 - 5 }),
        'Telegram authentication data is too old.',
      ],
      [
        'from the future',
        (id: number) => initData(id, { authDate: nowSeconds() + 3600 }),
        'Telegram authentication date is in the future.',
      ],
      [
        'for another user id',
        (id: number) => initData(id + 1),
        'Telegram authentication data does not match telegram_chat_id.',
      ],
      ['that is not a string', () => ({ hash: 'x' }), 'Telegram authentication data is malformed.'],
      ['that is garbage', () => 'not-init-data', 'Telegram authentication data is malformed.'],
    ])(
      'refuses init_data %s with 401 telegram_auth_failed and creates nobody',
      async (_name, make, detail) => {
        const chatId = newChatId();
        const res = await login({ telegram_chat_id: chatId, init_data: make(chatId) }).expect(401);
        expect(res.body).toEqual({ detail, code: 'telegram_auth_failed' });
        const rows: unknown[] = await t.db.query('SELECT 1 FROM users WHERE telegram_chat_id = $1', [chatId]);
        expect(rows).toHaveLength(0);
      },
    );
  });

  describe('Login Widget fields', () => {
    it('logs in with the widget fields', async () => {
      const chatId = newChatId();
      const res = await login({ telegram_chat_id: chatId, ...widget(chatId) }).expect(200);
      expect(res.body).toMatchObject({ is_new_user: true, phone_number: null });
    });

    it('accepts the widget id and auth_date as strings (as a form would post them)', async () => {
      const chatId = newChatId();
      const w = widget(chatId);
      await login({
        telegram_chat_id: chatId,
        ...w,
        id: String(w.id),
        auth_date: String(w.auth_date),
      }).expect(200);
    });

    it.each([
      [
        'signed with another bot token',
        (id: number) => widget(id, { token: OTHER_TOKEN }),
        'Telegram authentication data is invalid.',
      ],
      [
        'with a changed name',
        (id: number) => ({ ...widget(id), first_name: 'Eve' }),
        'Telegram authentication data is invalid.',
      ],
      [
        'without a signed optional field',
        (id: number) => ({ ...widget(id), photo_url: undefined }),
        'Telegram authentication data is invalid.',
      ],
      [
        'signed like a Mini App',
        (id: number) => ({
          ...widget(id),
          hash: new URLSearchParams(signInitData(TEST_BOT_TOKEN, { id: String(id) })).get('hash'),
        }),
        'Telegram authentication data is invalid.',
      ],
      [
        'older than 24 hours',
        (id: number) => widget(id, { authDate: nowSeconds() - 25 * 3600 }),
        'Telegram authentication data is too old.',
      ],
      [
        'for another user id',
        (id: number) => widget(id + 1),
        'Telegram authentication data does not match telegram_chat_id.',
      ],
      [
        'without id',
        (id: number) => ({ ...widget(id), id: undefined }),
        'Telegram authentication data is malformed.',
      ],
    ])('refuses widget data %s', async (_name, make, detail) => {
      const chatId = newChatId();
      const res = await login({ telegram_chat_id: chatId, ...make(chatId) }).expect(401);
      expect(res.body).toEqual({ detail, code: 'telegram_auth_failed' });
    });
  });

  describe('login_code from the bot', () => {
    async function userWithCode(): Promise<{ chatId: number; userId: string; code: string }> {
      const chatId = newChatId();
      const first = await login({ telegram_chat_id: chatId, init_data: initData(chatId) }).expect(200);
      const { code, expiresAt } = await t.app.get(LoginCodesService).issue(first.body.user_id);
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
      expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(4.9 * 60_000);
      expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
      return { chatId, userId: first.body.user_id, code };
    }

    it('logs in once with a fresh code; the same code is refused the second time', async () => {
      const { chatId, userId, code } = await userWithCode();
      const res = await login({ telegram_chat_id: chatId, login_code: code }).expect(200);
      expect(res.body).toMatchObject({ user_id: userId, is_new_user: false });
      const again = await login({ telegram_chat_id: chatId, login_code: code }).expect(401);
      expect(again.body).toEqual({
        detail: expect.stringMatching(/Login code is invalid or expired/),
        code: 'telegram_auth_failed',
      });
    });

    it('stores only a hash of the code', async () => {
      const { userId, code } = await userWithCode();
      const rows: Array<{ code_hash: string }> = await t.db.query(
        'SELECT code_hash FROM login_codes WHERE user_id = $1 AND used_at IS NULL',
        [userId],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0].code_hash).not.toContain(code);
    });

    it('accepts the code in lower case and with a dash', async () => {
      const { chatId, code } = await userWithCode();
      await login({
        telegram_chat_id: chatId,
        login_code: `${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase(),
      }).expect(200);
    });

    it('refuses a code of another chat id and leaves it usable by its owner', async () => {
      const { chatId, code } = await userWithCode();
      const other = await userWithCode();
      await login({ telegram_chat_id: other.chatId, login_code: code }).expect(401);
      await login({ telegram_chat_id: chatId, login_code: code }).expect(200);
    });

    it('a new code retires the previous unused one', async () => {
      const { chatId, userId, code } = await userWithCode();
      const second = await t.app.get(LoginCodesService).issue(userId);
      await login({ telegram_chat_id: chatId, login_code: code }).expect(401);
      await login({ telegram_chat_id: chatId, login_code: second.code }).expect(200);
    });

    it('refuses an expired code', async () => {
      const { chatId, userId, code } = await userWithCode();
      await t.db.query(`UPDATE login_codes SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
        userId,
      ]);
      await login({ telegram_chat_id: chatId, login_code: code }).expect(401);
    });

    it('ten concurrent uses of one code: exactly one succeeds', async () => {
      const { chatId, code } = await userWithCode();
      const results = await Promise.all(
        Array.from({ length: 10 }, () => login({ telegram_chat_id: chatId, login_code: code })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(401)]);
    });

    it.each([
      ['an unknown code', 'ZZZZZZZZ'],
      ['a code too short', 'ABC'],
      ['a code that is not a string', 12345678],
    ])('refuses %s', async (_n, code) => {
      const { chatId } = await userWithCode();
      const res = await login({ telegram_chat_id: chatId, login_code: code }).expect(401);
      expect(res.body.code).toBe('telegram_auth_failed');
    });
  });

  describe('proof presence', () => {
    it('refuses a login without a proof (chat id and phone alone) with 401', async () => {
      const res = await login({ telegram_chat_id: newChatId(), phone_number: '+998901234567' }).expect(401);
      expect(res.body).toEqual({
        detail: expect.stringMatching(/^Telegram authentication required/),
        code: 'telegram_auth_failed',
      });
    });

    it('refuses two proofs at once', async () => {
      const chatId = newChatId();
      const res = await login({
        telegram_chat_id: chatId,
        init_data: initData(chatId),
        ...widget(chatId),
      }).expect(401);
      expect(res.body).toEqual({
        detail: 'Send exactly one Telegram authentication proof.',
        code: 'telegram_auth_failed',
      });
    });
  });

  describe('validation', () => {
    it.each([
      ['missing', undefined, 'This field is required.'],
      ['null', null, 'This field may not be null.'],
      ['zero', 0, 'Ensure this value is greater than or equal to 1.'],
      ['negative', -5, 'Ensure this value is greater than or equal to 1.'],
      ['a negative string', '-5', 'Ensure this value is greater than or equal to 1.'],
      ['a float', 1.5, 'A valid integer is required.'],
      ['a float string', '1.5', 'A valid integer is required.'],
      ['letters', 'abc', 'A valid integer is required.'],
      ['a boolean', true, 'A valid integer is required.'],
      ['an object', { id: 1 }, 'A valid integer is required.'],
      ['beyond 2^53', 2 ** 53 + 2, 'Ensure this value is less than or equal to 9007199254740991.'],
      [
        'a huge string',
        '99999999999999999999',
        'Ensure this value is less than or equal to 9007199254740991.',
      ],
    ])('telegram_chat_id %s → 400', async (_name, value, message) => {
      const res = await login({ telegram_chat_id: value, login_code: 'ABCDEFGH' }).expect(400);
      expect(res.body).toEqual({ telegram_chat_id: [message] });
    });

    it.each([
      [
        'without +',
        '998901234567',
        'Phone number must start with "+" and be in international format, e.g. +998901234567.',
      ],
      ['invalid', '+12', 'Enter a valid international phone number, e.g. +998901234567.'],
      ['with letters', '+99890abc4567', 'Enter a valid international phone number, e.g. +998901234567.'],
      ['not a string', 998901234567, 'Not a valid string.'],
    ])('phone_number %s → 400', async (_name, value, message) => {
      const chatId = newChatId();
      const res = await login({
        telegram_chat_id: chatId,
        phone_number: value,
        init_data: initData(chatId),
      }).expect(400);
      expect(res.body).toEqual({ phone_number: [message] });
    });

    it('reports both fields at once', async () => {
      const res = await login({ telegram_chat_id: 'x', phone_number: '123' }).expect(400);
      expect(Object.keys(res.body).sort()).toEqual(['phone_number', 'telegram_chat_id']);
    });

    it('validates before checking the proof (400, not 401)', async () => {
      await login({ telegram_chat_id: -1 }).expect(400);
    });

    it('saves a valid phone number in E.164 and answers it', async () => {
      const chatId = newChatId();
      const res = await login({
        telegram_chat_id: chatId,
        phone_number: '+998 90 123-45-67',
        init_data: initData(chatId),
      }).expect(200);
      expect(res.body.phone_number).toBe('+998901234567');
      const rows: Array<{ phone_number: string }> = await t.db.query(
        'SELECT phone_number FROM users WHERE id = $1',
        [res.body.user_id],
      );
      expect(rows[0].phone_number).toBe('+998901234567');
      const again = await login({ telegram_chat_id: chatId, init_data: initData(chatId) }).expect(200);
      expect(again.body.phone_number).toBe('+998901234567');
    });

    it("takes another user's typed phone number as an unverified claim, without telling that someone has it", async () => {
      const a = newChatId();
      const b = newChatId();
      await login({ telegram_chat_id: a, phone_number: '+998901112233', init_data: initData(a) }).expect(200);
      const res = await login({
        telegram_chat_id: b,
        phone_number: '+998901112233',
        init_data: initData(b),
      }).expect(200);
      expect(res.body).toMatchObject({ phone_number: '+998901112233', is_new_user: true });
      const rows: Array<{ telegram_chat_id: string; phone_verified: boolean }> = await t.db.query(
        `SELECT telegram_chat_id::text, phone_verified FROM users WHERE phone_number = '+998901112233' ORDER BY telegram_chat_id`,
      );
      expect(rows).toEqual(
        [String(a), String(b)].sort().map((id) => ({ telegram_chat_id: id, phone_verified: false })),
      );
    });

    it('answers an empty or non-JSON body with 400', async () => {
      const empty = await t.http.post(LOGIN).send({}).expect(400);
      expect(empty.body).toEqual({ telegram_chat_id: ['This field is required.'] });
      await t.http.post(LOGIN).set('content-type', 'application/json').send('{bad').expect(400);
    });
  });

  describe('routing', () => {
    it('serves the path with and without the trailing slash', async () => {
      const chatId = newChatId();
      await t.http
        .post('/api/users/auth/telegram-login')
        .send({ telegram_chat_id: chatId, init_data: initData(chatId) })
        .expect(200);
    });

    it('documents both endpoints in OpenAPI', async () => {
      const doc = await t.http.get('/api/docs-json').expect(200);
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining(['/api/users/auth/telegram-login', '/api/users/auth/refresh-token']),
      );
      expect(Object.keys(doc.body.paths['/api/users/auth/telegram-login'])).toEqual(['post']);
    });

    it('answers other methods with 405', async () => {
      const res = await t.http.get(LOGIN).expect(405);
      expect(res.body).toEqual({ detail: 'Method "GET" not allowed.' });
    });
  });

  it('twenty concurrent first logins for one chat id create one user and exactly one is_new_user', async () => {
    const chatId = newChatId();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => login({ telegram_chat_id: chatId, init_data: initData(chatId) })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(results.filter((r) => r.body.is_new_user === true)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.user_id)).size).toBe(1);
    const rows: unknown[] = await t.db.query('SELECT id FROM users WHERE telegram_chat_id = $1', [chatId]);
    expect(rows).toHaveLength(1);
  });

  it('lets an inactive user (who blocked the bot) log in', async () => {
    const chatId = newChatId();
    await login({ telegram_chat_id: chatId, init_data: initData(chatId) }).expect(200);
    await t.db.query('UPDATE users SET is_active = false WHERE telegram_chat_id = $1', [chatId]);
    const res = await login({ telegram_chat_id: chatId, init_data: initData(chatId) }).expect(200);
    await t.http.get('/api/users/me/').set('Authorization', `Bearer ${res.body.access}`).expect(200);
  });

  it('throttles per client IP: the 31st request in a minute gets 429 with Retry-After', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 30; i++) await t.http.post(LOGIN).set('X-Forwarded-For', ip).send({}).expect(400);
    const res = await t.http.post(LOGIN).set('X-Forwarded-For', ip).send({}).expect(429);
    expect(res.body).toEqual({
      detail: expect.stringMatching(/^Request was throttled\. Expected available in \d+ seconds?\.$/),
    });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await t.http.post(LOGIN).set('X-Forwarded-For', '203.0.113.8').send({}).expect(400); // another client is unaffected
  });
});
