/**
 * Recurring payments and incomes (docs/recurring.md): REST CRUD, validation and the IDOR rows; the due-day run with
 * an injected clock — recorded exactly once with two app instances, the ask and its buttons through the real
 * webhook (record, skip, another amount), catch-up after downtime, pause; /recurring in the bot (edit by ✏️).
 */
import { CLOCK, type Clock } from '../src/common/time/clock';
import { createApp } from '../src/bootstrap';
import { RecurringRunner, RecurringScheduler } from '../src/modules/recurring/recurring.scheduler';
import { RecurringBot } from '../src/modules/bot/flows/recurring.bot';
import { UsersService } from '../src/modules/users/users.service';
import { accessTokenFor } from './helpers/auth';
import { startTestApp, TestApp } from './helpers/test-app';
import { callbackUpdate, deliverUpdate, messageUpdate } from './helpers/updates';

let nextUpdateId = 700_000;
let nextChatId = 940_000_000;

type Markup = { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined;

describe('Recurring payments (e2e)', () => {
  let t: TestApp;
  let runner: RecurringRunner;
  let now = new Date('2026-11-29T07:00:00Z'); // 12:00 in Tashkent

  const setClock = (app: TestApp['app'] | Awaited<ReturnType<typeof createApp>>) => {
    app.get<Clock>(CLOCK).now = () => now;
  };
  const user = async () => {
    const chatId = ++nextChatId;
    await deliverUpdate(
      t,
      messageUpdate(
        ++nextUpdateId,
        chatId,
        { text: '/start' },
        { sentAt: now.getTime(), languageCode: 'ru' },
      ),
    );
    const { token, userId } = await accessTokenFor(t, chatId);
    return { chatId, userId, auth: { Authorization: `Bearer ${token}` } };
  };
  const rowsOf = (userId: string) =>
    t.db.query(
      `SELECT amount::text AS amount, description, household_id, occurred_at FROM transactions WHERE user_id = $1 ORDER BY occurred_at`,
      [userId],
    );
  const say = async (chatId: number, text: string) => {
    const calls = await deliverUpdate(
      t,
      messageUpdate(++nextUpdateId, chatId, { text }, { sentAt: now.getTime(), languageCode: 'ru' }),
    );
    const sent = calls.filter((c) => c.method === 'sendMessage');
    return { text: String(sent[0]?.params.text), markup: sent[0]?.params.reply_markup as Markup };
  };
  const press = async (chatId: number, data: string) => {
    const calls = await deliverUpdate(t, callbackUpdate(++nextUpdateId, chatId, data, { messageId: 77 }));
    const edit = calls.find((c) => c.method === 'editMessageText');
    const reply = calls.find((c) => c.method === 'sendMessage');
    const answer = calls.find((c) => c.method === 'answerCallbackQuery');
    return {
      answer: answer?.params as { text?: string; show_alert?: boolean },
      edit: edit ? String(edit.params.text) : undefined,
      reply: reply ? String(reply.params.text) : undefined,
    };
  };
  /** The ask messages sent to a chat, with their buttons. */
  const asks = (chatId: number) =>
    t.telegram
      .sent()
      .filter((p) => Number(p.chat_id) === chatId && String(p.text).startsWith('🔁 По плану'))
      .map((p) => ({ text: String(p.text), markup: p.reply_markup as Markup }));

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(RecurringScheduler).stop(); // the tests drive runDue with their own clock
    runner = t.app.get(RecurringRunner);
    setClock(t.app);
  });
  afterAll(() => t?.close());

  describe('REST', () => {
    it('creates, lists, reads, changes and deletes; next_date follows the 31st and pause', async () => {
      now = new Date('2026-11-29T07:00:00Z');
      const { auth } = await user();
      const created = await t.http
        .post('/api/recurring/')
        .set(auth)
        .send({
          type: 'expense',
          amount: '3000000',
          category: 'housing',
          description: 'Аренда',
          every: 'month',
          day: 31,
        })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        type: 'expense',
        amount: '3000000.00',
        currency: 'UZS',
        category: 'housing',
        description: 'Аренда',
        every: 'month',
        day: 31,
        auto: false,
        wallet: 'personal',
        next_date: '2026-11-30',
        paused: false,
      });
      const id = created.body.id as string;
      const list = await t.http.get('/api/recurring/').set(auth).expect(200);
      expect(list.body.count).toBe(1);
      expect(list.body.results[0].id).toBe(id);
      now = new Date('2027-02-10T07:00:00Z');
      expect((await t.http.get(`/api/recurring/${id}/`).set(auth).expect(200)).body.next_date).toBe(
        '2027-02-28',
      );
      const weekly = await t.http
        .patch(`/api/recurring/${id}/`)
        .set(auth)
        .send({ every: 'week', day: 1, auto: true, amount: '50000.5', paused: true })
        .expect(200);
      expect(weekly.body).toMatchObject({
        every: 'week',
        day: 1,
        auto: true,
        amount: '50000.50',
        paused: true,
        next_date: '2027-02-15',
      });
      await t.http.delete(`/api/recurring/${id}/`).set(auth).expect(204);
      await t.http.get(`/api/recurring/${id}/`).set(auth).expect(404);
    });

    it('validation: DRF field errors; day by `every`; the household wallet needs a household', async () => {
      const { auth } = await user();
      const bad = await t.http
        .post('/api/recurring/')
        .set(auth)
        .send({ type: 'gift', amount: '-1', every: 'year', day: 'x', auto: 'yes' })
        .expect(400);
      expect(Object.keys(bad.body).sort()).toEqual(['amount', 'auto', 'day', 'every', 'type']);
      expect(
        (
          await t.http
            .post('/api/recurring/')
            .set(auth)
            .send({ type: 'expense', amount: '1', every: 'week', day: 8 })
            .expect(400)
        ).body,
      ).toEqual({ day: ['Ensure this value is between 1 and 7 (Monday = 1).'] });
      expect(
        (
          await t.http
            .post('/api/recurring/')
            .set(auth)
            .send({ type: 'expense', amount: '1', every: 'month', day: 32 })
            .expect(400)
        ).body,
      ).toEqual({ day: ['Ensure this value is between 1 and 31 (a day of the month).'] });
      expect(
        (
          await t.http
            .post('/api/recurring/')
            .set(auth)
            .send({ type: 'income', amount: '1', every: 'month', day: 1, category: 'groceries' })
            .expect(400)
        ).body,
      ).toEqual({ category: ['"groceries" is not a valid choice.'] });
      expect(
        (
          await t.http
            .post('/api/recurring/')
            .set(auth)
            .send({ type: 'expense', amount: '1', every: 'month', day: 1, wallet: 'household' })
            .expect(400)
        ).body,
      ).toEqual({ wallet: ['You are not in a household.'] });
      expect((await t.http.get('/api/recurring/').set(auth).expect(200)).body.count).toBe(0);
    });

    it('IDOR: a stranger gets 404 on read, change and delete, and nothing changes', async () => {
      const owner = await user();
      const stranger = await user();
      const { body } = await t.http
        .post('/api/recurring/')
        .set(owner.auth)
        .send({ type: 'income', amount: '8000000', description: 'oylik', every: 'month', day: 10 })
        .expect(201);
      await t.http.get(`/api/recurring/${body.id}/`).set(stranger.auth).expect(404);
      await t.http
        .patch(`/api/recurring/${body.id}/`)
        .set(stranger.auth)
        .send({ amount: '1', paused: true })
        .expect(404);
      await t.http.delete(`/api/recurring/${body.id}/`).set(stranger.auth).expect(404);
      await t.http.get('/api/recurring/not-a-uuid/').set(stranger.auth).expect(404);
      expect((await t.http.get('/api/recurring/').set(stranger.auth).expect(200)).body.count).toBe(0);
      const still = await t.http.get(`/api/recurring/${body.id}/`).set(owner.auth).expect(200);
      expect(still.body).toMatchObject({ amount: '8000000.00', paused: false });
      await t.http.get('/api/recurring/').expect(401);
    });
  });

  describe('the due-day run', () => {
    it('auto: records once at 09:00 local, also with three runs racing, and tells the user', async () => {
      now = new Date('2026-11-29T07:00:00Z');
      const { auth, userId, chatId } = await user();
      await t.http
        .post('/api/recurring/')
        .set(auth)
        .send({
          type: 'expense',
          amount: '3000000',
          category: 'housing',
          description: 'Аренда',
          every: 'month',
          day: 1,
          auto: true,
        })
        .expect(201);
      // 1 December 08:59 in Tashkent: not yet
      await runner.runDue(new Date('2026-12-01T03:59:00Z'));
      expect(await rowsOf(userId)).toEqual([]);
      const at = new Date('2026-12-01T04:00:00Z');
      const runs = await Promise.all([runner.runDue(at), runner.runDue(at), runner.runDue(at)]);
      expect(runs.reduce((n, r) => n + r.recorded, 0)).toBe(1);
      await runner.runDue(new Date('2026-12-01T15:00:00Z'));
      const rows = await rowsOf(userId);
      expect(rows.map((r: { amount: string; description: string }) => [r.amount, r.description])).toEqual([
        ['3000000.00', 'Аренда'],
      ]);
      expect(t.telegram.textsTo(chatId).filter((m) => m.startsWith('🔁'))).toEqual([
        '🔁 Записал: Аренда 3,000,000.00 UZS',
      ]);
      now = new Date('2026-12-01T05:00:00Z');
      expect((await t.http.get('/api/recurring/').set(auth).expect(200)).body.results[0].next_date).toBe(
        '2027-01-01',
      );
    });

    it('ask: the buttons through the webhook — record once, skip, another amount', async () => {
      now = new Date('2026-11-29T07:00:00Z');
      const { auth, userId, chatId } = await user();
      await t.http
        .post('/api/recurring/')
        .set(auth)
        .send({
          type: 'expense',
          amount: '120000',
          category: 'entertainment',
          description: 'Netflix',
          every: 'week',
          day: 1,
        })
        .expect(201);
      // Monday 30 November, 09:00 Tashkent
      await runner.runDue(new Date('2026-11-30T04:00:00Z'));
      await runner.runDue(new Date('2026-11-30T04:01:00Z'));
      const [ask] = asks(chatId);
      expect(asks(chatId)).toHaveLength(1);
      expect(ask.text).toBe('🔁 По плану на 30.11.2026: Netflix 120,000.00 UZS. Записать?');
      const buttons = ask.markup!.inline_keyboard!.flat();
      expect(buttons.map((b) => b.text)).toEqual(['✅ Записать', '⏭ Пропустить', '✏️ Другая сумма']);
      const record = await press(chatId, buttons[0].callback_data!);
      expect(record.edit).toBe('🔁 Записал: Netflix 120,000.00 UZS (30.11.2026)');
      const again = await press(chatId, buttons[0].callback_data!);
      expect(again.answer.text).toBe('Уже отмечено.');
      expect(await rowsOf(userId)).toHaveLength(1);
      // a stranger pressing the same button changes nothing
      const stranger = await user();
      expect((await press(stranger.chatId, buttons[1].callback_data!)).answer.text).toBe(
        '⚠️ Этого регулярного платежа больше нет.',
      );

      // next Monday: skip
      await runner.runDue(new Date('2026-12-07T04:00:00Z'));
      const skipButtons = asks(chatId)[1].markup!.inline_keyboard!.flat();
      expect((await press(chatId, skipButtons[1].callback_data!)).edit).toBe(
        '⏭ Пропущено: Netflix 120,000.00 UZS (07.12.2026)',
      );
      expect((await press(chatId, skipButtons[0].callback_data!)).answer.text).toBe('Уже отмечено.');
      expect(await rowsOf(userId)).toHaveLength(1);

      // the Monday after: another amount, typed in the next message
      await runner.runDue(new Date('2026-12-14T04:00:00Z'));
      now = new Date('2026-12-14T05:00:00Z');
      const otherButtons = asks(chatId)[2].markup!.inline_keyboard!.flat();
      expect((await press(chatId, otherButtons[2].callback_data!)).reply).toBe(
        '✏️ Сколько записать за «Netflix»? Напишите сумму.',
      );
      expect((await say(chatId, '150 тыс')).text).toBe('🔁 Записал: Netflix 150,000.00 UZS (14.12.2026)');
      const rows = await rowsOf(userId);
      expect(rows.map((r: { amount: string }) => r.amount)).toEqual(['120000.00', '150000.00']);
      // the question is gone: the next amount is an ordinary record
      expect((await say(chatId, '5000')).text).not.toContain('Netflix');
    });

    it('catch-up after downtime: each missed occurrence of the last 31 days once, never again; paused rules wait', async () => {
      now = new Date('2026-10-01T07:00:00Z');
      const { auth, userId, chatId } = await user();
      await t.db.query(`UPDATE users SET timezone = 'America/New_York' WHERE id = $1`, [userId]);
      const gym = await t.http
        .post('/api/recurring/')
        .set(auth)
        .send({ type: 'expense', amount: '50000', description: 'gym', every: 'week', day: 1, auto: true })
        .expect(201);
      const rent = await t.http
        .post('/api/recurring/')
        .set(auth)
        .send({
          type: 'expense',
          amount: '1000',
          description: 'rent',
          every: 'month',
          day: 31,
          auto: true,
          paused: false,
        })
        .expect(201);
      await t.http.patch(`/api/recurring/${rent.body.id}/`).set(auth).send({ paused: true }).expect(200);
      // down from October until Wednesday 18 November 10:00 in New York (15:00 UTC): Mondays 19 Oct – 16 Nov count
      const back = new Date('2026-11-18T15:00:00Z');
      const run = await runner.runDue(back);
      expect(run.recorded).toBe(5);
      await runner.runDue(back);
      await runner.runDue(new Date('2026-11-18T16:00:00Z'));
      const rows = await rowsOf(userId);
      expect(rows.map((r: { description: string }) => r.description)).toEqual([
        'gym',
        'gym',
        'gym',
        'gym',
        'gym',
      ]);
      const dates = await t.db.query(
        `SELECT occurrence_date::text AS d FROM recurring_occurrences WHERE recurring_id = $1 ORDER BY 1`,
        [gym.body.id],
      );
      expect(dates.map((r: { d: string }) => r.d)).toEqual([
        '2026-10-19',
        '2026-10-26',
        '2026-11-02',
        '2026-11-09',
        '2026-11-16',
      ]);
      expect(t.telegram.textsTo(chatId).filter((m) => m.startsWith('🔁'))).toHaveLength(5);
      // resumed: nothing of the paused time is caught up; the next one is the 30th
      now = back;
      const resumed = await t.http
        .patch(`/api/recurring/${rent.body.id}/`)
        .set(auth)
        .send({ paused: false })
        .expect(200);
      expect(resumed.body.next_date).toBe('2026-11-30');
      await runner.runDue(new Date('2026-11-18T17:00:00Z'));
      expect(await rowsOf(userId)).toHaveLength(5);
    });
  });

  describe('household wallet and phrases', () => {
    it('a household rule records to the household wallet', async () => {
      now = new Date('2026-11-29T07:00:00Z');
      const { auth, userId } = await user();
      await t.http.post('/api/households/').set(auth).send({ name: 'Oila' }).expect(201);
      const { body } = await t.http
        .post('/api/recurring/')
        .set(auth)
        .send({
          type: 'expense',
          amount: '400000',
          description: 'kommunal',
          every: 'month',
          day: 3,
          auto: true,
          wallet: 'household',
        })
        .expect(201);
      expect(body.wallet).toBe('household');
      await runner.runDue(new Date('2026-12-03T04:00:00Z'));
      const [row] = await rowsOf(userId);
      expect(row.household_id).not.toBeNull();
    });

    it('fromPhrase: no amount → asked, the answer makes the rule; no day → today', async () => {
      now = new Date('2026-11-29T07:00:00Z'); // a Sunday, the 29th
      const { chatId, userId } = await user();
      const bot = t.app.get(RecurringBot);
      const person = await t.app.get(UsersService).getById(userId);
      const asked = await bot.fromPhrase(
        person,
        {
          type: 'expense',
          amountMinor: null,
          currency: 'UZS',
          category: 'housing',
          description: 'аренда',
          every: 'month',
          day: null,
        },
        now,
      );
      expect(asked.text).toBe('💬 Сколько платить за «аренда» каждый раз? Напишите сумму.');
      const made = await say(chatId, '3 млн');
      expect(made.text).toBe(
        '🔁 Регулярный платёж добавлен: Аренда 3,000,000.00 UZS — каждый месяц 29 числа, следующий: 29.11.2026',
      );
      const gym = await bot.fromPhrase(
        person,
        {
          type: 'expense',
          amountMinor: 5_000_000n,
          currency: 'UZS',
          category: 'other',
          description: 'gym',
          every: 'week',
          day: 1,
        },
        now,
      );
      expect(gym.text).toBe(
        '🔁 Регулярный платёж добавлен: Gym 50,000.00 UZS — каждую неделю, понедельник, следующий: 30.11.2026',
      );
      expect(gym.markup!.inline_keyboard[0].map((b) => b.text)).toEqual([
        '✏️ Изменить',
        '⏸ Пауза',
        '🗑 Удалить',
      ]);
    });
  });

  describe('said in a phrase, through the webhook', () => {
    it('ru, uz and en phrases make rules; a plain record stays a record', async () => {
      now = new Date('2026-11-29T07:00:00Z');
      const { chatId, userId } = await user();
      expect((await say(chatId, 'каждый месяц 1 числа аренда 3 млн')).text).toBe(
        '🔁 Регулярный платёж добавлен: Аренда 3,000,000.00 UZS — каждый месяц 1 числа, следующий: 01.12.2026',
      );
      expect((await say(chatId, 'har oy 10-sanada oylik 8 mln')).text).toMatch(
        /^🔁 .*8,000,000\.00 UZS.*10 числа/,
      );
      expect((await say(chatId, 'every Monday gym 50k')).text).toMatch(/^🔁 .*50,000\.00 UZS.*понедельник/);
      const rules: Array<{ type: string; every: string; day: number }> = await t.db.query(
        `SELECT type, every, day FROM recurring_rules WHERE user_id = $1 ORDER BY created_at`,
        [userId],
      );
      expect(rules).toEqual([
        { type: 'expense', every: 'month', day: 1 },
        { type: 'income', every: 'month', day: 10 },
        { type: 'expense', every: 'week', day: 1 },
      ]);
      expect(await rowsOf(userId)).toEqual([]);
      expect((await say(chatId, 'оплатил аренду 3 млн')).text).toMatch(/^✅/);
      expect(await rowsOf(userId)).toHaveLength(1);
    });
  });

  describe('/recurring in the bot', () => {
    it('lists with next dates; pause, resume and delete by buttons', async () => {
      now = new Date('2026-11-29T07:00:00Z');
      const { auth, chatId } = await user();
      await t.http
        .post('/api/recurring/')
        .set(auth)
        .send({
          type: 'expense',
          amount: '3000000',
          category: 'housing',
          description: 'Аренда',
          every: 'month',
          day: 1,
        })
        .expect(201);
      const list = await say(chatId, '/recurring');
      expect(list.text).toBe(
        '🔁 Регулярные платежи и доходы:\n1. Аренда 3,000,000.00 UZS — каждый месяц 1 числа, следующий: 01.12.2026',
      );
      const [edit, pause, remove] = list.markup!.inline_keyboard![0];
      expect([edit.text, pause.text, remove.text]).toEqual(['1. ✏️ Изменить', '1. ⏸ Пауза', '1. 🗑 Удалить']);
      const paused = await press(chatId, pause.callback_data!);
      expect(paused.answer.text).toBe('⏸ На паузе');
      expect(paused.edit).toContain('⏸ на паузе');
      expect((await press(chatId, pause.callback_data!)).answer.text).toBe('▶️ Возобновлён');
      const deleted = await press(chatId, remove.callback_data!);
      expect(deleted.answer.text).toBe('🗑 Удалён');
      expect(deleted.edit).toBe(
        '🔁 Регулярных платежей пока нет. Например: «каждый месяц 1 числа аренда 3 млн».',
      );
    });

    it('✏️ edits the amount and the day; a bad answer is asked again; /cancel; a stranger changes nothing', async () => {
      now = new Date('2026-11-29T07:00:00Z');
      const { auth, chatId, userId } = await user();
      const made = await t.http
        .post('/api/recurring/')
        .set(auth)
        .send({
          type: 'expense',
          amount: '3000000',
          category: 'housing',
          description: 'Аренда',
          every: 'month',
          day: 1,
        })
        .expect(201);
      const id = made.body.id as string;
      const rule = async () => {
        const { body } = await t.http.get(`/api/recurring/${id}/`).set(auth).expect(200);
        return { amount: body.amount, currency: body.currency, day: body.day, next_date: body.next_date };
      };
      const edit = (await say(chatId, '/recurring')).markup!.inline_keyboard![0][0];
      expect(edit.text).toBe('1. ✏️ Изменить');
      const asked = await press(chatId, edit.callback_data!);
      expect(asked.reply).toBe(
        '✏️ Новая сумма для «Аренда»? Сейчас: 3,000,000.00 UZS. Можно поменять и день: «4 млн, день: 15». /cancel — оставить как есть.',
      );
      const changed = await say(chatId, '3.5 млн');
      expect(changed.text).toBe(
        '✏️ Изменено: Аренда 3,500,000.00 UZS — каждый месяц 1 числа, следующий: 01.12.2026',
      );
      expect(changed.markup!.inline_keyboard![0].map((b) => b.text)).toEqual([
        '✏️ Изменить',
        '⏸ Пауза',
        '🗑 Удалить',
      ]);
      expect(await rule()).toEqual({
        amount: '3500000.00',
        currency: 'UZS',
        day: 1,
        next_date: '2026-12-01',
      });
      // the question is gone: the next amount is an ordinary record
      expect((await say(chatId, '5000')).text).toMatch(/^✅/);
      expect(await rowsOf(userId)).toHaveLength(1);

      // an amount in another currency, and the day
      await press(chatId, edit.callback_data!);
      expect((await say(chatId, '$250, день: 15')).text).toBe(
        '✏️ Изменено: Аренда 250.00 USD — каждый месяц 15 числа, следующий: 15.12.2026',
      );
      const edited = { amount: '250.00', currency: 'USD', day: 15, next_date: '2026-12-15' };
      expect(await rule()).toEqual(edited);

      // a bad answer: a day no month has → said, asked again, the rule as it was
      await press(chatId, edit.callback_data!);
      expect((await say(chatId, 'день: 40')).text).toBe(
        '⚠️ День — от 1 до 31. Напишите ещё раз или /cancel.',
      );
      expect((await say(chatId, 'day 0')).text).toBe('⚠️ День — от 1 до 31. Напишите ещё раз или /cancel.');
      expect(await rule()).toEqual(edited);
      // still asked: the rule keeps its currency
      expect((await say(chatId, '300')).text).toBe(
        '✏️ Изменено: Аренда 300.00 USD — каждый месяц 15 числа, следующий: 15.12.2026',
      );
      // not an amount: the question is dropped and the message read as usual
      await press(chatId, edit.callback_data!);
      expect((await say(chatId, 'привет')).text).not.toContain('✏️');
      expect((await say(chatId, '400')).text).toMatch(/^✅/);
      expect(await rule()).toMatchObject({ amount: '300.00', currency: 'USD', day: 15 });

      // /cancel
      await press(chatId, edit.callback_data!);
      expect((await say(chatId, '/cancel')).text).toBe('✖️ Действие отменено.');
      expect((await say(chatId, '700')).text).toMatch(/^✅/);
      expect(await rule()).toMatchObject({ amount: '300.00', currency: 'USD', day: 15 });
      expect(await rowsOf(userId)).toHaveLength(3);

      // another user's rule id in the button: nothing asked, nothing changes
      const stranger = await user();
      const pressed = await press(stranger.chatId, edit.callback_data!);
      expect(pressed.answer).toMatchObject({
        text: '⚠️ Этого регулярного платежа больше нет.',
        show_alert: true,
      });
      expect(pressed.reply).toBeUndefined();
      expect((await say(stranger.chatId, '1 млн')).text).not.toContain('Аренда');
      expect(await rule()).toMatchObject({ amount: '300.00', currency: 'USD', day: 15 });
      const [stored] = await t.db.query(
        `SELECT user_id, amount::text AS amount FROM recurring_rules WHERE id = $1`,
        [id],
      );
      expect(stored).toEqual({ user_id: userId, amount: '300.00' });
    });
  });

  // Last: closing a second app in this process leaves the first one's pool closed ("Driver not Connected"; the
  // same on main with any endpoint), so nothing may run after it.
  describe('two instances', () => {
    it('the due-day run records once with two app instances racing', async () => {
      now = new Date('2026-11-29T07:00:00Z');
      const { auth, userId, chatId } = await user();
      await t.http
        .post('/api/recurring/')
        .set(auth)
        .send({
          type: 'expense',
          amount: '70000',
          description: 'internet',
          every: 'month',
          day: 2,
          auto: true,
        })
        .expect(201);
      const runs: Array<{ recorded: number }> = [];
      const second = await createApp(t.config, { logger: false });
      await second.init();
      try {
        second.get(RecurringScheduler).stop();
        const at = new Date('2026-12-02T04:00:00Z');
        runs.push(
          ...(await Promise.all([
            runner.runDue(at),
            second.get(RecurringRunner).runDue(at),
            runner.runDue(at),
            second.get(RecurringRunner).runDue(at),
          ])),
        );
      } finally {
        await second.close();
      }
      // (the runs also catch up other tests' rules: count this user's rows and messages only)
      // (with the embedded engine the second app has a database of its own, and nothing to record)
      expect(runs).toHaveLength(4);
      expect(await rowsOf(userId)).toHaveLength(1);
      expect(t.telegram.textsTo(chatId).filter((m) => m.startsWith('🔁'))).toEqual([
        '🔁 Записал: Internet 70,000.00 UZS',
      ]);
    });
  });
});
