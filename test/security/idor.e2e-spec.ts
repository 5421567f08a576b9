/**
 * IDOR: one row per per-user endpoint. Bob, holding a valid token, aims each endpoint at Alice's rows. Every row
 * must answer without any of Alice's data (404 for her ids, only Bob's rows in lists), and afterwards Alice's rows are
 * exactly as they were. New per-user endpoints (goals, debts, analytics, …) are one more row here. The clocks of
 * budgets and recurring payments are fixed, so the forecast's figures are exact.
 */
import { CLOCK, type Clock } from '../../src/common/time/clock';
import type { Response } from 'supertest';
import { accessTokenFor } from '../helpers/auth';
import { startTestApp, TestApp } from '../helpers/test-app';

interface World {
  aliceTx: string;
  aliceGoal: string;
  aliceDebt: string;
  aliceCategory: string;
  aliceLearned: string;
  aliceBudget: string;
  aliceRule: string;
  aliceUserId: string;
  aliceChatId: number;
  bobUserId: string;
}

interface Row {
  name: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: (w: World) => string;
  body?: (w: World) => object;
  /** Expected status; a list endpoint answers 200 with Bob's rows only. */
  status: number;
  check?: (res: Response, w: World) => void;
  /** A route that does not exist, so the OpenAPI document cannot describe its answer: why it is probed. */
  notInDocument?: string;
}

const ALICE_SECRET = 'alice-private-note-7f3a';
const ALICE_CATEGORY = 'Alice only category';
const ALICE_GOAL = 'Alice secret goal';
const ALICE_DEBTOR = 'Alicefriend';
const ALICE_WORD = 'alicelunchword';
const ALICE_RULE = 'Alice secret rent';
const ALICE_RULE_AMOUNT = '4444444.44';
const ALICE_INCOME_AMOUNT = '8888888.88';
const ALICE_BUDGET_AMOUNT = '333333.33';
/** Tuesday 15 December 2026, 12:00 in Tashkent: the budgets' and recurring payments' clock. */
const NOW = new Date('2026-12-15T07:00:00Z');
const NOT_FOUND = { detail: 'Not found.' };
const noAliceData = (res: Response, w: World) => {
  const text = JSON.stringify(res.body);
  expect(text).not.toContain(w.aliceTx);
  expect(text).not.toContain(ALICE_CATEGORY); // her category's id may be echoed back in a "not a valid choice" message; its name never
  expect(text).not.toContain(w.aliceUserId);
  expect(text).not.toContain(ALICE_SECRET);
  expect(text).not.toContain('777777.77');
  expect(text).not.toContain(ALICE_GOAL);
  expect(text).not.toContain(ALICE_DEBTOR);
  expect(text).not.toContain(ALICE_WORD);
  expect(text).not.toContain(w.aliceBudget);
  expect(text).not.toContain(w.aliceRule);
  expect(text).not.toContain(ALICE_RULE);
  for (const amount of [ALICE_RULE_AMOUNT, ALICE_INCOME_AMOUNT, ALICE_BUDGET_AMOUNT])
    expect(text).not.toContain(amount);
};

