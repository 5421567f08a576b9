/**
 * The bot end to end: the whole app in webhook mode, real Telegram Update JSON POSTed to /telegram/webhook/ with
 * the secret header, rows checked in the database and texts checked at the fake Bot API. Expected texts are
 * the fixed texts of docs/interface.md §4, written out here, not imported from the code.
 */
import { Logger } from '@nestjs/common';
import { DomainError } from '../src/common/errors/domain-error';
import { UsersService } from '../src/modules/users/users.service';
import { TransactionsService } from '../src/modules/transactions/transactions.service';
import { accessTokenFor } from './helpers/auth';
import { startTestApp, TestApp, TEST_WEBHOOK_SECRET } from './helpers/test-app';
import { chatMemberUpdate, messageUpdate as buildMessage } from './helpers/updates';

const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

/** The documented example update of a /start (docs/interface.md §4), field for field. */
const EXAMPLE_START_UPDATE = buildMessage(
  123456789,
  123456789,
  { text: '/start' },
  { messageId: 123, firstName: 'John', username: 'john_doe', sentAt: 1640995200_000, commandEntity: false },
);

const WELCOME_RU = `🎉 Добро пожаловать в OvozPay!

Я ваш голосовой помощник по управлению финансами.

📱 Для полноценной работы, пожалуйста, укажите свой номер телефона:
/phone +998901234567

💡 Что я умею:
• 🎙 Обрабатывать голосовые команды
• 💰 Записывать доходы и расходы
• 📊 Показывать баланс и статистику
• 🎯 Помогать с целями

Используйте /help для списка всех команд.`;

/** The fixed /help text (docs/interface.md §4): the first four commands, then a line for each command added since. */
const HELP_RU = `🤖 OvozPay - Справка по командам

📋 Основные команды:
/start - Начать работу с ботом
/balance - Показать текущий баланс
/help - Показать эту справку
/phone +номер - Обновить номер телефона

📊 Отчёты и данные:
/stats - Статистика за месяц (или: /stats неделя, /stats март)
/export - Выгрузить операции в CSV
/deletemydata - Удалить все мои данные

🎯 Цели и долги:
/goals - Цели и накопления
/goal - Новая цель: /goal телефон 3 млн к 1 марта
/debts - Долги: кому дал, у кого взял
/budget - Бюджеты: лимиты расходов
/recurring - Регулярные платежи и доходы
/remind - Ежедневное напоминание: /remind 20:30, /remind off
/family - Семья: общий кошелёк и участники

⚙️ Настройки:
/language - Язык бота
/currency - Валюта по умолчанию
/categories - Категории и запомненные слова
/login - Код для входа в приложение
/app - Открыть приложение OvozPay
/cancel - Отменить текущее действие

🎙 Голосовые команды:
• Отправьте голосовое сообщение с описанием траты
• Пример: "Потратил 50000 сум на продукты"
• Пример: "Заработал 500 долларов"

💡 Советы:
• Говорите четко и указывайте сумму
• Можете использовать разные валюты
• Бот автоматически определит тип операции

❓ Вопросы? Напишите @support`;

const VOICE_INFO_RU = `🎙 Получено голосовое сообщение!

⏱ Длительность: 5 сек.
📁 Размер: 24576 байт

🔄 Функция распознавания речи будет добавлена в следующих обновлениях.
📝 Пока используйте текстовые команды для управления финансами.`;

const APOLOGY_RU = '😔 Произошла ошибка. Попробуйте ещё раз позже.';

let nextUpdateId = 500_000;
let nextChatId = 900_000_000;

const newChatId = () => ++nextChatId;

interface From {
  id: number;
  language_code?: string;
}

/** Ali Valiyev (@user<chat id>) writing in his private chat; `from` may name another sender or a language. */
const ali = (chatId: number, from: Partial<From>, commandEntity: boolean) => ({
  fromId: from.id,
  firstName: 'Ali',
  lastName: 'Valiyev',
  username: `user${chatId}`,
  languageCode: from.language_code,
  commandEntity,
});

/** A message carrying `fields` as they are (no entity added). */
const messageUpdate = (chatId: number, fields: Record<string, unknown>, from: Partial<From> = {}) =>
  buildMessage(++nextUpdateId, chatId, fields, ali(chatId, from, false));

/** A text message as Telegram sends it (with the bot_command entity for commands). */
const textUpdate = (chatId: number, text: string, from: Partial<From> = {}) =>
  buildMessage(++nextUpdateId, chatId, { text }, ali(chatId, from, true));

