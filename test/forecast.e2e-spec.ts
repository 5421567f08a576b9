/**
 * The month-end forecast (docs/forecast.md) over REST and under /stats through the real webhook, with injected
 * clocks: recurring incomes and payments still due (a weekly rule, a paused one, one already in January), a budget
 * partly spent with a recurring payment under it, a dollar rule at the bank's rate, a missing rate, a time zone other
 * than Tashkent at a month's end, the household wallet, and the IDOR rows: another user's data never counts.
 */
import { CLOCK, type Clock } from '../src/common/time/clock';
import { accessTokenFor } from './helpers/auth';
import { startTestApp, TestApp } from './helpers/test-app';
import { deliverUpdate, messageUpdate } from './helpers/updates';

/** Tuesday 15 December 2026, 12:00 in Tashkent. */
const NOW = new Date('2026-12-15T07:00:00Z');

type Who = { token: string; userId: string; chatId: number };
const auth = (who: Who) => ({ Authorization: `Bearer ${who.token}` });

let nextUpdateId = 810_000;

describe('forecast (e2e)', () => {
  let t: TestApp;
  let alice: Who;
  let bob: Who;
  let carol: Who;
  let dave: Who;

  const setClock = (at: Date) => {
    t.app.get<Clock>(CLOCK, { strict: false }).now = () => at;
  };
  const login = async (chatId: number): Promise<Who> => ({ ...(await accessTokenFor(t, chatId)), chatId });
  const post = (who: Who, path: string, body: object) =>
    t.http.post(path).set(auth(who)).send(body).expect(201);
  const record = (who: Who, body: object) =>
    post(who, '/api/transactions/', { currency: 'UZS', date: '2026-12-10', ...body });
  const rule = (who: Who, body: object) =>
    post(who, '/api/recurring/', { type: 'expense', category: 'other', every: 'month', ...body });
  const forecastOf = async (who: Who, query = '') =>
    (await t.http.get(`/api/analytics/forecast/${query}`).set(auth(who)).expect(200)).body as Record<
      string,
      unknown
    >;
  const stats = async (who: Who, text: string, at = NOW) => {
    const calls = await deliverUpdate(
      t,
      messageUpdate(++nextUpdateId, who.chatId, { text }, { sentAt: at.getTime(), languageCode: 'ru' }),
    );
    const sent = calls.find((c) => c.method === 'sendPhoto' || c.method === 'sendMessage');
    return String(sent?.params.caption ?? sent?.params.text);
  };

  beforeAll(async () => {
    t = await startTestApp();
    setClock(NOW);
    [alice, bob, carol, dave] = await Promise.all([6101, 6102, 6103, 6104].map((c) => login(c)));
    // Today's rate of the dollar; no euro rate anywhere, and the bank itself is unreachable.
    await t.db.query(
      `INSERT INTO exchange_rates (rate_date, currency, rate, nominal) VALUES ('2026-12-15', 'USD', 12000, 1)`,
    );

    // Alice: balance 1,900,000; a cafe budget of 500,000 with 100,000 spent.
    await record(alice, { type: 'income', amount: '2000000', category: 'salary' });
    await record(alice, { type: 'expense', amount: '100000', category: 'cafe' });
    await post(alice, '/api/budgets/', { category: 'cafe', amount: '500000' });
    await rule(alice, {
      type: 'income',
      category: 'salary',
      amount: '8000000',
      day: 25,
      description: 'Зарплата',
    });
    await rule(alice, { amount: '3000000', category: 'housing', day: 1, description: 'Аренда' }); // next: 1 January
    await rule(alice, {
      amount: '10',
      currency: 'USD',
      category: 'entertainment',
      day: 20,
      description: 'Netflix',
    });
    await rule(alice, { amount: '50000', category: 'cafe', every: 'week', day: 1, description: 'Кофе' }); // 21, 28
    const paused = await rule(alice, { amount: '1000000', day: 28, description: 'Пауза' });
    await t.http
      .patch(`/api/recurring/${paused.body.id}/`)
      .set(auth(alice))
      .send({ paused: true })
      .expect(200);

    // Bob's own money, rules and budgets must never show in Alice's forecast.
    await record(bob, { type: 'income', amount: '777000', category: 'salary' });
    await rule(bob, { type: 'income', category: 'salary', amount: '5000000', day: 30, description: 'Bob' });
    await post(bob, '/api/budgets/', { amount: '900000' });
  });
  afterAll(() => t?.close());

  it('needs a token; a bad wallet is a 400', async () => {
    await t.http.get('/api/analytics/forecast/').expect(401);
    await t.http.get('/api/analytics/forecast/?wallet=shared').set(auth(alice)).expect(400);
  });

  it("lists each part: today's balance, what is still due, what the budget still allows", async () => {
    expect(await forecastOf(alice)).toEqual({
      currency: 'UZS',
      as_of: '2026-12-15',
      month_end: '2026-12-31',
      balance: '1900000.00',
      recurring_income: '8000000.00',
      recurring_expense: '220000.00',
      // 400,000 left of the cafe budget, less the two coffees due under it
      budgets_left: '300000.00',
      expected: '9380000.00',
      reason: null,
      parts: [
        { kind: 'balance', label: 'Баланс', date: null, amount: '1900000.00' },
        { kind: 'recurring_expense', label: 'Netflix', date: '2026-12-20', amount: '120000.00' },
        { kind: 'recurring_expense', label: 'Кофе', date: '2026-12-21', amount: '50000.00' },
        { kind: 'recurring_income', label: 'Зарплата', date: '2026-12-25', amount: '8000000.00' },
        { kind: 'recurring_expense', label: 'Кофе', date: '2026-12-28', amount: '50000.00' },
        { kind: 'budget', label: 'Кафе и рестораны', date: null, amount: '300000.00' },
      ],
    });
    expect((await forecastOf(alice, '?wallet=personal')).expected).toBe('9380000.00');
  });

  it("IDOR: Bob sees only his own; outside a household, the household's forecast is empty", async () => {
    const own = await forecastOf(bob);
    expect(own).toMatchObject({
      balance: '777000.00',
      recurring_income: '5000000.00',
      recurring_expense: '0.00',
      budgets_left: '900000.00',
      expected: '4877000.00',
    });
    expect(await forecastOf(bob, '?wallet=household')).toMatchObject({
      balance: '0.00',
      recurring_income: '0.00',
      recurring_expense: '0.00',
      budgets_left: '0.00',
      expected: '0.00',
      parts: [{ kind: 'balance', label: 'Баланс', date: null, amount: '0.00' }],
    });
  });

  it("the household's: its records, its members' household rules and its budgets, not a stranger's", async () => {
    await t.http.post('/api/households/').set(auth(carol)).send({ name: 'Oila' }).expect(201);
    const token = (await t.http.post('/api/households/current/invites/').set(auth(carol)).expect(201)).body
      .token as string;
    await t.http.post('/api/households/join/').set(auth(dave)).send({ token }).expect(200);
    await record(dave, { type: 'income', amount: '1000000', category: 'salary', wallet: 'household' });
    await rule(carol, { amount: '200000', day: 31, description: 'Свет', wallet: 'household' });
    await rule(dave, { amount: '999', day: 31, description: 'Личное' }); // Dave's personal rule
    await post(dave, '/api/budgets/', { category: 'groceries', amount: '300000', wallet: 'household' });
    const expected = {
      balance: '1000000.00',
      recurring_income: '0.00',
      recurring_expense: '200000.00',
      budgets_left: '300000.00',
      expected: '500000.00',
    };
    expect(await forecastOf(carol, '?wallet=household')).toMatchObject(expected);
    expect(await forecastOf(dave, '?wallet=household')).toMatchObject(expected);
    // Bob, in no household, still sees none of it.
    expect((await forecastOf(bob, '?wallet=household')).expected).toBe('0.00');
  });

  it('a missing rate: expected is null with the reason, the part unconverted', async () => {
    const erin = await login(6105);
    await rule(erin, { amount: '5', currency: 'EUR', day: 30, description: 'Spotify' });
    const f = await forecastOf(erin);
    expect(f).toMatchObject({ balance: '0.00', recurring_expense: null, expected: null, reason: 'no_rate' });
    expect(f.parts).toContainEqual({
      kind: 'recurring_expense',
      label: 'Spotify',
      date: '2026-12-30',
      amount: null,
    });
  });

  it("another time zone: New York's month ends while Tashkent's next one has begun; day 31 in November is the 30th", async () => {
    const frank = await login(6106);
    await t.http.patch('/api/users/me/').set(auth(frank)).send({ timezone: 'America/New_York' }).expect(200);
    // 30 November 2026, 21:00 in New York; already 1 December 07:00 in Tashkent.
    const at = new Date('2026-12-01T02:00:00Z');
    setClock(at);
    try {
      await rule(frank, { amount: '70000', day: 31, description: 'Интернет' });
      expect(await forecastOf(frank)).toMatchObject({
        as_of: '2026-11-30',
        month_end: '2026-11-30',
        recurring_expense: '70000.00',
        expected: '-70000.00',
      });
    } finally {
      setClock(NOW);
    }
  });

  it('/stats: the caption ends with the forecast for the current month only', async () => {
    const caption = await stats(alice, '/stats');
    expect(caption).toContain('📊');
    expect(
      caption.endsWith(
        '🔮 Прогноз на 31.12: 9,380,000 UZS = баланс 1,900,000 + доходы 8,000,000 − платежи 220,000 − бюджеты 300,000',
      ),
    ).toBe(true);
    expect(caption.length).toBeLessThanOrEqual(1024);
    expect(await stats(alice, '/stats 2026-11')).not.toContain('🔮');
    expect(await stats(alice, '/stats неделя')).not.toContain('🔮');
  });

  it("/stats семья: the household's forecast", async () => {
    expect(await stats(carol, '/stats семья')).toContain(
      '🔮 Прогноз на 31.12: 500,000 UZS = баланс 1,000,000 + доходы 0 − платежи 200,000 − бюджеты 300,000',
    );
  });
});
