/**
 * Phrases in the chat, end to end: Telegram Update JSON POSTed to /telegram/webhook/ with the secret header, the
 * rows checked in the database and the texts and inline buttons checked at the fake Bot API. Expected texts are
 * written out here, not imported from the code.
 */
import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CategoriesService } from '../src/modules/categories/categories.service';
import { customCategoryKey } from '../src/modules/categories/category-keys';
import { startTestApp, TestApp } from './helpers/test-app';
import { callbackUpdate as buildPress, deliverUpdate, messageUpdate, postUpdate } from './helpers/updates';
import { createTestDatabase } from './helpers/test-database';

/** Every message is sent at 12:00 in Tashkent on 10.03.2026 unless a test says otherwise. */
const SENT_AT = Date.parse('2026-03-10T07:00:00Z');

let nextUpdateId = 800_000;
let nextChatId = 910_000_000;
const newChatId = () => ++nextChatId;

interface TextOptions {
  languageCode?: string;
  sentAt?: number;
  fromId?: number;
}

function textUpdate(chatId: number, text: string, o: TextOptions = {}) {
  return messageUpdate(
    ++nextUpdateId,
    chatId,
    { text },
    {
      sentAt: o.sentAt ?? SENT_AT,
      firstName: 'Ali',
      username: `u${chatId}`,
      languageCode: o.languageCode,
      fromId: o.fromId,
    },
  );
}

/** A press on an inline button under the bot's message `messageId` in `chatId`, by `fromId` (the chat's user). */
const callbackUpdate = (chatId: number, data: string, messageId = 4242, fromId = chatId) =>
  buildPress(++nextUpdateId, chatId, data, { messageId, fromId, firstName: 'Ali' });

