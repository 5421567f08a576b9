/**
 * Forwarded card notifications, end to end (docs/card-notifications.md): forwarded messages POSTed to
 * /telegram/webhook/ with the secret header, the rows checked in the database (time in Tashkent), the texts and
 * buttons checked at the fake Bot API, and POST /api/transactions/parse/. Merchants, amounts and cards are made up;
 * expected texts are written out here, not imported from the code.
 */
import { accessTokenFor } from './helpers/auth';
import { startTestApp, TestApp } from './helpers/test-app';
import {
  callbackUpdate,
  deliverUpdate,
  forwardedText,
  messageUpdate,
  postUpdate,
  textUpdate,
} from './helpers/updates';

/** Messages are forwarded at 12:00 in Tashkent on 05.12.2026 unless a test says otherwise. */
const SENT_AT = Date.parse('2026-12-05T07:00:00Z');

let nextUpdateId = 3_100_000;
let nextChatId = 930_000_000;

/** A forwarded message (forward_origin: the bank's bot), as Telegram sends it. */
function forwardUpdate(chatId: number, text: string, sentAt = SENT_AT) {
  const bank = forwardedText(text, { name: 'HUMO', isBot: true }, sentAt - 3_600_000);
  return messageUpdate(++nextUpdateId, chatId, bank, { sentAt, firstName: 'Ali' });
}

const pressUpdate = (chatId: number, data: string, messageId = 4242) =>
  callbackUpdate(++nextUpdateId, chatId, data, { messageId, firstName: 'Ali' });