const ROWS: Row[] = [
  // transactions
  {
    name: 'GET transaction by id',
    method: 'get',
    path: (w) => `/api/transactions/${w.aliceTx}/`,
    status: 404,
    check: (r) => expect(r.body).toEqual(NOT_FOUND),
  },
  {
    name: 'GET transaction by id (no slash)',
    method: 'get',
    path: (w) => `/api/transactions/${w.aliceTx}`,
    status: 404,
  },
  {
    name: 'PATCH transaction',
    method: 'patch',
    path: (w) => `/api/transactions/${w.aliceTx}/`,
    body: () => ({ description: 'pwned' }),
    status: 404,
  },
  {
    name: 'PUT transaction',
    method: 'put',
    path: (w) => `/api/transactions/${w.aliceTx}/`,
    body: () => ({
      type: 'expense',
      amount: '1.00',
      currency: 'UZS',
      category: 'other',
      description: 'pwned',
    }),
    status: 404,
  },
  {
    name: 'DELETE transaction',
    method: 'delete',
    path: (w) => `/api/transactions/${w.aliceTx}/`,
    status: 404,
  },
  {
    name: 'GET transactions list',
    method: 'get',
    path: () => '/api/transactions/?page_size=100',
    status: 200,
    check: (r) => expect(r.body.count).toBe(1),
  },
  {
    name: 'GET transactions list, searching her note',
    method: 'get',
    path: () => `/api/transactions/?search=${ALICE_SECRET}`,
    status: 200,
    check: (r) => expect(r.body.count).toBe(0),
  },
  {
    name: 'GET transactions list, filtering by her category',
    method: 'get',
    path: (w) => `/api/transactions/?category=custom:${w.aliceCategory}`,
    status: 200,
    check: (r) => expect(r.body.results ?? []).toEqual([]),
  },
  {
    name: 'GET balance',
    method: 'get',
    path: () => '/api/transactions/balance/',
    status: 200,
    check: (r) =>
      expect(r.body.totals).toEqual([expect.objectContaining({ currency: 'UZS', expense: '10.00' })]),
  },
  {
    name: 'POST transaction into her custom category',
    method: 'post',
    path: () => '/api/transactions/',
    body: (w) => ({
      type: 'expense',
      amount: '5.00',
      currency: 'UZS',
      category: `custom:${w.aliceCategory}`,
    }),
    status: 400,
  },
  {
    name: 'PATCH own transaction into her custom category',
    method: 'patch',
    path: () => '/api/transactions/BOB_TX/',
    body: (w) => ({ category: `custom:${w.aliceCategory}` }),
    status: 400,
  },
  // categories
  {
    name: 'GET category by id',
    method: 'get',
    path: (w) => `/api/categories/${w.aliceCategory}/`,
    status: 404,
    check: (r) => expect(r.body).toEqual(NOT_FOUND),
  },
  {
    name: 'PATCH category',
    method: 'patch',
    path: (w) => `/api/categories/${w.aliceCategory}/`,
    body: () => ({ name: 'pwned' }),
    status: 404,
  },
  {
    name: 'DELETE category',
    method: 'delete',
    path: (w) => `/api/categories/${w.aliceCategory}/`,
    status: 404,
  },
  { name: 'GET categories list', method: 'get', path: () => '/api/categories/', status: 200 },
  {
    name: 'GET learned categories list',
    method: 'get',
    path: () => '/api/categories/learned/',
    status: 200,
    check: (r) => expect(r.body).toEqual([]),
  },
  {
    name: 'DELETE learned category',
    method: 'delete',
    path: (w) => `/api/categories/learned/${w.aliceLearned}/`,
    status: 404,
    check: (r) => expect(r.body).toEqual(NOT_FOUND),
  },
  // users/me: the id comes from the token only; ids in the body or query are not honoured
  {
    name: 'GET users/me with her id in the query',
    method: 'get',
    path: (w) => `/api/users/me/?id=${w.aliceUserId}&user_id=${w.aliceUserId}`,
    status: 200,
    check: (r, w) => expect(r.body.id).toBe(w.bobUserId),
  },
  {
    name: 'PATCH users/me carrying her id and chat id',
    method: 'patch',
    path: () => '/api/users/me/',
    body: (w) => ({
      id: w.aliceUserId,
      user_id: w.aliceUserId,
      telegram_chat_id: w.aliceChatId,
      language: 'en',
    }),
    status: 200,
    check: (r, w) => expect(r.body).toMatchObject({ id: w.bobUserId, language: 'en' }),
  },
  {
    name: 'GET users/<her id>/ (no such route)',
    method: 'get',
    path: (w) => `/api/users/${w.aliceUserId}/`,
    status: 404,
    notInDocument: 'a guessed route with her id must not exist',
  },
  // goals
  {
    name: 'GET goal by id',
    method: 'get',
    path: (w) => `/api/goals/${w.aliceGoal}/`,
    status: 404,
    check: (r) => expect(r.body).toEqual(NOT_FOUND),
  },
  {
    name: 'PATCH goal',
    method: 'patch',
    path: (w) => `/api/goals/${w.aliceGoal}/`,
    body: () => ({ title: 'pwned' }),
    status: 404,
  },
  { name: 'DELETE goal', method: 'delete', path: (w) => `/api/goals/${w.aliceGoal}/`, status: 404 },
  {
    name: 'POST goal contribute',
    method: 'post',
    path: (w) => `/api/goals/${w.aliceGoal}/contribute/`,
    body: () => ({ amount: '1.00' }),
    status: 404,
  },
  {
    name: 'GET goals list',
    method: 'get',
    path: () => '/api/goals/',
    status: 200,
    check: (r) => expect(r.body.count).toBe(0),
  },
  // debts
  {
    name: 'GET debt by id',
    method: 'get',
    path: (w) => `/api/debts/${w.aliceDebt}/`,
    status: 404,
    check: (r) => expect(r.body).toEqual(NOT_FOUND),
  },
  {
    name: 'PATCH debt',
    method: 'patch',
    path: (w) => `/api/debts/${w.aliceDebt}/`,
    body: () => ({ counterparty: 'pwned' }),
    status: 404,
  },
  { name: 'DELETE debt', method: 'delete', path: (w) => `/api/debts/${w.aliceDebt}/`, status: 404 },
  {
    name: 'POST debt repay',
    method: 'post',
    path: (w) => `/api/debts/${w.aliceDebt}/repay/`,
    body: () => ({ amount: '1.00' }),
    status: 404,
  },
  { name: 'POST debt close', method: 'post', path: (w) => `/api/debts/${w.aliceDebt}/close/`, status: 404 },
  {
    name: 'GET debts list',
    method: 'get',
    path: () => '/api/debts/',
    status: 200,
    check: (r) => expect(r.body.count).toBe(0),
  },
  // budgets
  {
    name: 'GET budget by id',
    method: 'get',
    path: (w) => `/api/budgets/${w.aliceBudget}/`,
    status: 404,
    check: (r) => expect(r.body).toEqual(NOT_FOUND),
  },
  {
    name: 'PATCH budget',
    method: 'patch',
    path: (w) => `/api/budgets/${w.aliceBudget}/`,
    body: () => ({ amount: '1.00' }),
    status: 404,
    check: (r) => expect(r.body).toEqual(NOT_FOUND),
  },
  {
    name: 'DELETE budget',
    method: 'delete',
    path: (w) => `/api/budgets/${w.aliceBudget}/`,
    status: 404,
    check: (r) => expect(r.body).toEqual(NOT_FOUND),
  },
  {
    name: 'GET budgets list',
    method: 'get',
    path: () => '/api/budgets/?page_size=100',
    status: 200,
    check: (r) => {
      expect(r.body.count).toBe(1);
      expect(r.body.results).toEqual([expect.objectContaining({ category: 'cafe', amount: '900.00' })]);
    },
  },
  // recurring payments
  {
    name: 'GET recurring rule by id',
    method: 'get',
    path: (w) => `/api/recurring/${w.aliceRule}/`,
    status: 404,
    check: (r) => expect(r.body).toEqual(NOT_FOUND),
  },
  {
    name: 'PATCH recurring rule',
    method: 'patch',
    path: (w) => `/api/recurring/${w.aliceRule}/`,
    body: () => ({ amount: '1.00', paused: true }),
    status: 404,
    check: (r) => expect(r.body).toEqual(NOT_FOUND),
  },
  {
    name: 'DELETE recurring rule',
    method: 'delete',
    path: (w) => `/api/recurring/${w.aliceRule}/`,
    status: 404,
    check: (r) => expect(r.body).toEqual(NOT_FOUND),
  },
  {
    name: 'GET recurring list',
    method: 'get',
    path: () => '/api/recurring/?page_size=100',
    status: 200,
    check: (r) => {
      expect(r.body.count).toBe(1);
      expect(r.body.results).toEqual([
        expect.objectContaining({ description: 'Bob gym', amount: '1234.00' }),
      ]);
    },
  },
  // analytics and exports
  {
    name: 'GET analytics summary',
    method: 'get',
    path: () => '/api/analytics/summary/?period=year',
    status: 200,
    check: (r) =>
      expect(r.body.totals).toEqual([expect.objectContaining({ currency: 'UZS', expense: '10.00' })]),
  },
  {
    name: 'GET analytics forecast: her rules and budgets never counted',
    method: 'get',
    path: () => '/api/analytics/forecast/',
    status: 200,
    // Bob's own figures only: his 10.00 spent, his rule of 1,234.00 on the 20th, his 900.00 cafe budget untouched
    check: (r) =>
      expect(r.body).toEqual({
        currency: 'UZS',
        as_of: '2026-12-15',
        month_end: '2026-12-31',
        balance: '-10.00',
        recurring_income: '0.00',
        recurring_expense: '1234.00',
        budgets_left: '900.00',
        expected: '-2144.00',
        reason: null,
        parts: [
          { kind: 'balance', label: expect.any(String), date: null, amount: '-10.00' },
          { kind: 'recurring_expense', label: 'Bob gym', date: '2026-12-20', amount: '1234.00' },
          { kind: 'budget', label: expect.any(String), date: null, amount: '900.00' },
        ],
      }),
  },
  {
    name: 'GET transactions CSV export',
    method: 'get',
    path: () => '/api/transactions/export/?format=csv',
    status: 200,
    check: (r) => expect(r.text).not.toContain(ALICE_SECRET),
  },
  {
    name: 'GET users/me/export',
    method: 'get',
    path: () => '/api/users/me/export/',
    status: 200,
    check: (r, w) => expect(r.body.user.id).toBe(w.bobUserId),
  },
  // ids that are not hers nor anyone's never crash
  {
    name: 'GET transaction with a non-uuid id',
    method: 'get',
    path: () => '/api/transactions/1%20OR%201=1/',
    status: 404,
  },
  {
    name: 'GET category with a non-uuid id',
    method: 'get',
    path: () => "/api/categories/'%3B--/",
    status: 404,
  },
];

