/**
 * Webhook forgery: only a request carrying TELEGRAM_WEBHOOK_SECRET in X-Telegram-Bot-Api-Secret-Token is processed.
 * Every forged request is a 401 with no effect at all (no user, no reply); the comparison is constant-time.
 */
import fc from 'fast-check';
import { secretCheck } from '../../src/modules/bot/infra/bot.webhook';
import { startTestApp, TEST_WEBHOOK_SECRET, TestApp } from '../helpers/test-app';
import { SECRET_HEADER, textUpdate, WEBHOOK } from '../helpers/updates';

type Forgery = [name: string, headers: Record<string, string>, path?: string];
const FORGERIES: Forgery[] = [
  ['no secret header', {}],
  ['an empty secret', { [SECRET_HEADER]: '' }],
  ['a wrong secret', { [SECRET_HEADER]: 'guess' }],
  ['the secret upper-cased', { [SECRET_HEADER]: TEST_WEBHOOK_SECRET.toUpperCase() }],
  ['the secret with a suffix', { [SECRET_HEADER]: `${TEST_WEBHOOK_SECRET}x` }],
  ['a prefix of the secret', { [SECRET_HEADER]: TEST_WEBHOOK_SECRET.slice(0, -1) }],
  ['the secret in Authorization: Bearer', { Authorization: `Bearer ${TEST_WEBHOOK_SECRET}` }],
  ['the secret in another X- header', { 'X-Telegram-Secret': TEST_WEBHOOK_SECRET }],
  ['the secret in X-Hub-Signature', { 'X-Hub-Signature': TEST_WEBHOOK_SECRET }],
  ['the secret in a query parameter', {}, `${WEBHOOK}?secret_token=${TEST_WEBHOOK_SECRET}`],
  ['the secret in a cookie', { Cookie: `secret_token=${TEST_WEBHOOK_SECRET}` }],
];

describe('security: webhook forgery (e2e)', () => {
  let t: TestApp;
  let updateId = 6_100_000;
  const chatId = 61_000;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it.each(FORGERIES)('%s → 401, no effect', async (_name, headers, path = WEBHOOK) => {
    t.telegram.reset();
    const res = await t.http
      .post(path)
      .set({ 'Content-Type': 'application/json', ...headers })
      .send(JSON.stringify(textUpdate(updateId++, chatId, '/start')));
    expect(res.status).toBe(401);
    expect(res.body.detail).toEqual(expect.any(String));
    expect(t.telegram.calls.filter((c) => c.method !== 'getMe')).toEqual([]);
    const users = await t.db.query('SELECT count(*)::int AS n FROM users WHERE telegram_chat_id = $1', [
      chatId,
    ]);
    expect(users[0].n).toBe(0);
    const claimed = await t.db.query(
      'SELECT count(*)::int AS n FROM processed_updates WHERE update_id = $1',
      [updateId - 1],
    );
    expect(claimed[0].n).toBe(0); // a forged update_id cannot even burn a real one
  });

  it('the genuine secret is processed (the refusals above are not vacuous)', async () => {
    await t.http
      .post(WEBHOOK)
      .set({ 'Content-Type': 'application/json', [SECRET_HEADER]: TEST_WEBHOOK_SECRET })
      .send(JSON.stringify(textUpdate(updateId++, chatId, '/start')))
      .expect(200);
    expect(t.telegram.textsTo(chatId).length).toBe(1);
  });

  it('a forged request cannot pre-claim an update_id that Telegram later delivers', async () => {
    const id = updateId++;
    const forged = textUpdate(id, chatId + 1, '/start');
    await t.http
      .post(WEBHOOK)
      .set({ 'Content-Type': 'application/json', [SECRET_HEADER]: 'nope' })
      .send(JSON.stringify(forged))
      .expect(401);
    await t.http
      .post(WEBHOOK)
      .set({ 'Content-Type': 'application/json', [SECRET_HEADER]: TEST_WEBHOOK_SECRET })
      .send(JSON.stringify(forged))
      .expect(200);
    expect(t.telegram.textsTo(chatId + 1).length).toBe(1);
  });

  it('compares with crypto.timingSafeEqual on equal-length digests, whatever the lengths given', () => {
    // The module object itself (what the compiled webhook code calls through), not an ES namespace wrapper.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const spy = jest.spyOn(require('node:crypto') as typeof import('node:crypto'), 'timingSafeEqual');
    try {
      expect(secretCheck('s3cret')('s3cret')).toBe(true);
      expect(secretCheck('s3cret')('x')).toBe(false);
      expect(secretCheck('s3cret')('x'.repeat(10_000))).toBe(false);
      expect(secretCheck('s3cret')(undefined)).toBe(false);
      expect(spy).toHaveBeenCalledTimes(4);
      for (const [a, b] of spy.mock.calls) expect((a as Buffer).length).toBe((b as Buffer).length);
    } finally {
      spy.mockRestore();
    }
  });

  it('matches exactly the configured secret (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (secret, given) => {
        expect(secretCheck(secret)(given)).toBe(secret === given);
        expect(secretCheck(secret)(secret)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
