/**
 * Messages that name money but are not records, end to end through the webhook: conversion questions (a fake CBU),
 * money for a later day (nothing recorded; the reminder offered, stored, sent on its day by the reminder tick at a
 * fixed clock, and "Record" recording exactly once — also with two app instances), "40 тыс" in a USD account
 * (buttons, the press records in the chosen currency), saving intentions (a goal, never an expense; typed and
 * spoken), amounts too large and lists too long, and spending questions about a word or about food. Each test
 * checks the rows in the database and what the fake Bot API received; expected texts are written out here.
 */
import request from 'supertest';
import { createApp } from '../src/bootstrap';
import { AsidesBot } from '../src/modules/bot/flows/asides/asides.bot';
import { ReminderScheduler, RemindersService } from '../src/modules/notifications/reminders.service';
import { PrivacyService } from '../src/modules/privacy/privacy.service';
import { UsersService } from '../src/modules/users/users.service';
import { FakeCbu } from './fakes/fake-cbu';
import { FakeStt, voiceFixtures } from './fakes/fake-stt';
import { MAX_ITEMS_PER_MESSAGE } from '../src/modules/nlu/parser';
import { accessTokenFor } from './helpers/auth';
import { startTestApp, TestApp, TEST_WEBHOOK_SECRET } from './helpers/test-app';
import { callbackUpdate, messageUpdate, voiceContent } from './helpers/updates';

const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';
/** Every message is sent on Sunday 06.12.2026 at 10:00 in Tashkent. */
const SENT_AT = Date.parse('2026-12-06T05:00:00Z');
const TZ = 'Asia/Tashkent';

let nextUpdateId = 700_000;
let nextChatId = 940_000_000;
const sender = (languageCode?: string) => ({ sentAt: SENT_AT, firstName: 'Ali', languageCode });

const textUpdate = (chatId: number, text: string, languageCode = 'ru') =>
  messageUpdate(++nextUpdateId, chatId, { text }, sender(languageCode));

const pressUpdate = (chatId: number, data: string) =>
  callbackUpdate(++nextUpdateId, chatId, data, { firstName: 'Ali' });

const voiceUpdate = (chatId: number, fileId: string) =>
  messageUpdate(++nextUpdateId, chatId, voiceContent(fileId), sender('ru'));

type Markup = { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined;
const buttons = (markup: unknown) =>
  ((markup as Markup)?.inline_keyboard ?? []).map((row) => row.map((b) => [b.text, b.callback_data]));

/** "2026-12-06" in the zone, today (for the presses, which take the server's clock). */
function localDay(offsetDays = 0, at = Date.now()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(at));
  const [y, m, d] = parts.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + offsetDays)).toISOString().slice(0, 10);
}
const dotted = (iso: string) => iso.split('-').reverse().join('.');

async function until<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface TxRow {
  type: string;
  amount: string;
  currency: string;
  category: string;
  description: string;
  source: string;
  source_update_id: string;
  local: string;
}