type Markup = { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined;
/** An inline keyboard as [label, callback_data] pairs per row. */
const buttons = (markup: unknown) =>
  ((markup as Markup)?.inline_keyboard ?? []).map((row) => row.map((b) => [b.text, b.callback_data]));

interface Row {
  type: string;
  amount: string;
  currency: string;
  category: string;
  description: string;
  source: string;
  source_update_id: string | null;
  source_item: number;
  local: string;
}

describe('Telegram bot: phrases (e2e, webhook)', () => {
  let t: TestApp;

  const deliver = (update: object) => deliverUpdate(t, update);

  /** POSTs a message; returns the one message the bot sent back (text + reply_markup). */
  const say = async (chatId: number, text: string, o: TextOptions = {}) => {
    const update = textUpdate(chatId, text, o);
    const calls = await deliver(update);
    const sent = calls.filter((c) => c.method === 'sendMessage');
    expect(sent).toHaveLength(1);
    expect(Number(sent[0].params.chat_id)).toBe(chatId);
    return {
      text: String(sent[0].params.text),
      markup: sent[0].params.reply_markup,
      updateId: update.update_id,
    };
  };

  /** Presses a button; returns the answerCallbackQuery it got and the edits of the message. */
  const press = async (chatId: number, data: string, messageId = 4242, fromId = chatId) => {
    const update = callbackUpdate(chatId, data, messageId, fromId);
    const calls = await deliver(update);
    const answers = calls.filter((c) => c.method === 'answerCallbackQuery');
    expect(answers).toHaveLength(1);
    expect(answers[0].params.callback_query_id).toBe(update.callback_query.id);
    expect(calls.filter((c) => c.method === 'sendMessage')).toEqual([]);
    const edits = calls.filter(
      (c) => c.method === 'editMessageText' || c.method === 'editMessageReplyMarkup',
    );
    for (const e of edits)
      expect([Number(e.params.chat_id), Number(e.params.message_id)]).toEqual([chatId, messageId]);
    return { answer: answers[0].params as { text?: string; show_alert?: boolean }, edits };
  };

  const rows = async (userId: string): Promise<Row[]> =>
    t.db.query(
      `SELECT type, amount::text AS amount, currency, category, description, source, source_update_id::text AS source_update_id, source_item,
              to_char(occurred_at AT TIME ZONE 'Asia/Tashkent', 'YYYY-MM-DD HH24:MI') AS local
       FROM transactions WHERE user_id = $1 ORDER BY created_at, source_item`,
      [userId],
    );

  const userOf = async (chatId: number) => {
    const found: Array<{ id: string; language: string; currency: string }> = await t.db.query(
      'SELECT id, language, currency FROM users WHERE telegram_chat_id = $1',
      [chatId],
    );
    return found[0];
  };

  const sessionState = async (userId: string): Promise<unknown> => {
    const found: Array<{ state: unknown }> = await t.db.query(
      'SELECT state FROM bot_sessions WHERE user_id = $1 AND is_active',
      [userId],
    );
    return found[0]?.state ?? null;
  };

  /** A user who sent /start (language from `languageCode`, else Russian). */
  const register = async (languageCode?: string) => {
    const chatId = newChatId();
    await deliver(textUpdate(chatId, '/start', { languageCode }));
    return { chatId, userId: (await userOf(chatId)).id };
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());
  afterEach(() => jest.restoreAllMocks());

  describe('recording', () => {
    it('Russian: records the expense and replies with it and the Undo / Category buttons', async () => {
      const { chatId, userId } = await register();
      const reply = await say(chatId, 'Потратил 50000 сум на продукты');
      expect(reply.text).toBe('✅ Записано:\n💸 50,000.00 UZS — Продукты · 10.03.2026');
      expect(buttons(reply.markup)).toEqual([
        [
          ['↩️ Отменить', `u:${reply.updateId}`],
          ['🏷 Категория', `c:${reply.updateId}`],
        ],
      ]);
      expect(await rows(userId)).toEqual([
        {
          type: 'expense',
          amount: '50000.00',
          currency: 'UZS',
          category: 'groceries',
          description: 'продукты',
          source: 'text',
          source_update_id: String(reply.updateId),
          source_item: 0,
          local: '2026-03-10 12:00',
        },
      ]);
    });

    it('Uzbek (Latin): the reply and the buttons are in Uzbek', async () => {
      const { chatId, userId } = await register('uz');
      const reply = await say(chatId, 'taksiga 20 ming berdim');
      expect(reply.text).toBe('✅ Yozib qoʻyildi:\n💸 20,000.00 UZS — Transport, taksi · 10.03.2026');
      expect(buttons(reply.markup)[0].map(([label]) => label)).toEqual(['↩️ Bekor qilish', '🏷 Kategoriya']);
      expect(await rows(userId)).toEqual([
        expect.objectContaining({
          type: 'expense',
          amount: '20000.00',
          currency: 'UZS',
          category: 'transport',
          source: 'text',
        }),
      ]);
    });

    it('Uzbek (Cyrillic): recorded, category named in the user’s language', async () => {
      const { chatId, userId } = await register('uz');
      const reply = await say(chatId, 'нонга 5000 сўм тўладим');
      expect(reply.text).toBe('✅ Yozib qoʻyildi:\n💸 5,000.00 UZS — Oziq-ovqat, нон · 10.03.2026');
      expect(await rows(userId)).toEqual([
        expect.objectContaining({
          type: 'expense',
          amount: '5000.00',
          currency: 'UZS',
          category: 'groceries',
          source_update_id: String(reply.updateId),
        }),
      ]);
    });

    it('English: an income in dollars', async () => {
      const { chatId, userId } = await register('en');
      const reply = await say(chatId, 'got paid 500 dollars');
      expect(reply.text).toBe('✅ Recorded:\n💰 500.00 USD — Salary · 10.03.2026');
      expect(buttons(reply.markup)[0].map(([label]) => label)).toEqual(['↩️ Undo', '🏷 Category']);
      expect(await rows(userId)).toEqual([
        expect.objectContaining({
          type: 'income',
          amount: '500.00',
          currency: 'USD',
          category: 'salary',
          source: 'text',
        }),
      ]);
    });

    it('several items in one phrase: every one recorded, one reply listing them in order', async () => {
      const { chatId, userId } = await register();
      const reply = await say(chatId, 'такси 20000 и кофе 15000');
      expect(reply.text).toBe(
        '✅ Записано:\n1. 💸 20,000.00 UZS — Транспорт, такси · 10.03.2026\n2. 💸 15,000.00 UZS — Кафе и рестораны, кофе · 10.03.2026',
      );
      const recorded = await rows(userId);
      expect(recorded.map((r) => [r.amount, r.category, r.source_update_id, r.source_item])).toEqual([
        ['20000.00', 'transport', String(reply.updateId), 0],
        ['15000.00', 'cafe', String(reply.updateId), 1],
      ]);
    });

    it('"вчера": the row is on yesterday’s local date (12:00) and the reply shows that date', async () => {
      const { chatId, userId } = await register();
      const reply = await say(chatId, 'вчера купил хлеб 8000');
      expect(reply.text).toBe('✅ Записано:\n💸 8,000.00 UZS — Продукты, хлеб · 09.03.2026');
      expect((await rows(userId))[0].local).toBe('2026-03-09 12:00');
    });

    it('"today" is the local day in Tashkent: 01:30 local is still UTC’s previous day', async () => {
      const { chatId, userId } = await register();
      const reply = await say(chatId, 'такси 20000', { sentAt: Date.parse('2026-03-09T20:30:00Z') });
      expect(reply.text).toContain('· 10.03.2026');
      expect((await rows(userId))[0].local).toBe('2026-03-10 01:30');
    });

    it('the same update delivered twice: rows once, reply once', async () => {
      const { chatId, userId } = await register();
      const update = textUpdate(chatId, 'такси 20000 и кофе 15000');
      const first = await deliver(update);
      const second = await deliver(update);
      expect(first.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
      expect(second).toEqual([]);
      expect(await rows(userId)).toHaveLength(2);
    });

    it('a chat that never sent /start: the user is created and the phrase recorded', async () => {
      const chatId = newChatId();
      const reply = await say(chatId, 'такси 20000');
      expect(reply.text).toBe('✅ Записано:\n💸 20,000.00 UZS — Транспорт, такси · 10.03.2026');
      const user = await userOf(chatId);
      expect(user).toMatchObject({ language: 'ru', currency: 'UZS' });
      expect(await rows(user.id)).toHaveLength(1);
      const sessions: unknown[] = await t.db.query(
        'SELECT 1 FROM bot_sessions WHERE user_id = $1 AND is_active',
        [user.id],
      );
      expect(sessions).toHaveLength(1);
    });

    it('logs one INFO line per recorded update with update, chat and user ids', async () => {
      const { chatId, userId } = await register();
      const log = jest.spyOn(Logger.prototype, 'log');
      const reply = await say(chatId, 'такси 20000 и кофе 15000');
      expect(log.mock.calls.map((c) => String(c[0]))).toContain(
        `Recorded from text: update_id=${reply.updateId}, chat_id=${chatId}, user_id=${userId}, recorded=2`,
      );
    });

    it('an amount beyond 13 digits is not recorded (the reply says the maximum); the largest one is', async () => {
      const { chatId, userId } = await register();
      expect((await say(chatId, 'такси 99999999999999 сум')).text).toBe(
        '❌ Слишком большая сумма: в записи не больше 13 цифр до запятой (до 9,999,999,999,999.99). Ничего не записано — проверьте число.',
      );
      expect(await rows(userId)).toEqual([]);
      expect((await say(chatId, 'такси 9999999999999.99')).text).toBe(
        '✅ Записано:\n💸 9,999,999,999,999.99 UZS — Транспорт, такси · 10.03.2026',
      );
      expect(await rows(userId)).toEqual([expect.objectContaining({ amount: '9999999999999.99' })]);
    });
  });

  describe('↩️ Undo', () => {
    it('removes exactly the recorded rows, edits the message without buttons; a second press is harmless', async () => {
      const { chatId, userId } = await register();
      await say(chatId, 'кофе 15000');
      const reply = await say(chatId, 'такси 20000 и обед 40000');
      expect(await rows(userId)).toHaveLength(3);

      const first = await press(chatId, `u:${reply.updateId}`);
      expect(first.answer).toMatchObject({ text: '↩️ Отменено' });
      expect(first.answer.show_alert).toBeFalsy();
      expect(first.edits).toHaveLength(1);
      expect(first.edits[0].method).toBe('editMessageText');
      expect(first.edits[0].params.text).toBe(
        '↩️ Отменено, удалены 2 записи:\n1. 💸 20,000.00 UZS — Транспорт, такси · 10.03.2026\n2. 💸 40,000.00 UZS — Кафе и рестораны, обед · 10.03.2026',
      );
      expect(buttons(first.edits[0].params.reply_markup)).toEqual([]);
      expect((await rows(userId)).map((r) => r.description)).toEqual(['кофе']);

      const second = await press(chatId, `u:${reply.updateId}`);
      expect(second.answer).toMatchObject({
        text: '⚠️ Эти записи уже отменены или недоступны.',
        show_alert: true,
      });
      expect(second.edits).toEqual([]);
      expect((await rows(userId)).map((r) => r.description)).toEqual(['кофе']);
    });

    it('a press on someone else’s record is refused and changes nothing', async () => {
      const owner = await register();
      const reply = await say(owner.chatId, 'такси 20000');
      const stranger = await register();
      for (const data of [`u:${reply.updateId}`, `c:${reply.updateId}`, `s:${reply.updateId}:0:cafe`]) {
        const res = await press(stranger.chatId, data);
        expect(res.answer).toMatchObject({ show_alert: true });
        expect(res.edits).toEqual([]);
      }
      expect(await rows(owner.userId)).toEqual([
        expect.objectContaining({ category: 'transport', amount: '20000.00' }),
      ]);
    });

    it('stale or unknown button data gets a short alert', async () => {
      const { chatId } = await register();
      for (const data of ['zzz', 'u:abc', 's:1:0:Транспорт', 'lang:de', 'cur:GBP']) {
        const res = await press(chatId, data);
        expect(res.answer).toMatchObject({ text: '⚠️ Эта кнопка устарела.', show_alert: true });
        expect(res.edits).toEqual([]);
      }
    });

    it('a press from a chat that never sent /start asks for /start', async () => {
      const res = await press(newChatId(), 'u:1');
      expect(res.answer).toMatchObject({
        text: '👋 Сначала зарегистрируйтесь: отправьте /start',
        show_alert: true,
      });
    });

    it('the same button press delivered twice is handled once', async () => {
      const { chatId, userId } = await register();
      const reply = await say(chatId, 'такси 20000');
      const update = callbackUpdate(chatId, `u:${reply.updateId}`);
      const first = await deliver(update);
      const second = await deliver(update);
      expect(first.map((c) => c.method)).toEqual(['answerCallbackQuery', 'editMessageText']);
      expect(second).toEqual([]);
      expect(await rows(userId)).toEqual([]);
    });
  });

  describe('🏷 Category', () => {
    it('shows the categories of the item’s type, two per row; picking one updates the row and the message', async () => {
      const { chatId, userId } = await register();
      const reply = await say(chatId, 'такси 20000');

      const list = await press(chatId, `c:${reply.updateId}`);
      expect(list.answer).toMatchObject({ text: '🏷 Выберите категорию' });
      expect(list.edits.map((e) => e.method)).toEqual(['editMessageReplyMarkup']);
      const keyboard = buttons(list.edits[0].params.reply_markup);
      expect(keyboard.slice(0, 2)).toEqual([
        [
          ['Продукты', `s:${reply.updateId}:0:groceries`],
          ['Кафе и рестораны', `s:${reply.updateId}:0:cafe`],
        ],
        [
          ['✅ Транспорт', `s:${reply.updateId}:0:transport`],
          ['Жильё и коммуналка', `s:${reply.updateId}:0:housing`],
        ],
      ]);
      expect(keyboard.at(-1)).toEqual([['⬅️ Назад', `b:${reply.updateId}`]]);
      expect(keyboard.flat().map(([label]) => label)).not.toContain('Зарплата');
      for (const row of keyboard.slice(0, -1)) expect(row.length).toBeLessThanOrEqual(2);

      const picked = await press(chatId, `s:${reply.updateId}:0:cafe`);
      expect(picked.answer).toMatchObject({
        text: '🏷 Кафе и рестораны\n🧠 Запомнил: «такси» теперь сюда (забыть — /categories)',
      });
      expect(picked.edits.map((e) => e.method)).toEqual(['editMessageText']);
      expect(picked.edits[0].params.text).toBe(
        '✅ Записано:\n💸 20,000.00 UZS — Кафе и рестораны, такси · 10.03.2026',
      );
      expect(buttons(picked.edits[0].params.reply_markup)).toEqual([
        [
          ['↩️ Отменить', `u:${reply.updateId}`],
          ['🏷 Категория', `c:${reply.updateId}`],
        ],
      ]);
      expect(await rows(userId)).toEqual([expect.objectContaining({ category: 'cafe', amount: '20000.00' })]);
    });

    it('an income offers income categories; the user’s own categories are listed too and can be picked', async () => {
      const { chatId, userId } = await register();
      const own = await t.app.get(CategoriesService).create(userId, { type: 'income', name: 'Подработка' });
      const reply = await say(chatId, 'получил зарплату 5 млн');
      const list = await press(chatId, `c:${reply.updateId}`);
      const labels = buttons(list.edits[0].params.reply_markup).flat();
      expect(labels.map(([label]) => label)).toEqual([
        '✅ Зарплата',
        'Фриланс',
        'Бизнес и продажи',
        'Инвестиции',
        'Подарки',
        'Прочее',
        'Подработка',
        '⬅️ Назад',
      ]);
      const ownButton = labels.find(([label]) => label === 'Подработка')!;
      expect(Buffer.byteLength(ownButton[1]!)).toBeLessThanOrEqual(64);

      const picked = await press(chatId, ownButton[1]!);
      expect(picked.answer).toMatchObject({
        text: '🏷 Подработка\n🧠 Запомнил: «зарплату» теперь сюда (забыть — /categories)',
      });
      expect(picked.edits[0].params.text).toBe(
        '✅ Записано:\n💰 5,000,000.00 UZS — Подработка, зарплату · 10.03.2026',
      );
      expect(await rows(userId)).toEqual([expect.objectContaining({ category: customCategoryKey(own.id) })]);
    });

    it('several items: first which one, then its categories; Back restores the buttons', async () => {
      const { chatId, userId } = await register();
      const reply = await say(chatId, 'такси 20000 и кофе 15000');
      const chooser = await press(chatId, `c:${reply.updateId}`);
      expect(chooser.answer).toMatchObject({ text: '🏷 Какую запись?' });
      expect(buttons(chooser.edits[0].params.reply_markup)).toEqual([
        [
          ['1. такси', `c:${reply.updateId}:0`],
          ['2. кофе', `c:${reply.updateId}:1`],
        ],
        [['⬅️ Назад', `b:${reply.updateId}`]],
      ]);
      const list = await press(chatId, `c:${reply.updateId}:1`);
      expect(buttons(list.edits[0].params.reply_markup).flat()).toContainEqual([
        '✅ Кафе и рестораны',
        `s:${reply.updateId}:1:cafe`,
      ]);
      const picked = await press(chatId, `s:${reply.updateId}:1:groceries`);
      expect(picked.edits[0].params.text).toBe(
        '✅ Записано:\n1. 💸 20,000.00 UZS — Транспорт, такси · 10.03.2026\n2. 💸 15,000.00 UZS — Продукты, кофе · 10.03.2026',
      );
      expect((await rows(userId)).map((r) => r.category)).toEqual(['transport', 'groceries']);

      await press(chatId, `c:${reply.updateId}`);
      const back = await press(chatId, `b:${reply.updateId}`);
      expect(back.edits.map((e) => e.method)).toEqual(['editMessageReplyMarkup']);
      expect(buttons(back.edits[0].params.reply_markup)).toEqual([
        [
          ['↩️ Отменить', `u:${reply.updateId}`],
          ['🏷 Категория', `c:${reply.updateId}`],
        ],
      ]);
    });

    it('a category of the other type is refused', async () => {
      const { chatId, userId } = await register();
      const reply = await say(chatId, 'такси 20000');
      const res = await press(chatId, `s:${reply.updateId}:0:salary`);
      expect(res.answer).toMatchObject({ show_alert: true });
      expect(res.edits).toEqual([]);
      expect(await rows(userId)).toEqual([expect.objectContaining({ category: 'transport' })]);
    });
  });

  describe('amount missing', () => {
    it('asks how much, keeps the question in the database, and records the answer tied to the second update', async () => {
      const { chatId, userId } = await register();
      const question = await say(chatId, 'купил хлеб');
      expect(question.text).toBe(
        '💬 Сколько? Напишите сумму, например 25000\n💸 Продукты, хлеб · 10.03.2026',
      );
      expect(buttons(question.markup)).toEqual([]);
      expect(await rows(userId)).toEqual([]);
      expect(await sessionState(userId)).toMatchObject({
        awaiting: 'amount',
        items: [{ type: 'expense', category: 'groceries', description: 'хлеб' }],
      });

      const reply = await say(chatId, '25000');
      expect(reply.text).toBe('✅ Записано:\n💸 25,000.00 UZS — Продукты, хлеб · 10.03.2026');
      expect(buttons(reply.markup)[0].map(([, data]) => data)).toEqual([
        `u:${reply.updateId}`,
        `c:${reply.updateId}`,
      ]);
      expect(await rows(userId)).toEqual([
        expect.objectContaining({
          type: 'expense',
          amount: '25000.00',
          category: 'groceries',
          description: 'хлеб',
          source: 'text',
          source_update_id: String(reply.updateId),
        }),
      ]);
      expect(await sessionState(userId)).toBeNull();

      // The question is answered: the next bare amount is an ordinary phrase again.
      await say(chatId, '30000');
      expect((await rows(userId)).map((r) => [r.amount, r.category])).toEqual([
        ['25000.00', 'groceries'],
        ['30000.00', 'other'],
      ]);
    });

    it('takes "25 тыс" and Uzbek number words as the answer', async () => {
      const ru = await register();
      await say(ru.chatId, 'получил зарплату');
      expect((await say(ru.chatId, '25 тыс')).text).toBe(
        '✅ Записано:\n💰 25,000.00 UZS — Зарплата, зарплату · 10.03.2026',
      );

      const uz = await register('uz');
      const question = await say(uz.chatId, "taksi uchun to'ladim");
      expect(question.text).toBe(
        '💬 Qancha? Summani yozing, masalan 25000\n💸 Transport, taksi · 10.03.2026',
      );
      await say(uz.chatId, 'ellik ming');
      expect(await rows(uz.userId)).toEqual([
        expect.objectContaining({ type: 'expense', amount: '50000.00', category: 'transport' }),
      ]);
    });

    it('something that is not an amount: asked again, the question stays', async () => {
      const { chatId, userId } = await register();
      await say(chatId, 'купил хлеб');
      expect((await say(chatId, 'ну такое')).text).toBe(
        '🤔 Не понял сумму. Напишите число, например 25000 — или /cancel, чтобы не записывать.',
      );
      await say(chatId, '8000');
      expect(await rows(userId)).toEqual([
        expect.objectContaining({ amount: '8000.00', description: 'хлеб' }),
      ]);
    });

    it('a full new phrase replaces the question and is recorded as it says', async () => {
      const { chatId, userId } = await register();
      await say(chatId, 'купил хлеб');
      const reply = await say(chatId, 'такси 20000');
      expect(reply.text).toBe('✅ Записано:\n💸 20,000.00 UZS — Транспорт, такси · 10.03.2026');
      expect(await sessionState(userId)).toBeNull();
      await say(chatId, '25000');
      expect((await rows(userId)).map((r) => r.category)).toEqual(['transport', 'other']);
    });

    it('/cancel drops the question', async () => {
      const { chatId, userId } = await register();
      await say(chatId, 'купил хлеб');
      expect((await say(chatId, '/cancel')).text).toBe('✖️ Действие отменено.');
      expect(await sessionState(userId)).toBeNull();
      await say(chatId, '25000');
      expect(await rows(userId)).toEqual([
        expect.objectContaining({ amount: '25000.00', category: 'other', description: '' }),
      ]);
    });

    it('a balance question in between is answered and the question stays', async () => {
      const { chatId, userId } = await register();
      await say(chatId, 'купил хлеб');
      expect((await say(chatId, 'какой у меня баланс')).text).toMatch(/^💰 Ваш баланс/);
      await say(chatId, '8000');
      expect(await rows(userId)).toEqual([
        expect.objectContaining({ amount: '8000.00', description: 'хлеб' }),
      ]);
    });
  });

  describe('not a transaction', () => {
    it.each([
      ['ru', 'asdf qwerty', 'Не понял 🤔 Напишите, например:\n• Потратил 50000 сум на продукты'],
      [
        'en',
        'asdf qwerty',
        "Sorry, I didn't get that 🤔 Write, for example:\n• Spent 50000 sum on groceries",
      ],
      ['uz', 'asdf qwerty', 'Tushunmadim 🤔 Masalan, shunday yozing:\n• taksiga 20 ming berdim'],
    ])('%s: unknown text gets a hint with examples', async (lang, text, start) => {
      const { chatId, userId } = await register(lang);
      expect((await say(chatId, text)).text.startsWith(start)).toBe(true);
      expect(await rows(userId)).toEqual([]);
    });

    it('small talk gets a short friendly answer', async () => {
      const { chatId } = await register();
      expect((await say(chatId, 'привет')).text).toBe(
        '🙂 Всегда рад помочь! Напишите трату или доход, например: «такси 20000».',
      );
    });

    it('a balance question answers like /balance', async () => {
      const { chatId } = await register();
      await say(chatId, 'такси 20000');
      const now = Date.now();
      const asked = await say(chatId, 'какой у меня баланс', { sentAt: now });
      const command = await say(chatId, '/balance', { sentAt: now });
      const withoutTime = (s: string) => s.replace(/📅 На .*/, '');
      expect(withoutTime(asked.text)).toBe(withoutTime(command.text));
      expect(asked.text).toContain('💸 Расходы: 20,000.00 UZS');
      expect(asked.text).toContain('💸 20,000.00 UZS - такси');
    });

    it('a stats question sums this month by category and currency', async () => {
      const { chatId } = await register();
      await say(chatId, 'такси 20000');
      await say(chatId, 'кофе 15000');
      await say(chatId, 'такси 10000');
      await say(chatId, 'получил зарплату 5 млн');
      await say(chatId, 'обед 12 долларов');
      await say(chatId, 'такси 99000', { sentAt: Date.parse('2026-02-27T07:00:00Z') }); // last month
      expect((await say(chatId, 'статистика за месяц')).text).toBe(
        [
          '📊 Статистика за март',
          '💸 Расходы: 12.00 USD\n🍽 Кафе и рестораны: 12.00 USD (100%)',
          '💸 Расходы: 45,000.00 UZS\n🚕 Транспорт: 30,000.00 UZS (66.7%)\n🍽 Кафе и рестораны: 15,000.00 UZS (33.3%)',
          '💰 Доходы: 5,000,000.00 UZS\n💼 Зарплата: 5,000,000.00 UZS (100%)',
          '⚖️ Баланс: -12.00 USD · 1 операция; 4,955,000.00 UZS · 4 операции',
        ].join('\n\n'),
      );
    });

    it('an undo phrase removes the last record and says which', async () => {
      const { chatId, userId } = await register();
      await say(chatId, 'такси 20000');
      await say(chatId, 'кофе 15000');
      expect((await say(chatId, 'отмени последнее')).text).toBe(
        '↩️ Удалил последнюю запись:\n💸 15,000.00 UZS — Кафе и рестораны, кофе · 10.03.2026',
      );
      expect((await rows(userId)).map((r) => r.description)).toEqual(['такси']);
      await say(chatId, 'отмени последнее');
      expect((await say(chatId, 'отмени последнее')).text).toBe('👌 Отменять нечего: записей пока нет.');
    });
  });

  describe('settings', () => {
    it('a language phrase changes the language and confirms in the new one; later replies follow it', async () => {
      const { chatId } = await register();
      expect((await say(chatId, 'переключи на узбекский')).text).toBe('✅ Til: Oʻzbekcha');
      expect((await userOf(chatId)).language).toBe('uz');
      expect((await say(chatId, 'такси 20000')).text).toBe(
        '✅ Yozib qoʻyildi:\n💸 20,000.00 UZS — Transport, такси · 10.03.2026',
      );
      expect((await say(chatId, 'switch to english')).text).toBe('✅ Language: English');
      expect((await userOf(chatId)).language).toBe('en');
    });

    it('"поменяй язык" offers the languages as buttons; a press sets it and confirms in it', async () => {
      const { chatId } = await register();
      const offer = await say(chatId, 'поменяй язык');
      expect(offer.text).toBe('🌐 Выберите язык:');
      expect(buttons(offer.markup)).toEqual([
        [
          ['✅ 🇷🇺 Русский', 'lang:ru'],
          ['🇺🇿 Oʻzbekcha', 'lang:uz'],
          ['🇬🇧 English', 'lang:en'],
        ],
      ]);
      const res = await press(chatId, 'lang:en');
      expect(res.answer).toMatchObject({ text: '✅ Language: English' });
      expect(res.edits.map((e) => [e.method, e.params.text])).toEqual([
        ['editMessageText', '✅ Language: English'],
      ]);
      expect((await userOf(chatId)).language).toBe('en');
    });

    it('a currency phrase changes the default currency; later phrases without a currency use it', async () => {
      const { chatId, userId } = await register();
      expect((await say(chatId, 'поменяй валюту на доллары')).text).toBe('✅ Валюта по умолчанию: USD');
      expect((await userOf(chatId)).currency).toBe('USD');
      await say(chatId, 'такси 20');
      expect(await rows(userId)).toEqual([expect.objectContaining({ amount: '20.00', currency: 'USD' })]);
    });

    it('"поменяй валюту" offers the currencies as buttons', async () => {
      const { chatId } = await register();
      const offer = await say(chatId, 'поменяй валюту');
      expect(offer.text).toBe('💱 Выберите валюту по умолчанию:');
      expect(
        buttons(offer.markup)
          .flat()
          .map(([, data]) => data),
      ).toEqual(['cur:UZS', 'cur:USD', 'cur:RUB', 'cur:EUR']);
      const res = await press(chatId, 'cur:EUR');
      expect(res.edits.map((e) => e.params.text)).toEqual(['✅ Валюта по умолчанию: EUR']);
      expect((await userOf(chatId)).currency).toBe('EUR');
    });
  });
});

describe('the amount question across a restart (e2e)', () => {
  it('is still answered after the app restarts on the same database', async () => {
    const usePostgres = !!process.env.DATABASE_URL && !process.env.DATABASE_URL.startsWith('pglite://');
    let dir: string | undefined;
    const shared = usePostgres
      ? await createTestDatabase()
      : {
          url: `pglite://${(dir = mkdtempSync(join(tmpdir(), 'ovozpay-phrases-')))}`,
          drop: async () => rmSync(dir!, { recursive: true, force: true }),
        };
    const chatId = newChatId();
    const post = (app: TestApp, update: object) => postUpdate(app, update).expect(200);
    try {
      const first = await startTestApp({ DATABASE_URL: shared.url });
      try {
        await post(first, textUpdate(chatId, 'купил хлеб'));
        expect(first.telegram.textsTo(chatId)).toEqual([
          '💬 Сколько? Напишите сумму, например 25000\n💸 Продукты, хлеб · 10.03.2026',
        ]);
      } finally {
        await first.close();
      }
      const second = await startTestApp({ DATABASE_URL: shared.url });
      try {
        await post(second, textUpdate(chatId, '25000'));
        expect(second.telegram.textsTo(chatId)).toEqual([
          '✅ Записано:\n💸 25,000.00 UZS — Продукты, хлеб · 10.03.2026',
        ]);
        const recorded: unknown[] = await second.db.query(
          `SELECT t.amount::text AS amount, t.category FROM transactions t JOIN users u ON u.id = t.user_id WHERE u.telegram_chat_id = $1`,
          [chatId],
        );
        expect(recorded).toEqual([{ amount: '25000.00', category: 'groceries' }]);
      } finally {
        await second.close();
      }
    } finally {
      await shared.drop();
    }
  });
});
