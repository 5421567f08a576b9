/**
 * The bot in a Telegram group (docs/households.md, "Group chats"), through the real webhook: added → the link
 * button; only the household's owner links; members' messages record to the household under their own name, with
 * privacy mode on (commands, mentions, replies to the bot) and off (every message: chit-chat ignored silently);
 * non-members get one polite reply and are never recorded; a repeated update records once; removed → unlinked.
 */
import { PrivacyService } from '../src/modules/privacy/privacy.service';
import { accessTokenFor } from './helpers/auth';
import { BotChat, buttons } from './helpers/bot-chat';
import { startTestApp, TestApp } from './helpers/test-app';
import { BOT_USER, deliverUpdate, messageUpdate, TelegramUser } from './helpers/updates';
import type { BotApiCall } from './fakes/fake-telegram';

const GROUP = { id: -1001500000001, type: 'supergroup' as const, title: 'Oila' };
const BOT_NAME = 'ovozpay_test_bot'; // the fake Bot API's getMe
const LINK = 'gl:link';

type Who = { token: string; userId: string; chatId: number; name: string };

let nextUpdateId = 9_100_000;

const person = (chatId: number, name: string, languageCode?: string): TelegramUser => ({
  id: chatId,
  is_bot: false,
  first_name: name,
  ...(languageCode ? { language_code: languageCode } : {}),
});

function memberUpdate(from: TelegramUser, oldStatus: string, newStatus: string) {
  return {
    update_id: ++nextUpdateId,
    my_chat_member: {
      chat: GROUP,
      from,
      date: Math.floor(Date.now() / 1000),
      old_chat_member: { user: BOT_USER, status: oldStatus },
      new_chat_member: { user: BOT_USER, status: newStatus },
    },
  };
}

function pressUpdate(from: TelegramUser, data = LINK) {
  return {
    update_id: ++nextUpdateId,
    callback_query: {
      id: `cb${nextUpdateId}`,
      from,
      message: { message_id: 77, from: BOT_USER, chat: GROUP, date: 1, text: '…' },
      chat_instance: '-5',
      data,
    },
  };
}

function groupText(
  from: { chatId: number; name: string },
  text: string,
  extra: Record<string, unknown> = {},
) {
  return messageUpdate(
    ++nextUpdateId,
    GROUP.id,
    { text, ...extra },
    { group: { type: GROUP.type, title: GROUP.title }, fromId: from.chatId, firstName: from.name },
  );
}

const sentTexts = (calls: BotApiCall[]) =>
  calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.params.text));
const alertOf = (calls: BotApiCall[]) => calls.find((c) => c.method === 'answerCallbackQuery')?.params;

