/**
 * Budgets (docs/budgets.md) over REST and in the bot: create, list, change, delete, validation, one budget per
 * owner/category/period, spending converted at each day's rate (and unknown, not wrong, without a rate), household
 * budgets seen and changed by every member, and the IDOR rows: a stranger, a removed member and another household's
 * member get 404 and change nothing. Then the 80% / 100% warnings: once per budget, period and threshold, with two
 * instances on one database and across a restart, on both engines. The budgets' clock is set by the test.
 */
import { CLOCK, type Clock } from '../src/common/time/clock';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BudgetsBot } from '../src/modules/bot/flows/budgets.bot';
import { BudgetsService } from '../src/modules/budgets/budgets.service';
import { parsePhrase } from '../src/modules/nlu';
import { UsersService } from '../src/modules/users/users.service';
import { Transaction } from '../src/modules/transactions/transaction.entity';
import { FakeTelegram } from './fakes/fake-telegram';
import { accessTokenFor } from './helpers/auth';
import { BotChat, buttons } from './helpers/bot-chat';
import { createTestDatabase, TestDatabase } from './helpers/test-database';
import { startTestApp, TestApp } from './helpers/test-app';
import { callbackUpdate, deliverUpdate, textUpdate } from './helpers/updates';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NOT_FOUND = { detail: 'Not found.' };
/** Mid-December 2026 in Tashkent: the month is 1–31 December, the week Monday 14 – Sunday 20. */
const NOW = new Date('2026-12-15T07:00:00Z');

type Who = { token: string; userId: string; chatId: number };
type Markup = { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> };

const setClock = (t: TestApp, at: Date) => {
  t.app.get<Clock>(CLOCK, { strict: false }).now = () => at;
};

async function login(t: TestApp, chatId: number): Promise<Who> {
  return { ...(await accessTokenFor(t, chatId)), chatId };
}

const auth = (who: Who) => ({ Authorization: `Bearer ${who.token}` });

const warningsTo = (telegram: FakeTelegram, chatId: number) =>
  telegram.textsTo(chatId).filter((text) => /^(⚠️|🚨)/.test(text));

async function spend(
  t: TestApp,
  who: Who,
  amount: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await t.http
    .post('/api/transactions/')
    .set(auth(who))
    .send({ type: 'expense', amount, currency: 'UZS', category: 'cafe', date: '2026-12-10', ...extra })
    .expect(201);
  return res.body.id as string;
}

