/**
 * Edited messages and messages that are not text, end to end: Update JSON POSTed to /telegram/webhook/ with the secret
 * header (message, edited_message, photos, stickers …), the rows and balances checked in the database, and what the
 * bot sent or edited checked at the fake Bot API. Expected texts are written out here, not imported from the code.
 */
import { FakeApiError } from './fakes/fake-telegram';
import { startTestApp, TestApp } from './helpers/test-app';
import {
  callbackUpdate,
  deliverUpdate,
  editedMessageUpdate,
  messageUpdate as buildMessage,
} from './helpers/updates';

/** Messages are sent at 12:00 in Tashkent on 10.03.2026 and edited a minute later. */
const SENT_AT = Math.floor(Date.parse('2026-03-10T07:00:00Z') / 1000);
const EDITED_AT = SENT_AT + 60;

let nextUpdateId = 5_100_000;
let nextMessageId = 70_000;
let nextChatId = 930_000_000;

type Json = Record<string, unknown>;

/** Ali, writing in Russian unless told; a text is sent as it is (no bot_command entity is added). */
const sender = (languageCode = 'ru') => ({
  sentAt: SENT_AT * 1000,
  firstName: 'Ali',
  languageCode,
  commandEntity: false,
});

/** A message update; `content` is what the message carries (text, photo + caption, sticker …). */
function messageUpdate(chatId: number, content: Json, o: { languageCode?: string; messageId?: number } = {}) {
  const messageId = o.messageId ?? ++nextMessageId;
  return buildMessage(++nextUpdateId, chatId, content, { ...sender(o.languageCode), messageId });
}

/** The same message edited: new content, edit_date set, a new update id. */
function editUpdate(chatId: number, messageId: number, content: Json, editDate = EDITED_AT) {
  return editedMessageUpdate(++nextUpdateId, chatId, messageId, content, {
    ...sender(),
    editedAt: editDate * 1000,
  });
}

const PHOTO = {
  photo: [{ file_id: 'AgAC-photo', file_unique_id: 'ph1', width: 800, height: 600, file_size: 54_000 }],
};
const STICKER = {
  sticker: {
    file_id: 'CAAC-sticker',
    file_unique_id: 'st1',
    type: 'regular',
    width: 512,
    height: 512,
    is_animated: false,
    is_video: false,
    emoji: '👍',
  },
};
const DOCUMENT = {
  document: {
    file_id: 'BQAC-doc',
    file_unique_id: 'd1',
    file_name: 'check.pdf',
    mime_type: 'application/pdf',
    file_size: 12_000,
  },
};
const LOCATION = { location: { latitude: 41.311, longitude: 69.279 } };