describe('security: IDOR across every per-user endpoint (e2e)', () => {
  let t: TestApp;
  let w: World;
  let bob: { token: string; userId: string };
  let bobTx: string;
  let aliceRowsBefore: unknown;

  const aliceRows = async () => ({
    tx: await t.db.query(
      `SELECT id, type, amount, currency, description, category, occurred_at, updated_at FROM transactions WHERE user_id = $1 ORDER BY id`,
      [w.aliceUserId],
    ),
    categories: await t.db.query(`SELECT id, name FROM categories WHERE user_id = $1 ORDER BY id`, [
      w.aliceUserId,
    ]),
    learned: await t.db.query(
      `SELECT id, keyword, category, updated_at FROM learned_categories WHERE user_id = $1 ORDER BY id`,
      [w.aliceUserId],
    ),
    user: await t.db.query(`SELECT id, language, telegram_chat_id FROM users WHERE id = $1`, [w.aliceUserId]),
    goals: await t.db.query(
      `SELECT id, title, saved_amount, status, updated_at FROM goals WHERE user_id = $1`,
      [w.aliceUserId],
    ),
    debts: await t.db.query(
      `SELECT id, counterparty, repaid_amount, status, updated_at FROM debts WHERE user_id = $1`,
      [w.aliceUserId],
    ),
    budgets: await t.db.query(
      `SELECT id, household_id, category, amount, currency, period, updated_at FROM budgets WHERE user_id = $1 ORDER BY id`,
      [w.aliceUserId],
    ),
    recurring: await t.db.query(
      `SELECT id, type, amount, currency, category, description, every, day, auto, wallet, paused, starts_on, updated_at
       FROM recurring_rules WHERE user_id = $1 ORDER BY id`,
      [w.aliceUserId],
    ),
  });

  beforeAll(async () => {
    t = await startTestApp({ BOT_MODE: 'none' });
    t.app.get<Clock>(CLOCK, { strict: false }).now = () => NOW;
    const alice = await accessTokenFor(t, 55_501);
    bob = await accessTokenFor(t, 55_502);
    const a = { Authorization: `Bearer ${alice.token}` };
    const category = await t.http
      .post('/api/categories/')
      .set(a)
      .send({ name: ALICE_CATEGORY, type: 'expense' })
      .expect(201);
    const tx = await t.http
      .post('/api/transactions/')
      .set(a)
      .send({
        type: 'expense',
        amount: '777777.77',
        currency: 'UZS',
        category: category.body.key,
        description: ALICE_SECRET,
      })
      .expect(201);
    const own = await t.http
      .post('/api/transactions/')
      .set({ Authorization: `Bearer ${bob.token}` })
      .send({ type: 'expense', amount: '10.00', currency: 'UZS' })
      .expect(201);
    bobTx = own.body.id;
    const goal = await t.http
      .post('/api/goals/')
      .set(a)
      .send({ title: ALICE_GOAL, target_amount: '1000.00', currency: 'UZS' })
      .expect(201);
    const debt = await t.http
      .post('/api/debts/')
      .set(a)
      .send({ direction: 'lent', counterparty: ALICE_DEBTOR, amount: '500.00', currency: 'UZS' })
      .expect(201);
    const b = { Authorization: `Bearer ${bob.token}` };
    const budget = await t.http
      .post('/api/budgets/')
      .set(a)
      .send({ category: 'cafe', amount: ALICE_BUDGET_AMOUNT })
      .expect(201);
    const rule = await t.http
      .post('/api/recurring/')
      .set(a)
      .send({ type: 'expense', amount: ALICE_RULE_AMOUNT, description: ALICE_RULE, every: 'month', day: 20 })
      .expect(201);
    await t.http
      .post('/api/recurring/')
      .set(a)
      .send({ type: 'income', category: 'salary', amount: ALICE_INCOME_AMOUNT, every: 'week', day: 5 })
      .expect(201);
    await t.http.post('/api/budgets/').set(b).send({ category: 'cafe', amount: '900.00' }).expect(201);
    await t.http
      .post('/api/recurring/')
      .set(b)
      .send({ type: 'expense', amount: '1234.00', description: 'Bob gym', every: 'month', day: 20 })
      .expect(201);
    const [learned] = (await t.db.query(
      `INSERT INTO learned_categories (user_id, type, keyword, category) VALUES ($1, 'expense', $2, $3) RETURNING id`,
      [alice.userId, ALICE_WORD, category.body.key],
    )) as Array<{ id: string }>;
    w = {
      aliceLearned: learned.id,
      aliceBudget: budget.body.id,
      aliceRule: rule.body.id,
      aliceTx: tx.body.id,
      aliceGoal: goal.body.id,
      aliceDebt: debt.body.id,
      aliceCategory: category.body.id,
      aliceUserId: alice.userId,
      aliceChatId: 55_501,
      bobUserId: bob.userId,
    };
    aliceRowsBefore = await aliceRows();
  });
  afterAll(() => t?.close());

  it.each(ROWS.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const path = row.path(w).replace('BOB_TX', bobTx);
    let req = t.http[row.method](path).set('Authorization', `Bearer ${bob.token}`);
    if (row.notInDocument) req = req.withoutSpecCheck(row.notInDocument);
    if (row.body) req = req.send(row.body(w));
    const res = await req;
    expect(res.status).toBe(row.status);
    noAliceData(res, w);
    row.check?.(res, w);
  });

  it("leaves every one of Alice's rows exactly as it was", async () => {
    expect(await aliceRows()).toEqual(aliceRowsBefore);
  });

  it('Alice still sees her own rows (the 404s above are not a broken endpoint)', async () => {
    const alice = await accessTokenFor(t, 55_501);
    const a = { Authorization: `Bearer ${alice.token}` };
    await t.http.get(`/api/transactions/${w.aliceTx}/`).set(a).expect(200);
    await t.http.get(`/api/categories/${w.aliceCategory}/`).set(a).expect(200);
    expect((await t.http.get('/api/categories/learned/').set(a).expect(200)).body).toEqual([
      expect.objectContaining({ id: w.aliceLearned, keyword: ALICE_WORD }),
    ]);
    await t.http.get(`/api/goals/${w.aliceGoal}/`).set(a).expect(200);
    await t.http.get(`/api/debts/${w.aliceDebt}/`).set(a).expect(200);
    await t.http.get(`/api/budgets/${w.aliceBudget}/`).set(a).expect(200);
    await t.http.get(`/api/recurring/${w.aliceRule}/`).set(a).expect(200);
    // and her forecast counts them
    const forecast = (await t.http.get('/api/analytics/forecast/').set(a).expect(200)).body;
    expect(forecast.parts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'recurring_expense', label: ALICE_RULE, amount: ALICE_RULE_AMOUNT }),
        expect.objectContaining({ kind: 'recurring_income', amount: ALICE_INCOME_AMOUNT }),
        expect.objectContaining({ kind: 'budget', amount: ALICE_BUDGET_AMOUNT }),
      ]),
    );
  });
});
