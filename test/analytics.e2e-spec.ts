/** GET /api/analytics/summary/ over HTTP: periods in the user's zone, per-currency totals, bad parameters, isolation. */
import { localDate } from '../src/common/time/local-time';
import { accessTokenFor } from './helpers/auth';
import { startTestApp, TestApp } from './helpers/test-app';

describe('analytics summary REST (e2e)', () => {
  let t: TestApp;
  let alice: { token: string; userId: string };
  let bob: { token: string; userId: string };

  const get = (
    who: { token: string },
    query: Record<string, string> = {},
    path = '/api/analytics/summary/',
  ) =>
    t.http
      .get(path)
      .query(query)
      .set({ Authorization: `Bearer ${who.token}` });
  const insert = (
    userId: string,
    type: string,
    amount: string,
    currency: string,
    category: string,
    at: string,
  ) =>
    t.db.query(
      `INSERT INTO transactions (user_id, type, amount, currency, category, occurred_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [userId, type, amount, currency, category, at],
    );

  beforeAll(async () => {
    t = await startTestApp({ TELEGRAM_BOT_TOKEN: undefined, BOT_MODE: 'none' });
    alice = await accessTokenFor(t, 2001);
    bob = await accessTokenFor(t, 2002);
    // October 2026 in Tashkent (UTC+5): the first and last local moments of the month are inside, the neighbours out.
    await insert(alice.userId, 'expense', '100000.10', 'UZS', 'transport', '2026-09-30T19:00:00Z'); // 01.10 00:00 local
    await insert(alice.userId, 'expense', '20000.20', 'UZS', 'transport', '2026-10-31T18:59:59Z'); // 31.10 23:59:59 local
    await insert(alice.userId, 'expense', '60000.00', 'UZS', 'groceries', '2026-10-10T10:00:00Z');
    await insert(alice.userId, 'expense', '9.99', 'USD', 'cafe', '2026-10-11T10:00:00Z');
    await insert(alice.userId, 'income', '7000000.00', 'UZS', 'salary', '2026-10-05T10:00:00Z');
    await insert(alice.userId, 'expense', '555.00', 'UZS', 'transport', '2026-09-30T18:59:59Z'); // 30.09 local: outside
    await insert(alice.userId, 'expense', '777.00', 'UZS', 'transport', '2026-10-31T19:00:00Z'); // 01.11 local: outside
    await insert(bob.userId, 'expense', '123.00', 'UZS', 'transport', '2026-10-15T10:00:00Z');
  });
  afterAll(() => t?.close());

  it('needs a token', async () => {
    await t.http.get('/api/analytics/summary/').expect(401);
  });

  it('custom period: local days, totals per currency (never added together), categories with shares', async () => {
    const res = await get(alice, { period: 'custom', date_from: '2026-10-01', date_to: '2026-10-31' }).expect(
      200,
    );
    expect(res.body).toEqual({
      period: 'custom',
      date_from: '2026-10-01',
      date_to: '2026-10-31',
      totals: [
        { currency: 'USD', income: '0.00', expense: '9.99', balance: '-9.99', count: 1 },
        { currency: 'UZS', income: '7000000.00', expense: '180000.30', balance: '6819999.70', count: 4 },
      ],
      by_category: [
        {
          type: 'expense',
          category: 'cafe',
          category_name: 'Кафе и рестораны',
          currency: 'USD',
          amount: '9.99',
          count: 1,
          share_percent: 100,
        },
        {
          type: 'expense',
          category: 'transport',
          category_name: 'Транспорт',
          currency: 'UZS',
          amount: '120000.30',
          count: 2,
          share_percent: 66.67,
        },
        {
          type: 'expense',
          category: 'groceries',
          category_name: 'Продукты',
          currency: 'UZS',
          amount: '60000.00',
          count: 1,
          share_percent: 33.33,
        },
        {
          type: 'income',
          category: 'salary',
          category_name: 'Зарплата',
          currency: 'UZS',
          amount: '7000000.00',
          count: 1,
          share_percent: 100,
        },
      ],
    });
  });

  it('dates alone mean a custom period; type and currency filter; no slash works too', async () => {
    const res = await get(
      alice,
      { date_from: '2026-10-01', date_to: '2026-10-31', type: 'expense', currency: 'uzs' },
      '/api/analytics/summary',
    ).expect(200);
    expect(res.body.period).toBe('custom');
    expect(res.body.totals).toEqual([
      { currency: 'UZS', income: '0.00', expense: '180000.30', balance: '-180000.30', count: 3 },
    ]);
    expect(res.body.by_category.map((c: { category: string }) => c.category)).toEqual([
      'transport',
      'groceries',
    ]);
  });

  it('category names follow the user language', async () => {
    await t.http
      .patch('/api/users/me/')
      .set({ Authorization: `Bearer ${alice.token}` })
      .send({ language: 'en' })
      .expect(200);
    const res = await get(alice, { date_from: '2026-10-10', date_to: '2026-10-10' }).expect(200);
    expect(res.body.by_category).toEqual([
      {
        type: 'expense',
        category: 'groceries',
        category_name: 'Groceries',
        currency: 'UZS',
        amount: '60000.00',
        count: 1,
        share_percent: 100,
      },
    ]);
    await t.http
      .patch('/api/users/me/')
      .set({ Authorization: `Bearer ${alice.token}` })
      .send({ language: 'ru' })
      .expect(200);
  });

  it('named periods are computed from today in the user zone', async () => {
    const today = localDate(new Date(), 'Asia/Tashkent');
    const [y, m] = today.split('-').map(Number);
    const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const month = (await get(bob, {}).expect(200)).body;
    expect([month.period, month.date_from, month.date_to]).toEqual([
      'month',
      `${today.slice(0, 7)}-01`,
      `${today.slice(0, 7)}-${lastDay}`,
    ]);
    const prev = (await get(bob, { period: 'prev_month' }).expect(200)).body;
    const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
    expect(prev.date_from).toBe(`${py}-${String(pm).padStart(2, '0')}-01`);
    const week = (await get(bob, { period: 'week' }).expect(200)).body;
    expect(new Date(`${week.date_from}T00:00:00Z`).getUTCDay()).toBe(1); // Monday
    expect(week.date_from <= today && today <= week.date_to).toBe(true);
    const year = (await get(bob, { period: 'year' }).expect(200)).body;
    expect([year.date_from, year.date_to]).toEqual([`${y}-01-01`, `${y}-12-31`]);
  });

  it('a row recorded now is in this month, this week and this year', async () => {
    const carol = await accessTokenFor(t, 2003);
    await insert(carol.userId, 'expense', '1.00', 'EUR', 'health', new Date().toISOString());
    for (const period of ['week', 'month', 'year']) {
      const res = await get(carol, { period }).expect(200);
      expect(res.body.totals).toEqual([
        { currency: 'EUR', income: '0.00', expense: '1.00', balance: '-1.00', count: 1 },
      ]);
    }
    expect((await get(carol, { period: 'prev_month' }).expect(200)).body.totals).toEqual([]);
  });

  it("only the caller's rows", async () => {
    const res = await get(bob, { period: 'custom', date_from: '2026-10-01', date_to: '2026-10-31' }).expect(
      200,
    );
    expect(res.body.totals).toEqual([
      { currency: 'UZS', income: '0.00', expense: '123.00', balance: '-123.00', count: 1 },
    ]);
  });

  it.each([
    [
      { period: 'decade' },
      { period: ['Select a valid choice. decade is not one of the available choices.'] },
    ],
    [
      { period: 'custom' },
      {
        date_from: ['This field is required when period is custom.'],
        date_to: ['This field is required when period is custom.'],
      },
    ],
    [
      { period: 'custom', date_from: '2026-02-30', date_to: 'tomorrow' },
      {
        date_from: ['Enter a valid date in the format YYYY-MM-DD.'],
        date_to: ['Enter a valid date in the format YYYY-MM-DD.'],
      },
    ],
    [{ date_from: '2026-10-31', date_to: '2026-10-01' }, { date_to: ['Must not be before date_from.'] }],
    [{ period: 'month', date_from: '2026-10-01' }, { date_from: ['Allowed only when period is custom.'] }],
    [
      { type: 'transfer', currency: 'BTC' },
      {
        type: ['Select a valid choice. transfer is not one of the available choices.'],
        currency: ['Select a valid choice. BTC is not one of the available choices.'],
      },
    ],
  ])('bad parameters %j → 400 naming the field', async (query, body) => {
    const res = await get(alice, query as Record<string, string>).expect(400);
    expect(res.body).toEqual(body);
  });

  it('is documented in OpenAPI', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const op = doc.paths['/api/analytics/summary']?.get ?? doc.paths['/api/analytics/summary/']?.get;
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'currency',
      'date_from',
      'date_to',
      'period',
      'type',
      'wallet',
    ]);
    expect(
      doc.paths['/api/transactions/export']?.get ?? doc.paths['/api/transactions/export/']?.get,
    ).toBeDefined();
    expect(doc.paths['/api/users/me/export']?.get ?? doc.paths['/api/users/me/export/']?.get).toBeDefined();
  });

  it('a month of a user with years of rows reads the (user_id, occurred_at) index', async () => {
    const dave = await accessTokenFor(t, 2004);
    await t.db.query(
      `INSERT INTO transactions (user_id, type, amount, currency, category, occurred_at)
       SELECT $1, 'expense', 1000, 'UZS', 'transport', timestamptz '2022-01-01' + g * interval '1 hour' FROM generate_series(1, 20000) g`,
      [dave.userId],
    );
    await t.db.query('ANALYZE transactions');
    const plan: Array<{ 'QUERY PLAN': string }> = await t.db.query(
      `EXPLAIN SELECT currency, type, category, SUM(amount), COUNT(*) FROM transactions
        WHERE user_id = $1 AND occurred_at >= $2 AND occurred_at < $3 GROUP BY currency, type, category`,
      [dave.userId, '2023-10-01T00:00:00Z', '2023-11-01T00:00:00Z'],
    );
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('ix_transactions_user_occurred');
    expect(text).not.toContain('Seq Scan');
  });
});
