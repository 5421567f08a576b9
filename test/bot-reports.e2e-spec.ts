/**
 * /stats, spoken/typed statistics questions, /export and /deletemydata end to end: Update JSON POSTed to the
 * webhook, the photo / document uploads and texts checked at the fake Bot API, the rows checked in the database.
 */
import { startTestApp, TestApp } from './helpers/test-app';
import { callbackUpdate as buildPress, deliverUpdate, messageUpdate } from './helpers/updates';
import { parseCsv } from './helpers/csv';

/** Tuesday 10.03.2026, 12:00 in Tashkent. */
const SENT_AT = Date.parse('2026-03-10T07:00:00Z');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let nextUpdateId = 1_300_000;
let nextChatId = 930_000_000;

const textUpdate = (chatId: number, text: string, languageCode?: string, sentAt = SENT_AT) =>
  messageUpdate(++nextUpdateId, chatId, { text }, { sentAt, firstName: 'Ali', languageCode });

const callbackUpdate = (chatId: number, data: string, messageId = 4242) =>
  buildPress(++nextUpdateId, chatId, data, { messageId, firstName: 'Ali' });

describe('Telegram bot: statistics, export and data deletion (e2e, webhook)', () => {
  let t: TestApp;

  const deliver = (update: object) => deliverUpdate(t, update);
  const say = async (chatId: number, text: string, sentAt = SENT_AT) =>
    deliver(textUpdate(chatId, text, undefined, sentAt));
  const onlyText = async (chatId: number, text: string, sentAt = SENT_AT) => {
    const calls = await say(chatId, text, sentAt);
    const sent = calls.filter((c) => c.method === 'sendMessage');
    expect(sent).toHaveLength(1);
    return String(sent[0].params.text);
  };

  const register = async (languageCode = 'ru') => {
    const chatId = ++nextChatId;
    await deliver(textUpdate(chatId, '/start', languageCode));
    const [user] = (await t.db.query('SELECT id FROM users WHERE telegram_chat_id = $1', [chatId])) as Array<{
      id: string;
    }>;
    return { chatId, userId: user.id };
  };

  const insert = (
    userId: string,
    type: string,
    amount: string,
    currency: string,
    category: string,
    at: string,
    description = '',
  ) =>
    t.db.query(
      `INSERT INTO transactions (user_id, type, amount, currency, category, description, occurred_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [userId, type, amount, currency, category, description, at],
    );

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('/stats', () => {
    it('this month by default: a PNG chart with the summary as caption and period buttons', async () => {
      const { chatId, userId } = await register();
      await insert(userId, 'expense', '100000.00', 'UZS', 'transport', '2026-03-02T10:00:00+05:00');
      await insert(userId, 'expense', '20000.00', 'UZS', 'transport', '2026-03-09T10:00:00+05:00');
      await insert(userId, 'expense', '80000.00', 'UZS', 'groceries', '2026-03-05T10:00:00+05:00');
      await insert(userId, 'income', '5000000.00', 'UZS', 'salary', '2026-03-01T09:00:00+05:00');
      await insert(userId, 'expense', '12.50', 'USD', 'cafe', '2026-03-03T09:00:00+05:00');
      await insert(userId, 'expense', '999999.00', 'UZS', 'transport', '2026-02-28T23:59:00+05:00'); // February: not in March

      const calls = await say(chatId, '/stats');
      const photos = calls.filter((c) => c.method === 'sendPhoto');
      expect(photos).toHaveLength(1);
      expect(calls.filter((c) => c.method === 'sendMessage')).toEqual([]);
      const photo = photos[0];
      expect(Number(photo.params.chat_id)).toBe(chatId);
      const file = photo.files?.photo;
      expect(file?.data.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(file?.data.readUInt32BE(16)).toBe(800);
      const caption = String(photo.params.caption);
      expect(caption).toContain('📊 Статистика за март');
      expect(caption).toContain('💸 Расходы: 200,000.00 UZS');
      expect(caption).toContain('🚕 Транспорт: 120,000.00 UZS (60%)');
      expect(caption).toContain('🛒 Продукты: 80,000.00 UZS (40%)');
      expect(caption).toContain('💸 Расходы: 12.50 USD');
      expect(caption).toContain('💰 Доходы: 5,000,000.00 UZS');
      expect(caption).toContain('4,800,000.00 UZS · 4 операции');
      expect(caption).not.toContain('999');
      const keyboard = (
        photo.params.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }
      ).inline_keyboard;
      expect(keyboard.flat().map((b) => b.callback_data)).toEqual([
        'st:week',
        'st:month',
        'st:prev_month',
        'st:year',
      ]);
    });

    it('a named month, YYYY-MM and "прошлый месяц"; an empty period is a text; nonsense asks again', async () => {
      const { chatId, userId } = await register();
      await insert(userId, 'expense', '999999.00', 'UZS', 'transport', '2026-02-28T23:59:00+05:00');
      for (const arg of ['февраль', '2026-02', 'прошлый месяц']) {
        const photos = (await say(chatId, `/stats ${arg}`)).filter((c) => c.method === 'sendPhoto');
        expect(photos).toHaveLength(1);
        expect(String(photos[0].params.caption)).toContain(
          '📊 Статистика за февраль\n\n💸 Расходы: 999,999.00 UZS',
        );
      }
      expect(await onlyText(chatId, '/stats 2025-07')).toBe('📊 Операций за июль 2025 нет.');
      expect(await onlyText(chatId, '/stats абракадабра')).toContain('🤔 Не понял период');
    });

    it('a period button sends the chart of that period', async () => {
      const { chatId, userId } = await register('en');
      await insert(userId, 'expense', '42000.00', 'UZS', 'cafe', new Date().toISOString());
      const calls = await deliver(callbackUpdate(chatId, 'st:month'));
      expect(calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(1);
      const photos = calls.filter((c) => c.method === 'sendPhoto');
      expect(photos).toHaveLength(1);
      expect(String(photos[0].params.caption)).toContain('🍽 Cafes & restaurants: 42,000.00 UZS (100%)');
      expect(photos[0].files?.photo.data.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    });

    it('before /start it asks for /start', async () => {
      const chatId = ++nextChatId;
      const calls = await deliver(textUpdate(chatId, '/stats', 'ru'));
      expect(calls.filter((c) => c.method === 'sendPhoto')).toEqual([]);
      expect(String(calls.find((c) => c.method === 'sendMessage')?.params.text)).toMatch(/\/start/);
    });
  });

  describe('questions answer with a number', () => {
    it('ru: a category this month, per currency; incomes of a named month', async () => {
      const { chatId, userId } = await register();
      await insert(
        userId,
        'expense',
        '100000.00',
        'UZS',
        'transport',
        '2026-03-02T10:00:00+05:00',
        'такси до аэропорта',
      );
      await insert(userId, 'expense', '20000.00', 'UZS', 'transport', '2026-03-09T10:00:00+05:00', 'бензин');
      await insert(
        userId,
        'expense',
        '7.25',
        'USD',
        'transport',
        '2026-03-04T10:00:00+05:00',
        'Такси в Ташкенте',
      );
      await insert(
        userId,
        'expense',
        '9000.00',
        'UZS',
        'transport',
        '2026-03-05T10:00:00+05:00',
        'мототакси',
      );
      await insert(userId, 'expense', '50000.00', 'UZS', 'cafe', '2026-03-04T10:00:00+05:00');
      await insert(userId, 'income', '3000000.00', 'UZS', 'salary', '2026-02-05T10:00:00+05:00');
      // "такси" is more specific than its category: the records that have it (at a word start), beside the category
      expect(await onlyText(chatId, 'сколько я потратил на такси в этом месяце')).toBe(
        '🔎 «такси» за март: 2 записи, 100,000.00 UZS, 7.25 USD\n• 04.03 · Такси в Ташкенте — 7.25 USD\n• 02.03 · Такси до аэропорта — 100,000.00 UZS\n\n' +
          '🚕 Транспорт за март: 129,000.00 UZS, 7.25 USD',
      );
      expect(await onlyText(chatId, 'сколько я заработал в феврале')).toBe(
        '💰 Доходы за февраль: 3,000,000.00 UZS',
      );
      expect(await onlyText(chatId, 'сколько я заработал в этом месяце')).toBe('💰 Доходы за март: 0.00 UZS');
      // nothing was recorded by the questions
      expect(
        await t.db.query('SELECT count(*)::int AS n FROM transactions WHERE user_id = $1', [userId]),
      ).toEqual([{ n: 6 }]);
    });

    it('uz and en', async () => {
      const uz = await register('uz');
      await insert(uz.userId, 'expense', '85000.00', 'UZS', 'cafe', '2026-03-08T13:00:00+05:00');
      await insert(uz.userId, 'expense', '15000.00', 'UZS', 'groceries', '2026-03-09T13:00:00+05:00');
      // "ovqat" (food) is groceries and cafes together, and each
      expect(await onlyText(uz.chatId, 'bu oy ovqatga qancha ketdi')).toBe(
        '🍲 Ovqat, mart oyida: 100,000.00 UZS\n🛒 Oziq-ovqat: 15,000.00 UZS\n🍽 Kafe va restoranlar: 85,000.00 UZS',
      );

      const en = await register('en');
      await insert(en.userId, 'expense', '30000.00', 'UZS', 'cafe', '2026-03-03T13:00:00+05:00'); // last week (Mon 02.03 – Sun 08.03)
      await insert(en.userId, 'expense', '1000.00', 'UZS', 'cafe', '2026-03-10T09:00:00+05:00'); // this week
      expect(await onlyText(en.chatId, 'how much did I spend on cafes last week')).toBe(
        '🍽 Cafes & restaurants for the week 02.03–08.03.2026: 30,000.00 UZS',
      );
    });
  });

  describe('/export', () => {
    it('sends a UTF-8 CSV document with a BOM, local dates, exact amounts and formula cells defused', async () => {
      const { chatId, userId } = await register();
      const other = await register();
      await insert(
        userId,
        'expense',
        '1234567.89',
        'UZS',
        'groceries',
        '2026-03-01T19:30:00Z',
        'продукты, "Корзинка"',
      );
      await insert(
        userId,
        'income',
        '0.01',
        'USD',
        'salary',
        '2026-03-02T04:00:00Z',
        '=HYPERLINK("http://x")',
      );
      await insert(other.userId, 'expense', '5.00', 'UZS', 'cafe', '2026-03-01T10:00:00Z', 'чужое');

      const calls = await say(chatId, '/export');
      const docs = calls.filter((c) => c.method === 'sendDocument');
      expect(docs).toHaveLength(1);
      const file = docs[0].files?.document;
      expect(file?.filename).toMatch(/^ovozpay-transactions-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(String(docs[0].params.caption)).toContain('2');
      const bytes = file!.data;
      expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const rows = parseCsv(bytes.toString('utf8').slice(1));
      expect(rows).toEqual([
        ['date', 'type', 'amount', 'currency', 'category', 'category_name', 'description', 'source'],
        [
          '2026-03-02 00:30:00',
          'expense',
          '1234567.89',
          'UZS',
          'groceries',
          'Продукты',
          'продукты, "Корзинка"',
          'api',
        ],
        [
          '2026-03-02 09:00:00',
          'income',
          '0.01',
          'USD',
          'salary',
          'Зарплата',
          `'=HYPERLINK("http://x")`,
          'api',
        ],
      ]);
    });

    it('with nothing recorded it says so', async () => {
      const { chatId } = await register('en');
      expect(await onlyText(chatId, '/export')).toBe('📄 No transactions yet — nothing to export.');
    });
  });

  describe('/deletemydata', () => {
    const counts = async (userId: string) =>
      (await t.db.query(
        `SELECT (SELECT count(*) FROM users WHERE id = $1)::int AS users,
                (SELECT count(*) FROM transactions WHERE user_id = $1)::int AS transactions,
                (SELECT count(*) FROM bot_sessions WHERE user_id = $1)::int AS sessions,
                (SELECT count(*) FROM categories WHERE user_id = $1)::int AS categories,
                (SELECT count(*) FROM login_codes WHERE user_id = $1)::int AS codes`,
        [userId],
      )) as Array<Record<string, number>>;

    it('asks with confirm and cancel; cancel keeps everything; confirm erases this user only', async () => {
      const me = await register();
      const other = await register();
      for (const u of [me, other]) {
        await insert(u.userId, 'expense', '1000.00', 'UZS', 'cafe', '2026-03-01T10:00:00Z');
        await t.db.query(`INSERT INTO categories (user_id, type, name) VALUES ($1, 'expense', 'Кошка')`, [
          u.userId,
        ]);
        await say(u.chatId, '/login');
      }
      const before = await counts(me.userId);
      expect(before).toEqual([{ users: 1, transactions: 1, sessions: 1, categories: 1, codes: 1 }]);

      const ask = (await say(me.chatId, '/deletemydata')).find((c) => c.method === 'sendMessage')!;
      expect(String(ask.params.text)).toContain('⚠️ Удалить все ваши данные?');
      const buttons = (
        ask.params.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }
      ).inline_keyboard.flat();
      expect(buttons.map((b) => b.text)).toEqual(['🗑 Да, удалить всё', 'Отмена']);
      const yes = buttons[0].callback_data;
      expect(yes).toMatch(/^del:yes:\d+$/);

      const cancel = await deliver(callbackUpdate(me.chatId, 'del:no'));
      expect(cancel.find((c) => c.method === 'editMessageText')?.params.text).toBe(
        'Удаление отменено, данные на месте.',
      );
      expect(await counts(me.userId)).toEqual(before);

      const confirm = await deliver(callbackUpdate(me.chatId, yes));
      expect(confirm.find((c) => c.method === 'answerCallbackQuery')?.params.text).toContain(
        '✅ Все ваши данные удалены',
      );
      expect(confirm.find((c) => c.method === 'editMessageText')?.params.text).toContain(
        '✅ Все ваши данные удалены',
      );
      expect(await counts(me.userId)).toEqual([
        { users: 0, transactions: 0, sessions: 0, categories: 0, codes: 0 },
      ]);
      expect(await counts(other.userId)).toEqual([
        { users: 1, transactions: 1, sessions: 1, categories: 1, codes: 1 },
      ]);
    });

    it('a stale confirm button deletes nothing', async () => {
      const me = await register();
      const stale = `del:yes:${Math.floor(Date.now() / 1000) - 3600}`;
      const calls = await deliver(callbackUpdate(me.chatId, stale));
      expect(calls.find((c) => c.method === 'answerCallbackQuery')?.params.show_alert).toBe(true);
      expect(await counts(me.userId)).toEqual([
        { users: 1, transactions: 0, sessions: 1, categories: 0, codes: 0 },
      ]);
    });
  });
});
