/**
 * Goals, debts and reminders through the webhook: phrases in three languages → rows, the /goals and /debts texts,
 * the contribute / repay / close buttons, /remind, and reminders sent exactly once at a fixed clock (also with two
 * runs racing, a 429 from Telegram, and a user who blocked the bot). Expected texts are written out here.
 */
import { FakeApiError } from './fakes/fake-telegram';
import { startTestApp, TestApp } from './helpers/test-app';
import {
  callbackUpdate as buildPress,
  chatMemberUpdate,
  deliverUpdate,
  messageUpdate,
} from './helpers/updates';
import { createApp } from '../src/bootstrap';
import { ReminderScheduler, RemindersService } from '../src/modules/notifications/reminders.service';

/** 29.11.2026 12:00 in Tashkent. */
const SENT_AT = Date.parse('2026-11-29T07:00:00Z');

let nextUpdateId = 500_000;
let nextChatId = 920_000_000;

const textUpdate = (chatId: number, text: string, languageCode = 'ru') =>
  messageUpdate(++nextUpdateId, chatId, { text }, { sentAt: SENT_AT, firstName: 'Ali', languageCode });

const callbackUpdate = (chatId: number, data: string) =>
  buildPress(++nextUpdateId, chatId, data, { messageId: 77, firstName: 'Ali' });

