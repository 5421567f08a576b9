/**
 * Phone numbers are not an oracle (issue 12, finding 7): PATCH /api/users/me/ answers a number that belongs to
 * somebody else — verified by their shared contact, or only typed — exactly as it answers a free number, and phone
 * changes are limited per user (RATE_LIMIT_PHONE_CHANGES_PER_HOUR). Only a shared contact proves a number.
 */
import type { Response } from 'supertest';
import { startTestApp, TestApp } from '../helpers/test-app';
import { messageUpdate, postUpdate } from '../helpers/updates';

const LOGIN = '/api/users/auth/telegram-login/';
const THROTTLED = /^Request was throttled\. Expected available in \d+ seconds?\.$/;

let nextChatId = 880_000_000;
let nextUpdateId = 880_000_000;
let nextPhone = 5_550_000;
const freshPhone = () => `+99893${nextPhone++}`;

/** What a client can observe of an answer: status, the headers that describe the body, and the body's bytes. */
function observable(res: Response, mask: (text: string) => string = (s) => s) {
  return {
    status: res.status,
    type: res.headers['content-type'],
    length: res.headers['content-length'],
    body: mask(res.text),
  };
}

describe('security: phone numbers are not an oracle (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_TELEGRAM_LOGIN: 'trusted' });
  });
  afterAll(() => t?.close());

  async function login(phone?: string): Promise<{ access: string; chatId: number }> {
    const chatId = nextChatId++;
    const res = await t.http
      .post(LOGIN)
      .set('X-Forwarded-For', `198.18.7.${chatId % 250}`)
      .send({ telegram_chat_id: chatId, ...(phone ? { phone_number: phone } : {}) })
      .expect(200);
    return { access: res.body.access, chatId };
  }
  const patch = (token: string, body: object) =>
    t.http.patch('/api/users/me/').set('Authorization', `Bearer ${token}`).send(body);

  /** The user of `chatId` shares their own contact with the bot: Telegram vouches the number is theirs. */
  async function shareContact(chatId: number, phone: string): Promise<void> {
    const contact = { phone_number: phone, first_name: 'Ali', user_id: chatId };
    await postUpdate(t, messageUpdate(nextUpdateId++, chatId, { contact })).expect(200);
  }

  /** A number held verified by one user and one held typed by another, and a number nobody has. */
  async function numbers(): Promise<{ verified: string; typed: string; free: string }> {
    const owner = await login();
    const verified = freshPhone();
    await shareContact(owner.chatId, verified);
    const typed = freshPhone();
    await login(typed);
    return { verified, typed, free: freshPhone() };
  }

  it('a refused PATCH (another field invalid) is byte-identical for a verified, a typed and a free number', async () => {
    const { verified, typed, free } = await numbers();
    const caller = await login();
    const answers = await Promise.all(
      [verified, typed, free].map((phone) => patch(caller.access, { phone_number: phone, language: 'xx' })),
    );
    const [a, b, c] = answers.map((res) => observable(res));
    expect(c).toEqual({
      status: 400,
      type: 'application/json; charset=utf-8',
      length: expect.any(String),
      body: JSON.stringify({ language: ['"xx" is not a valid choice. Choose one of: ru, uz, en.'] }),
    });
    expect(a).toEqual(c);
    expect(b).toEqual(c);
  });

  it('an accepted PATCH answers a number somebody holds exactly as it answered the same number when it was free', async () => {
    const caller = await login();
    const phone = freshPhone();
    const updatedAt = (text: string) => text.replace(/"updated_at":"[^"]+"/, '"updated_at":"…"');
    const whenFree = observable(await patch(caller.access, { phone_number: phone }).expect(200), updatedAt);
    await patch(caller.access, { phone_number: null }).expect(200);

    const owner = await login();
    await shareContact(owner.chatId, phone); // now verified by somebody else
    const whenVerifiedElsewhere = observable(
      await patch(caller.access, { phone_number: phone }).expect(200),
      updatedAt,
    );
    await patch(caller.access, { phone_number: null }).expect(200);
    await login(phone); // and typed by a third user
    const whenTypedElsewhere = observable(
      await patch(caller.access, { phone_number: phone }).expect(200),
      updatedAt,
    );

    expect(JSON.parse(whenFree.body)).toMatchObject({ phone_number: phone, phone_verified: false });
    expect(whenVerifiedElsewhere).toEqual(whenFree);
    expect(whenTypedElsewhere).toEqual(whenFree);
    // The owner keeps the number verified; the caller's copy is an unverified claim.
    const ownerMe = await t.http
      .get('/api/users/me/')
      .set('Authorization', `Bearer ${(await loginAs(owner.chatId)).access}`)
      .expect(200);
    expect(ownerMe.body).toMatchObject({ phone_number: phone, phone_verified: true });
  });

  async function loginAs(chatId: number): Promise<{ access: string }> {
    const res = await t.http
      .post(LOGIN)
      .set('X-Forwarded-For', `198.18.8.${chatId % 250}`)
      .send({ telegram_chat_id: chatId })
      .expect(200);
    return { access: res.body.access };
  }

  it('the REST login answers a number somebody holds like a free one', async () => {
    const { verified, free } = await numbers();
    const strip = (text: string) =>
      text
        .replace(/"(access|refresh|user_id)":"[^"]+"/g, '"$1":"…"')
        .replace(/"phone_number":"[^"]+"/, '"phone_number":"…"');
    const chatA = nextChatId++;
    const chatB = nextChatId++;
    const a = await t.http
      .post(LOGIN)
      .set('X-Forwarded-For', '198.18.9.1')
      .send({ telegram_chat_id: chatA, phone_number: verified });
    const b = await t.http
      .post(LOGIN)
      .set('X-Forwarded-For', '198.18.9.2')
      .send({ telegram_chat_id: chatB, phone_number: free });
    expect(a.status).toBe(200);
    expect(strip(a.text)).toBe(strip(b.text));
    expect(a.body.phone_number).toBe(verified);
  });

  it(`phone changes are limited per user: the one past RATE_LIMIT_PHONE_CHANGES_PER_HOUR (10) → 429; other fields still change`, async () => {
    expect(t.config.rateLimits.phoneChangesPerHour).toBe(10);
    const caller = await login();
    for (let i = 0; i < 10; i++) await patch(caller.access, { phone_number: freshPhone() }).expect(200);
    const refused = await patch(caller.access, { phone_number: freshPhone() }).expect(429);
    expect(refused.body).toEqual({ detail: expect.stringMatching(THROTTLED) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(60); // an hour's window
    await patch(caller.access, { language: 'en' }).expect(200);
    const other = await login();
    await patch(other.access, { phone_number: freshPhone() }).expect(200);
  });
});