describe('budgets REST (e2e)', () => {
  let t: TestApp;
  let alice: Who;
  let bob: Who;
  let carol: Who;
  let dave: Who;
  let erin: Who;

  const create = (who: Who, body: object) => t.http.post('/api/budgets/').set(auth(who)).send(body);
  const get = (who: Who, id: string) => t.http.get(`/api/budgets/${id}/`).set(auth(who));
  const list = async (who: Who) =>
    (await t.http.get('/api/budgets/').set(auth(who)).expect(200)).body.results as Array<
      Record<string, unknown>
    >;

  beforeAll(async () => {
    t = await startTestApp();
    setClock(t, NOW);
    [alice, bob, carol, dave, erin] = await Promise.all(
      [5101, 5102, 5103, 5104, 5105].map((c) => login(t, c)),
    );
    // The bank's rates of 10 December; none for any later day, and the bank itself is unreachable.
    await t.db.query(
      `INSERT INTO exchange_rates (rate_date, currency, rate, nominal) VALUES ('2026-12-10', 'USD', 12000, 1), ('2026-12-10', 'RUB', 150, 1)`,
    );
  });
  afterAll(() => t?.close());

  it('needs a token', async () => {
    await t.http.get('/api/budgets/').expect(401);
    await t.http.post('/api/budgets/').send({ amount: '1' }).expect(401);
  });

  it('validates the body, every field at once', async () => {
    expect((await create(alice, {}).expect(400)).body).toEqual({ amount: ['This field is required.'] });
    expect(
      (
        await create(alice, {
          amount: '0',
          currency: 'GBP',
          period: 'year',
          wallet: 'shared',
          category: 'salary',
        }).expect(400)
      ).body,
    ).toEqual({
      amount: ['Ensure this value is greater than or equal to 0.01.'],
      currency: ['"GBP" is not a valid choice.'],
      period: ['"year" is not a valid choice.'],
      wallet: ['"shared" is not a valid choice.'],
    });
    expect((await create(alice, { amount: '12345678901234' }).expect(400)).body).toEqual({
      amount: ['Ensure that there are no more than 13 digits before the decimal point.'],
    });
    // An income key, an unknown key and someone else's custom category are not expense categories of the user.
    for (const category of ['salary', 'nonsense', 'custom:00000000-0000-4000-8000-000000000000'])
      expect((await create(alice, { amount: '1', category }).expect(400)).body).toEqual({
        category: [`"${category}" is not a valid choice.`],
      });
    expect((await create(alice, { amount: '1', wallet: 'household' }).expect(400)).body).toEqual({
      wallet: ['You are not in a household.'],
    });
    expect(await list(alice)).toEqual([]);
  });

  describe('a personal budget', () => {
    let cafeId: string;

    it("is created with defaults (month, the user currency) and counts this month's cafe expenses", async () => {
      await spend(t, alice, '100000');
      await spend(t, alice, '20000', { date: '2026-12-01' });
      await spend(t, alice, '999', { date: '2026-11-30' }); // last month
      await spend(t, alice, '777', { category: 'transport' }); // another category
      await spend(t, alice, '555', { type: 'income', category: 'salary' }); // not an expense
      const res = await create(alice, { category: 'cafe', amount: '500000' }).expect(201);
      cafeId = res.body.id as string;
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID_RE),
        category: 'cafe',
        amount: '500000.00',
        currency: 'UZS',
        period: 'month',
        wallet: 'personal',
        spent: '120000.00',
        remaining: '380000.00',
        percent: 24,
        period_start: '2026-12-01',
        period_end: '2026-12-31',
      });
    });

    it('one per category and period: a second → 400; another period or category is fine', async () => {
      expect((await create(alice, { category: 'cafe', amount: '1' }).expect(400)).body).toEqual({
        non_field_errors: ['A budget for this category and period already exists.'],
      });
      await create(alice, { category: 'cafe', amount: '100000', period: 'week' }).expect(201);
      await create(alice, { category: 'food', amount: '2000000' }).expect(201);
      expect((await create(alice, { category: null, amount: '1' }).expect(201)).body.category).toBeNull();
      expect((await create(alice, { amount: '1' }).expect(400)).body).toEqual({
        non_field_errors: ['A budget for this category and period already exists.'],
      });
    });

    it("a week is Monday to Sunday in the user's zone", async () => {
      const week = (await list(alice)).find((b) => b.period === 'week')!;
      // Only the 14th–20th counts: the records of the 1st and the 10th are outside.
      expect(week).toMatchObject({ period_start: '2026-12-14', period_end: '2026-12-20', spent: '0.00' });
      await spend(t, alice, '30000', { date: '2026-12-14' });
      expect((await get(alice, week.id as string).expect(200)).body).toMatchObject({
        spent: '30000.00',
        percent: 30,
      });
    });

    it('"food" is groceries and cafe', async () => {
      await spend(t, alice, '50000', { category: 'groceries' });
      const food = (await list(alice)).find((b) => b.category === 'food')!;
      expect(food).toMatchObject({ spent: '200000.00', remaining: '1800000.00', percent: 10 });
    });

    it("converts other currencies at their day's rate; without a rate it says null, never a wrong sum", async () => {
      const usd = await create(alice, { category: 'transport', amount: '10', currency: 'usd' }).expect(201);
      // 777 UZS on the 10th at 12,000 = 0.06 USD (half-up).
      expect(usd.body).toMatchObject({ currency: 'USD', spent: '0.06' });
      await spend(t, alice, '5', { currency: 'USD', category: 'transport' });
      await spend(t, alice, '100', { currency: 'RUB', category: 'transport' });
      // 0.06 + 5.00 + 100 RUB × 150 / 12,000 = 1.25
      expect((await get(alice, usd.body.id as string).expect(200)).body).toMatchObject({
        spent: '6.31',
        remaining: '3.69',
        percent: 63,
      });
      // EUR has no rate on or before its day: the sum is unknown.
      const eur = await spend(t, alice, '1', { currency: 'EUR', category: 'transport' });
      expect((await get(alice, usd.body.id as string).expect(200)).body).toMatchObject({
        spent: null,
        remaining: null,
        percent: null,
      });
      await t.http.delete(`/api/transactions/${eur}/`).set(auth(alice)).expect(204);
      expect((await get(alice, usd.body.id as string).expect(200)).body.spent).toBe('6.31');
    });

    it('changes and deletes; another user sees none of it', async () => {
      const changed = await t.http
        .patch(`/api/budgets/${cafeId}/`)
        .set(auth(alice))
        .send({ amount: '150000.50' })
        .expect(200);
      expect(changed.body).toMatchObject({ amount: '150000.50', spent: '150000.00', percent: 99 });
      expect(
        (await t.http.patch(`/api/budgets/${cafeId}/`).set(auth(alice)).send({ period: 'week' }).expect(400))
          .body,
      ).toEqual({
        non_field_errors: ['A budget for this category and period already exists.'],
      });
      await get(bob, cafeId).expect(404);
      await t.http.patch(`/api/budgets/${cafeId}/`).set(auth(bob)).send({ amount: '1' }).expect(404);
      await t.http.delete(`/api/budgets/${cafeId}/`).set(auth(bob)).expect(404);
      await get(alice, 'not-a-uuid').expect(404);
      expect((await get(alice, cafeId).expect(200)).body.amount).toBe('150000.50');
      await t.http.delete(`/api/budgets/${cafeId}/`).set(auth(alice)).expect(204);
      expect((await get(alice, cafeId).expect(404)).body).toEqual(NOT_FOUND);
    });
  });

  describe('a household budget', () => {
    let budgetId: string;
    const snapshot = async () =>
      (
        await t.db.query(`SELECT amount::text, category, period, household_id FROM budgets WHERE id = $1`, [
          budgetId,
        ])
      )[0];

    beforeAll(async () => {
      await t.http.post('/api/households/').set(auth(alice)).send({ name: 'Oila' }).expect(201);
      const token = async () =>
        (await t.http.post('/api/households/current/invites/').set(auth(alice)).expect(201)).body
          .token as string;
      await t.http
        .post('/api/households/join/')
        .set(auth(bob))
        .send({ token: await token() })
        .expect(200);
      await t.http
        .post('/api/households/join/')
        .set(auth(dave))
        .send({ token: await token() })
        .expect(200);
      await t.http.post('/api/households/').set(auth(erin)).send({ name: 'Other' }).expect(201);
    });

    it("any member creates it; it counts the household's records from every member, not personal ones", async () => {
      await spend(t, alice, '40000', { wallet: 'household', category: 'groceries' });
      await spend(t, bob, '60000', { wallet: 'household', category: 'groceries' });
      await spend(t, bob, '9999', { category: 'groceries' }); // Bob's own wallet
      const res = await create(bob, { category: 'groceries', amount: '200000', wallet: 'household' }).expect(
        201,
      );
      budgetId = res.body.id as string;
      expect(res.body).toMatchObject({ wallet: 'household', spent: '100000.00', percent: 50 });
      // The same key and period for the household again → 400; as a personal budget it is another one.
      await create(alice, { category: 'groceries', amount: '1', wallet: 'household' }).expect(400);
      await create(bob, { category: 'groceries', amount: '1' }).expect(201);
    });

    it('every member sees and changes it', async () => {
      for (const who of [alice, bob, dave]) expect((await list(who)).map((b) => b.id)).toContain(budgetId);
      await t.http.patch(`/api/budgets/${budgetId}/`).set(auth(alice)).send({ amount: '300000' }).expect(200);
      expect((await get(dave, budgetId).expect(200)).body).toMatchObject({
        amount: '300000.00',
        percent: 33,
      });
    });

    it("IDOR: a stranger, a removed member and another household's member get 404 and change nothing", async () => {
      await t.http.delete(`/api/households/current/members/${dave.userId}/`).set(auth(alice)).expect(204);
      const before = await snapshot();
      for (const who of [carol, dave, erin]) {
        expect((await get(who, budgetId).expect(404)).body).toEqual(NOT_FOUND);
        await t.http.patch(`/api/budgets/${budgetId}/`).set(auth(who)).send({ amount: '1' }).expect(404);
        await t.http.delete(`/api/budgets/${budgetId}/`).set(auth(who)).expect(404);
        expect((await list(who)).map((b) => b.id)).not.toContain(budgetId);
      }
      expect(await snapshot()).toEqual(before);
      // The control: a member still sees it.
      await get(bob, budgetId).expect(200);
    });
  });

  describe('/budget in the bot', () => {
    let nextUpdate = 910_000;
    it('phrases the parser reads as set_budget and budget_query (fromParsed, whatIsLeft)', async () => {
      const flow = t.app.get(BudgetsBot, { strict: false });
      const erinUser = await t.app.get(UsersService, { strict: false }).getById(erin.userId);
      const parse = (text: string) =>
        parsePhrase(text, { defaultCurrency: 'UZS', now: NOW, timeZone: 'Asia/Tashkent' });
      const food = parse('set a budget of 2 mln for food');
      expect(food.intent).toBe('set_budget');
      expect((await flow.fromParsed(erinUser, food.budget!)).text).toBe(
        '✅ Бюджет «🍽 Еда»: 2,000,000 UZS в месяц. Предупрежу на 80% и 100%.',
      );
      // Erin is in her own household: "семейный" makes it the household's.
      const family = parse('семейный лимит на продукты 4 млн');
      expect((await flow.fromParsed(erinUser, family.budget!)).text).toBe(
        '✅ Бюджет «🛒 Продукты (👨‍👩‍👧 семья)»: 4,000,000 UZS в месяц. Предупрежу на 80% и 100%.',
      );
      expect((await list(erin)).map((b) => [b.category, b.wallet])).toEqual([
        ['groceries', 'household'],
        ['food', 'personal'],
      ]);
      const query = parse('сколько осталось по лимиту на кафе');
      expect(query.intent).toBe('budget_query');
      expect((await flow.whatIsLeft(erinUser, query.budgetQuery!)).text).toBe(
        'Такого бюджета нет. Все бюджеты — /budget.',
      );
      await spend(t, erin, '150000', { category: 'cafe' });
      expect(
        (await flow.whatIsLeft(erinUser, { category: 'groceries', categories: ['groceries', 'cafe'] })).text,
      ).toBe('🍽 Еда: осталось 1,850,000 из 2,000,000 UZS');
      expect((await flow.whatIsLeft(erinUser, { category: null })).text).toBe(
        '🛒 Продукты: осталось 4,000,000 из 4,000,000 UZS\n🍽 Еда: осталось 1,850,000 из 2,000,000 UZS',
      );
    });

    it("a budget said in a phrase: created, or why not, in the user's language", async () => {
      const flow = t.app.get(BudgetsBot, { strict: false });
      const users = t.app.get(UsersService, { strict: false });
      const said = {
        category: 'cafe',
        amountMinor: 500_000_00n,
        period: 'month' as const,
        wallet: 'personal' as const,
      };
      const carolUser = await users.getById(carol.userId);
      const created = await flow.fromPhrase(carolUser, said);
      expect(created.text).toBe(
        '✅ Бюджет «☕ Кафе и рестораны»: 500,000 UZS в месяц. Предупрежу на 80% и 100%.',
      );
      expect((await list(carol)).map((b) => [b.category, b.amount, b.currency])).toEqual([
        ['cafe', '500000.00', 'UZS'],
      ]);
      expect((await flow.fromPhrase(carolUser, said)).text).toBe(
        'Такой бюджет уже есть: измените его в /budget.',
      );
      const en = await users.setLanguage(carol.userId, 'en');
      expect((await flow.fromPhrase(en, { ...said, wallet: 'household' })).text).toBe(
        'You are not in a household: no family budget.',
      );
      expect((await flow.fromPhrase(en, { ...said, category: 'salary' })).text).toBe(
        'There is no such expense category.',
      );
      expect(await list(carol)).toHaveLength(1);
    });

    it('lists budgets with progress and deletes with ✖', async () => {
      const calls = await deliverUpdate(t, textUpdate(++nextUpdate, bob.chatId, '/budget'));
      // Only Bob's chat: a household notice to Alice may still be on its way.
      const sent = calls.filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === bob.chatId);
      expect(sent).toHaveLength(1);
      const text = String(sent[0].params.text);
      expect(text).toContain('📊 Бюджеты');
      expect(text).toContain('🛒 Продукты 100,000 / 300,000 UZS (33%) в месяц · 👨‍👩‍👧 семья');
      const buttons = (sent[0].params.reply_markup as Markup).inline_keyboard.flat();
      const own = (await list(bob)).find((b) => b.wallet === 'personal')!;
      const data = `bx:${(own.id as string).replace(/-/g, '')}`;
      expect(buttons.map((b) => b.callback_data)).toContain(data);
      const press = await deliverUpdate(t, callbackUpdate(++nextUpdate, bob.chatId, data));
      expect(press.find((c) => c.method === 'answerCallbackQuery')?.params.text).toBe('Бюджет удалён');
      await get(bob, own.id as string).expect(404);
      // A second press of a stale button: the budget is gone, nothing else changes.
      const again = await deliverUpdate(t, callbackUpdate(++nextUpdate, bob.chatId, data));
      expect(again.find((c) => c.method === 'answerCallbackQuery')?.params.text).toBe(
        'Этого бюджета уже нет',
      );
      await get(bob, (await list(bob))[0].id as string).expect(200);
    });

    it('➕ New budget: category, month, then the amount typed next; /cancel; a duplicate; a changed subject', async () => {
      const chat = new BotChat(t, 5201, 'ru').at('2026-12-15 12:00');
      await chat.start();
      const frank = await login(t, chat.chatId);
      const shown = await chat.send('/budget');
      expect(shown.replies[0].text).toMatch(/^Бюджетов пока нет/);
      expect(buttons(shown.replies[0].markup)).toEqual([[['➕ Новый бюджет', 'bn:']]]);

      const start = await chat.press('bn:');
      expect(start.edit).toBe('Новый бюджет: на какие расходы?');
      expect(buttons(start.markup).flat()).toContainEqual(['☕ Кафе и рестораны', 'bc:cafe']);
      expect(buttons(start.markup).flat()).toContainEqual(['💰 Все расходы', 'bc:*']);
      const category = await chat.press('bc:cafe');
      expect(category.edit).toBe('Бюджет «☕ Кафе и рестораны»: на какой срок?');
      expect(buttons(category.markup)).toEqual([
        [
          ['в месяц', 'bp:cafe:m'],
          ['в неделю', 'bp:cafe:w'],
        ],
      ]);
      // Frank is in no household: no family-or-personal step.
      const period = await chat.press('bp:cafe:m');
      expect(period.edit).toBe(
        'Сколько в месяц на «☕ Кафе и рестораны»? Напишите сумму, например: 500 тыс. Отмена — /cancel.',
      );
      expect(period.markup).toBeUndefined();
      const created = await chat.send('500 тыс');
      expect(created.replies).toHaveLength(1);
      expect(created.replies[0].text).toBe(
        '✅ Бюджет «☕ Кафе и рестораны»: 500,000 UZS в месяц. Предупрежу на 80% и 100%.\n\n' +
          '📊 Бюджеты\n☕ Кафе и рестораны 0 / 500,000 UZS (0%) в месяц',
      );
      const cafe = (await list(frank))[0];
      expect(buttons(created.replies[0].markup)).toEqual([
        [['✖ ☕ Кафе и рестораны', `bx:${(cafe.id as string).replace(/-/g, '')}`]],
        [['➕ Новый бюджет', 'bn:']],
      ]);
      expect(await list(frank)).toEqual([
        expect.objectContaining({ category: 'cafe', amount: '500000.00', currency: 'UZS', period: 'month' }),
      ]);
      expect(await chat.count()).toBe(0);

      // Another currency said with the amount; a week.
      await chat.press('bc:food');
      expect((await chat.press('bp:food:w')).edit).toMatch(/^Сколько в неделю на «🍽 Еда»\?/);
      expect((await chat.send('$300')).replies[0].text).toMatch(
        /^✅ Бюджет «🍽 Еда»: 300 USD в неделю\. Предупрежу на 80% и 100%\.\n\n📊 Бюджеты/,
      );

      // The same category and period again: the refusal a phrase gets; nothing is added.
      await chat.press('bp:cafe:m');
      expect((await chat.send('1 млн')).replies[0].text).toBe(
        'Такой бюджет уже есть: измените его в /budget.',
      );
      expect(await list(frank)).toHaveLength(2);

      // /cancel forgets the question: the next amount is no budget.
      await chat.press('bp:*:m');
      expect((await chat.send('/cancel')).replies[0].text).toBe('✖️ Действие отменено.');
      await chat.send('2 млн');
      expect(await list(frank)).toHaveLength(2);

      // Decided: a message that is not a bare amount drops the question and is read as usual (here: recorded).
      await chat.press('bp:*:m');
      const other = await chat.send('такси 20000');
      expect(other.replies[0].text).toMatch(/^✅/);
      expect(other.replies[0].text).not.toContain('Бюджет «');
      await chat.send('3 млн');
      expect(await list(frank)).toHaveLength(2);
      // The question answered after all: the amount counts.
      await chat.press('bp:*:m');
      expect((await chat.send('4 млн')).replies[0].text).toMatch(
        /^✅ Бюджет «💰 Все расходы»: 4,000,000 UZS в месяц/,
      );
      expect(await list(frank)).toHaveLength(3);

      // Stale or foreign data under the budget router: an alert, the message stays.
      for (const data of ['bc:salary', 'bp:cafe:y', 'bn:x']) {
        const stale = await chat.press(data);
        expect([stale.toast, stale.alert, stale.edit]).toEqual([
          'Эта кнопка устарела: откройте /budget заново.',
          true,
          undefined,
        ]);
      }
      expect(await list(frank)).toHaveLength(3);
    });

    it('➕ New budget for a household member: family or personal; not in a household → an alert', async () => {
      const bobChat = new BotChat(t, bob.chatId, 'ru').at('2026-12-15 12:00');
      const wallet = await bobChat.press('bp:transport:m');
      expect(wallet.edit).toBe('Бюджет «🚕 Транспорт»: семейный или личный?');
      expect(buttons(wallet.markup)).toEqual([
        [
          ['👨‍👩‍👧 Семья', 'bw:transport:m:h'],
          ['🔒 Личное', 'bw:transport:m:p'],
        ],
      ]);
      expect((await bobChat.press('bw:transport:m:h')).edit).toBe(
        'Сколько в месяц на «🚕 Транспорт (👨‍👩‍👧 семья)»? Напишите сумму, например: 500 тыс. Отмена — /cancel.',
      );
      // (Bob may also get the notice of Dave's removal, sent in the background.)
      const answered = (await bobChat.send('2 млн')).replies.filter((r) => r.text.startsWith('✅'));
      expect(answered.map((r) => r.text)).toEqual([
        expect.stringMatching(/^✅ Бюджет «🚕 Транспорт \(👨‍👩‍👧 семья\)»: 2,000,000 UZS в месяц/),
      ]);
      // Alice, another member, sees it.
      expect((await list(alice)).map((b) => [b.category, b.wallet, b.amount])).toContainEqual([
        'transport',
        'household',
        '2000000.00',
      ]);

      // Carol (English, in no household): no wallet step; a family button from elsewhere is refused.
      const carolChat = new BotChat(t, carol.chatId, 'en').at('2026-12-15 12:00');
      expect((await carolChat.press('bp:transport:w')).edit).toMatch(/^How much a week for “🚕 /);
      await carolChat.send('/cancel');
      const refused = await carolChat.press('bw:transport:m:h');
      expect([refused.toast, refused.alert, refused.edit]).toEqual([
        'You are not in a household: no family budget.',
        true,
        undefined,
      ]);
      expect(await list(carol)).toHaveLength(1);
    });
  });
});