type Markup = { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined;
const buttons = (markup: unknown) =>
  ((markup as Markup)?.inline_keyboard ?? []).map((row) => row.map((b) => [b.text, b.callback_data]));
const hex = (id: string) => id.replace(/-/g, '');

describe('Telegram bot: goals, debts and reminders (e2e, webhook)', () => {
  let t: TestApp;
  let reminders: RemindersService;

  const deliver = (update: object) => deliverUpdate(t, update);
  const say = async (chatId: number, text: string, languageCode = 'ru') => {
    const sent = (await deliver(textUpdate(chatId, text, languageCode))).filter(
      (c) => c.method === 'sendMessage',
    );
    expect(sent).toHaveLength(1);
    return { text: String(sent[0].params.text), markup: sent[0].params.reply_markup };
  };
  const press = async (chatId: number, data: string) => {
    const calls = await deliver(callbackUpdate(chatId, data));
    const answers = calls.filter((c) => c.method === 'answerCallbackQuery');
    expect(answers).toHaveLength(1);
    const edit = calls.find((c) => c.method === 'editMessageText');
    return {
      answer: answers[0].params as { text?: string; show_alert?: boolean },
      text: edit ? String(edit.params.text) : undefined,
      markup: edit?.params.reply_markup,
    };
  };
  const register = async (languageCode = 'ru') => {
    const chatId = ++nextChatId;
    await deliver(textUpdate(chatId, '/start', languageCode));
    const [{ id }] = await t.db.query('SELECT id FROM users WHERE telegram_chat_id = $1', [chatId]);
    return { chatId, userId: id as string };
  };
  const goals = (userId: string) =>
    t.db.query(
      `SELECT id, title, target_amount::text AS target, saved_amount::text AS saved, currency, deadline::text AS deadline, status FROM goals WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
  const debts = (userId: string) =>
    t.db.query(
      `SELECT id, direction, counterparty, amount::text AS amount, repaid_amount::text AS repaid, currency, due_date::text AS due, status FROM debts WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
  const transactionsOf = async (userId: string) =>
    Number(
      (await t.db.query('SELECT count(*)::int AS n FROM transactions WHERE user_id = $1', [userId]))[0].n,
    );

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(ReminderScheduler).stop(); // the tests drive runDue with their own clock
    reminders = t.app.get(RemindersService);
  });
  afterAll(() => t?.close());

  describe('goals', () => {
    it('creates a goal from a phrase, contributes by phrase and by buttons, lists it with a progress bar, completes at 100 %', async () => {
      const { chatId, userId } = await register();
      const created = await say(chatId, 'цель: телефон 3 млн к 1 марта');
      const [goal] = await goals(userId);
      expect(goal).toMatchObject({
        title: 'Телефон',
        target: '3000000.00',
        saved: '0.00',
        currency: 'UZS',
        deadline: '2027-03-01',
        status: 'active',
      });
      expect(created.text).toBe(
        '🎯 Новая цель:\nТелефон\n░░░░░░░░░░ 0%\n0.00 / 3,000,000.00 UZS · до 01.03.2027\n\nПополнить: «отложил 500 тысяч на телефон» или кнопкой ниже.',
      );
      expect(buttons(created.markup)).toEqual([[['➕ Телефон', `pg:${hex(goal.id)}`]]]);
      expect(await transactionsOf(userId)).toBe(0);

      const saved = await say(chatId, 'Отложил 1200000 на телефон');
      expect(saved.text).toBe(
        '✅ Отложено 1,200,000.00 UZS на «Телефон»\n\nТелефон\n▓▓▓▓░░░░░░ 40%\n1,200,000.00 / 3,000,000.00 UZS · до 01.03.2027',
      );
      expect((await goals(userId))[0].saved).toBe('1200000.00');
      expect(await transactionsOf(userId)).toBe(0);

      const list = await say(chatId, '/goals');
      expect(list.text).toBe(
        '🎯 Ваши цели:\n\n1. Телефон\n▓▓▓▓░░░░░░ 40%\n1,200,000.00 / 3,000,000.00 UZS · до 01.03.2027',
      );

      const options = await press(chatId, `pg:${hex(goal.id)}`);
      expect(options.text).toBe('➕ Сколько отложить на «Телефон»?');
      expect(buttons(options.markup)).toEqual([
        [
          ['+50,000 UZS', `pa:${hex(goal.id)}:5000000`],
          ['+100,000 UZS', `pa:${hex(goal.id)}:10000000`],
        ],
        [
          ['+500,000 UZS', `pa:${hex(goal.id)}:50000000`],
          ['+1,000,000 UZS', `pa:${hex(goal.id)}:100000000`],
        ],
        [['Остаток: 1,800,000.00 UZS', `pa:${hex(goal.id)}:180000000`]],
        [
          ['🏁 Выполнена', `pc:${hex(goal.id)}`],
          ['⬅️ Назад', 'pb:g'],
        ],
      ]);
      const plus = await press(chatId, `pa:${hex(goal.id)}:50000000`);
      expect(plus.text).toBe(
        '✅ Отложено 500,000.00 UZS на «Телефон»\n\nТелефон\n▓▓▓▓▓░░░░░ 56%\n1,700,000.00 / 3,000,000.00 UZS · до 01.03.2027',
      );

      const rest = await press(chatId, `pa:${hex(goal.id)}:130000000`);
      expect(rest.text).toBe(
        '✅ Отложено 1,300,000.00 UZS на «Телефон»\n\n✅ Телефон\n▓▓▓▓▓▓▓▓▓▓ 100%\n3,000,000.00 / 3,000,000.00 UZS · до 01.03.2027\n\n🎉 Цель «Телефон» достигнута!',
      );
      expect(rest.markup).toBeUndefined();
      expect((await goals(userId))[0]).toMatchObject({ saved: '3000000.00', status: 'completed' });
      expect((await say(chatId, '/goals')).text).toBe(
        '🎯 Ваши цели:\n\n1. ✅ Телефон\n▓▓▓▓▓▓▓▓▓▓ 100%\n3,000,000.00 / 3,000,000.00 UZS · до 01.03.2027',
      );
    });

    it('reads Uzbek and English goal phrases; manual completion by button; a goal without amount asks for it', async () => {
      const uz = await register('uz');
      await say(uz.chatId, "maqsad: mashina 100 million so'm", 'uz');
      expect(await goals(uz.userId)).toMatchObject([
        { title: 'Mashina', target: '100000000.00', currency: 'UZS', deadline: null },
      ]);
      const contributed = await say(uz.chatId, 'mashinaga 25 million ajratdim', 'uz');
      expect(contributed.text).toBe(
        '✅ «Mashina» uchun 25,000,000.00 UZS ajratildi\n\nMashina\n▓▓░░░░░░░░ 25%\n25,000,000.00 / 100,000,000.00 UZS',
      );

      const en = await register('en');
      await say(en.chatId, 'goal: laptop 1200 dollars by June 1', 'en');
      const [laptop] = await goals(en.userId);
      expect(laptop).toMatchObject({
        title: 'Laptop',
        target: '1200.00',
        currency: 'USD',
        deadline: '2027-06-01',
      });
      const wrongCurrency = await say(en.chatId, 'saved 100000 sum for laptop', 'en');
      expect(wrongCurrency.text).toBe('⚠️ The goal “Laptop” is in USD: please give the amount in USD.');
      const done = await press(en.chatId, `pc:${hex(laptop.id)}`);
      expect(done.text).toBe('🏁 Goal “Laptop” marked as done.');
      expect((await goals(en.userId))[0].status).toBe('completed');

      const ru = await register();
      expect((await say(ru.chatId, '/goal велосипед 2 млн')).text).toBe(
        '🎯 Новая цель:\nВелосипед\n░░░░░░░░░░ 0%\n0.00 / 2,000,000.00 UZS\n\nПополнить: «отложил 500 тысяч на телефон» или кнопкой ниже.',
      );
      await t.db.query('DELETE FROM goals WHERE user_id = $1', [ru.userId]);
      expect((await say(ru.chatId, 'цель телефон')).text).toBe(
        '💬 Сколько нужно накопить? Например: «цель: телефон 3 млн к 1 марта»',
      );
      expect((await say(ru.chatId, 'отложил 500 тысяч на телефон')).text).toBe(
        '🎯 Целей пока нет. Создайте: «цель: телефон 3 млн к 1 марта»',
      );
      expect(await goals(ru.userId)).toEqual([]);
      expect(await transactionsOf(ru.userId)).toBe(0);
      // not a goal phrase: still a transaction
      await say(ru.chatId, 'добавь 50000 на такси');
      expect(await transactionsOf(ru.userId)).toBe(1);
    });

    it("another user's goal button is refused", async () => {
      const a = await register();
      await say(a.chatId, 'цель: отпуск 1000 долларов');
      const [goal] = await goals(a.userId);
      const b = await register();
      const pressed = await press(b.chatId, `pa:${hex(goal.id)}:1000`);
      expect(pressed.answer).toMatchObject({ text: '⚠️ Этой цели больше нет.', show_alert: true });
      expect((await goals(a.userId))[0].saved).toBe('0.00');
    });
  });

  describe('debts', () => {
    it('records lent and borrowed debts in three languages', async () => {
      const ru = await register();
      const lent = await say(ru.chatId, 'дал в долг Алишеру 200 долларов до 1 июня');
      expect(lent.text).toBe(
        '🤝 Долг записан\nВам должны: Алишер — 200.00 USD\n📅 Вернуть до 01.06.2027\n\nВозврат: «Алишер вернул 50 долларов» или кнопкой ниже.',
      );
      await say(ru.chatId, 'взял в долг у брата 5 млн');
      expect(await debts(ru.userId)).toMatchObject([
        {
          direction: 'lent',
          counterparty: 'Алишер',
          amount: '200.00',
          currency: 'USD',
          due: '2027-06-01',
          status: 'open',
        },
        {
          direction: 'borrowed',
          counterparty: 'Брат',
          amount: '5000000.00',
          currency: 'UZS',
          due: null,
          status: 'open',
        },
      ]);
      expect(await transactionsOf(ru.userId)).toBe(0);

      const uz = await register('uz');
      await say(uz.chatId, 'Alisherga 200 dollar qarz berdim', 'uz');
      await say(uz.chatId, 'akamdan 5 million qarz oldim', 'uz');
      expect(await debts(uz.userId)).toMatchObject([
        { direction: 'lent', counterparty: 'Alisher', amount: '200.00', currency: 'USD' },
        { direction: 'borrowed', counterparty: 'Akam', amount: '5000000.00', currency: 'UZS' },
      ]);

      const en = await register('en');
      await say(en.chatId, 'lent Alisher 200 dollars until June 1', 'en');
      const borrowed = await say(en.chatId, 'borrowed 5 million from my brother', 'en');
      expect(borrowed.text).toBe(
        '🤝 Debt recorded\nYou owe: Brother — 5,000,000.00 UZS\n\nRepayment: “Alisher paid back 50 dollars” or with a button below.',
      );
      expect(await debts(en.userId)).toMatchObject([
        { direction: 'lent', counterparty: 'Alisher', amount: '200.00', currency: 'USD', due: '2027-06-01' },
        { direction: 'borrowed', counterparty: 'Brother', amount: '5000000.00', currency: 'UZS', due: null },
      ]);
    });

    it('partial repayment by phrase, /debts list, repay and close by buttons, refuses more than is left', async () => {
      const { chatId, userId } = await register();
      await say(chatId, 'дал в долг Алишеру 200 долларов до 1 июня');
      await say(chatId, 'взял в долг у брата 5 млн');
      const [alisher, brother] = await debts(userId);

      const repaid = await say(chatId, 'Алишер вернул 50 долларов');
      expect(repaid.text).toBe('✅ Возврат: Алишер — 50.00 USD\nОсталось: 150.00 USD');
      expect((await debts(userId))[0]).toMatchObject({ repaid: '50.00', status: 'open' });
      expect(await transactionsOf(userId)).toBe(0);

      expect((await say(chatId, 'Алишер вернул 500 долларов')).text).toBe(
        '⚠️ Осталось вернуть только 150.00 USD.',
      );

      const list = await say(chatId, '/debts');
      expect(list.text).toBe(
        '📋 Открытые долги:\n1. Вам должны: Алишер — 150.00 USD · до 01.06.2027 (возвращено 50.00 USD из 200.00 USD)\n2. Вы должны: Брат — 5,000,000.00 UZS',
      );
      expect(buttons(list.markup)).toEqual([
        [
          ['💵 Алишер', `pd:${hex(alisher.id)}`],
          ['💵 Брат', `pd:${hex(brother.id)}`],
        ],
      ]);

      const options = await press(chatId, `pd:${hex(alisher.id)}`);
      expect(options.text).toBe('💵 Сколько вернули? Алишер, осталось 150.00 USD');
      expect(buttons(options.markup)).toEqual([
        [['Всё: 150.00 USD', `pr:${hex(alisher.id)}:15000`]],
        [['Половину: 75.00 USD', `pr:${hex(alisher.id)}:7500`]],
        [
          ['✅ Закрыть долг', `px:${hex(alisher.id)}`],
          ['⬅️ Назад', 'pb:d'],
        ],
      ]);
      const half = await press(chatId, `pr:${hex(alisher.id)}:7500`);
      expect(half.text).toBe('✅ Возврат: Алишер — 75.00 USD\nОсталось: 75.00 USD');
      // a stale "all 150" button is refused: only 75 is left
      const stale = await press(chatId, `pr:${hex(alisher.id)}:15000`);
      expect(stale.answer).toMatchObject({
        text: 'Ensure this value is less than or equal to the remaining amount (75.00).',
        show_alert: true,
      });
      const all = await press(chatId, `pr:${hex(alisher.id)}:7500`);
      expect(all.text).toBe('✅ Возврат: Алишер — 75.00 USD\n🎉 Долг закрыт: Алишер');
      expect((await debts(userId))[0]).toMatchObject({ repaid: '200.00', status: 'closed' });

      const closed = await press(chatId, `px:${hex(brother.id)}`);
      expect(closed.text).toBe('🎉 Долг закрыт: Брат');
      expect((await debts(userId))[1].status).toBe('closed');
      expect((await say(chatId, '/debts')).text).toBe(
        '📋 Открытых долгов нет.\nЗапишите, например: «дал в долг Алишеру 200 долларов до 1 июня»',
      );

      // nobody called Бобур owes anything: the phrase is a transaction as before
      await say(chatId, 'Бобур вернул 50 долларов');
      expect(await transactionsOf(userId)).toBe(1);
    });
  });

  describe('reminders', () => {
    it('the reminder tick is scheduled on the job engine, once a minute', async () => {
      expect(await t.db.query(`SELECT name, cron FROM pgboss.schedule WHERE name = 'reminders'`)).toEqual([
        { name: 'reminders', cron: '* * * * *' },
      ]);
    });

    it('/remind toggles the daily reminder and takes a time', async () => {
      const { chatId, userId } = await register();
      const user = async () =>
        (await t.db.query('SELECT daily_reminder, reminder_time FROM users WHERE id = $1', [userId]))[0];
      expect((await say(chatId, '/remind')).text).toBe(
        '🔔 Ежедневное напоминание включено: 21:00 (ваше время).\nДругое время: /remind 20:30 · отключить: /remind off',
      );
      expect(await user()).toEqual({ daily_reminder: true, reminder_time: '21:00' });
      expect((await say(chatId, '/remind 8:15')).text).toBe(
        '🔔 Ежедневное напоминание включено: 08:15 (ваше время).\nДругое время: /remind 20:30 · отключить: /remind off',
      );
      expect((await say(chatId, '/remind 25:00')).text).toBe(
        '❌ Укажите время в формате ЧЧ:ММ, например: /remind 21:00',
      );
      expect((await say(chatId, '/remind')).text).toBe(
        '🔕 Ежедневное напоминание выключено. Включить: /remind on',
      );
      expect(await user()).toEqual({ daily_reminder: false, reminder_time: '08:15' });
    });

    it('sends a debt reminder 3 days, 1 day and on the due day, each exactly once, also with runs racing', async () => {
      const { chatId } = await register();
      await say(chatId, 'дал в долг Алишеру 200 долларов до 15 августа'); // 2027-08-15
      await say(chatId, 'взял в долг у брата 5 млн до 16 августа'); // 2027-08-16
      const texts = () => t.telegram.textsTo(chatId).filter((m) => m.startsWith('⏰'));

      await reminders.runDue(new Date('2027-08-12T03:00:00Z')); // 08:00 local: not yet
      expect(texts()).toEqual([]);
      await Promise.all([
        reminders.runDue(new Date('2027-08-12T05:00:00Z')),
        reminders.runDue(new Date('2027-08-12T05:00:00Z')),
      ]);
      await reminders.runDue(new Date('2027-08-12T15:00:00Z'));
      expect(texts()).toEqual([
        '⏰ Через 3 дня срок возврата долга\nВам должны: Алишер — 200.00 USD (15.08.2027)',
      ]);

      await Promise.all([
        reminders.runDue(new Date('2027-08-13T06:00:00Z')),
        reminders.runDue(new Date('2027-08-13T06:00:01Z')),
      ]);
      expect(texts()).toEqual([
        '⏰ Через 3 дня срок возврата долга\nВам должны: Алишер — 200.00 USD (15.08.2027)',
        '⏰ Через 3 дня срок возврата долга\nВы должны: Брат — 5,000,000.00 UZS (16.08.2027)',
      ]);

      await reminders.runDue(new Date('2027-08-14T06:00:00Z'));
      await say(chatId, 'Алишер вернул 50 долларов');
      await reminders.runDue(new Date('2027-08-15T06:00:00Z'));
      await reminders.runDue(new Date('2027-08-15T07:00:00Z'));
      expect(texts().slice(2)).toEqual([
        '⏰ Завтра срок возврата долга\nВам должны: Алишер — 200.00 USD (15.08.2027)',
        '⏰ Сегодня срок возврата долга\nВам должны: Алишер — 150.00 USD (15.08.2027)',
        '⏰ Завтра срок возврата долга\nВы должны: Брат — 5,000,000.00 UZS (16.08.2027)',
      ]);
      // a closed debt is not reminded of
      const [brother] = (await t.db.query(
        `SELECT id FROM debts WHERE counterparty = 'Брат' AND due_date = '2027-08-16'`,
      )) as Array<{ id: string }>;
      await press(chatId, `px:${hex(brother.id)}`);
      await reminders.runDue(new Date('2027-08-16T06:00:00Z'));
      expect(texts()).toHaveLength(5);
    });

    it('two app instances on one database send a due reminder once', async () => {
      const { chatId } = await register();
      await say(chatId, 'дал в долг Алишеру 300 долларов до 10 октября'); // 2027-10-10
      // Same DATABASE_URL: with a PostgreSQL server (CI) both apps share the database; the in-memory embedded engine
      // gives the second app a database of its own, which only shows that it has nothing to send.
      const second = await createApp(t.config, { logger: false });
      await second.init();
      try {
        second.get(ReminderScheduler).stop();
        const now = new Date('2027-10-09T06:00:00Z');
        const runs = await Promise.all([
          reminders.runDue(now),
          second.get(RemindersService).runDue(now),
          reminders.runDue(now),
          second.get(RemindersService).runDue(now),
        ]);
        expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
      } finally {
        await second.close();
      }
      expect(t.telegram.textsTo(chatId).filter((m) => m.startsWith('⏰'))).toEqual([
        '⏰ Завтра срок возврата долга\nВам должны: Алишер — 300.00 USD (10.10.2027)',
      ]);
    });

    it('the daily nudge goes out once at the reminder time when nothing was recorded today', async () => {
      const idle = await register();
      const busy = await register();
      for (const u of [idle, busy]) await say(u.chatId, '/remind 21:00');
      // busy recorded something "today" (29.11.2026, local)
      await say(busy.chatId, 'такси 20000');
      const nudges = (chatId: number) => t.telegram.textsTo(chatId).filter((m) => m.startsWith('📝 Сегодня'));

      await reminders.runDue(new Date('2026-11-29T15:59:00Z')); // 20:59 local
      expect(nudges(idle.chatId)).toEqual([]);
      await Promise.all([
        reminders.runDue(new Date('2026-11-29T16:00:00Z')),
        reminders.runDue(new Date('2026-11-29T16:00:00Z')),
      ]);
      await reminders.runDue(new Date('2026-11-29T18:30:00Z'));
      expect(nudges(idle.chatId)).toEqual([
        '📝 Сегодня ещё ничего не записано. Были траты или доходы? Напишите, например: «такси 20000».\nОтключить напоминание: /remind off',
      ]);
      expect(nudges(busy.chatId)).toEqual([]);
      // the next day again
      await reminders.runDue(new Date('2026-11-30T16:05:00Z'));
      expect(nudges(idle.chatId)).toHaveLength(2);
      for (const u of [idle, busy]) await say(u.chatId, '/remind off');
    });

    it('honours a 429 retry_after, and a user who blocked the bot gets nothing', async () => {
      const slow = await register();
      await say(slow.chatId, 'дал в долг Алишеру 10 долларов до 20 сентября'); // 2027-09-20
      const gone = await register();
      await say(gone.chatId, 'дал в долг Алишеру 10 долларов до 20 сентября');
      await deliver(chatMemberUpdate(++nextUpdateId, gone.chatId, 'kicked', { firstName: 'Ali' }));

      let refusals = 0;
      const attempts: number[] = [];
      t.telegram.on('sendMessage', (call) => {
        attempts.push(Date.now());
        if (Number(call.params.chat_id) === slow.chatId && refusals++ === 0) {
          throw new FakeApiError(429, 'Too Many Requests: retry after 1', { retry_after: 1 });
        }
        return {
          message_id: 1,
          date: 1,
          chat: { id: Number(call.params.chat_id), type: 'private' },
          text: call.params.text,
        };
      });
      try {
        const run = await reminders.runDue(new Date('2027-09-17T06:00:00Z'));
        expect(run).toMatchObject({ sent: 1, blocked: 0, failed: 0 });
      } finally {
        t.telegram.on('sendMessage', (call) => ({
          message_id: 1,
          date: 1,
          chat: { id: Number(call.params.chat_id), type: 'private' },
          text: call.params.text,
        }));
      }
      const toSlow = t.telegram.calls.filter(
        (c) =>
          c.method === 'sendMessage' &&
          Number(c.params.chat_id) === slow.chatId &&
          String(c.params.text).startsWith('⏰'),
      );
      expect(toSlow).toHaveLength(2); // refused once, then delivered
      expect(attempts[attempts.length - 1] - attempts[attempts.length - 2]).toBeGreaterThanOrEqual(950);
      expect(t.telegram.textsTo(gone.chatId).filter((m) => m.startsWith('⏰'))).toEqual([]);
    });

    it('a 403 from Telegram marks the user inactive and the reminder is not repeated', async () => {
      const { chatId, userId } = await register();
      await say(chatId, 'дал в долг Алишеру 10 долларов до 25 сентября'); // 2027-09-25
      t.telegram.on('sendMessage', (call) => {
        if (Number(call.params.chat_id) === chatId)
          throw new FakeApiError(403, 'Forbidden: bot was blocked by the user');
        return {
          message_id: 1,
          date: 1,
          chat: { id: Number(call.params.chat_id), type: 'private' },
          text: call.params.text,
        };
      });
      try {
        expect(await reminders.runDue(new Date('2027-09-22T06:00:00Z'))).toMatchObject({ blocked: 1 });
        expect((await t.db.query('SELECT is_active FROM users WHERE id = $1', [userId]))[0].is_active).toBe(
          false,
        );
        expect(await reminders.runDue(new Date('2027-09-22T07:00:00Z'))).toMatchObject({
          sent: 0,
          blocked: 0,
        });
      } finally {
        t.telegram.on('sendMessage', (call) => ({
          message_id: 1,
          date: 1,
          chat: { id: Number(call.params.chat_id), type: 'private' },
          text: call.params.text,
        }));
      }
    });
  });
});