describe('Telegram bot: money named but not recorded (e2e, webhook)', () => {
  let t: TestApp;
  let cbu: FakeCbu;
  const stt = new FakeStt();
  let reminders: RemindersService;

  const deliverTo = async (http: TestApp['http'], update: unknown) => {
    const before = t.telegram.calls.length;
    await http
      .post('/telegram/webhook/')
      .set(SECRET_HEADER, TEST_WEBHOOK_SECRET)
      .send(update as object)
      .expect(200);
    return t.telegram.calls.slice(before);
  };
  const deliver = (update: unknown) => deliverTo(t.http, update);
  const say = async (chatId: number, text: string, languageCode = 'ru') => {
    const update = textUpdate(chatId, text, languageCode);
    const sent = (await deliver(update)).filter((c) => c.method === 'sendMessage');
    expect(sent).toHaveLength(1);
    return {
      text: String(sent[0].params.text),
      markup: sent[0].params.reply_markup,
      updateId: update.update_id,
    };
  };
  const pressOn = async (http: TestApp['http'], chatId: number, data: string) => {
    const update = pressUpdate(chatId, data);
    const calls = await deliverTo(http, update);
    // presses made at once: each has its own answer (the edits may interleave)
    const answers = calls.filter(
      (c) => c.method === 'answerCallbackQuery' && c.params.callback_query_id === update.callback_query.id,
    );
    expect(answers).toHaveLength(1);
    const edit = calls.find((c) => c.method === 'editMessageText');
    return {
      answer: answers[0].params as { text?: string; show_alert?: boolean },
      text: edit ? String(edit.params.text) : undefined,
      markup: edit?.params.reply_markup,
    };
  };
  const press = (chatId: number, data: string) => pressOn(t.http, chatId, data);
  const register = async (languageCode = 'ru') => {
    const chatId = ++nextChatId;
    await deliver(textUpdate(chatId, '/start', languageCode));
    const [{ id }] = await t.db.query('SELECT id FROM users WHERE telegram_chat_id = $1', [chatId]);
    return { chatId, userId: id as string };
  };
  const rows = (userId: string): Promise<TxRow[]> =>
    t.db.query(
      `SELECT type, amount::text AS amount, currency, category, description, source, source_update_id::text AS source_update_id,
              to_char(occurred_at AT TIME ZONE 'Asia/Tashkent', 'YYYY-MM-DD') AS local
         FROM transactions WHERE user_id = $1 ORDER BY created_at, source_item`,
      [userId],
    );
  const planned = (userId: string) =>
    t.db.query(
      `SELECT source_update_id::text AS update_id, status, planned_on::text AS planned_on, remind_on::text AS remind_on, items, source
         FROM planned_payments WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
  const goals = (userId: string) =>
    t.db.query(
      `SELECT title, target_amount::text AS target, currency, status FROM goals WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );

  beforeAll(async () => {
    cbu = await new FakeCbu().start();
    cbu.today = { date: '2026-12-06', rates: { USD: { rate: '12700.00' }, EUR: { rate: '14000.00' } } };
    await stt.start();
    t = await startTestApp({
      CBU_RATES_URL: cbu.url,
      STT_PROVIDER: 'openai',
      STT_BASE_URL: stt.url,
      STT_API_KEY: 'sk-test',
      STT_MODEL: 'whisper-1',
    });
    t.app.get(ReminderScheduler).stop(); // the tests drive runDue with their own clock
    reminders = t.app.get(RemindersService);
  });
  afterAll(async () => {
    await t?.close();
    await cbu?.stop();
    await stt.stop();
  });

  describe('conversion questions', () => {
    it.each([
      [
        'ru',
        '200 евро в сумах сколько',
        '💱 200.00 EUR = 2,800,000.00 UZS · курс ЦБ 14,000.00 на 06.12.2026',
      ],
      ['ru', 'курс доллара', '💱 1.00 USD = 12,700.00 UZS · курс ЦБ 12,700.00 на 06.12.2026'],
      [
        'uz',
        "50 dollar necha so'm bo'ladi",
        '💱 50.00 USD = 635,000.00 UZS · Markaziy bank kursi 12,700.00, 06.12.2026',
      ],
      [
        'uz',
        "1 mln so'm necha dollar",
        '💱 1,000,000.00 UZS = 78.74 USD · Markaziy bank kursi 12,700.00, 06.12.2026',
      ],
      [
        'en',
        "what's 300 dollars in sum",
        '💱 300.00 USD = 3,810,000.00 UZS · CBU rate 12,700.00 on 06.12.2026',
      ],
    ])('%s: %s → the rate of the day and its date, nothing recorded', async (lang, phrase, answer) => {
      const { chatId, userId } = await register(lang);
      const reply = await say(chatId, phrase, lang);
      expect(reply.text).toBe(answer);
      expect(reply.markup).toBeUndefined();
      expect(await rows(userId)).toEqual([]);
    });

    it('a currency the bank did not quote: says the rate is unavailable', async () => {
      const { chatId, userId } = await register();
      expect((await say(chatId, '300 рублей в сумах')).text).toBe(
        '💱 Курс ЦБ сейчас недоступен — посчитать не могу. Попробуйте чуть позже.',
      );
      expect(await rows(userId)).toEqual([]);
    });
  });

  describe('money for a later day', () => {
    it('ru: nothing recorded, the reminder offered and stored, sent on its day at 09:00, "Record" records once', async () => {
      const { chatId, userId } = await register();
      const offer = await say(chatId, 'завтра куплю билеты 800 тыс');
      const u = offer.updateId;
      expect(offer.text).toBe(
        '📅 07.12.2026 · Билеты — 800,000.00 UZS\n\n🗓 Это на будущее — сейчас ничего не записано. Напомнить в тот день?',
      );
      expect(buttons(offer.markup)).toEqual([
        [['🔔 Напомнить 07.12', `f:${u}:r`]],
        [['✅ Уже оплачено — записать сегодня', `f:${u}:p`]],
        [['✖ Нет', `f:${u}:n`]],
      ]);
      expect(await rows(userId)).toEqual([]);
      expect(await planned(userId)).toEqual([
        {
          update_id: String(u),
          status: 'offered',
          planned_on: '2026-12-07',
          remind_on: null,
          source: 'text',
          items: [
            {
              type: 'expense',
              amount: '800000.00',
              currency: 'UZS',
              category: 'transport',
              description: 'билеты',
              date: '2026-12-07',
            },
          ],
        },
      ]);

      const remind = await press(chatId, `f:${u}:r`);
      expect(remind.text).toBe(
        '📅 07.12.2026 · Билеты — 800,000.00 UZS\n\n🔔 Напомню 07.12.2026 утром. Пока ничего не записано.',
      );
      expect(remind.markup).toBeUndefined();
      expect(await planned(userId)).toMatchObject([{ status: 'scheduled', remind_on: '2026-12-07' }]);

      const sent = () =>
        t.telegram.calls.filter(
          (c) =>
            c.method === 'sendMessage' &&
            Number(c.params.chat_id) === chatId &&
            String(c.params.text).startsWith('🔔'),
        );
      await reminders.runDue(new Date('2026-12-06T20:00:00Z')); // 01:00 on the 7th in Tashkent: too early
      await reminders.runDue(new Date('2026-12-07T03:59:00Z')); // 08:59
      expect(sent()).toEqual([]);
      await Promise.all([
        reminders.runDue(new Date('2026-12-07T04:00:00Z')),
        reminders.runDue(new Date('2026-12-07T04:00:00Z')),
      ]);
      await reminders.runDue(new Date('2026-12-07T10:00:00Z'));
      expect(sent()).toHaveLength(1);
      expect(sent()[0].params.text).toBe(
        '🔔 Сегодня по плану:\n• Билеты — 800,000.00 UZS\n\nОплатили? Запишу расходом этого дня.',
      );
      expect(buttons(sent()[0].params.reply_markup)).toEqual([
        [
          ['✅ Записать', `f:${u}:d`],
          ['⏭ Пропустить', `f:${u}:s`],
        ],
      ]);
      expect(await planned(userId)).toMatchObject([{ status: 'sent' }]);
      expect(await rows(userId)).toEqual([]);

      const recorded = await press(chatId, `f:${u}:d`);
      expect(recorded.answer.text).toBe('✅');
      expect(recorded.text).toBe('✅ Записано:\n💸 800,000.00 UZS — Транспорт, билеты · 07.12.2026');
      expect(buttons(recorded.markup)).toEqual([
        [
          ['↩️ Отменить', `u:${u}`],
          ['🏷 Категория', `c:${u}`],
        ],
      ]);
      const again = await press(chatId, `f:${u}:d`);
      expect(again.answer).toMatchObject({ text: '⚠️ Это уже записано.', show_alert: true });
      expect(again.text).toBeUndefined();
      expect(await rows(userId)).toEqual([
        {
          type: 'expense',
          amount: '800000.00',
          currency: 'UZS',
          category: 'transport',
          description: 'билеты',
          source: 'text',
          source_update_id: String(u),
          local: '2026-12-07',
        },
      ]);
      expect(await planned(userId)).toMatchObject([{ status: 'recorded' }]);
    });

    it('en: "It\'s paid already" records today; the other buttons then refuse', async () => {
      const { chatId, userId } = await register('en');
      const offer = await say(chatId, 'tomorrow flight 2 mln', 'en');
      const u = offer.updateId;
      expect(offer.text).toBe(
        "📅 07.12.2026 · Flight — 2,000,000.00 UZS\n\n🗓 That's for later — nothing recorded now. Remind you on the day?",
      );
      expect(await rows(userId)).toEqual([]);
      const paid = await press(chatId, `f:${u}:p`);
      const today = localDay();
      expect(paid.text).toBe(`✅ Recorded:\n💸 2,000,000.00 UZS — Transport, flight · ${dotted(today)}`);
      expect(await rows(userId)).toMatchObject([
        {
          amount: '2000000.00',
          category: 'transport',
          description: 'flight',
          source_update_id: String(u),
          local: today,
        },
      ]);
      expect((await press(chatId, `f:${u}:r`)).answer).toMatchObject({
        text: '⚠️ This is recorded already.',
        show_alert: true,
      });
      expect((await press(chatId, `f:${u}:p`)).answer).toMatchObject({
        text: '⚠️ This is recorded already.',
        show_alert: true,
      });
      expect(await rows(userId)).toHaveLength(1);
      expect(await planned(userId)).toMatchObject([{ status: 'recorded' }]);
    });

    it('no day named: "In a week" reminds a week from the press; ⏭ Skip records nothing; ✖ No stores no reminder', async () => {
      const { chatId, userId } = await register();
      const offer = await say(chatId, 'потрачу 50к на подарок');
      const u = offer.updateId;
      expect(offer.text).toBe(
        '📅 Подарок — 50,000.00 UZS\n\n🗓 Это на будущее — сейчас ничего не записано. Когда напомнить?',
      );
      expect(buttons(offer.markup)[0]).toEqual([
        ['🔔 Завтра', `f:${u}:t`],
        ['🔔 Через неделю', `f:${u}:w`],
      ]);
      const inWeek = localDay(7);
      expect((await press(chatId, `f:${u}:w`)).text).toBe(
        `📅 Подарок — 50,000.00 UZS\n\n🔔 Напомню ${dotted(inWeek)} утром. Пока ничего не записано.`,
      );
      expect(await planned(userId)).toMatchObject([
        { status: 'scheduled', planned_on: null, remind_on: inWeek },
      ]);
      const [y, m, d] = inWeek.split('-').map(Number);
      await reminders.runDue(new Date(Date.UTC(y, m - 1, d, 4, 30))); // 09:30 in Tashkent that day
      expect(t.telegram.textsTo(chatId).filter((x) => x.startsWith('🔔 Сегодня'))).toEqual([
        '🔔 Сегодня по плану:\n• Подарок — 50,000.00 UZS\n\nОплатили? Запишу расходом этого дня.',
      ]);
      const skipped = await press(chatId, `f:${u}:s`);
      expect(skipped.text).toBe('📅 Подарок — 50,000.00 UZS\n\n⏭ Пропущено — ничего не записано.');
      expect(await planned(userId)).toMatchObject([{ status: 'skipped' }]);

      const no = await say(chatId, 'надо будет заплатить за интернет 120 тыс');
      const declined = await press(chatId, `f:${no.updateId}:n`);
      expect(declined.text).toBe('📅 Интернет — 120,000.00 UZS\n\n✖ Хорошо: не записываю и не напоминаю.');
      expect(await planned(userId)).toMatchObject([
        { status: 'skipped' },
        { status: 'declined', remind_on: null },
      ]);
      await reminders.runDue(new Date(Date.UTC(y, m - 1, d + 30, 6)));
      expect(t.telegram.textsTo(chatId).filter((x) => x.startsWith('🔔 Сегодня'))).toHaveLength(1);
      expect(await rows(userId)).toEqual([]);
    });

    it('spoken: the same offer under the voice reply; "paid already" records it as a voice record', async () => {
      const { chatId, userId } = await register();
      t.telegram.addFile(`future-${chatId}`, voiceFixtures()[0].bytes);
      stt.respond = () => 'завтра заплачу за свет 120 тыс';
      const update = voiceUpdate(chatId, `future-${chatId}`);
      try {
        await deliver(update);
        const reply = await until(() =>
          t.telegram.calls.find(
            (c) =>
              c.method === 'sendMessage' &&
              Number(c.params.chat_id) === chatId &&
              String(c.params.text).includes('📅'),
          ),
        );
        expect(String(reply.params.text)).toContain('📅 07.12.2026 · Свет — 120,000.00 UZS');
        expect(buttons(reply.params.reply_markup)[1]).toEqual([
          ['✅ Уже оплачено — записать сегодня', `f:${update.update_id}:p`],
        ]);
      } finally {
        stt.reset();
      }
      expect(await rows(userId)).toEqual([]);
      await press(chatId, `f:${update.update_id}:p`);
      expect(await rows(userId)).toMatchObject([
        {
          amount: '120000.00',
          category: 'housing',
          source: 'voice',
          source_update_id: String(update.update_id),
        },
      ]);
      const [{ transcript }] = await t.db.query('SELECT transcript FROM transactions WHERE user_id = $1', [
        userId,
      ]);
      expect(transcript).toBe('завтра заплачу за свет 120 тыс');
    });

    it('another user cannot press my buttons; the offer is in my data export and goes with me', async () => {
      const me = await register();
      const offer = await say(me.chatId, 'завтра заплачу за свет 120 тыс');
      const other = await register();
      expect((await press(other.chatId, `f:${offer.updateId}:p`)).answer).toMatchObject({
        text: '⚠️ Эта кнопка устарела.',
        show_alert: true,
      });
      expect(await rows(other.userId)).toEqual([]);
      expect(await rows(me.userId)).toEqual([]);

      const { token } = await accessTokenFor(t, me.chatId);
      const exported = await t.http
        .get('/api/users/me/export/')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(exported.body.planned_payments).toMatchObject([
        {
          source_update_id: String(offer.updateId),
          status: 'offered',
          planned_on: '2026-12-07',
          items: [
            {
              type: 'expense',
              amount: '120000.00',
              currency: 'UZS',
              category: 'housing',
              description: 'свет',
              date: '2026-12-07',
            },
          ],
        },
      ]);
      expect(await t.app.get(PrivacyService).eraseUser(me.userId)).toBe(true);
      expect(
        await t.db.query('SELECT count(*)::int AS n FROM planned_payments WHERE user_id = $1', [me.userId]),
      ).toEqual([{ n: 0 }]);
    });
  });

  describe('saving intentions lead to a goal, never an expense', () => {
    it.each([
      [
        'ru',
        'коплю на ноутбук 1000$',
        { title: 'Ноутбук', target: '1000.00', currency: 'USD' },
        '🎯 Новая цель:\nНоутбук',
      ],
      [
        'uz',
        "mashina uchun 50 mln yig'moqchiman",
        { title: 'Mashina', target: '50000000.00', currency: 'UZS' },
        '🎯 Yangi maqsad:\nMashina',
      ],
      [
        'en',
        'saving 500 dollars for a laptop',
        { title: 'Laptop', target: '500.00', currency: 'USD' },
        '🎯 New goal:\nLaptop',
      ],
    ])('%s: %s creates the goal', async (lang, phrase, goal, start) => {
      const { chatId, userId } = await register(lang);
      const reply = await say(chatId, phrase, lang);
      expect(reply.text.startsWith(start)).toBe(true);
      expect(await goals(userId)).toEqual([{ ...goal, status: 'active' }]);
      expect(await rows(userId)).toEqual([]);
    });

    it('a saving plan without a target asks for it; nothing is recorded', async () => {
      const { chatId, userId } = await register();
      expect((await say(chatId, 'буду откладывать по 2 млн в месяц на машину')).text).toBe(
        '💬 Сколько нужно накопить? Например: «цель: телефон 3 млн к 1 марта»',
      );
      expect(await goals(userId)).toEqual([]);
      expect(await rows(userId)).toEqual([]);
    });

    it.each([
      [
        'коплю на ноутбук 1000$',
        { title: 'Ноутбук', target: '1000.00', currency: 'USD' },
        '🎯 Новая цель:\nНоутбук',
      ],
      [
        "mashina uchun 50 mln yig'moqchiman",
        { title: 'Mashina', target: '50000000.00', currency: 'UZS' },
        '🎯 Новая цель:\nMashina',
      ],
      [
        'saving 500 dollars for a laptop',
        { title: 'Laptop', target: '500.00', currency: 'USD' },
        '🎯 Новая цель:\nLaptop',
      ],
    ])('spoken: a voice note saying "%s" creates the goal too', async (transcript, goal, start) => {
      const { chatId, userId } = await register();
      const clip = voiceFixtures()[0];
      t.telegram.addFile(`saving-${chatId}`, clip.bytes);
      stt.respond = () => transcript;
      try {
        await deliver(voiceUpdate(chatId, `saving-${chatId}`));
        const reply = await until(() => t.telegram.textsTo(chatId).find((x) => x.includes('🎯 Новая цель')));
        expect(reply).toContain(transcript);
        expect(reply).toContain(start);
      } finally {
        stt.reset();
      }
      expect(await goals(userId)).toEqual([{ ...goal, status: 'active' }]);
      expect(await rows(userId)).toEqual([]);
    });

    it('a saving intention the goals flow left: offered with a button that creates the goal once', async () => {
      const { chatId, userId } = await register('en');
      const user = (await t.app.get(UsersService).findByChatId(BigInt(chatId)))!;
      const updateId = ++nextUpdateId;
      const asides = t.app.get(AsidesBot, { strict: false });
      const parsed = {
        language: 'en' as const,
        intent: 'unknown' as const,
        items: [],
        aside: {
          kind: 'saving_goal' as const,
          title: 'Bike',
          amountMinor: 30_000n,
          currency: 'USD' as const,
          deadline: null,
        },
      };
      const reply = await asides.onParsed(
        user,
        { chatId, text: 'saving for a bike 300$', updateId, sentAt: new Date(SENT_AT) },
        parsed,
        null,
        async () => '',
      );
      expect(reply?.text).toBe(
        "🎯 Looks like you're saving for “Bike” — 300.00 USD. That's not an expense, nothing recorded. Create a goal?",
      );
      expect(buttons(reply?.markup)).toEqual([[['🎯 Create the goal', `g:${updateId}`]]]);
      const created = await press(chatId, `g:${updateId}`);
      expect(created.text?.startsWith('🎯 New goal:\nBike')).toBe(true);
      expect((await press(chatId, `g:${updateId}`)).answer).toMatchObject({
        text: '⚠️ This button is out of date.',
        show_alert: true,
      });
      expect(await goals(userId)).toEqual([
        { title: 'Bike', target: '300.00', currency: 'USD', status: 'active' },
      ]);
      expect(await rows(userId)).toEqual([]);
    });
  });

  describe('thousands words in a USD account', () => {
    const usdUser = async () => {
      const u = await register();
      await press(u.chatId, 'cur:USD');
      return u;
    };

    it('"такси 40 тыс" asks with two buttons; pressing UZS records 40,000 UZS once', async () => {
      const { chatId, userId } = await usdUser();
      const asked = await say(chatId, 'такси 40 тыс');
      const u = asked.updateId;
      expect(asked.text).toBe(
        '💱 Это сумы или USD? С «тыс» обычно говорят о сумах, а ваша валюта по умолчанию — USD.\n• Такси — 40,000.00',
      );
      expect(buttons(asked.markup)).toEqual([
        [
          ['40,000.00 UZS', `k:${u}:UZS`],
          ['40,000.00 USD', `k:${u}:USD`],
        ],
      ]);
      expect(await rows(userId)).toEqual([]);
      const picked = await press(chatId, `k:${u}:UZS`);
      expect(picked.text).toBe('✅ Записано:\n💸 40,000.00 UZS — Транспорт, такси · 06.12.2026');
      expect(buttons(picked.markup)).toEqual([
        [
          ['↩️ Отменить', `u:${u}`],
          ['🏷 Категория', `c:${u}`],
        ],
      ]);
      expect((await press(chatId, `k:${u}:USD`)).answer).toMatchObject({
        text: '⚠️ Это уже записано.',
        show_alert: true,
      });
      expect(await rows(userId)).toEqual([
        {
          type: 'expense',
          amount: '40000.00',
          currency: 'UZS',
          category: 'transport',
          description: 'такси',
          source: 'text',
          source_update_id: String(u),
          local: '2026-12-06',
        },
      ]);
      expect(
        (await t.db.query('SELECT state FROM bot_sessions WHERE user_id = $1 AND is_active', [userId]))[0]
          .state,
      ).toBeNull();
    });

    it('"40 тыс" answering "💬 Сколько?" asks the currency of that item', async () => {
      const { chatId, userId } = await usdUser();
      expect((await say(chatId, 'заплатил за такси')).text).toBe(
        '💬 Сколько? Напишите сумму, например 25000\n💸 Транспорт, такси · 06.12.2026',
      );
      const asked = await say(chatId, '40 тыс');
      expect(asked.text).toBe(
        '💱 Это сумы или USD? С «тыс» обычно говорят о сумах, а ваша валюта по умолчанию — USD.\n• Такси — 40,000.00',
      );
      expect((await press(chatId, `k:${asked.updateId}:UZS`)).text).toBe(
        '✅ Записано:\n💸 40,000.00 UZS — Транспорт, такси · 06.12.2026',
      );
      expect(await rows(userId)).toMatchObject([
        {
          amount: '40000.00',
          currency: 'UZS',
          category: 'transport',
          description: 'такси',
          source_update_id: String(asked.updateId),
        },
      ]);
    });

    it('two presses at once record once; a newer phrase replaces the question', async () => {
      const { chatId, userId } = await usdUser();
      const asked = await say(chatId, 'обед 70 тыс');
      const answers = await Promise.all([
        press(chatId, `k:${asked.updateId}:UZS`),
        press(chatId, `k:${asked.updateId}:USD`),
      ]);
      expect(answers.map((a) => a.answer.text).sort()).toEqual(['⚠️ Это уже записано.', '✅']);
      expect(await rows(userId)).toHaveLength(1);

      const replaced = await say(chatId, 'такси 50 тыс');
      expect((await say(chatId, 'кофе 5')).text).toBe(
        '✅ Записано:\n💸 5.00 USD — Кафе и рестораны, кофе · 06.12.2026',
      );
      expect((await press(chatId, `k:${replaced.updateId}:UZS`)).answer).toMatchObject({
        text: '⚠️ Эта кнопка устарела.',
        show_alert: true,
      });
      expect((await rows(userId)).map((r) => [r.amount, r.currency])).toEqual([
        [expect.stringMatching(/^70000\.00$/), expect.stringMatching(/^(UZS|USD)$/)],
        ['5.00', 'USD'],
      ]);
    });
  });

  describe('limits', () => {
    it('an amount too large to store is said, with the maximum; nothing recorded', async () => {
      const { chatId, userId } = await register();
      expect((await say(chatId, 'потратил 99999999999999999 сум')).text).toBe(
        '❌ Слишком большая сумма: в записи не больше 13 цифр до запятой (до 9,999,999,999,999.99). Ничего не записано — проверьте число.',
      );
      expect(await rows(userId)).toEqual([]);
    });

    it('more items than one message may hold: the count and the limit, asked to split; nothing recorded', async () => {
      const { chatId, userId } = await register('en');
      const count = MAX_ITEMS_PER_MESSAGE + 1;
      const list = Array.from({ length: count }, (_, i) => `bread ${5000 + i}`).join(', ');
      expect((await say(chatId, list, 'en')).text).toBe(
        `❌ That message has ${count} amounts — at most ${MAX_ITEMS_PER_MESSAGE} can be recorded at once. Nothing recorded: please split it into several messages.`,
      );
      expect(await rows(userId)).toEqual([]);
    });
  });

  describe('spending questions', () => {
    it('a word more specific than its category: the records that have it, beside the category total', async () => {
      const { chatId, userId } = await register();
      await say(chatId, 'бензин 200 тыс');
      await say(chatId, 'такси 30 тыс');
      expect((await say(chatId, 'сколько ушло на бензин в этом месяце')).text).toBe(
        '🔎 «бензин» за декабрь: 1 запись, 200,000.00 UZS\n• 06.12 · Бензин — 200,000.00 UZS\n\n🚕 Транспорт за декабрь: 230,000.00 UZS',
      );
      expect(await rows(userId)).toHaveLength(2);
    });

    it('uz: "ovqat" is groceries and cafes together, and each', async () => {
      const { chatId } = await register('uz');
      await say(chatId, 'non 5000', 'uz');
      await say(chatId, 'tushlik 50 ming', 'uz');
      await say(chatId, 'taksi 20 ming', 'uz');
      expect((await say(chatId, 'bu oy ovqatga qancha ketdi', 'uz')).text).toBe(
        '🍲 Ovqat, dekabr oyida: 55,000.00 UZS\n🛒 Oziq-ovqat: 5,000.00 UZS\n🍽 Kafe va restoranlar: 50,000.00 UZS',
      );
    });
  });

  // Last: a second app in this process re-registers process-wide parts (passport's JWT strategy), which then point at
  // the closed instance; nothing after this uses them.
  describe('several instances', () => {
    it('uz: two app instances send the reminder once, and two presses of "Record" on them record once', async () => {
      const { chatId, userId } = await register('uz');
      const offer = await say(chatId, "ertaga 100 ming to'lashim kerak", 'uz');
      const u = offer.updateId;
      expect(offer.text).toBe(
        '📅 07.12.2026 · Boshqa — 100,000.00 UZS\n\n🗓 Bu keyinroq uchun — hozir hech narsa yozilmadi. Oʻsha kuni eslataymi?',
      );
      expect(buttons(offer.markup)[0]).toEqual([['🔔 07.12 kuni eslatish', `f:${u}:r`]]);
      await press(chatId, `f:${u}:r`);

      // Same DATABASE_URL: with a PostgreSQL server (CI) both apps share the database; the in-memory embedded engine
      // gives the second app a database of its own, which only shows that it has nothing to send.
      const second = await createApp(t.config, { logger: false });
      await second.init();
      try {
        second.get(ReminderScheduler).stop();
        const shared = !(t.config.databaseUrl ?? 'pglite').startsWith('pglite');
        const now = new Date('2026-12-07T05:00:00Z');
        const runs = await Promise.all([
          reminders.runDue(now),
          second.get(RemindersService).runDue(now),
          reminders.runDue(now),
          second.get(RemindersService).runDue(now),
        ]);
        expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
        expect(t.telegram.textsTo(chatId).filter((m) => m.startsWith('🔔 Bugun'))).toEqual([
          '🔔 Bugun rejada:\n• Boshqa — 100,000.00 UZS\n\nToʻladingizmi? Shu kunning xarajati sifatida yozib qoʻyaman.',
        ]);

        if (shared) {
          const secondHttp = request(second.getHttpServer()) as unknown as TestApp['http'];
          const presses = await Promise.all([
            pressOn(t.http, chatId, `f:${u}:d`),
            pressOn(secondHttp, chatId, `f:${u}:d`),
          ]);
          expect(presses.map((p) => p.answer.text).sort()).toEqual(['⚠️ Bu allaqachon yozilgan.', '✅']);
        } else {
          await press(chatId, `f:${u}:d`);
        }
      } finally {
        await second.close();
      }
      expect(await rows(userId)).toMatchObject([
        {
          amount: '100000.00',
          currency: 'UZS',
          category: 'other',
          source_update_id: String(u),
          local: '2026-12-07',
        },
      ]);
    });
  });
});