type Markup = { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined;
const buttons = (markup: unknown) =>
  ((markup as Markup)?.inline_keyboard ?? []).map((row) => row.map((b) => [b.text, b.callback_data]));

interface Row {
  type: string;
  amount: string;
  currency: string;
  category: string;
  description: string;
  local: string;
  card_last4: string | null;
  source_update_id: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Notifications of the six families
// ---------------------------------------------------------------------------------------------------------------

const HUMO_PAYMENT =
  '🔴 Оплата\n➖ 76.400,00 UZS\n📍 MAKRO YUNUSABAD\n💳 HUMOCARD *1177\n🕓 19:48 02.12.2026\n💰 3.120.550,00 UZS';
const SMS_POKUPKA =
  'Pokupka: SAFIA BAKERY, 38 000.00 UZS 01.12.26 09:12 karta ***1177. Balans: 3 196 950.00 UZS';
const SEMICOLONS =
  'HUMOCARD *1177: oplata 45000.00 UZS; KORZINKA CHILONZOR; 26-12-03 18:05; Dostupno: 3075550.00 UZS';
const UZCARD =
  '➖ 25 000,00 UZS\nKarta: UZCARD *2290\nMagazin: YANDEX GO\nData: 04.12.2026\nVremya: 08:30\nBalans: 1 475 000,00 UZS';
const SENTENCE_OUT = 'Spisanie, karta ***2290: 50.000,00 UZS, UZMOBILE. Dostupno: 1.425.000,00 UZS';
const SENTENCE_IN = 'Popolnenie ot KARIMOV A. na 500.000,00 UZS, karta ***2290. Dostupno: 1.925.000,00 UZS';
const RECEIPT = [
  'Sender 860012******4410',
  'Sender name ALISHER K.',
  'Receiver 986001******2235',
  'Receiver name BOBUR T.',
  'Transaction date 01.12.2026 21:40:05',
  'Receiver amount 1,200,000.00 UZS',
].join('\n');
const RECEIPT_RU = [
  'Отправитель 986001******2235',
  'Имя отправителя BOBUR T.',
  'Получатель 860012******4410',
  'Имя получателя ALISHER K.',
  'Дата транзакции 03.12.2026 10:15:00',
  'Сумма отправителя 300 000.00 UZS',
].join('\n');

describe('Telegram bot: forwarded card notifications (e2e, webhook)', () => {
  let t: TestApp;

  const post = (body: object) => postUpdate(t, body);

  const deliver = (update: object) => deliverUpdate(t, update);

  /** Forwards a notification; returns the one message the bot sent back. */
  const forward = async (chatId: number, text: string, sentAt = SENT_AT) => {
    const update = forwardUpdate(chatId, text, sentAt);
    const sent = (await deliver(update)).filter((c) => c.method === 'sendMessage');
    expect(sent).toHaveLength(1);
    return {
      text: String(sent[0].params.text),
      markup: sent[0].params.reply_markup,
      updateId: update.update_id,
    };
  };

  const press = async (chatId: number, data: string) => {
    const update = pressUpdate(chatId, data);
    const calls = await deliver(update);
    const answers = calls.filter((c) => c.method === 'answerCallbackQuery');
    expect(answers).toHaveLength(1);
    expect(calls.filter((c) => c.method === 'sendMessage')).toEqual([]);
    const edits = calls.filter(
      (c) => c.method === 'editMessageText' || c.method === 'editMessageReplyMarkup',
    );
    return { answer: answers[0].params as { text?: string; show_alert?: boolean }, edits };
  };

  const rows = async (userId: string): Promise<Row[]> =>
    t.db.query(
      `SELECT type, amount::text AS amount, currency, category, description,
              to_char(occurred_at AT TIME ZONE 'Asia/Tashkent', 'YYYY-MM-DD HH24:MI:SS') AS local, card_last4, source_update_id::text AS source_update_id
       FROM transactions WHERE user_id = $1 ORDER BY occurred_at, created_at`,
      [userId],
    );

  const userCards = async (userId: string) =>
    (await t.db.query(`SELECT last4, source FROM user_cards WHERE user_id = $1 ORDER BY last4`, [
      userId,
    ])) as Array<{ last4: string; source: string }>;

  const register = async () => {
    const chatId = ++nextChatId;
    await deliver(textUpdate(++nextUpdateId, chatId, '/start'));
    const found: Array<{ id: string }> = await t.db.query(
      'SELECT id FROM users WHERE telegram_chat_id = $1',
      [chatId],
    );
    return { chatId, userId: found[0].id };
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  describe('one record per notification, with its own date and time', () => {
    it('1 HUMO bot: the expense at 19:48 on 02.12.2026, the merchant as description; the Undo / Category buttons', async () => {
      const { chatId, userId } = await register();
      const reply = await forward(chatId, HUMO_PAYMENT);
      expect(reply.text).toBe(
        '✅ Записано из уведомления:\n💸 76,400.00 UZS — Продукты, MAKRO YUNUSABAD · 02.12.2026 19:48 · 💳 ***1177',
      );
      expect(buttons(reply.markup)).toEqual([
        [
          ['↩️ Отменить', `u:${reply.updateId}`],
          ['🏷 Категория', `c:${reply.updateId}`],
        ],
      ]);
      // not the balance (3,120,550.00) nor the card's digits: exactly one row, the operation's amount
      expect(await rows(userId)).toEqual([
        {
          type: 'expense',
          amount: '76400.00',
          currency: 'UZS',
          category: 'groceries',
          description: 'MAKRO YUNUSABAD',
          local: '2026-12-02 19:48:00',
          card_last4: '1177',
          source_update_id: String(reply.updateId),
        },
      ]);
    });

    it('2 inline SMS, 3 semicolons, 4 Uzcard bot, 5 bank sentences (out and in): the exact rows', async () => {
      const { chatId, userId } = await register();
      const replies: Array<{ text: string; updateId: number }> = [];
      for (const text of [SMS_POKUPKA, SEMICOLONS, UZCARD, SENTENCE_OUT, SENTENCE_IN])
        replies.push(await forward(chatId, text));
      expect(replies.map((r) => r.text)).toEqual([
        '✅ Записано из уведомления:\n💸 38,000.00 UZS — Кафе и рестораны, SAFIA BAKERY · 01.12.2026 09:12 · 💳 ***1177',
        '✅ Записано из уведомления:\n💸 45,000.00 UZS — Продукты, KORZINKA CHILONZOR · 03.12.2026 18:05 · 💳 ***1177',
        '✅ Записано из уведомления:\n💸 25,000.00 UZS — Транспорт, YANDEX GO · 04.12.2026 08:30 · 💳 ***2290',
        // a sentence SMS without a date: the time the bank sent it (forward_origin.date, an hour before the forward)
        '✅ Записано из уведомления:\n💸 50,000.00 UZS — Связь и интернет, UZMOBILE · 05.12.2026 11:00 · 💳 ***2290',
        '✅ Записано из уведомления:\n💰 500,000.00 UZS — Прочее, KARIMOV A. · 05.12.2026 11:00 · 💳 ***2290',
      ]);
      const id = (k: number) => String(replies[k].updateId);
      expect(await rows(userId)).toEqual([
        {
          type: 'expense',
          amount: '38000.00',
          currency: 'UZS',
          category: 'cafe',
          description: 'SAFIA BAKERY',
          local: '2026-12-01 09:12:00',
          card_last4: '1177',
          source_update_id: id(0),
        },
        {
          type: 'expense',
          amount: '45000.00',
          currency: 'UZS',
          category: 'groceries',
          description: 'KORZINKA CHILONZOR',
          local: '2026-12-03 18:05:00',
          card_last4: '1177',
          source_update_id: id(1),
        },
        {
          type: 'expense',
          amount: '25000.00',
          currency: 'UZS',
          category: 'transport',
          description: 'YANDEX GO',
          local: '2026-12-04 08:30:00',
          card_last4: '2290',
          source_update_id: id(2),
        },
        {
          type: 'expense',
          amount: '50000.00',
          currency: 'UZS',
          category: 'communication',
          description: 'UZMOBILE',
          local: '2026-12-05 11:00:00',
          card_last4: '2290',
          source_update_id: id(3),
        },
        {
          type: 'income',
          amount: '500000.00',
          currency: 'UZS',
          category: 'other',
          description: 'KARIMOV A.',
          local: '2026-12-05 11:00:00',
          card_last4: '2290',
          source_update_id: id(4),
        },
      ]);
      // the notifications' cards are remembered as the user's
      expect(await userCards(userId)).toEqual([
        { last4: '1177', source: 'notification' },
        { last4: '2290', source: 'notification' },
      ]);
    });

    it('in Uzbek and English the reply follows the user’s language', async () => {
      const { chatId, userId } = await register();
      await t.db.query(`UPDATE users SET language = 'uz' WHERE id = $1`, [userId]);
      const uz = await forward(
        chatId,
        "💳 To'lov\nSumma: 45 000.00 UZS\nKarta: *1177\nMagazin: EVOS\nData: 01.12.2026\nVremya: 13:05\nBalans: 3 151 950.00 UZS",
      );
      expect(uz.text).toBe(
        '✅ Bildirishnomadan yozib qoʻyildi:\n💸 45,000.00 UZS — Kafe va restoranlar, EVOS · 01.12.2026 13:05 · 💳 ***1177',
      );
      await t.db.query(`UPDATE users SET language = 'en' WHERE id = $1`, [userId]);
      const en = await forward(
        chatId,
        'Debit: 15.00 USD, NETFLIX.COM, card *1177, 03.12.2026 02:00. Balance: 120.50 USD',
      );
      expect(en.text).toBe(
        '✅ Recorded from the notification:\n💸 15.00 USD — Entertainment, NETFLIX.COM · 03.12.2026 02:00 · 💳 ***1177',
      );
      expect((await rows(userId)).map((r) => [r.amount, r.currency, r.local])).toEqual([
        ['45000.00', 'UZS', '2026-12-01 13:05:00'],
        ['15.00', 'USD', '2026-12-03 02:00:00'],
      ]);
    });

    it('a notification while the bot waits for "how much?" is recorded as itself, not as the answer', async () => {
      const { chatId, userId } = await register();
      await deliver(forwardUpdate(chatId, 'купил хлеб'));
      // no merchant: the bare amount of a top-up must not become the price of the bread
      const reply = await forward(
        chatId,
        'Popolnenie scheta: 1 000 000.00 UZS 02.12.26 10:00 karta ***1177. Balans: 4 091 950.00 UZS',
      );
      expect(reply.text).toBe(
        '✅ Записано из уведомления:\n💰 1,000,000.00 UZS — Прочее · 02.12.2026 10:00 · 💳 ***1177',
      );
      expect((await rows(userId)).map((r) => [r.type, r.amount, r.description, r.local])).toEqual([
        ['income', '1000000.00', '', '2026-12-02 10:00:00'],
      ]);
    });
  });

  describe('once, and only once', () => {
    it('the same notification forwarded twice: one row; the second forward is told it is already recorded', async () => {
      const { chatId, userId } = await register();
      const first = await forward(chatId, SMS_POKUPKA);
      expect(first.text).toMatch(/^✅ Записано из уведомления:/);
      const again = await forward(chatId, SMS_POKUPKA.replace(/ /g, '\u00a0'), SENT_AT + 60_000);
      expect(again.text).toBe(
        '☑️ Это уведомление уже записано:\n💸 38,000.00 UZS — Кафе и рестораны, SAFIA BAKERY · 01.12.2026 09:12 · 💳 ***1177',
      );
      expect(again.markup).toBeUndefined();
      expect(await rows(userId)).toEqual([
        expect.objectContaining({ amount: '38000.00', source_update_id: String(first.updateId) }),
      ]);
    });

    it('ten different notifications forwarded at once: ten rows (a repeat of one of them in the burst: still ten)', async () => {
      const { chatId, userId } = await register();
      const texts = Array.from(
        { length: 10 },
        (_, i) =>
          `Pokupka: NON SHOP ${i + 1}, ${10_000 + i * 1_000}.00 UZS 04.12.26 1${i}:00 karta ***1177. Balans: 900 000.00 UZS`,
      );
      const updates = [...texts, texts[3]].map((text) => forwardUpdate(chatId, text));
      const before = t.telegram.calls.length;
      await Promise.all(updates.map((u) => post(u).expect(200)));
      const sent = t.telegram.calls.slice(before).filter((c) => c.method === 'sendMessage');
      expect(sent).toHaveLength(11);
      expect(sent.filter((c) => String(c.params.text).startsWith('☑️'))).toHaveLength(1);
      const recorded = await rows(userId);
      expect(recorded).toHaveLength(10);
      expect(recorded.map((r) => r.amount)).toEqual(texts.map((_, i) => `${10_000 + i * 1_000}.00`));
      expect(recorded.map((r) => r.local)).toEqual(texts.map((_, i) => `2026-12-04 1${i}:00:00`));
    });
  });

  describe('reversals', () => {
    it('OTMENA removes the matching earlier record (same card, amount, merchant; the nearest one) and says so', async () => {
      const { chatId, userId } = await register();
      await forward(chatId, SMS_POKUPKA);
      await forward(
        chatId,
        SMS_POKUPKA.replace('01.12.26 09:12', '01.12.26 09:14').replace('3 196 950.00', '3 158 950.00'),
      );
      await forward(
        chatId,
        SMS_POKUPKA.replace('01.12.26 09:12', '01.12.26 11:00').replace('SAFIA BAKERY', 'EVOS'),
      );
      const reply = await forward(
        chatId,
        'OTMENA Pokupka: SAFIA BAKERY, 38 000.00 UZS 01.12.26 09:20 karta ***1177. Balans: 3 196 950.00 UZS',
      );
      expect(reply.text).toBe(
        '↩️ Банк отменил операцию — запись удалена:\n💸 38,000.00 UZS — Кафе и рестораны, SAFIA BAKERY · 01.12.2026 09:14 · 💳 ***1177',
      );
      expect((await rows(userId)).map((r) => [r.description, r.local])).toEqual([
        ['SAFIA BAKERY', '2026-12-01 09:12:00'],
        ['EVOS', '2026-12-01 11:00:00'],
      ]);
    });

    it('a reversal with nothing to match: a short reply, nothing recorded or removed', async () => {
      const { chatId, userId } = await register();
      await forward(chatId, HUMO_PAYMENT);
      const reply = await forward(
        chatId,
        '🔵 OTMENA\n➕ 12.000,00 UZS\n📍 MAKRO YUNUSABAD\n💳 HUMOCARD *1177\n🕓 19:52 02.12.2026\n💰 3.132.550,00 UZS',
      );
      expect(reply.text).toBe(
        '🤷 Это отмена операции, но подходящей записи у вас нет — ничего не изменилось.',
      );
      expect((await rows(userId)).map((r) => r.amount)).toEqual(['76400.00']);
    });
  });

  describe('transfer receipts', () => {
    it('asks which card is the user’s, records on the answer and remembers the card; the next receipt needs no question', async () => {
      const { chatId, userId } = await register();
      const ask = await forward(chatId, RECEIPT);
      expect(ask.text).toBe(
        '💳 Перевод 1,200,000.00 UZS · 01.12.2026 21:40\nALISHER K. ***4410 → BOBUR T. ***2235\nКакая карта ваша? Я запомню её и следующие такие переводы запишу сам.',
      );
      expect(buttons(ask.markup)).toEqual([
        [
          ['Моя карта ***4410', `m:${ask.updateId}:4410`],
          ['Моя карта ***2235', `m:${ask.updateId}:2235`],
        ],
      ]);
      expect(await rows(userId)).toEqual([]);

      const answer = await press(chatId, `m:${ask.updateId}:4410`);
      expect(answer.answer.text).toBe('💳 Запомнил: ***4410 — ваша карта');
      expect(answer.edits).toHaveLength(1);
      expect(answer.edits[0].params.text).toBe(
        '✅ Записано из уведомления:\n💸 1,200,000.00 UZS — Прочее, BOBUR T. · 01.12.2026 21:40 · 💳 ***4410',
      );
      expect(buttons(answer.edits[0].params.reply_markup)).toEqual([
        [
          ['↩️ Отменить', `u:${ask.updateId}`],
          ['🏷 Категория', `c:${ask.updateId}`],
        ],
      ]);
      expect(await rows(userId)).toEqual([
        {
          type: 'expense',
          amount: '1200000.00',
          currency: 'UZS',
          category: 'other',
          description: 'BOBUR T.',
          local: '2026-12-01 21:40:05',
          card_last4: '4410',
          source_update_id: String(ask.updateId),
        },
      ]);
      expect(await userCards(userId)).toEqual([{ last4: '4410', source: 'answer' }]);

      // a second press changes nothing
      const again = await press(chatId, `m:${ask.updateId}:2235`);
      expect(again.edits[0]?.params.text).toMatch(/^☑️ Это уведомление уже записано:/);
      expect(await rows(userId)).toHaveLength(1);

      // the same card again, this time receiving (Russian receipt): money in, from the sender, without a question
      const direct = await forward(chatId, RECEIPT_RU);
      expect(direct.text).toBe(
        '✅ Записано из уведомления:\n💰 300,000.00 UZS — Прочее, BOBUR T. · 03.12.2026 10:15 · 💳 ***4410',
      );
      expect(buttons(direct.markup)[0].map(([, data]) => data)).toEqual([
        `u:${direct.updateId}`,
        `c:${direct.updateId}`,
      ]);
      expect(
        (await rows(userId)).map((r) => [r.type, r.amount, r.description, r.local, r.card_last4]),
      ).toEqual([
        ['expense', '1200000.00', 'BOBUR T.', '2026-12-01 21:40:05', '4410'],
        ['income', '300000.00', 'BOBUR T.', '2026-12-03 10:15:00', '4410'],
      ]);
      const questions: unknown[] = await t.db.query(
        `SELECT 1 FROM card_transfer_questions WHERE user_id = $1`,
        [userId],
      );
      expect(questions).toEqual([]);
    });

    it('answering with the receiving card records money in; a card known from a notification needs no question', async () => {
      const { chatId, userId } = await register();
      const ask = await forward(chatId, RECEIPT);
      const answer = await press(chatId, `m:${ask.updateId}:2235`);
      expect(answer.edits[0].params.text).toBe(
        '✅ Записано из уведомления:\n💰 1,200,000.00 UZS — Прочее, ALISHER K. · 01.12.2026 21:40 · 💳 ***2235',
      );
      expect((await rows(userId)).map((r) => [r.type, r.description, r.card_last4])).toEqual([
        ['income', 'ALISHER K.', '2235'],
      ]);

      const other = await register();
      await forward(other.chatId, HUMO_PAYMENT.replace('*1177', '*4410'));
      const direct = await forward(other.chatId, RECEIPT);
      expect(direct.text).toBe(
        '✅ Записано из уведомления:\n💸 1,200,000.00 UZS — Прочее, BOBUR T. · 01.12.2026 21:40 · 💳 ***4410',
      );
    });

    it('both cards the user’s: a move between their own cards, nothing recorded', async () => {
      const { chatId, userId } = await register();
      await t.db.query(
        `INSERT INTO user_cards (user_id, last4, source) VALUES ($1, '4410', 'answer'), ($1, '2235', 'answer')`,
        [userId],
      );
      const reply = await forward(chatId, RECEIPT);
      expect(reply.text).toBe(
        '🔁 Перевод между вашими картами ***4410 → ***2235 (1,200,000.00 UZS): это не доход и не расход — ничего не записал.',
      );
      expect(await rows(userId)).toEqual([]);
    });

    it('a stale button (no question behind it) is refused politely', async () => {
      const { chatId } = await register();
      const stale = await press(chatId, `m:${nextUpdateId + 1000}:4410`);
      expect(stale.answer).toMatchObject({ text: '⚠️ Этот вопрос уже неактуален.', show_alert: true });
    });

    it('the user’s cards are in the data export', async () => {
      const { chatId, userId } = await register();
      const ask = await forward(chatId, RECEIPT);
      const { token } = await accessTokenFor(t, chatId);
      const before = (
        await t.http.get('/api/users/me/export/').set('Authorization', `Bearer ${token}`).expect(200)
      ).body as Record<string, Array<Record<string, unknown>>>;
      expect(before.card_transfer_questions).toEqual([
        expect.objectContaining({
          update_id: String(ask.updateId),
          sender_card: '4410',
          receiver_card: '2235',
          amount: '1200000.00',
        }),
      ]);
      await press(chatId, `m:${ask.updateId}:4410`);
      const after = (
        await t.http.get('/api/users/me/export/').set('Authorization', `Bearer ${token}`).expect(200)
      ).body as Record<string, Array<Record<string, unknown>>>;
      expect(after.user_cards).toEqual([expect.objectContaining({ last4: '4410', source: 'answer' })]);
      expect(after.card_transfer_questions).toEqual([]);
      expect(after.transactions).toEqual([
        expect.objectContaining({ card_last4: '4410', external_ref: expect.any(String) }),
      ]);
      expect(userId).toBeTruthy();
    });
  });

  describe('the user’s own words pasted with a receipt, and merchants beyond the brand table', () => {
    /** Text the user typed and pasted (no forward_origin): their words, then the receipt. */
    const paste = async (chatId: number, text: string) => {
      const update = textUpdate(++nextUpdateId, chatId, text);
      const sent = (await deliver(update)).filter((c) => c.method === 'sendMessage');
      expect(sent).toHaveLength(1);
      return {
        text: String(sent[0].params.text),
        markup: sent[0].params.reply_markup,
        updateId: update.update_id,
      };
    };

    it('"мама скинула 👇" above a receipt: money in from the sender, a gift, no question; the receiving card is remembered', async () => {
      const { chatId, userId } = await register();
      const reply = await paste(chatId, `мама скинула 👇\n${RECEIPT_RU}`);
      expect(reply.text).toBe(
        '✅ Записано из уведомления:\n💰 300,000.00 UZS — Подарки, BOBUR T. · 03.12.2026 10:15 · 💳 ***4410',
      );
      expect(buttons(reply.markup)[0].map(([, data]) => data)).toEqual([
        `u:${reply.updateId}`,
        `c:${reply.updateId}`,
      ]);
      expect(await rows(userId)).toEqual([
        {
          type: 'income',
          amount: '300000.00',
          currency: 'UZS',
          category: 'gifts',
          description: 'BOBUR T.',
          local: '2026-12-03 10:15:00',
          card_last4: '4410',
          source_update_id: String(reply.updateId),
        },
      ]);
      expect(await userCards(userId)).toEqual([{ last4: '4410', source: 'answer' }]);
      // the same receipt forwarded again, without words: recorded once (the remembered card tells the side)
      const again = await forward(chatId, RECEIPT_RU);
      expect(again.text).toMatch(/^☑️ Это уведомление уже записано:/);
      expect(await rows(userId)).toHaveLength(1);
    });

    it('"оплатил садик" above a receipt without names: money out from the sending card, education, described by the words', async () => {
      const { chatId, userId } = await register();
      const receipt = [
        'Перевод',
        'Отправитель: 8600 **** **** 3412',
        'Получатель: 9860 **** **** 7390',
        'Сумма: 1 200 000,00 сум',
        'Дата: 03.12.2026 19:22',
      ].join('\n');
      const reply = await paste(chatId, `оплатил садик\n${receipt}`);
      expect(reply.text).toBe(
        '✅ Записано из уведомления:\n💸 1,200,000.00 UZS — Образование, садик · 03.12.2026 19:22 · 💳 ***3412',
      );
      expect((await rows(userId)).map((r) => [r.type, r.category, r.description, r.card_last4])).toEqual([
        ['expense', 'education', 'садик', '3412'],
      ]);
    });

    it('a card the user already has wins over words that say the other side', async () => {
      const { chatId, userId } = await register();
      await t.db.query(
        `INSERT INTO user_cards (user_id, last4, source) VALUES ($1, '4410', 'notification')`,
        [userId],
      );
      const reply = await paste(chatId, `received from Bobur\n${RECEIPT}`);
      expect(reply.text).toBe(
        '✅ Записано из уведомления:\n💸 1,200,000.00 UZS — Прочее, BOBUR T. · 01.12.2026 21:40 · 💳 ***4410',
      );
      expect((await rows(userId)).map((r) => [r.type, r.card_last4])).toEqual([['expense', '4410']]);
    });

    it('words that say no side leave the question', async () => {
      const { chatId, userId } = await register();
      const ask = await paste(chatId, `вот чек 👇\n${RECEIPT}`);
      expect(ask.text).toMatch(/^💳 Перевод 1,200,000.00 UZS · 01.12.2026 21:40\n/);
      expect(buttons(ask.markup)).toEqual([
        [
          ['Моя карта ***4410', `m:${ask.updateId}:4410`],
          ['Моя карта ***2235', `m:${ask.updateId}:2235`],
        ],
      ]);
      expect(await rows(userId)).toEqual([]);
    });

    it('a merchant no brand table knows is categorised by its words; a salary sender as salary', async () => {
      const { chatId, userId } = await register();
      await forward(
        chatId,
        "➖ 150 000,00 so'm\nKarta: *2290\nJoy: CHAYXANA NAVRUZ\nSana: 04.12.2026\nVaqt: 14:05:33\nQoldiq: 1 200 000,00 so'm",
      );
      await forward(
        chatId,
        '🟢 Пополнение\n➕ 5.000.000,00 UZS\n📍 ZARPLATA OOO ORIENT\n💳 HUMOCARD *2290\n🕓 10:00 05.12.2026\n💰 6.200.000,00 UZS',
      );
      expect((await rows(userId)).map((r) => [r.type, r.amount, r.category, r.description, r.local])).toEqual(
        [
          ['expense', '150000.00', 'cafe', 'CHAYXANA NAVRUZ', '2026-12-04 14:05:33'],
          ['income', '5000000.00', 'salary', 'ZARPLATA OOO ORIENT', '2026-12-05 10:00:00'],
        ],
      );
    });
  });

  describe('POST /api/transactions/parse/', () => {
    it('returns the notification’s own date and the merchant, saves nothing', async () => {
      const { chatId, userId } = await register();
      const { token } = await accessTokenFor(t, chatId);
      const res = await t.http
        .post('/api/transactions/parse/')
        .set('Authorization', `Bearer ${token}`)
        .send({ text: HUMO_PAYMENT })
        .expect(200);
      expect(res.body).toEqual({
        language: 'ru',
        items: [
          {
            type: 'expense',
            amount: '76400.00',
            currency: 'UZS',
            category: 'groceries',
            description: 'MAKRO YUNUSABAD',
            date: '2026-12-02',
          },
        ],
        intent: 'transaction',
      });
      const receipt = await t.http
        .post('/api/transactions/parse/')
        .set('Authorization', `Bearer ${token}`)
        .send({ text: RECEIPT })
        .expect(200);
      expect(receipt.body).toEqual({
        language: 'en',
        items: [
          {
            type: 'expense',
            amount: '1200000.00',
            currency: 'UZS',
            category: 'other',
            description: 'BOBUR T.',
            date: '2026-12-01',
          },
        ],
        intent: 'transaction',
      });
      expect(await rows(userId)).toEqual([]);
    });
  });
});