/** Warnings at 80% and 100%: claimed in budget_alerts before they are sent, so each goes out once. */
describe('budget warnings (e2e)', () => {
  const rowsOf = (t: TestApp, ids: string[]) =>
    Promise.all(ids.map((id) => t.db.getRepository(Transaction).findOneByOrFail({ id })));

  /** Records an expense and hands it to afterRecorded (as the bot's reply does), waiting for the warnings. */
  async function record(t: TestApp, who: Who, amount: string, extra: Record<string, unknown> = {}) {
    const id = await spend(t, who, amount, extra);
    const service = t.app.get(BudgetsService, { strict: false });
    const lines = await service.afterRecorded(who.userId, await rowsOf(t, [id]));
    await service.settled();
    return { id, lines };
  }

  it("afterRecorded gives the lines and warns once at 80% and once at 100%, a household's to every member", async () => {
    const t = await startTestApp();
    try {
      setClock(t, NOW);
      const [ann, ben] = [await login(t, 6101), await login(t, 6102)];
      await t.http.post('/api/households/').set(auth(ann)).send({ name: 'Uy' }).expect(201);
      const token = (await t.http.post('/api/households/current/invites/').set(auth(ann)).expect(201)).body
        .token;
      await t.http.post('/api/households/join/').set(auth(ben)).send({ token }).expect(200);
      await t.http
        .post('/api/budgets/')
        .set(auth(ann))
        .send({ category: 'cafe', amount: '500000' })
        .expect(201);
      await t.http
        .post('/api/budgets/')
        .set(auth(ben))
        .send({ category: 'cafe', amount: '100000', wallet: 'household' })
        .expect(201);

      const first = await record(t, ann, '380000');
      expect(first.lines).toEqual([
        expect.objectContaining({
          category: 'cafe',
          wallet: 'personal',
          spentMinor: 380_000_00n,
          remainingMinor: 120_000_00n,
          percent: 76,
        }),
      ]);
      expect(warningsTo(t.telegram, ann.chatId)).toEqual([]);
      // An income and a record of last month fall under no budget.
      expect((await record(t, ann, '1', { type: 'income', category: 'salary' })).lines).toEqual([]);
      expect((await record(t, ann, '1', { date: '2026-11-30' })).lines).toEqual([]);

      await record(t, ann, '20000'); // 400,000: 80%
      await record(t, ann, '1000'); // still above 80%: no second warning
      expect(warningsTo(t.telegram, ann.chatId)).toEqual([
        '⚠️ ☕ Кафе и рестораны: потрачено 80% бюджета, осталось 100,000 UZS.',
      ]);
      await record(t, ann, '100000'); // 501,000: 100%
      expect(warningsTo(t.telegram, ann.chatId)).toHaveLength(2);
      expect(warningsTo(t.telegram, ann.chatId)[1]).toBe(
        '🚨 ☕ Кафе и рестораны: бюджет исчерпан — потрачено 501,000 UZS из 500,000 UZS.',
      );

      // The household budget: Ben's record crosses 100% at once; both members are told once (100% only).
      const household = await record(t, ben, '120000', { wallet: 'household' });
      expect(household.lines).toEqual([expect.objectContaining({ wallet: 'household', percent: 120 })]);
      expect(warningsTo(t.telegram, ben.chatId)).toEqual([
        expect.stringMatching(/^🚨 ☕ .*120,000 UZS из 100,000 UZS/),
      ]);
      expect(warningsTo(t.telegram, ann.chatId)).toHaveLength(3);
      await record(t, ann, '5000', { wallet: 'household' });
      expect(warningsTo(t.telegram, ben.chatId)).toHaveLength(1);

      // Next month: the period starts again, and so do the warnings.
      setClock(t, new Date('2027-01-05T07:00:00Z'));
      await record(t, ann, '450000', { date: '2027-01-05' });
      expect(warningsTo(t.telegram, ann.chatId)).toHaveLength(4);
      const claims = await t.db.query(
        `SELECT period_start::text AS p, threshold FROM budget_alerts a JOIN budgets b ON b.id = a.budget_id WHERE b.household_id IS NULL ORDER BY 1, 2`,
      );
      expect(claims).toEqual([
        { p: '2026-12-01', threshold: 80 },
        { p: '2026-12-01', threshold: 100 },
        { p: '2027-01-01', threshold: 80 },
      ]);
    } finally {
      await t.close();
    }
  });

  it('a failing Telegram does not fail the caller', async () => {
    const t = await startTestApp();
    try {
      setClock(t, NOW);
      const ann = await login(t, 6201);
      await t.http.post('/api/budgets/').set(auth(ann)).send({ amount: '100' }).expect(201);
      t.telegram.on('sendMessage', () => {
        throw new Error('Bad Request: chat not found');
      });
      const { lines } = await record(t, ann, '100');
      expect(lines).toEqual([expect.objectContaining({ percent: 100 })]);
    } finally {
      await t.close();
    }
  });

  /**
   * Two instances on one database record for the same budget at once, then one is restarted: one warning per
   * threshold in all. On a server both run together; the embedded engine is one process's database, so there the
   * instances run one after the other on a data directory that outlives them.
   */
  it('exactly once with two instances and across a restart', async () => {
    const onServer = process.env.DATABASE_URL?.startsWith('postgres') ?? false;
    const dir = onServer ? null : mkdtempSync(join(tmpdir(), 'budgets-pglite-'));
    const database: TestDatabase = dir
      ? { url: `pglite://${dir}`, drop: async () => rmSync(dir, { recursive: true, force: true }) }
      : await createTestDatabase();
    const telegram = await new FakeTelegram().start();
    const start = async () => {
      const app = await startTestApp({}, { database, telegram });
      setClock(app, NOW);
      return app;
    };
    try {
      let a = await start();
      const ann = await login(a, 6301);
      await a.http
        .post('/api/budgets/')
        .set(auth(ann))
        .send({ category: 'cafe', amount: '100000' })
        .expect(201);
      const ids = [await spend(a, ann, '85000'), await spend(a, ann, '20000')];
      if (onServer) {
        const b = await start();
        try {
          // Both instances see the same 105,000 (80% and 100% reached) and race for the claims, several times over.
          await Promise.all(
            [a, b, a, b].map(async (app) => {
              const s = app.app.get(BudgetsService, { strict: false });
              await s.afterRecorded(ann.userId, await rowsOf(app, ids));
              await s.settled();
            }),
          );
        } finally {
          await b.close();
        }
      } else {
        const s = a.app.get(BudgetsService, { strict: false });
        await Promise.all([1, 2, 3].map(async () => s.afterRecorded(ann.userId, await rowsOf(a, ids))));
        await s.settled();
      }
      expect(warningsTo(telegram, ann.chatId)).toHaveLength(1);
      expect(warningsTo(telegram, ann.chatId)[0]).toMatch(/^🚨/);

      // A restart: the claims are in the database, so nothing is sent again.
      await a.close();
      a = await start();
      try {
        const s = a.app.get(BudgetsService, { strict: false });
        const again = await s.afterRecorded(ann.userId, await rowsOf(a, ids));
        await s.settled();
        expect(again).toEqual([expect.objectContaining({ percent: 105 })]);
        expect(warningsTo(telegram, ann.chatId)).toHaveLength(1);
        expect(await a.db.query(`SELECT threshold FROM budget_alerts ORDER BY threshold`)).toEqual([
          { threshold: 80 },
          { threshold: 100 },
        ]);
      } finally {
        await a.close();
      }
    } finally {
      await telegram.stop();
      await database.drop();
    }
  });
});