interface Row {
  id: string;
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

type Markup = { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined;
const buttons = (markup: unknown) =>
  ((markup as Markup)?.inline_keyboard ?? []).map((row) => row.map((b) => [b.text, b.callback_data]));
const recordedButtons = (updateId: number) => [
  [
    ['↩️ Отменить', `u:${updateId}`],
    ['🏷 Категория', `c:${updateId}`],
  ],
];

describe('Telegram bot: edited messages, photos, stickers … (e2e, webhook)', () => {
  let t: TestApp;

  const deliver = (update: object) => deliverUpdate(t, update);

  const only = (calls: Array<{ method: string; params: Json }>, method: string) => {
    expect(calls.map((c) => c.method)).toEqual([method]);
    return calls[0].params;
  };

  /** Sends a message (text or other content); returns its update and message ids and the bot's one reply. */
  const say = async (chatId: number, content: Json | string, o: { languageCode?: string } = {}) => {
    const update = messageUpdate(chatId, typeof content === 'string' ? { text: content } : content, o);
    const sent = only(await deliver(update), 'sendMessage');
    return {
      updateId: update.update_id,
      messageId: update.message.message_id,
      text: String(sent.text),
      markup: sent.reply_markup,
    };
  };

  const rows = async (userId: string): Promise<Row[]> =>
    t.db.query(
      `SELECT id, type, amount::text AS amount, currency, category, description, source, source_update_id::text AS source_update_id, source_item,
              to_char(occurred_at AT TIME ZONE 'Asia/Tashkent', 'YYYY-MM-DD HH24:MI') AS local
       FROM transactions WHERE user_id = $1 ORDER BY source_update_id, source_item`,
      [userId],
    );

  /** user_balances as "CUR income expense count", and the same computed from the rows: they must agree. */
  const balances = async (userId: string) => {
    const cached: Array<{ line: string }> = await t.db.query(
      `SELECT currency || ' ' || income::text || ' ' || expense::text || ' ' || tx_count AS line FROM user_balances WHERE user_id = $1 AND tx_count > 0 ORDER BY currency`,
      [userId],
    );
    const summed: Array<{ line: string }> = await t.db.query(
      `SELECT currency || ' ' || COALESCE(SUM(amount) FILTER (WHERE type = 'income'), 0)::numeric(24,2)::text || ' ' ||
              COALESCE(SUM(amount) FILTER (WHERE type = 'expense'), 0)::numeric(24,2)::text || ' ' || COUNT(*) AS line
         FROM transactions WHERE user_id = $1 GROUP BY currency ORDER BY currency`,
      [userId],
    );
    expect(cached).toEqual(summed);
    return cached.map((r) => r.line);
  };

  /** The message_id of the bot's reply to the user's message `messageId`, as the link keeps it. */
  const replyIdOf = async (userId: string, messageId: number): Promise<number | null> => {
    const found: Array<{ reply: string | null }> = await t.db.query(
      `SELECT reply_message_id::text AS reply FROM message_links WHERE user_id = $1 AND message_id = $2`,
      [userId, messageId],
    );
    return found[0]?.reply == null ? null : Number(found[0].reply);
  };

  /** A user who sent /start. */
  const register = async (languageCode = 'ru') => {
    const chatId = ++nextChatId;
    await deliver(
      messageUpdate(
        chatId,
        { text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
        { languageCode },
      ),
    );
    const found: Array<{ id: string }> = await t.db.query(
      'SELECT id FROM users WHERE telegram_chat_id = $1',
      [chatId],
    );
    return { chatId, userId: found[0].id };
  };

  const press = (chatId: number, data: string, messageId: number) =>
    deliver(
      callbackUpdate(++nextUpdateId, chatId, data, { messageId, firstName: 'Ali', languageCode: 'ru' }),
    );

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());
  afterEach(() => t.telegram.off('editMessageText'));

  describe('an edited message that recorded', () => {
    it('a new amount: the same row changes, the bot’s reply is edited with the same buttons, the balance follows', async () => {
      const { chatId, userId } = await register();
      const original = await say(chatId, 'кофе 15000');
      const [before] = await rows(userId);
      const replyId = await replyIdOf(userId, original.messageId);
      expect(replyId).toEqual(expect.any(Number));

      const edit = only(
        await deliver(editUpdate(chatId, original.messageId, { text: 'кофе 25000' })),
        'editMessageText',
      );
      expect(edit).toMatchObject({
        chat_id: chatId,
        message_id: replyId,
        text: '✅ Записано:\n💸 25,000.00 UZS — Кафе и рестораны, кофе · 10.03.2026',
      });
      expect(buttons(edit.reply_markup)).toEqual(recordedButtons(original.updateId));
      expect(await rows(userId)).toEqual([
        { ...before, amount: '25000.00' }, // same id, same update id and item: only the amount changed
      ]);
      expect(await balances(userId)).toEqual(['UZS 0.00 25000.00 1']);
      const links: unknown[] = await t.db.query('SELECT 1 FROM message_links WHERE user_id = $1', [userId]);
      expect(links).toHaveLength(1);
    });

    it('a new currency: the row moves to dollars, both balances follow', async () => {
      const { chatId, userId } = await register();
      const original = await say(chatId, 'кофе 15000');
      const [before] = await rows(userId);
      const edit = only(
        await deliver(editUpdate(chatId, original.messageId, { text: 'кофе 15 долларов' })),
        'editMessageText',
      );
      expect(edit.text).toBe('✅ Записано:\n💸 15.00 USD — Кафе и рестораны, кофе · 10.03.2026');
      expect(await rows(userId)).toEqual([{ ...before, amount: '15.00', currency: 'USD' }]);
      expect(await balances(userId)).toEqual(['USD 0.00 15.00 1']);
    });

    it('"потратил" → "получил": the row becomes an income with an income category', async () => {
      const { chatId, userId } = await register();
      const original = await say(chatId, 'Потратил 50000 сум на продукты');
      const [before] = await rows(userId);
      const edit = only(
        await deliver(editUpdate(chatId, original.messageId, { text: 'Получил 50000 сум за продукты' })),
        'editMessageText',
      );
      expect(edit.text).toBe('✅ Записано:\n💰 50,000.00 UZS — Прочее, продукты · 10.03.2026');
      expect(await rows(userId)).toEqual([{ ...before, type: 'income', category: 'other' }]);
      expect(await balances(userId)).toEqual(['UZS 50000.00 0.00 1']);
    });

    it('"вчера" added: the row moves to yesterday 12:00 local', async () => {
      const { chatId, userId } = await register();
      const original = await say(chatId, 'кофе 15000');
      expect((await rows(userId))[0].local).toBe('2026-03-10 12:00');
      const edit = only(
        await deliver(editUpdate(chatId, original.messageId, { text: 'кофе 15000 вчера' })),
        'editMessageText',
      );
      expect(edit.text).toBe('✅ Записано:\n💸 15,000.00 UZS — Кафе и рестораны, кофе · 09.03.2026');
      expect((await rows(userId))[0].local).toBe('2026-03-09 12:00');
    });

    it('a second item added: the first row stays, a new row is item 1 of the same update', async () => {
      const { chatId, userId } = await register();
      const original = await say(chatId, 'кофе 15000');
      const [coffee] = await rows(userId);
      const edit = only(
        await deliver(editUpdate(chatId, original.messageId, { text: 'кофе 15000 и такси 20000' })),
        'editMessageText',
      );
      expect(edit.text).toBe(
        '✅ Записано:\n1. 💸 15,000.00 UZS — Кафе и рестораны, кофе · 10.03.2026\n2. 💸 20,000.00 UZS — Транспорт, такси · 10.03.2026',
      );
      const after = await rows(userId);
      expect(after.map((r) => [r.id, r.description, r.amount, r.source_update_id, r.source_item])).toEqual([
        [coffee.id, 'кофе', '15000.00', String(original.updateId), 0],
        [expect.any(String), 'такси', '20000.00', String(original.updateId), 1],
      ]);
      expect(await balances(userId)).toEqual(['UZS 0.00 35000.00 2']);
    });

    it('an item removed: the remaining item keeps its row (id) and becomes item 0; the other row is deleted', async () => {
      const { chatId, userId } = await register();
      const original = await say(chatId, 'такси 20000 и кофе 15000');
      const [, coffee] = await rows(userId);
      const edit = only(
        await deliver(editUpdate(chatId, original.messageId, { text: 'кофе 15000' })),
        'editMessageText',
      );
      expect(edit.text).toBe('✅ Записано:\n💸 15,000.00 UZS — Кафе и рестораны, кофе · 10.03.2026');
      expect(await rows(userId)).toEqual([{ ...coffee, source_item: 0 }]);
      expect(await balances(userId)).toEqual(['UZS 0.00 15000.00 1']);
      // The buttons still address the update: 🏷 on the one item, ↩️ removes it.
      await press(chatId, `u:${original.updateId}`, 1);
      expect(await rows(userId)).toEqual([]);
    });

    it('items reordered: each keeps its row and takes its new place', async () => {
      const { chatId, userId } = await register();
      const original = await say(chatId, 'такси 20000 и кофе 15000');
      const [taxi, coffee] = await rows(userId);
      const edit = only(
        await deliver(editUpdate(chatId, original.messageId, { text: 'кофе 16000 и такси 20000' })),
        'editMessageText',
      );
      expect(edit.text).toBe(
        '✅ Записано:\n1. 💸 16,000.00 UZS — Кафе и рестораны, кофе · 10.03.2026\n2. 💸 20,000.00 UZS — Транспорт, такси · 10.03.2026',
      );
      expect(await rows(userId)).toEqual([
        { ...coffee, amount: '16000.00', source_item: 0 },
        { ...taxi, source_item: 1 },
      ]);
      expect(await balances(userId)).toEqual(['UZS 0.00 36000.00 2']);
    });

    it('a category chosen with 🏷 stays when the amount changes, and gives way when the type changes', async () => {
      const { chatId, userId } = await register();
      const original = await say(chatId, 'кофе 15000');
      await press(chatId, `s:${original.updateId}:0:groceries`, 1);
      expect((await rows(userId))[0].category).toBe('groceries');
      await deliver(editUpdate(chatId, original.messageId, { text: 'кофе 18000' }));
      expect((await rows(userId))[0]).toMatchObject({ category: 'groceries', amount: '18000.00' });
      await deliver(
        editUpdate(chatId, original.messageId, { text: 'получил 18000 за кофе' }, EDITED_AT + 60),
      );
      expect((await rows(userId))[0]).toMatchObject({ type: 'income', category: 'other' });
    });

    it('a bare amount answering "💬 Сколько?" edited: only the amount changes', async () => {
      const { chatId, userId } = await register();
      await say(chatId, 'купил хлеб');
      const answer = await say(chatId, '8000');
      expect((await rows(userId))[0]).toMatchObject({
        category: 'groceries',
        description: 'хлеб',
        amount: '8000.00',
      });
      const edit = only(
        await deliver(editUpdate(chatId, answer.messageId, { text: '9000' })),
        'editMessageText',
      );
      expect(edit.text).toBe('✅ Записано:\n💸 9,000.00 UZS — Продукты, хлеб · 10.03.2026');
      expect((await rows(userId))[0]).toMatchObject({
        category: 'groceries',
        description: 'хлеб',
        amount: '9000.00',
      });
    });

    it('edited into no record: the rows are removed and the reply says so, without buttons; the next edit records anew', async () => {
      const { chatId, userId } = await register();
      const original = await say(chatId, 'кофе 15000');
      const replyId = await replyIdOf(userId, original.messageId);
      const edit = only(
        await deliver(editUpdate(chatId, original.messageId, { text: 'привет' })),
        'editMessageText',
      );
      expect(edit).toMatchObject({
        message_id: replyId,
        text: '✏️ Сообщение исправлено — теперь это не запись. Удалил:\n💸 15,000.00 UZS — Кафе и рестораны, кофе · 10.03.2026',
      });
      expect(edit.reply_markup).toBeUndefined();
      expect(await rows(userId)).toEqual([]);
      expect(await balances(userId)).toEqual([]);

      const again = editUpdate(chatId, original.messageId, { text: 'кофе 30000' }, EDITED_AT + 60);
      const sent = only(await deliver(again), 'sendMessage');
      expect(sent).toMatchObject({
        text: '✅ Записано:\n💸 30,000.00 UZS — Кафе и рестораны, кофе · 10.03.2026',
        reply_parameters: { message_id: original.messageId },
      });
      expect(buttons(sent.reply_markup)).toEqual(recordedButtons(again.update_id));
      expect((await rows(userId)).map((r) => [r.amount, r.source_update_id])).toEqual([
        ['30000.00', String(again.update_id)],
      ]);
    });

    it('the reply cannot be edited any more (deleted): a new reply is sent, and the next edit edits that one', async () => {
      const { chatId, userId } = await register();
      const original = await say(chatId, 'кофе 15000');
      t.telegram.on('editMessageText', () => {
        throw new FakeApiError(400, 'Bad Request: message to edit not found');
      });
      const calls = await deliver(editUpdate(chatId, original.messageId, { text: 'кофе 16000' }));
      expect(calls.map((c) => c.method)).toEqual(['editMessageText', 'sendMessage']);
      expect(calls[1].params).toMatchObject({
        text: '✅ Записано:\n💸 16,000.00 UZS — Кафе и рестораны, кофе · 10.03.2026',
      });
      t.telegram.off('editMessageText');
      const newReplyId = await replyIdOf(userId, original.messageId);
      const edit = only(
        await deliver(editUpdate(chatId, original.messageId, { text: 'кофе 17000' }, EDITED_AT + 60)),
        'editMessageText',
      );
      expect(edit).toMatchObject({
        message_id: newReplyId,
        text: '✅ Записано:\n💸 17,000.00 UZS — Кафе и рестораны, кофе · 10.03.2026',
      });
      expect(await rows(userId)).toEqual([
        expect.objectContaining({ amount: '17000.00', source_update_id: String(original.updateId) }),
      ]);
    });
  });

  describe('edits that record nothing', () => {
    it('a smalltalk message edited into a record: recorded as new (tied to the edit) with a new reply; its next edit follows', async () => {
      const { chatId, userId } = await register();
      const hello = await say(chatId, 'привет');
      expect(hello.text).toMatch(/^🙂/);
      const edit = editUpdate(chatId, hello.messageId, { text: 'кофе 15000' });
      const sent = only(await deliver(edit), 'sendMessage');
      expect(sent).toMatchObject({
        text: '✅ Записано:\n💸 15,000.00 UZS — Кафе и рестораны, кофе · 10.03.2026',
        reply_parameters: { message_id: hello.messageId },
      });
      const [row] = await rows(userId);
      expect(row).toMatchObject({
        amount: '15000.00',
        source: 'text',
        source_update_id: String(edit.update_id),
        source_item: 0,
      });

      const next = only(
        await deliver(editUpdate(chatId, hello.messageId, { text: 'кофе 18000' }, EDITED_AT + 60)),
        'editMessageText',
      );
      expect(next).toMatchObject({
        message_id: await replyIdOf(userId, hello.messageId),
        text: '✅ Записано:\n💸 18,000.00 UZS — Кафе и рестораны, кофе · 10.03.2026',
      });
      expect(await rows(userId)).toEqual([{ ...row, amount: '18000.00' }]);
    });

    it('after ↩️ Undo: the edit records nothing and says why', async () => {
      const { chatId, userId } = await register();
      const original = await say(chatId, 'кофе 15000');
      await press(chatId, `u:${original.updateId}`, 1);
      expect(await rows(userId)).toEqual([]);
      const sent = only(
        await deliver(editUpdate(chatId, original.messageId, { text: 'кофе 25000' })),
        'sendMessage',
      );
      expect(sent).toMatchObject({
        text: '↩️ Записи из этого сообщения уже отменены, поэтому исправление ничего не записало.\nЧтобы записать заново, отправьте новое сообщение.',
        reply_parameters: { message_id: original.messageId },
      });
      expect(await rows(userId)).toEqual([]);
      expect(await balances(userId)).toEqual([]);
    });

    it('after "отмени последнюю": the edit records nothing; an edit of the undo message undoes nothing more', async () => {
      const { chatId, userId } = await register();
      await say(chatId, 'такси 20000');
      const coffee = await say(chatId, 'кофе 15000');
      const undo = await say(chatId, 'отмени последнюю');
      expect(undo.text).toMatch(/^↩️ Удалил последнюю запись/);
      expect((await rows(userId)).map((r) => r.description)).toEqual(['такси']);

      expect(
        only(await deliver(editUpdate(chatId, coffee.messageId, { text: 'кофе 25000' })), 'sendMessage').text,
      ).toMatch(/^↩️ Записи из этого сообщения уже отменены/);
      const again = only(
        await deliver(editUpdate(chatId, undo.messageId, { text: 'отмени последнюю запись' })),
        'sendMessage',
      );
      expect(again.text).toBe(
        '✏️ Исправление не меняет того, что это сообщение уже сделало (цель, долг или отмена). Цели и долги — в /goals и /debts, а новую запись отправьте новым сообщением.',
      );
      expect((await rows(userId)).map((r) => r.description)).toEqual(['такси']);
    });

    it('an edited command is not run again', async () => {
      const { chatId } = await register();
      const balance = messageUpdate(chatId, {
        text: '/balance',
        entities: [{ type: 'bot_command', offset: 0, length: 8 }],
      });
      await deliver(balance);
      const sent = only(
        await deliver(editUpdate(chatId, balance.message.message_id, { text: '/balance ' })),
        'sendMessage',
      );
      expect(sent.text).toBe(
        '✏️ Команды из исправленных сообщений я не выполняю — отправьте команду ещё раз.',
      );
    });
  });

  describe('duplicates and order', () => {
    it('the same edit update delivered twice is applied once', async () => {
      const { chatId, userId } = await register();
      const original = await say(chatId, 'кофе 15000 и такси 20000');
      const edit = editUpdate(chatId, original.messageId, { text: 'кофе 15000, такси 20000 и хлеб 5000' });
      expect((await deliver(edit)).map((c) => c.method)).toEqual(['editMessageText']);
      expect(await deliver(edit)).toEqual([]);
      expect((await rows(userId)).map((r) => [r.description, r.source_item])).toEqual([
        ['кофе', 0],
        ['такси', 1],
        ['хлеб', 2],
      ]);
      expect(await balances(userId)).toEqual(['UZS 0.00 40000.00 3']);
    });

    it('an older edit arriving after a newer one changes nothing', async () => {
      const { chatId, userId } = await register();
      const original = await say(chatId, 'кофе 15000');
      const older = editUpdate(chatId, original.messageId, { text: 'кофе 16000' });
      const newer = editUpdate(chatId, original.messageId, { text: 'кофе 17000' }, EDITED_AT + 30);
      await deliver(newer);
      expect(await deliver(older)).toEqual([]);
      expect((await rows(userId))[0].amount).toBe('17000.00');
    });
  });

  describe('photos, documents, stickers, locations', () => {
    it('a photo with a caption is read like text: "dinner 85k" records 85,000', async () => {
      const { chatId, userId } = await register();
      const reply = await say(chatId, { ...PHOTO, caption: 'dinner 85k' });
      expect(reply.text).toBe('✅ Записано:\n💸 85,000.00 UZS — Кафе и рестораны, dinner · 10.03.2026');
      expect(await rows(userId)).toEqual([
        expect.objectContaining({
          type: 'expense',
          amount: '85000.00',
          category: 'cafe',
          source: 'text',
          source_update_id: String(reply.updateId),
        }),
      ]);
    });

    it('an edited caption follows like an edited text', async () => {
      const { chatId, userId } = await register();
      const photo = await say(chatId, { ...PHOTO, caption: 'кофе 15000' });
      const [before] = await rows(userId);
      const edit = only(
        await deliver(editUpdate(chatId, photo.messageId, { ...PHOTO, caption: 'кофе 17000' })),
        'editMessageText',
      );
      expect(edit.text).toBe('✅ Записано:\n💸 17,000.00 UZS — Кафе и рестораны, кофе · 10.03.2026');
      expect(await rows(userId)).toEqual([{ ...before, amount: '17000.00' }]);
    });

    const understands =
      'Я понимаю текст и голосовые: напишите или скажите, например, «такси 20000» или «получил зарплату 5 млн». Подпись к фото я тоже прочитаю. Все команды: /help';
    it.each([
      ['a photo without a caption', PHOTO, '📷 Фото я не разбираю.'],
      ['a sticker', STICKER, '🙂 Стикер милый, но записать его я не могу.'],
      ['a document', DOCUMENT, '📄 Файлы я не читаю.'],
      ['a location', LOCATION, '📍 Геопозицию я не записываю.'],
    ])(
      '%s: a short reply saying what the bot understands; nothing recorded',
      async (_name, content, first) => {
        const { chatId, userId } = await register();
        const reply = await say(chatId, content);
        expect(reply.text).toBe(`${first}\n${understands}`);
        expect(await rows(userId)).toEqual([]);
      },
    );

    it('in the user’s language (Uzbek, English)', async () => {
      const uz = await register('uz');
      expect((await say(uz.chatId, STICKER)).text).toBe(
        '🙂 Stiker yoqimli, lekin uni yozib qoʻya olmayman.\nMen matn va ovozli xabarlarni tushunaman: masalan, «taksi 20 ming» yoki «5 mln maosh oldim» deb yozing yoki ayting. Rasm izohini ham oʻqiyman. Barcha buyruqlar: /help',
      );
      const en = await register('en');
      expect((await say(en.chatId, PHOTO)).text).toMatch(
        /^📷 I can't read photos\.\nI understand text and voice messages/,
      );
    });

    it('an album without a caption gets one answer; an album with a caption is read once', async () => {
      const { chatId, userId } = await register();
      const first = await deliver(messageUpdate(chatId, { ...PHOTO, media_group_id: `album-${chatId}` }));
      const second = await deliver(messageUpdate(chatId, { ...PHOTO, media_group_id: `album-${chatId}` }));
      expect(first.map((c) => c.method)).toEqual(['sendMessage']);
      expect(second).toEqual([]);
      const captioned = await deliver(
        messageUpdate(chatId, { ...PHOTO, caption: 'такси 20000', media_group_id: `album2-${chatId}` }),
      );
      const rest = await deliver(messageUpdate(chatId, { ...PHOTO, media_group_id: `album2-${chatId}` }));
      expect(String(only(captioned, 'sendMessage').text)).toMatch(/^✅ Записано:/);
      expect(rest).toEqual([]);
      expect(await rows(userId)).toHaveLength(1);
    });

    it('before /start: the /start hint, nothing recorded', async () => {
      const chatId = ++nextChatId;
      const reply = await say(chatId, STICKER);
      expect(reply.text).toBe('👋 Сначала зарегистрируйтесь: отправьте /start');
      const users: unknown[] = await t.db.query('SELECT 1 FROM users WHERE telegram_chat_id = $1', [chatId]);
      expect(users).toEqual([]);
    });

    it('a live location moving (an edited location) gets no answer', async () => {
      const { chatId } = await register();
      const shared = await say(chatId, LOCATION);
      expect(
        await deliver(
          editUpdate(chatId, shared.messageId, {
            location: { latitude: 41.312, longitude: 69.28, live_period: 900 },
          }),
        ),
      ).toEqual([]);
    });
  });
});