function tashkentNow(offsetMinutes = 0): string {
  const local = new Date(Date.now() + (5 * 60 + offsetMinutes) * 60_000); // Asia/Tashkent is UTC+5, no DST
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(local.getUTCDate())}.${p(local.getUTCMonth() + 1)}.${local.getUTCFullYear()} ${p(local.getUTCHours())}:${p(local.getUTCMinutes())}`;
}

describe('Telegram bot (e2e, webhook)', () => {
  let t: TestApp;

  const post = (body: unknown, secret: string | null = TEST_WEBHOOK_SECRET, path = '/telegram/webhook/') => {
    const req = t.http.post(path).set('content-type', 'application/json');
    if (secret !== null) req.set(SECRET_HEADER, secret);
    return req.send(typeof body === 'string' ? body : JSON.stringify(body));
  };

  /** POSTs an update, expects 200, returns the texts the bot sent to the chat because of it. */
  const send = async (
    update: { message?: { chat: { id: number } } } & Record<string, unknown>,
    chatId = update.message!.chat.id,
  ): Promise<string[]> => {
    const before = t.telegram.textsTo(chatId).length;
    await post(update).expect(200);
    return t.telegram.textsTo(chatId).slice(before);
  };

  const lastSent = (chatId: number) =>
    t.telegram
      .sent()
      .filter((p) => Number(p.chat_id) === chatId)
      .at(-1)!;

  const userRow = async (chatId: number) => {
    const rows: Array<{
      id: string;
      phone_number: string | null;
      phone_verified: boolean;
      is_active: boolean;
      language: string;
    }> = await t.db.query(
      'SELECT id, phone_number, phone_verified, is_active, language FROM users WHERE telegram_chat_id = $1',
      [chatId],
    );
    return rows[0];
  };

  const register = async (from: Partial<From> = {}): Promise<{ chatId: number; userId: string }> => {
    const chatId = newChatId();
    await send(textUpdate(chatId, '/start', from));
    return { chatId, userId: (await userRow(chatId)).id };
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());
  afterEach(() => jest.restoreAllMocks());

  describe('/start', () => {
    it('answers the example update with the fixed welcome, creates the user and an active session', async () => {
      const texts = await send(EXAMPLE_START_UPDATE);
      expect(texts).toEqual([WELCOME_RU]);
      const markup = lastSent(123456789).reply_markup as {
        keyboard: Array<Array<{ text: string; request_contact?: boolean }>>;
      };
      expect(markup.keyboard[0][0]).toEqual({ text: '📱 Поделиться номером', request_contact: true });

      const users: Array<{ id: string; first_name: string; username: string; language: string }> =
        await t.db.query(
          'SELECT id, first_name, username, language FROM users WHERE telegram_chat_id = 123456789',
        );
      expect(users).toEqual([
        expect.objectContaining({ first_name: 'John', username: 'john_doe', language: 'ru' }),
      ]);
      const sessions: Array<{ is_active: boolean }> = await t.db.query(
        'SELECT is_active FROM bot_sessions WHERE user_id = $1',
        [users[0].id],
      );
      expect(sessions).toEqual([{ is_active: true }]);
    });

    it('logs the handled command at INFO', async () => {
      const log = jest.spyOn(Logger.prototype, 'log');
      const chatId = newChatId();
      await send(textUpdate(chatId, '/start'));
      const [user] = await t.db.query<{ id: string }[]>('SELECT id FROM users WHERE telegram_chat_id = $1', [
        chatId,
      ]);
      expect(log.mock.calls.map((c) => c[0])).toContain(
        `Handled /start: chat_id=${chatId}, user_id=${user.id}, new_user=true`,
      );
    });

    it('a second /start finds the same user and replaces the session (one active)', async () => {
      const { chatId, userId } = await register();
      expect(await send(textUpdate(chatId, '/start'))).toEqual([WELCOME_RU]);
      const users: unknown[] = await t.db.query('SELECT 1 FROM users WHERE telegram_chat_id = $1', [chatId]);
      expect(users).toHaveLength(1);
      const sessions: Array<{ is_active: boolean; closed: boolean }> = await t.db.query(
        'SELECT is_active, closed_at IS NOT NULL AS closed FROM bot_sessions WHERE user_id = $1 ORDER BY started_at, is_active',
        [userId],
      );
      expect(sessions).toEqual([
        { is_active: false, closed: true },
        { is_active: true, closed: false },
      ]);
    });

    it('recognises a command written without the bot_command entity and with the bot username', async () => {
      const chatId = newChatId();
      expect(await send(messageUpdate(chatId, { text: '/start' }))).toEqual([WELCOME_RU]);
      expect(await send(textUpdate(chatId, '/help@ovozpay_test_bot'))).toEqual([HELP_RU]);
    });

    it('speaks English or Uzbek to users whose Telegram is in that language', async () => {
      const en = newChatId();
      const [welcomeEn] = await send(textUpdate(en, '/start', { language_code: 'en' }));
      expect(welcomeEn).toMatch(/^🎉 Welcome to OvozPay!/);
      expect(
        (lastSent(en).reply_markup as { keyboard: Array<Array<{ text: string }>> }).keyboard[0][0].text,
      ).toBe('📱 Share my number');
      expect((await userRow(en)).language).toBe('en');

      const uz = newChatId();
      const [welcomeUz] = await send(textUpdate(uz, '/start', { language_code: 'uz' }));
      expect(welcomeUz).toMatch(/^🎉 OvozPay botiga xush kelibsiz!/);
      expect(welcomeUz).toContain('/phone +998901234567');
    });
  });

  describe('/help', () => {
    it('sends the fixed help text with every command listed', async () => {
      const { chatId } = await register();
      expect(await send(textUpdate(chatId, '/help'))).toEqual([HELP_RU]);
    });

    it('follows the user language from the profile, not Telegram', async () => {
      const { chatId, userId } = await register({ language_code: 'ru' });
      await t.db.query(`UPDATE users SET language = 'uz' WHERE id = $1`, [userId]);
      const [help] = await send(textUpdate(chatId, '/help', { language_code: 'ru' }));
      expect(help).toMatch(/^🤖 OvozPay - Buyruqlar boʻyicha maʼlumot/);
    });
  });

  describe('/balance', () => {
    it('asks an unknown user to /start first', async () => {
      expect(await send(textUpdate(newChatId(), '/balance'))).toEqual([
        '👋 Сначала зарегистрируйтесь: отправьте /start',
      ]);
    });

    it('shows zero totals and a friendly line when there are no transactions', async () => {
      const { chatId } = await register();
      const [text] = await send(textUpdate(chatId, '/balance'));
      const lines = text.split('\n');
      expect(lines.slice(0, 6)).toEqual([
        '💰 Ваш баланс',
        '',
        '💵 Доходы: 0.00 UZS',
        '💸 Расходы: 0.00 UZS',
        '📊 Итого: 0.00 UZS',
        '',
      ]);
      expect(lines[6]).toMatch(/^📅 На \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
      expect(lines.slice(7)).toEqual([
        '',
        '📝 Операций пока нет. Запишите первый доход или расход — и он появится здесь.',
      ]);
    });

    it('uses the fixed layout: totals per currency, date in the user time zone, latest operations', async () => {
      const { chatId, userId } = await register();
      const insert = (
        type: string,
        amount: string,
        currency: string,
        category: string,
        description: string,
        minutesAgo: number,
      ) =>
        t.db.query(
          `INSERT INTO transactions (user_id, type, amount, currency, category, description, occurred_at)
           VALUES ($1, $2, $3, $4, $5, $6, now() - make_interval(mins => $7))`,
          [userId, type, amount, currency, category, description, minutesAgo],
        );
      await insert('income', '1300000.00', 'UZS', 'salary', '', 60);
      await insert('income', '200000.00', 'UZS', 'salary', 'Зарплата', 50);
      await insert('expense', '725000.00', 'UZS', 'housing', 'Аренда', 40);
      await insert('expense', '25000.00', 'UZS', 'transport', '', 30);
      await insert('income', '500.00', 'USD', 'freelance', 'Заказ', 20);
      await insert('expense', '50000.00', 'UZS', 'groceries', 'Продукты в магазине', 10);

      const [text] = await send(textUpdate(chatId, '/balance'));
      const dateLine = text.split('\n').find((l) => l.startsWith('📅'));
      expect([`📅 На ${tashkentNow()}`, `📅 На ${tashkentNow(-1)}`]).toContain(dateLine);
      expect(text).toBe(
        [
          '💰 Ваш баланс',
          '',
          '💵 Доходы: 500.00 USD',
          '💸 Расходы: 0.00 USD',
          '📊 Итого: 500.00 USD',
          '',
          '💵 Доходы: 1,500,000.00 UZS',
          '💸 Расходы: 800,000.00 UZS',
          '📊 Итого: 700,000.00 UZS',
          '',
          dateLine,
          '',
          '📝 Последние операции:',
          '💸 50,000.00 UZS - Продукты в магазине',
          '💰 500.00 USD - Заказ',
          '💸 25,000.00 UZS - Транспорт',
          '💸 725,000.00 UZS - Аренда',
          '💰 200,000.00 UZS - Зарплата',
        ].join('\n'),
      );
    });

    it('renders the date in the user time zone', async () => {
      const { chatId, userId } = await register();
      await t.db.query(`UPDATE users SET timezone = 'UTC' WHERE id = $1`, [userId]);
      const [text] = await send(textUpdate(chatId, '/balance'));
      const utc = new Date();
      const p = (n: number) => String(n).padStart(2, '0');
      const expected = `${p(utc.getUTCDate())}.${p(utc.getUTCMonth() + 1)}.${utc.getUTCFullYear()} ${p(utc.getUTCHours())}:`;
      expect(text).toContain(`📅 На ${expected}`);
    });
  });

  describe('/phone and shared contacts', () => {
    it('updates the phone number with the fixed success text', async () => {
      const { chatId } = await register();
      expect(await send(textUpdate(chatId, '/phone +998901234567'))).toEqual([
        '✅ Номер телефона обновлен: +998901234567',
      ]);
      expect((await userRow(chatId)).phone_number).toBe('+998901234567');
    });

    it('accepts spaces and dashes, stores E.164', async () => {
      const { chatId } = await register();
      expect(await send(textUpdate(chatId, '/phone +7 900 123-45-67'))).toEqual([
        '✅ Номер телефона обновлен: +79001234567',
      ]);
      expect((await userRow(chatId)).phone_number).toBe('+79001234567');
    });

    it.each([
      ['/phone 901110001', '+998901110001'],
      ['/phone 90 111 00 02', '+998901110002'],
      ['/phone 998901110003', '+998901110003'],
      ['/phone +998 90 111-00-04', '+998901110004'],
    ])('%j: an Uzbek number with or without "+" is stored as %s', async (command, e164) => {
      const { chatId } = await register();
      expect(await send(textUpdate(chatId, command))).toEqual([`✅ Номер телефона обновлен: ${e164}`]);
      expect(await userRow(chatId)).toMatchObject({ phone_number: e164, phone_verified: false });
    });

    it('the REST profile keeps the strict rule: the same number without "+" is a 400 on phone_number', async () => {
      const { chatId } = await register();
      const { token } = await accessTokenFor(t, chatId);
      const res = await t.http
        .patch('/api/users/me/')
        .set('Authorization', `Bearer ${token}`)
        .send({ phone_number: '901234567' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        phone_number: [
          'Phone number must start with "+" and be in international format, e.g. +998901234567.',
        ],
      });
      expect((await userRow(chatId)).phone_number).toBeNull();
    });

    it.each([
      ['/phone', '❌ Укажите номер телефона.\nПример: /phone +998901234567'],
      ['/phone    ', '❌ Укажите номер телефона.\nПример: /phone +998901234567'],
      ['/phone 79001234567', '❌ Укажите номер телефона.\nПример: /phone +998901234567'],
      ['/phone 000000000', '❌ Укажите номер телефона.\nПример: /phone +998901234567'],
      ['/phone +99890', '❌ Укажите номер телефона.\nПример: /phone +998901234567'],
      ['/phone +99890abc4567', '❌ Укажите номер телефона.\nПример: /phone +998901234567'],
    ])('%j → error, nothing stored', async (command, answer) => {
      const { chatId } = await register();
      expect(await send(textUpdate(chatId, command))).toEqual([answer]);
      expect((await userRow(chatId)).phone_number).toBeNull();
    });

    it('answers a number another user typed exactly like a free one (typed numbers are claims, never an oracle)', async () => {
      const a = await register();
      const b = await register();
      await send(textUpdate(a.chatId, '/phone +998901112233'));
      expect(await send(textUpdate(b.chatId, '/phone +998901112233'))).toEqual([
        '✅ Номер телефона обновлен: +998901112233',
      ]);
      expect(await userRow(a.chatId)).toMatchObject({ phone_number: '+998901112233', phone_verified: false });
      expect(await userRow(b.chatId)).toMatchObject({ phone_number: '+998901112233', phone_verified: false });
    });

    it('asks an unknown user to /start first', async () => {
      const chatId = newChatId();
      expect(await send(textUpdate(chatId, '/phone +998901234567'))).toEqual([
        '👋 Сначала зарегистрируйтесь: отправьте /start',
      ]);
      expect(await userRow(chatId)).toBeUndefined();
    });

    it('takes the sender own shared contact (digits without +) and removes the keyboard', async () => {
      const { chatId } = await register();
      const texts = await send(
        messageUpdate(chatId, {
          contact: { phone_number: '998935556677', first_name: 'Ali', user_id: chatId },
        }),
      );
      expect(texts).toEqual(['✅ Номер телефона обновлен: +998935556677']);
      expect(lastSent(chatId).reply_markup).toEqual({ remove_keyboard: true });
      expect((await userRow(chatId)).phone_number).toBe('+998935556677');
    });

    it('stores a /phone number unverified and a shared own contact verified', async () => {
      const { chatId } = await register();
      await send(textUpdate(chatId, '/phone +998901230001'));
      expect(await userRow(chatId)).toMatchObject({ phone_number: '+998901230001', phone_verified: false });
      await send(
        messageUpdate(chatId, {
          contact: { phone_number: '998901230001', first_name: 'Ali', user_id: chatId },
        }),
      );
      expect(await userRow(chatId)).toMatchObject({ phone_number: '+998901230001', phone_verified: true });
      // Typing the same number again keeps it verified; typing another one is unverified again.
      expect(await send(textUpdate(chatId, '/phone +998901230001'))).toEqual([
        '✅ Номер телефона обновлен: +998901230001',
      ]);
      expect(await userRow(chatId)).toMatchObject({ phone_number: '+998901230001', phone_verified: true });
      await send(textUpdate(chatId, '/phone +998901230002'));
      expect(await userRow(chatId)).toMatchObject({ phone_number: '+998901230002', phone_verified: false });
    });

    it('a shared own contact takes the number over from a user who only typed it', async () => {
      const squatter = await register();
      const owner = await register();
      expect(await send(textUpdate(squatter.chatId, '/phone +998901230011'))).toEqual([
        '✅ Номер телефона обновлен: +998901230011',
      ]);
      // Typing it proves nothing either way: both hold it unverified until a contact decides.
      expect(await send(textUpdate(owner.chatId, '/phone +998901230011'))).toEqual([
        '✅ Номер телефона обновлен: +998901230011',
      ]);
      expect(await userRow(owner.chatId)).toMatchObject({
        phone_number: '+998901230011',
        phone_verified: false,
      });

      const squatterTexts = t.telegram.textsTo(squatter.chatId).length;
      const texts = await send(
        messageUpdate(owner.chatId, {
          contact: { phone_number: '+998901230011', first_name: 'Ali', user_id: owner.chatId },
        }),
      );
      expect(texts).toEqual(['✅ Номер телефона обновлен: +998901230011']);
      expect(await userRow(owner.chatId)).toMatchObject({
        phone_number: '+998901230011',
        phone_verified: true,
      });
      expect(await userRow(squatter.chatId)).toMatchObject({ phone_number: null, phone_verified: false });
      expect(t.telegram.textsTo(squatter.chatId)).toHaveLength(squatterTexts); // nothing is sent to the squatter

      // The REST profile shows the verification.
      const { token: ownerToken } = await accessTokenFor(t, owner.chatId);
      const ownerMe = await t.http
        .get('/api/users/me/')
        .set('Authorization', `Bearer ${ownerToken}`)
        .expect(200);
      expect(ownerMe.body).toMatchObject({
        id: owner.userId,
        phone_number: '+998901230011',
        phone_verified: true,
      });
      const { token: squatterToken } = await accessTokenFor(t, squatter.chatId);
      const squatterMe = await t.http
        .get('/api/users/me/')
        .set('Authorization', `Bearer ${squatterToken}`)
        .expect(200);
      expect(squatterMe.body).toMatchObject({
        id: squatter.userId,
        phone_number: null,
        phone_verified: false,
      });

      // Typing it back gives the squatter an unverified copy and the owner keeps the verified number.
      expect(await send(textUpdate(squatter.chatId, '/phone +998901230011'))).toEqual([
        '✅ Номер телефона обновлен: +998901230011',
      ]);
      expect(await userRow(squatter.chatId)).toMatchObject({
        phone_number: '+998901230011',
        phone_verified: false,
      });
      expect(await userRow(owner.chatId)).toMatchObject({
        phone_number: '+998901230011',
        phone_verified: true,
      });
    });

    it('refuses a shared contact whose number another user holds verified, and changes nobody', async () => {
      const holder = await register();
      const other = await register();
      await send(textUpdate(other.chatId, '/phone +998901230022'));
      await send(
        messageUpdate(holder.chatId, {
          contact: { phone_number: '998901230021', first_name: 'Ali', user_id: holder.chatId },
        }),
      );
      expect(await userRow(holder.chatId)).toMatchObject({
        phone_number: '+998901230021',
        phone_verified: true,
      });

      const texts = await send(
        messageUpdate(other.chatId, {
          contact: { phone_number: '998901230021', first_name: 'Ali', user_id: other.chatId },
        }),
      );
      expect(texts).toEqual(['❌ Этот номер телефона уже используется другим пользователем.']);
      expect(lastSent(other.chatId).reply_markup).toBeUndefined();
      expect(await userRow(holder.chatId)).toMatchObject({
        phone_number: '+998901230021',
        phone_verified: true,
      });
      expect(await userRow(other.chatId)).toMatchObject({
        phone_number: '+998901230022',
        phone_verified: false,
      });
      // Typed, the same number is an unverified claim like any other; the holder keeps it verified.
      expect(await send(textUpdate(other.chatId, '/phone +998901230021'))).toEqual([
        '✅ Номер телефона обновлен: +998901230021',
      ]);
      expect(await userRow(other.chatId)).toMatchObject({
        phone_number: '+998901230021',
        phone_verified: false,
      });
      expect(await userRow(holder.chatId)).toMatchObject({
        phone_number: '+998901230021',
        phone_verified: true,
      });
    });

    it('refuses a contact of another person', async () => {
      const { chatId } = await register();
      const someoneElse = { phone_number: '+998935550000', first_name: 'Vali', user_id: chatId + 1 };
      const [text] = await send(messageUpdate(chatId, { contact: someoneElse }));
      expect(text).toMatch(/^❌ Можно поделиться только своим номером телефона/);
      const noUserId = { phone_number: '+998935550000', first_name: 'Vali' };
      const [again] = await send(messageUpdate(chatId, { contact: noUserId }));
      expect(again).toMatch(/^❌ Можно поделиться только своим номером телефона/);
      expect((await userRow(chatId)).phone_number).toBeNull();
    });
  });

  describe('/login and /cancel', () => {
    it('gives a one-time code that logs in through the REST API once', async () => {
      const { chatId, userId } = await register();
      const [text] = await send(textUpdate(chatId, '/login'));
      const code = /Ваш код для входа: ([A-Z0-9]{8})/.exec(text)?.[1];
      expect(code).toBeDefined();
      expect(text).toContain('5 минут');
      expect(text).toContain('login_code');
      const login = () =>
        t.http.post('/api/users/auth/telegram-login/').send({ telegram_chat_id: chatId, login_code: code });
      const res = await login().expect(200);
      expect(res.body).toMatchObject({ user_id: userId, is_new_user: false });
      await login().expect(401);
    });

    it('asks an unknown user to /start first', async () => {
      expect(await send(textUpdate(newChatId(), '/login'))).toEqual([
        '👋 Сначала зарегистрируйтесь: отправьте /start',
      ]);
    });

    it('/cancel clears the pending session state', async () => {
      const { chatId, userId } = await register();
      await t.db.query(
        `UPDATE bot_sessions SET state = '{"awaiting": "amount"}' WHERE user_id = $1 AND is_active`,
        [userId],
      );
      expect(await send(textUpdate(chatId, '/cancel'))).toEqual(['✖️ Действие отменено.']);
      const rows: Array<{ state: unknown }> = await t.db.query(
        'SELECT state FROM bot_sessions WHERE user_id = $1 AND is_active',
        [userId],
      );
      expect(rows).toEqual([{ state: null }]);
      expect(await send(textUpdate(chatId, '/cancel'))).toEqual(['👌 Нечего отменять.']);
    });
  });

  describe('voice, text, membership', () => {
    it('answers a voice message with the fixed info reply', async () => {
      const { chatId } = await register();
      const voice = {
        duration: 5,
        mime_type: 'audio/ogg',
        file_id: 'AwACAgIAAxkBAAIBJ2',
        file_unique_id: 'AgADJ2',
        file_size: 24576,
      };
      expect(await send(messageUpdate(chatId, { voice }))).toEqual([VOICE_INFO_RU]);
    });

    it('answers a voice message of an unregistered user too', async () => {
      const voice = { duration: 5, file_id: 'x', file_unique_id: 'y', file_size: 24576 };
      expect(await send(messageUpdate(newChatId(), { voice }))).toEqual([VOICE_INFO_RU]);
    });

    it('politely refuses a voice message longer than VOICE_MAX_SECONDS (120)', async () => {
      const { chatId } = await register();
      const voice = { duration: 121, file_id: 'x', file_unique_id: 'y', file_size: 500000 };
      expect(await send(messageUpdate(chatId, { voice }))).toEqual([
        '🎙 Голосовое сообщение слишком длинное (121 сек.).\nПожалуйста, уложитесь в 120 сек. — или напишите текстом.',
      ]);
    });

    it('answers text it does not understand with a hint and an unknown command with a pointer to /help', async () => {
      const { chatId } = await register();
      const [hint] = await send(textUpdate(chatId, 'asdf qwerty'));
      expect(hint).toMatch(/^Не понял 🤔/);
      expect(hint).toContain('Потратил 50000 сум на продукты');
      expect(await send(textUpdate(chatId, '/nope'))).toEqual([
        '🤔 Неизвестная команда. Список команд: /help',
      ]);
    });

    it('marks a user who blocks the bot inactive, and active again on unblock', async () => {
      const { chatId } = await register();
      const member = (status: 'kicked' | 'member') =>
        chatMemberUpdate(++nextUpdateId, chatId, status, {
          firstName: 'Ali',
          date: Math.floor(Date.now() / 1000),
        });
      expect(await send(member('kicked'), chatId)).toEqual([]);
      expect((await userRow(chatId)).is_active).toBe(false);
      expect(await send(member('member'), chatId)).toEqual([]);
      expect((await userRow(chatId)).is_active).toBe(true);
    });

    it('a group is no private chat: /start there creates no user, only the hint to link the group (docs/households.md)', async () => {
      const groupId = -100123456;
      const fromId = newChatId();
      const update = buildMessage(
        ++nextUpdateId,
        groupId,
        { text: '/start' },
        {
          messageId: 1,
          fromId,
          firstName: 'A',
          group: { type: 'supergroup', title: 'G' },
          sentAt: 1000,
          commandEntity: false,
        },
      );
      await post(update).expect(200);
      expect(t.telegram.textsTo(groupId)).toEqual([
        expect.stringMatching(/^🏠 Эта группа не привязана к семье/),
      ]);
      expect(await userRow(fromId)).toBeUndefined();
    });
  });

  describe('the webhook over HTTP (docs/interface.md §3)', () => {
    it('serves /telegram/webhook without the trailing slash too', async () => {
      const chatId = newChatId();
      await post(textUpdate(chatId, '/help'), TEST_WEBHOOK_SECRET, '/telegram/webhook').expect(200);
      expect(t.telegram.textsTo(chatId)).toEqual([HELP_RU]);
    });

    it('401 without the secret header, and nothing happens', async () => {
      const chatId = newChatId();
      const res = await post(textUpdate(chatId, '/start'), null).expect(401);
      expect(res.body).toEqual({ detail: expect.any(String) });
      expect(await userRow(chatId)).toBeUndefined();
      expect(t.telegram.textsTo(chatId)).toEqual([]);
    });

    it('401 for a forged update (wrong secret), logged as a warning without the secret', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn');
      const chatId = newChatId();
      const res = await post(textUpdate(chatId, '/start'), 'forged-secret').expect(401);
      expect(res.body).toEqual({ detail: expect.any(String) });
      expect(await userRow(chatId)).toBeUndefined();
      expect(t.telegram.textsTo(chatId)).toEqual([]);
      const lines = warn.mock.calls.map((c) => String(c[0]));
      expect(lines.some((l) => /Webhook/.test(l))).toBe(true);
      expect(lines.join('\n')).not.toContain('forged-secret');
      expect(lines.join('\n')).not.toContain(TEST_WEBHOOK_SECRET);
    });

    it('401 for a secret that differs only in length', async () => {
      await post(textUpdate(newChatId(), '/start'), `${TEST_WEBHOOK_SECRET}x`).expect(401);
    });

    it.each(['get', 'put', 'patch', 'delete'] as const)('405 for %s, with Allow: POST', async (method) => {
      const res = await t.http[method]('/telegram/webhook/')
        .set(SECRET_HEADER, TEST_WEBHOOK_SECRET)
        .expect(405);
      expect(res.headers.allow).toBe('POST');
      expect(res.body).toEqual({ detail: `Method "${method.toUpperCase()}" not allowed.` });
    });

    it('413 for a body over 1 MB', async () => {
      const big = JSON.stringify({ ...textUpdate(newChatId(), 'x'), padding: 'x'.repeat(1024 * 1024) });
      const res = await post(big).expect(413);
      expect(res.body).toEqual({ detail: expect.any(String) });
    });

    it('400 for a body that is not JSON', async () => {
      const res = await post('{"update_id": 1, "message": ').expect(400);
      expect(res.body.detail).toMatch(/^JSON parse error/);
      await t.http
        .post('/telegram/webhook/')
        .set(SECRET_HEADER, TEST_WEBHOOK_SECRET)
        .set('content-type', 'text/plain')
        .send('hello')
        .expect(400);
      await t.http.post('/telegram/webhook/').set(SECRET_HEADER, TEST_WEBHOOK_SECRET).expect(400);
    });

    it.each([
      ['an array', [EXAMPLE_START_UPDATE]],
      ['a string', 'just text'],
      ['no update_id', { message: EXAMPLE_START_UPDATE.message }],
      ['a string update_id', { ...EXAMPLE_START_UPDATE, update_id: '123' }],
      ['a fractional update_id', { ...EXAMPLE_START_UPDATE, update_id: 1.5 }],
      ['a negative update_id', { ...EXAMPLE_START_UPDATE, update_id: -1 }],
    ])('400 for JSON that is not an Update: %s', async (_name, body) => {
      const res = await post(JSON.stringify(body)).expect(400);
      expect(res.body).toEqual({ detail: expect.any(String) });
    });

    it('200 for update kinds the bot ignores, nothing sent', async () => {
      const before = t.telegram.calls.length;
      await post({
        update_id: ++nextUpdateId,
        edited_channel_post: {
          message_id: 5,
          chat: { id: -1001, title: 'News', type: 'channel' },
          date: 1,
          edit_date: 2,
          text: 'edited',
        },
      }).expect(200);
      await post({
        update_id: ++nextUpdateId,
        poll: {
          id: '1',
          question: 'Q',
          options: [],
          total_voter_count: 0,
          is_closed: true,
          is_anonymous: true,
          type: 'regular',
          allows_multiple_answers: false,
        },
      }).expect(200);
      expect(t.telegram.calls.slice(before)).toEqual([]);
    });
  });

  describe('duplicate updates', () => {
    it('the same update_id twice has one effect and one reply', async () => {
      const chatId = newChatId();
      const update = textUpdate(chatId, '/phone +998907778899');
      await send(textUpdate(chatId, '/start'));
      await post(update).expect(200);
      await post(update).expect(200);
      expect(t.telegram.textsTo(chatId).filter((x) => x.startsWith('✅'))).toEqual([
        '✅ Номер телефона обновлен: +998907778899',
      ]);
      const rows: Array<{ status: string; attempts: number }> = await t.db.query(
        'SELECT status, attempts FROM processed_updates WHERE update_id = $1',
        [update.update_id],
      );
      expect(rows).toEqual([{ status: 'done', attempts: 1 }]);
    });

    it('concurrent deliveries of one update give one effect', async () => {
      const chatId = newChatId();
      const update = textUpdate(chatId, '/start');
      const results = await Promise.all([post(update), post(update), post(update)]);
      expect(results.map((r) => r.status).filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
      expect(results.every((r) => r.status === 200 || r.status === 503)).toBe(true);
      expect(t.telegram.textsTo(chatId)).toEqual([WELCOME_RU]);
    });
  });

  describe('failures', () => {
    it('a handler failure: apology to the user, ERROR log with the update_id, still 200', async () => {
      const { chatId } = await register();
      jest.spyOn(t.app.get(TransactionsService), 'balance').mockRejectedValueOnce(new Error('boom'));
      const error = jest.spyOn(Logger.prototype, 'error');
      const update = textUpdate(chatId, '/balance');
      const before = t.telegram.textsTo(chatId).length;
      await post(update).expect(200);
      expect(t.telegram.textsTo(chatId).slice(before)).toEqual([APOLOGY_RU]);
      expect(
        error.mock.calls
          .map((c) => String(c[0]))
          .some((l) => l.includes(`update_id=${update.update_id}`) && l.includes('boom')),
      ).toBe(true);
      // Handled: a redelivery does not apologise twice.
      await post(update).expect(200);
      expect(t.telegram.textsTo(chatId).slice(before)).toEqual([APOLOGY_RU]);
    });

    it('a domain error escaping a handler: apology, logged as a warning (not an error), 200', async () => {
      const { chatId } = await register();
      jest.spyOn(t.app.get(TransactionsService), 'balance').mockRejectedValueOnce(DomainError.notFound());
      const warn = jest.spyOn(Logger.prototype, 'warn');
      const error = jest.spyOn(Logger.prototype, 'error');
      const update = textUpdate(chatId, '/balance');
      expect(await send(update)).toEqual([APOLOGY_RU]);
      expect(
        warn.mock.calls
          .map((c) => String(c[0]))
          .some((l) => l.includes(`update_id=${update.update_id}`) && l.includes('not_found')),
      ).toBe(true);
      expect(error).not.toHaveBeenCalled();
    });

    it('the apology follows the user language', async () => {
      const { chatId, userId } = await register();
      await t.db.query(`UPDATE users SET language = 'en' WHERE id = $1`, [userId]);
      jest.spyOn(t.app.get(TransactionsService), 'balance').mockRejectedValueOnce(new Error('boom'));
      expect(await send(textUpdate(chatId, '/balance'))).toEqual([
        '😔 Something went wrong. Please try again later.',
      ]);
    });

    it('the Bot API failing to deliver the reply: apology attempt, still 200', async () => {
      const { chatId } = await register();
      let failed = false;
      t.telegram.on('sendMessage', (call) => {
        if (!failed) {
          failed = true;
          throw new Error('Bad Request: message is too long');
        }
        return {
          message_id: 1,
          date: 1,
          chat: { id: call.params.chat_id, type: 'private' },
          text: call.params.text,
        };
      });
      try {
        const before = t.telegram.textsTo(chatId).length;
        await post(textUpdate(chatId, '/help')).expect(200);
        expect(t.telegram.textsTo(chatId).slice(before)).toEqual([HELP_RU, APOLOGY_RU]);
      } finally {
        t.telegram.on('sendMessage', (call) => ({
          message_id: 1,
          date: 1,
          chat: { id: call.params.chat_id, type: 'private' },
          text: call.params.text,
        }));
      }
    });

    it('database unavailable during a handler: 503, the guard is released, the retry is processed once', async () => {
      const chatId = newChatId();
      const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      jest.spyOn(t.app.get(UsersService), 'findOrCreate').mockRejectedValueOnce(down);
      const update = textUpdate(chatId, '/start');
      const res = await post(update).expect(503);
      expect(res.body).toEqual({ detail: expect.any(String) });
      expect(t.telegram.textsTo(chatId)).toEqual([]);
      const rows: Array<{ status: string }> = await t.db.query(
        'SELECT status FROM processed_updates WHERE update_id = $1',
        [update.update_id],
      );
      expect(rows).toEqual([{ status: 'failed' }]);

      await post(update).expect(200);
      expect(t.telegram.textsTo(chatId)).toEqual([WELCOME_RU]);
      expect(await userRow(chatId)).toBeDefined();
      const after: Array<{ status: string; attempts: number }> = await t.db.query(
        'SELECT status, attempts FROM processed_updates WHERE update_id = $1',
        [update.update_id],
      );
      expect(after).toEqual([{ status: 'done', attempts: 2 }]);
    });

    it('an update still in flight elsewhere (fresh processing row) is answered 503, a stale one is taken over', async () => {
      const chatId = newChatId();
      const update = textUpdate(chatId, '/start');
      await t.db.query(`INSERT INTO processed_updates (update_id, status) VALUES ($1, 'processing')`, [
        update.update_id,
      ]);
      await post(update).expect(503);
      expect(t.telegram.textsTo(chatId)).toEqual([]);
      await t.db.query(
        `UPDATE processed_updates SET attempted_at = now() - interval '10 minutes' WHERE update_id = $1`,
        [update.update_id],
      );
      await post(update).expect(200);
      expect(t.telegram.textsTo(chatId)).toEqual([WELCOME_RU]);
    });
  });
});