describe('budgets said and met in the chat (e2e, webhook)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    setClock(t, NOW);
  });
  afterAll(() => t?.close());

  it('a limit by phrase; each record under it says what is left; one warning at 80%; the question answers', async () => {
    const chat = new BotChat(t, 6_301_001, 'ru').at('2026-12-15 12:00');
    await chat.start();
    const set = await chat.send('лимит на кафе 500 тыс в месяц');
    expect(set.replies[0].text).toBe(
      '✅ Бюджет «☕ Кафе и рестораны»: 500,000 UZS в месяц. Предупрежу на 80% и 100%.',
    );
    const first = await chat.send('обед в кафе 300000');
    expect(first.replies[0].text).toMatch(/^✅/);
    expect(first.replies[0].text).toContain('☕ Кафе и рестораны: осталось 200,000 из 500,000 UZS');
    const service = t.app.get(BudgetsService, { strict: false });
    await service.settled();
    expect(warningsTo(t.telegram, chat.chatId)).toEqual([]);
    const second = await chat.send('ужин в ресторане 120000');
    // The 80% warning is sent in the background and may come before the reply.
    expect(second.replies.find((r) => r.text.startsWith('✅'))?.text).toContain(
      'осталось 80,000 из 500,000 UZS',
    );
    await service.settled();
    expect(warningsTo(t.telegram, chat.chatId)).toHaveLength(1);
    // A record under no budget has no budget line.
    expect((await chat.send('такси 20000')).replies[0].text).not.toContain('осталось');
    await service.settled();
    expect(warningsTo(t.telegram, chat.chatId)).toHaveLength(1);
    expect((await chat.send('сколько осталось по лимиту на кафе')).replies[0].text).toBe(
      '☕ Кафе и рестораны: осталось 80,000 из 500,000 UZS',
    );
  });
});