describe('the bot in a group chat (e2e)', () => {
  let t: TestApp;
  let alice: Who;
  let bob: Who;
  let carol: Who;
  let eve: Who;
  const dave = { chatId: 5204, name: 'Dave' }; // no account at all
  let householdId: string;
  const auth = (who: Who) => ({ Authorization: `Bearer ${who.token}` });

  const who = async (chatId: number, name: string): Promise<Who> => {
    const w = await accessTokenFor(t, chatId);
    await t.db.query(`UPDATE users SET first_name = $2 WHERE id = $1`, [w.userId, name]);
    return { ...w, chatId, name };
  };
  const householdRows = (): Promise<Array<{ user_id: string; amount: string; household_id: string }>> =>
    t.db.query(
      `SELECT user_id, amount::text AS amount, household_id FROM transactions WHERE household_id = $1
        ORDER BY source_update_id`,
      [householdId],
    );
  const linkedTo = async (): Promise<string | null> => {
    const rows: Array<{ household_id: string }> = await t.db.query(
      'SELECT household_id FROM household_chats WHERE chat_id = $1',
      [GROUP.id],
    );
    return rows[0]?.household_id ?? null;
  };

  beforeAll(async () => {
    t = await startTestApp();
    alice = await who(5201, 'Alice');
    bob = await who(5202, 'Bob');
    carol = await who(5203, 'Carol');
    eve = await who(5205, 'Eve');
    householdId = (
      await t.http.post('/api/households/').set(auth(alice)).send({ name: 'Karimovlar' }).expect(201)
    ).body.id as string;
    const { token } = (await t.http.post('/api/households/current/invites/').set(auth(alice)).expect(201))
      .body as {
      token: string;
    };
    await t.http.post('/api/households/join/').set(auth(bob)).send({ token }).expect(200);
    await t.http.post('/api/households/').set(auth(carol)).send({ name: 'Other' }).expect(201);
  });
  afterAll(() => t?.close());

  it('added to a group: one short message with the link button, in the adder’s language', async () => {
    await t.db.query(`UPDATE users SET language = 'en' WHERE id = $1`, [alice.userId]);
    const calls = await deliverUpdate(t, memberUpdate(person(alice.chatId, 'Alice'), 'left', 'member'));
    const sent = calls.filter((c) => c.method === 'sendMessage');
    expect(sent).toHaveLength(1);
    expect(Number(sent[0].params.chat_id)).toBe(GROUP.id);
    expect(String(sent[0].params.text)).toMatch(/^👋 I am OvozPay/);
    expect(buttons(sent[0].params.reply_markup)).toEqual([[['🏠 Link to my family', LINK]]]);
    await t.db.query(`UPDATE users SET language = 'ru' WHERE id = $1`, [alice.userId]);
  });

  it('added by someone unknown: Russian by default; promoted to admin later: nothing is posted again', async () => {
    const other = { ...GROUP, id: -1001500000099 };
    const update = memberUpdate(person(5299, 'Zed'), 'left', 'administrator');
    update.my_chat_member.chat = other;
    const calls = await deliverUpdate(t, update);
    expect(sentTexts(calls)).toEqual([expect.stringMatching(/^👋 Я OvozPay/)]);
    const promoted = memberUpdate(person(5299, 'Zed'), 'member', 'administrator');
    expect(sentTexts(await deliverUpdate(t, promoted))).toEqual([]);
  });

  it('an unlinked group: a command gets a short hint with the link button; chit-chat is ignored', async () => {
    const calls = await deliverUpdate(t, groupText(bob, '/balance'));
    const sent = calls.filter((c) => c.method === 'sendMessage');
    expect(sent.map((c) => String(c.params.text))).toEqual([expect.stringMatching(/не привязана к семье/)]);
    expect(buttons(sent[0].params.reply_markup)).toEqual([[['🏠 Привязать к моей семье', LINK]]]);
    expect(sentTexts(await deliverUpdate(t, groupText(bob, 'хлеб 8000')))).toEqual([]);
    expect(await householdRows()).toEqual([]);
  });

  it('a member who is not the owner, and someone without an account, are refused', async () => {
    for (const from of [person(bob.chatId, 'Bob'), person(dave.chatId, 'Dave', 'en')]) {
      const calls = await deliverUpdate(t, pressUpdate(from));
      expect(alertOf(calls)).toEqual(
        expect.objectContaining({ show_alert: true, text: expect.stringMatching(/owner|владелец/) }),
      );
      expect(calls.some((c) => c.method === 'editMessageText')).toBe(false);
    }
    expect(await linkedTo()).toBeNull();
  });

  it('the owner links the group; pressing again is fine; another household’s owner is refused', async () => {
    const calls = await deliverUpdate(t, pressUpdate(person(alice.chatId, 'Alice')));
    const edit = calls.find((c) => c.method === 'editMessageText');
    expect(String(edit?.params.text)).toBe(
      '✅ Группа привязана к семье «Karimovlar». Пишите сюда, например: «продукты 50000».',
    );
    expect(await linkedTo()).toBe(householdId);
    expect(
      alertOf(await deliverUpdate(t, pressUpdate(person(alice.chatId, 'Alice'))))?.show_alert,
    ).toBeFalsy();
    const refused = alertOf(await deliverUpdate(t, pressUpdate(person(carol.chatId, 'Carol'))));
    expect(refused).toEqual(
      expect.objectContaining({ show_alert: true, text: 'Эта группа уже привязана к другой семье.' }),
    );
    expect(await linkedTo()).toBe(householdId);
  });

  describe('in the linked group', () => {
    let bobChat: BotChat;

    beforeAll(async () => {
      // Bob's personal record, made in his private chat: it never shows in the group.
      bobChat = new BotChat(t, bob.chatId, 'ru');
      bobChat.userId = bob.userId;
      await bobChat.send('такси 12345');
    });

    it('privacy mode on: a mention records to the household under the sender, with a short reply', async () => {
      const text = `@${BOT_NAME} продукты 50000`;
      const calls = await deliverUpdate(
        t,
        groupText(bob, text, { entities: [{ type: 'mention', offset: 0, length: BOT_NAME.length + 1 }] }),
      );
      expect(sentTexts(calls)).toEqual(['✅ Bob: 50,000.00 UZS — Продукты (в семью)']);
      expect(await householdRows()).toEqual([
        { user_id: bob.userId, amount: '50000.00', household_id: householdId },
      ]);
    });

    it('a reply to the bot is addressed to it: not understood → a short hint', async () => {
      const calls = await deliverUpdate(
        t,
        groupText(bob, 'а это что?', {
          reply_to_message: { message_id: 77, from: BOT_USER, chat: GROUP, date: 1 },
        }),
      );
      expect(sentTexts(calls)).toEqual([expect.stringMatching(/^🤔 Не понял/)]);
    });

    it('privacy mode off: chit-chat is ignored silently, a record is recorded', async () => {
      expect(sentTexts(await deliverUpdate(t, groupText(alice, 'кто сегодня забирает детей?')))).toEqual([]);
      expect(sentTexts(await deliverUpdate(t, groupText(bob, '@alice привет')))).toEqual([]);
      const calls = await deliverUpdate(t, groupText(alice, 'хлеб 8000'));
      expect(sentTexts(calls)).toEqual([expect.stringMatching(/^✅ Alice: 8,000\.00 UZS — .+ \(в семью\)$/)]);
      expect((await householdRows()).map((r) => [r.user_id, r.amount])).toEqual([
        [bob.userId, '50000.00'],
        [alice.userId, '8000.00'],
      ]);
    });

    it('a repeated update records once and answers once', async () => {
      const update = groupText(bob, 'молоко 12000');
      expect(sentTexts(await deliverUpdate(t, update))).toHaveLength(1);
      expect(sentTexts(await deliverUpdate(t, update))).toEqual([]);
      expect((await householdRows()).filter((r) => r.amount === '12000.00')).toHaveLength(1);
    });

    it('/balance shows only the household’s totals, never a personal record', async () => {
      const calls = await deliverUpdate(t, groupText(bob, `/balance@${BOT_NAME}`));
      expect(sentTexts(calls)).toEqual([
        '🏠 Семья «Karimovlar»:\n-70,000.00 UZS (доходы 0.00 UZS, расходы 70,000.00 UZS)',
      ]);
      const everything = t.telegram.textsTo(GROUP.id).join('\n');
      expect(everything).not.toContain('12,345');
      expect(everything).not.toContain('такси');
    });

    it('a command for another bot is left alone', async () => {
      expect(sentTexts(await deliverUpdate(t, groupText(bob, '/balance@OtherBot')))).toEqual([]);
    });

    it('non-members: one polite reply per person, then silence; never recorded', async () => {
      const polite =
        '🙏 Записывать здесь могут только участники семьи «Karimovlar». Попросите владельца пригласить вас.';
      expect(sentTexts(await deliverUpdate(t, groupText(eve, 'кофе 20000')))).toEqual([polite]);
      expect(sentTexts(await deliverUpdate(t, groupText(eve, `@${BOT_NAME} кофе 5000`)))).toEqual([]);
      expect(sentTexts(await deliverUpdate(t, groupText(eve, '/balance')))).toEqual([]);
      // someone with no account: chit-chat is silent, a command gets the one reply
      expect(sentTexts(await deliverUpdate(t, groupText(dave, 'привет всем')))).toEqual([]);
      expect(sentTexts(await deliverUpdate(t, groupText(dave, '/balance')))).toEqual([polite]);
      expect(sentTexts(await deliverUpdate(t, groupText(dave, 'сок 9000')))).toEqual([]);
      // Carol owns another household: not a member of this one either
      expect(sentTexts(await deliverUpdate(t, groupText(carol, 'сок 9000')))).toEqual([polite]);

      const eveRows: Array<{ n: number }> = await t.db.query(
        'SELECT count(*)::int AS n FROM transactions WHERE user_id = ANY($1)',
        [[eve.userId, carol.userId]],
      );
      expect(eveRows[0].n).toBe(0);
      const daveUser: unknown[] = await t.db.query('SELECT id FROM users WHERE telegram_chat_id = $1', [
        dave.chatId,
      ]);
      expect(daveUser).toEqual([]);
      expect((await householdRows()).map((r) => r.amount)).toEqual(['50000.00', '8000.00', '12000.00']);
    });

    it("an account's erasure forgets the group notice given to its Telegram id", async () => {
      const notices = (chatId: number) =>
        t.db.query('SELECT 1 FROM household_chat_notices WHERE telegram_user_id = $1', [chatId]);
      expect(await notices(eve.chatId)).toHaveLength(1);
      expect(await t.app.get(PrivacyService).eraseUser(eve.userId)).toBe(true);
      expect(await notices(eve.chatId)).toHaveLength(0);
      expect(await notices(dave.chatId)).toHaveLength(1);
    });

    it('removed from the group: unlinked, and the group’s messages record nothing', async () => {
      expect(
        sentTexts(await deliverUpdate(t, memberUpdate(person(alice.chatId, 'Alice'), 'member', 'kicked'))),
      ).toEqual([]);
      expect(await linkedTo()).toBeNull();
      const notices: unknown[] = await t.db.query('SELECT 1 FROM household_chat_notices WHERE chat_id = $1', [
        GROUP.id,
      ]);
      expect(notices).toEqual([]);
      expect(sentTexts(await deliverUpdate(t, groupText(bob, 'хлеб 8000')))).toEqual([]);
      expect(await householdRows()).toHaveLength(3);
      // The private chat is untouched: Bob still records there, personally.
      const answer = await bobChat.send('такси 1000');
      expect(answer.replies).toHaveLength(1);
      expect((await bobChat.rows('household_id IS NULL')).map((r) => r.amount)).toEqual([
        '12345.00',
        '1000.00',
      ]);
    });
  });
});
