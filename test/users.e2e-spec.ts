/**
 * The user profile over REST: GET/PATCH /api/users/me/ and the REST login's phone_number, against phone numbers
 * that another user holds verified (a shared Telegram contact, POSTed through the webhook) or only typed. A typed
 * number is a claim: stored unverified whoever else has it (test/security/phone-oracle.e2e-spec.ts checks the
 * answers cannot be told apart); only a shared contact proves and takes a number.
 */
import { RateLimitStorage } from '../src/common/rate-limit/rate-limit.storage';
import { startTestApp, TestApp, TEST_WEBHOOK_SECRET } from './helpers/test-app';
import { messageUpdate } from './helpers/updates';

const LOGIN = '/api/users/auth/telegram-login/';

let nextChatId = 820_000_000;
let nextUpdateId = 820_000_000;

describe('users: phone numbers and their verification (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_TELEGRAM_LOGIN: 'trusted' });
  });
  afterAll(() => t?.close());
  beforeEach(() => t.app.get(RateLimitStorage).reset());

  async function login(
    phone?: string,
    chatId = nextChatId++,
  ): Promise<{ access: string; user_id: string; chatId: number; phone_number: string | null }> {
    const res = await t.http
      .post(LOGIN)
      .send({ telegram_chat_id: chatId, ...(phone ? { phone_number: phone } : {}) })
      .expect(200);
    return { ...res.body, chatId };
  }
  const me = (token: string) =>
    t.http.get('/api/users/me/').set('Authorization', `Bearer ${token}`).expect(200);
  const patch = (token: string, body: object) =>
    t.http.patch('/api/users/me/').set('Authorization', `Bearer ${token}`).send(body);

  /** The user of `chatId` shares their own contact with the bot (Telegram proves the number is theirs). */
  async function shareContact(chatId: number, phone: string): Promise<void> {
    const contact = { phone_number: phone, first_name: 'Ali', user_id: chatId };
    await t.http
      .post('/telegram/webhook/')
      .set('X-Telegram-Bot-Api-Secret-Token', TEST_WEBHOOK_SECRET)
      .send(messageUpdate(++nextUpdateId, chatId, { contact }, { firstName: 'Ali' }))
      .expect(200);
  }

  it('GET /me shows phone_verified: false for a number given at login or PATCH, true after a shared contact', async () => {
    const user = await login('+998935550101');
    expect((await me(user.access)).body).toMatchObject({
      phone_number: '+998935550101',
      phone_verified: false,
    });
    await shareContact(user.chatId, '998935550101');
    expect((await me(user.access)).body).toMatchObject({
      phone_number: '+998935550101',
      phone_verified: true,
    });

    const patched = await patch(user.access, { phone_number: '+998935550102' }).expect(200);
    expect(patched.body).toMatchObject({ phone_number: '+998935550102', phone_verified: false });
    expect((await me(user.access)).body).toMatchObject({
      phone_number: '+998935550102',
      phone_verified: false,
    });
  });

  it('PATCH of the number the user already has verified keeps it verified; clearing it clears the flag', async () => {
    const user = await login();
    await shareContact(user.chatId, '+998935550111');
    expect(
      (await patch(user.access, { phone_number: '+998 93 555 01 11', language: 'en' }).expect(200)).body,
    ).toMatchObject({
      phone_number: '+998935550111',
      phone_verified: true,
      language: 'en',
    });
    expect((await patch(user.access, { phone_number: null }).expect(200)).body).toMatchObject({
      phone_number: null,
      phone_verified: false,
    });
  });

  it('PATCH stores a number another user holds, verified or typed, unverified for the caller and changes nobody else', async () => {
    const verified = await login();
    await shareContact(verified.chatId, '+998935550121');
    const typed = await login('+998935550122');
    const caller = await login();

    expect((await patch(caller.access, { phone_number: '+998935550121' }).expect(200)).body).toMatchObject({
      phone_number: '+998935550121',
      phone_verified: false,
    });
    expect((await patch(caller.access, { phone_number: '+998935550122' }).expect(200)).body).toMatchObject({
      phone_number: '+998935550122',
      phone_verified: false,
    });
    expect((await me(verified.access)).body).toMatchObject({
      phone_number: '+998935550121',
      phone_verified: true,
    });
    expect((await me(typed.access)).body).toMatchObject({
      phone_number: '+998935550122',
      phone_verified: false,
    });
  });

  it('a number typed by others goes to its owner when the owner shares the contact; the others lose their copy', async () => {
    const squatter = await login();
    await patch(squatter.access, { phone_number: '+998935550131' }).expect(200);
    const second = await login('+998935550131');
    const owner = await login();
    expect((await patch(owner.access, { phone_number: '+998935550131' }).expect(200)).body).toMatchObject({
      phone_verified: false,
    });

    await shareContact(owner.chatId, '998935550131');
    expect((await me(owner.access)).body).toMatchObject({
      phone_number: '+998935550131',
      phone_verified: true,
    });
    expect((await me(squatter.access)).body).toMatchObject({ phone_number: null, phone_verified: false });
    expect((await me(second.access)).body).toMatchObject({ phone_number: null, phone_verified: false });
    // Typing it again is an unverified claim like any other; the owner keeps it verified.
    expect((await patch(squatter.access, { phone_number: '+998935550131' }).expect(200)).body).toMatchObject({
      phone_number: '+998935550131',
      phone_verified: false,
    });
    expect((await me(owner.access)).body).toMatchObject({
      phone_number: '+998935550131',
      phone_verified: true,
    });
  });

  it('a shared contact of a number someone else verified is refused, and the sender is told (it is their own number)', async () => {
    const first = await login();
    await shareContact(first.chatId, '+998935550141');
    const second = await login('+998935550141');
    await shareContact(second.chatId, '+998935550141');
    expect((await me(first.access)).body).toMatchObject({
      phone_number: '+998935550141',
      phone_verified: true,
    });
    expect((await me(second.access)).body).toMatchObject({
      phone_number: '+998935550141',
      phone_verified: false,
    });
    expect(t.telegram.textsTo(second.chatId).at(-1)).toBe(
      '❌ Этот номер телефона уже используется другим пользователем.',
    );
  });
});
