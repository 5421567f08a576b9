import { startTestApp, TestApp } from './helpers/test-app';
import { accessTokenFor } from './helpers/auth';
import { localDate } from '../src/common/time/local-time';
import { IdempotencySweeper } from '../src/modules/transactions/idempotency.sweeper';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const OTHER_UUID = '00000000-0000-4000-8000-000000000000';

describe('transactions REST (e2e)', () => {
  let t: TestApp;
  let alice: { token: string; userId: string };
  let bob: { token: string; userId: string };

  const auth = (who: { token: string }) => ({ Authorization: `Bearer ${who.token}` });
  const post = (who: { token: string }, body: unknown, path = '/api/transactions/') =>
    t.http
      .post(path)
      .set(auth(who))
      .send(body as object);
  const rowsOf = async (userId: string): Promise<number> =>
    Number(
      (await t.db.query(`SELECT count(*)::int AS n FROM transactions WHERE user_id = $1`, [userId]))[0].n,
    );

  beforeAll(async () => {
    t = await startTestApp({ TELEGRAM_BOT_TOKEN: undefined, BOT_MODE: 'none' });
    alice = await accessTokenFor(t, 1001);
    bob = await accessTokenFor(t, 1002);
  });
  afterAll(() => t?.close());

  describe('create', () => {
    it('needs a token', async () => {
      const res = await t.http
        .post('/api/transactions/')
        .send({ type: 'expense', amount: '1.00' })
        .expect(401);
      expect(res.body).toEqual({ detail: 'Authentication credentials were not provided.' });
    });

    it('creates a transaction and answers 201 with its JSON', async () => {
      const res = await post(alice, {
        type: 'expense',
        amount: '50000.00',
        currency: 'UZS',
        category: 'groceries',
        description: 'продукты',
        date: '2026-11-29',
      }).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID_RE),
        type: 'expense',
        amount: '50000.00',
        currency: 'UZS',
        category: 'groceries',
        category_name: 'Продукты',
        description: 'продукты',
        date: '2026-11-29T07:00:00.000Z', // 12:00 in Tashkent
        source: 'api',
        transcript: null,
        wallet: 'personal',
        created_by: alice.userId,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
      const got = await t.http.get(`/api/transactions/${res.body.id}/`).set(auth(alice)).expect(200);
      expect(got.body).toEqual(res.body);
    });

    it("defaults currency to the user's, category to other, date to now; serves the path without a slash", async () => {
      await t.http.patch('/api/users/me/').set(auth(bob)).send({ currency: 'USD' }).expect(200);
      const before = Date.now();
      const res = await post(bob, { type: 'income', amount: 15 }, '/api/transactions').expect(201);
      expect(res.body).toMatchObject({
        amount: '15.00',
        currency: 'USD',
        category: 'other',
        category_name: 'Прочее',
        description: '',
      });
      const at = new Date(res.body.date).getTime();
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(Date.now() + 1000);
      await t.http.patch('/api/users/me/').set(auth(bob)).send({ currency: 'UZS' }).expect(200);
    });

    it('takes an ISO date-time as that instant and JSON numbers as exact amounts', async () => {
      const res = await post(alice, {
        type: 'expense',
        amount: 12.5,
        date: '2026-11-29T10:15:00+05:00',
        category: 'cafe',
      }).expect(201);
      expect(res.body).toMatchObject({ amount: '12.50', date: '2026-11-29T05:15:00.000Z', category: 'cafe' });
    });

    it('reports every field error at once, DRF style', async () => {
      const before = await rowsOf(alice.userId);
      const res = await post(alice, {
        currency: 'XYZ',
        description: 'x'.repeat(501),
        date: 'tomorrow',
      }).expect(400);
      expect(res.body).toEqual({
        type: ['This field is required.'],
        amount: ['This field is required.'],
        currency: ['"XYZ" is not a valid choice.'],
        description: ['Ensure this field has no more than 500 characters.'],
        date: [
          'Date has wrong format. Use one of these formats instead: YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
        ],
      });
      expect(await rowsOf(alice.userId)).toBe(before);
    });

    it.each([
      ['12.345', 'Ensure that there are no more than 2 decimal places.'],
      ['10000000000000.00', 'Ensure that there are no more than 13 digits before the decimal point.'],
      ['0', 'Ensure this value is greater than or equal to 0.01.'],
      ['-10.00', 'Ensure this value is greater than or equal to 0.01.'],
      ['fifty', 'A valid number is required.'],
      [null, 'This field may not be null.'],
    ])('refuses amount %j', async (amount, message) => {
      const res = await post(alice, { type: 'expense', amount }).expect(400);
      expect(res.body).toEqual({ amount: [message] });
    });

    it.each([
      [{ type: 'transfer', amount: '1.00' }, { type: ['"transfer" is not a valid choice.'] }],
      [
        { type: 'expense', amount: '1.00', category: 'salary' },
        { category: ['"salary" is not a valid choice for type "expense".'] },
      ],
      [
        { type: 'income', amount: '1.00', category: 'groceries' },
        { category: ['"groceries" is not a valid choice for type "income".'] },
      ],
      [
        { type: 'expense', amount: '1.00', category: 'food' },
        { category: ['"food" is not a valid choice for type "expense".'] },
      ],
      [
        { type: 'expense', amount: '1.00', category: `custom:${OTHER_UUID}` },
        { category: [`"custom:${OTHER_UUID}" is not a valid choice.`] },
      ],
      [{ type: 'expense', amount: '1.00', currency: 'GBP' }, { currency: ['"GBP" is not a valid choice.'] }],
    ])('refuses %j', async (body, errors) => {
      const res = await post(alice, body).expect(400);
      expect(res.body).toEqual(errors);
    });

    it('answers 405 for a method the collection does not serve', async () => {
      const res = await t.http.delete('/api/transactions/').set(auth(alice)).expect(405);
      expect(res.body).toEqual({ detail: 'Method "DELETE" not allowed.' });
    });

    it('refuses a body that is not an object', async () => {
      const res = await post(alice, [{ type: 'expense', amount: '1.00' }]).expect(400);
      expect(res.body).toEqual({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
    });
  });

  describe('exact money', () => {
    let carol: { token: string; userId: string };
    beforeAll(async () => {
      carol = await accessTokenFor(t, 1003);
    });

    it('adds 0.10 and 0.20 to exactly 0.30 and keeps the largest amount to the cent', async () => {
      await post(carol, { type: 'income', amount: '0.10' }).expect(201);
      await post(carol, { type: 'income', amount: 0.2 }).expect(201);
      const big = await post(carol, { type: 'income', amount: '9999999999999.99', currency: 'USD' }).expect(
        201,
      );
      expect(big.body.amount).toBe('9999999999999.99');
      await post(carol, { type: 'expense', amount: '0.01', currency: 'USD' }).expect(201);
      const res = await t.http.get('/api/transactions/balance/').set(auth(carol)).expect(200);
      expect(res.body.totals).toEqual([
        { currency: 'USD', income: '9999999999999.99', expense: '0.01', balance: '9999999999999.98' },
        { currency: 'UZS', income: '0.30', expense: '0.00', balance: '0.30' },
      ]);
      expect(new Date(res.body.as_of).toISOString()).toBe(res.body.as_of);
      expect(Math.abs(Date.now() - Date.parse(res.body.as_of))).toBeLessThan(10_000);
    });

    it('sums beyond 13 integer digits exactly (two maximal amounts)', async () => {
      const dave = await accessTokenFor(t, 1099);
      await post(dave, { type: 'income', amount: '9999999999999.99', currency: 'EUR' }).expect(201);
      await post(dave, { type: 'income', amount: '9999999999999.99', currency: 'EUR' }).expect(201);
      const res = await t.http.get('/api/transactions/balance/').set(auth(dave)).expect(200);
      expect(res.body.totals).toEqual([
        { currency: 'EUR', income: '19999999999999.98', expense: '0.00', balance: '19999999999999.98' },
      ]);
    });
  });

  describe('one transaction', () => {
    let id: string;
    beforeEach(async () => {
      id = (
        await post(alice, {
          type: 'expense',
          amount: '100.00',
          category: 'transport',
          description: 'taxi',
          date: '2026-11-20',
        }).expect(201)
      ).body.id;
    });

    it('PATCH changes only the given fields', async () => {
      const res = await t.http
        .patch(`/api/transactions/${id}/`)
        .set(auth(alice))
        .send({ amount: '120.50', description: 'такси' })
        .expect(200);
      expect(res.body).toMatchObject({
        id,
        type: 'expense',
        amount: '120.50',
        category: 'transport',
        description: 'такси',
        date: '2026-11-20T07:00:00.000Z',
      });
      expect(Date.parse(res.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(res.body.created_at));
      const again = await t.http.get(`/api/transactions/${id}`).set(auth(alice)).expect(200);
      expect(again.body.amount).toBe('120.50');
    });

    it('PATCH validates like create, and checks the category against a changed type', async () => {
      const bad = await t.http
        .patch(`/api/transactions/${id}/`)
        .set(auth(alice))
        .send({ amount: '1.001', currency: 'ABC' })
        .expect(400);
      expect(bad.body).toEqual({
        amount: ['Ensure that there are no more than 2 decimal places.'],
        currency: ['"ABC" is not a valid choice.'],
      });
      const mismatch = await t.http
        .patch(`/api/transactions/${id}/`)
        .set(auth(alice))
        .send({ type: 'income' })
        .expect(400);
      expect(mismatch.body).toEqual({ category: ['"transport" is not a valid choice for type "income".'] });
      const ok = await t.http
        .patch(`/api/transactions/${id}/`)
        .set(auth(alice))
        .send({ type: 'income', category: 'salary' })
        .expect(200);
      expect(ok.body).toMatchObject({
        type: 'income',
        category: 'salary',
        category_name: 'Зарплата',
        amount: '100.00',
      });
    });

    it('PUT needs type and amount, and replaces what it is given', async () => {
      const bad = await t.http
        .put(`/api/transactions/${id}/`)
        .set(auth(alice))
        .send({ description: 'x' })
        .expect(400);
      expect(bad.body).toEqual({ type: ['This field is required.'], amount: ['This field is required.'] });
      const res = await t.http
        .put(`/api/transactions/${id}/`)
        .set(auth(alice))
        .send({
          type: 'expense',
          amount: '75',
          currency: 'EUR',
          category: 'health',
          description: 'аптека',
          date: '2026-11-21',
        })
        .expect(200);
      expect(res.body).toMatchObject({
        id,
        type: 'expense',
        amount: '75.00',
        currency: 'EUR',
        category: 'health',
        description: 'аптека',
        date: '2026-11-21T07:00:00.000Z',
      });
    });

    it('DELETE answers 204 and the row is gone', async () => {
      await t.http.delete(`/api/transactions/${id}/`).set(auth(alice)).expect(204);
      await t.http.get(`/api/transactions/${id}/`).set(auth(alice)).expect(404);
      const again = await t.http.delete(`/api/transactions/${id}/`).set(auth(alice)).expect(404);
      expect(again.body).toEqual({ detail: 'Not found.' });
    });

    it("answers 404 for another user's row on every method, and leaves it unchanged", async () => {
      const body = { type: 'income', amount: '1.00' };
      for (const req of [
        t.http.get(`/api/transactions/${id}/`),
        t.http.patch(`/api/transactions/${id}/`).send({ amount: '1.00' }),
        t.http.put(`/api/transactions/${id}/`).send(body),
        t.http.delete(`/api/transactions/${id}/`),
      ]) {
        const res = await req.set(auth(bob)).expect(404);
        expect(res.body).toEqual({ detail: 'Not found.' });
      }
      const mine = await t.http.get(`/api/transactions/${id}/`).set(auth(alice)).expect(200);
      expect(mine.body).toMatchObject({ amount: '100.00', type: 'expense' });
    });

    it('answers 404 for a malformed or unknown id', async () => {
      for (const bad of ['not-a-uuid', '123', OTHER_UUID]) {
        for (const req of [
          t.http.get(`/api/transactions/${bad}/`),
          t.http.patch(`/api/transactions/${bad}/`).send({ amount: '1.00' }),
          t.http.put(`/api/transactions/${bad}/`).send({ type: 'income', amount: '1.00' }),
          t.http.delete(`/api/transactions/${bad}/`),
        ]) {
          const res = await req.set(auth(alice)).expect(404);
          expect(res.body).toEqual({ detail: 'Not found.' });
        }
      }
    });
  });

  describe('list', () => {
    let dave: { token: string; userId: string };
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      dave = await accessTokenFor(t, 1004);
      const rows: Array<[string, Record<string, unknown>]> = [
        [
          'salary',
          {
            type: 'income',
            amount: '5000000.00',
            category: 'salary',
            description: 'зарплата за ноябрь',
            date: '2026-11-01',
          },
        ],
        [
          'taxi',
          {
            type: 'expense',
            amount: '22000.00',
            category: 'transport',
            description: 'Такси домой',
            date: '2026-11-10',
          },
        ],
        [
          'food',
          {
            type: 'expense',
            amount: '150000.00',
            category: 'groceries',
            description: 'продукты',
            date: '2026-11-15',
          },
        ],
        [
          'usd',
          {
            type: 'expense',
            amount: '15.00',
            currency: 'USD',
            category: 'shopping',
            description: 'книга',
            date: '2026-11-20',
          },
        ],
        // 01:00 on 29 Nov in Tashkent is still 28 Nov in UTC
        [
          'late',
          {
            type: 'expense',
            amount: '30000.00',
            category: 'cafe',
            description: 'кофе 100%_off',
            date: '2026-11-28T20:00:00Z',
          },
        ],
      ];
      for (const [name, body] of rows) ids[name] = (await post(dave, body).expect(201)).body.id;
      await post(alice, {
        type: 'expense',
        amount: '1.00',
        category: 'transport',
        description: 'такси alice',
        date: '2026-11-10',
      }).expect(201);
    });

    const list = (query: string) => t.http.get(`/api/transactions/${query}`).set(auth(dave));
    const idsOf = (body: { results: Array<{ id: string }> }) => body.results.map((r) => r.id);

    it('lists only the caller rows, newest first, DRF-paginated', async () => {
      const res = await list('').expect(200);
      expect(res.body).toEqual({ count: 5, next: null, previous: null, results: expect.any(Array) });
      expect(idsOf(res.body)).toEqual([ids.late, ids.usd, ids.food, ids.taxi, ids.salary]);
      expect(res.body.results[0]).toMatchObject({
        category: 'cafe',
        category_name: 'Кафе и рестораны',
        amount: '30000.00',
      });
      const bobs = await t.http.get('/api/transactions').set(auth(bob)).expect(200);
      expect(bobs.body.results.map((r: { id: string }) => r.id)).not.toEqual(
        expect.arrayContaining([ids.late]),
      );
    });

    it.each([
      ['?type=income', ['salary']],
      ['?type=expense&currency=usd', ['usd']],
      ['?currency=UZS&ordering=amount', ['taxi', 'late', 'food', 'salary']],
      ['?category=transport', ['taxi']],
      ['?search=такси', ['taxi']],
      ['?search=НОЯБРЬ', ['salary']],
      ['?search=100%25_', ['late']],
      ['?search=%25', ['late']],
      ['?ordering=date', ['salary', 'taxi', 'food', 'usd', 'late']],
      ['?ordering=-amount', ['salary', 'food', 'late', 'taxi', 'usd']],
      ['?ordering=created_at', ['salary', 'taxi', 'food', 'usd', 'late']],
      ['?date_from=2026-11-10&date_to=2026-11-15', ['food', 'taxi']],
      ['?date_from=2026-11-29', ['late']],
      ['?date_to=2026-11-28', ['usd', 'food', 'taxi', 'salary']],
      ['?date_from=2026-11-28T19:30:00Z', ['late']],
      ['?type=expense&category=groceries&date_from=2026-11-01&search=прод', ['food']],
    ])('filters %s', async (query, expected) => {
      const res = await list(query).expect(200);
      expect(idsOf(res.body)).toEqual(expected.map((n) => ids[n]));
      expect(res.body.count).toBe(expected.length);
    });

    it('reads date filters in the user time zone', async () => {
      await t.http.patch('/api/users/me/').set(auth(dave)).send({ timezone: 'UTC' }).expect(200);
      const res = await list('?date_from=2026-11-29').expect(200);
      expect(res.body.count).toBe(0);
      const day28 = await list('?date_from=2026-11-28&date_to=2026-11-28').expect(200);
      expect(idsOf(day28.body)).toEqual([ids.late]);
      await t.http.patch('/api/users/me/').set(auth(dave)).send({ timezone: 'Asia/Tashkent' }).expect(200);
    });

    it('refuses bad filter values with field errors', async () => {
      const res = await list('?type=gift&currency=XYZ&date_from=soon&ordering=name').expect(400);
      expect(res.body).toEqual({
        type: ['Select a valid choice. gift is not one of the available choices.'],
        currency: ['Select a valid choice. XYZ is not one of the available choices.'],
        date_from: ['Enter a valid date, e.g. 2026-11-29.'],
        ordering: [
          'Ordering by "name" is not supported. Use date, amount or created_at, with "-" for descending.',
        ],
      });
    });

    it('paginates with next and previous links and refuses a page beyond the end', async () => {
      const p1 = await list('?page_size=2&ordering=date').expect(200);
      expect(p1.body.count).toBe(5);
      expect(idsOf(p1.body)).toEqual([ids.salary, ids.taxi]);
      expect(p1.body.previous).toBeNull();
      const next = new URL(p1.body.next);
      expect(next.pathname).toBe('/api/transactions/');
      expect(Object.fromEntries(next.searchParams)).toEqual({ page_size: '2', ordering: 'date', page: '2' });

      const p2 = await t.http.get(`${next.pathname}${next.search}`).set(auth(dave)).expect(200);
      expect(idsOf(p2.body)).toEqual([ids.food, ids.usd]);
      expect(new URL(p2.body.previous).searchParams.get('page')).toBeNull();
      const p3 = await list('?page_size=2&ordering=date&page=3').expect(200);
      expect(idsOf(p3.body)).toEqual([ids.late]);
      expect(p3.body.next).toBeNull();
      expect(new URL(p3.body.previous).searchParams.get('page')).toBe('2');

      for (const page of ['4', '0', 'abc']) {
        const res = await list(`?page_size=2&page=${page}`).expect(404);
        expect(res.body).toEqual({ detail: 'Invalid page.' });
      }
    });

    it('caps page_size at 100', async () => {
      const erin = await accessTokenFor(t, 1005);
      for (let i = 0; i < 105; i++) {
        await t.db.query(
          `INSERT INTO transactions (user_id, type, amount, currency) VALUES ($1, 'expense', $2, 'UZS')`,
          [erin.userId, `${i + 1}.00`],
        );
      }
      const res = await t.http.get('/api/transactions/?page_size=500').set(auth(erin)).expect(200);
      expect(res.body.count).toBe(105);
      expect(res.body.results).toHaveLength(100);
      expect(res.body.next).toMatch(/page=2/);
      const dflt = await t.http.get('/api/transactions/').set(auth(erin)).expect(200);
      expect(dflt.body.results).toHaveLength(20);
    });
  });

  describe('balance', () => {
    it('totals per currency only the caller rows', async () => {
      const frank = await accessTokenFor(t, 1006);
      const empty = await t.http.get('/api/transactions/balance/').set(auth(frank)).expect(200);
      expect(empty.body).toEqual({
        totals: [],
        converted: {
          currency: 'UZS',
          income: '0.00',
          expense: '0.00',
          balance: '0.00',
          rate_date: null,
          rates: {},
        },
        as_of: expect.any(String),
      });
      await post(frank, { type: 'income', amount: '1000000', currency: 'UZS' }).expect(201);
      await post(frank, { type: 'expense', amount: '250000.50', currency: 'UZS' }).expect(201);
      await post(frank, { type: 'expense', amount: '20', currency: 'EUR' }).expect(201);
      await post(bob, { type: 'income', amount: '777', currency: 'RUB' }).expect(201);
      const res = await t.http.get('/api/transactions/balance').set(auth(frank)).expect(200);
      expect(res.body.totals).toEqual([
        { currency: 'EUR', income: '0.00', expense: '20.00', balance: '-20.00' },
        { currency: 'UZS', income: '1000000.00', expense: '250000.50', balance: '749999.50' },
      ]);
      // No bank reachable in this test (and nothing cached): no converted total rather than a mixed sum.
      expect(res.body.converted).toBeNull();
    });
  });

  describe('Idempotency-Key', () => {
    let gina: { token: string; userId: string };
    beforeAll(async () => {
      gina = await accessTokenFor(t, 1007);
    });
    const keyed = (who: { token: string }, key: string, body: object) =>
      t.http.post('/api/transactions/').set(auth(who)).set('Idempotency-Key', key).send(body);

    it('returns the first response again for the same key and body, with one row', async () => {
      const body = { type: 'expense', amount: '10.00', category: 'cafe' };
      const first = await keyed(gina, 'key-1', body).expect(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const second = await keyed(gina, 'key-1', {
        category: 'cafe',
        amount: '10.00',
        type: 'expense',
      }).expect(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.text).toBe(first.text);
      expect(await rowsOf(gina.userId)).toBe(1);
    });

    it('answers 422 for the same key with another body', async () => {
      await keyed(gina, 'key-2', { type: 'expense', amount: '10.00' }).expect(201);
      const res = await keyed(gina, 'key-2', { type: 'expense', amount: '11.00' }).expect(422);
      expect(res.body).toEqual({ detail: 'Idempotency-Key was already used with a different request body.' });
    });

    it('keeps keys per user', async () => {
      const body = { type: 'income', amount: '5.00' };
      const a = await keyed(gina, 'shared-key', body).expect(201);
      const b = await keyed(bob, 'shared-key', body).expect(201);
      expect(b.body.id).not.toBe(a.body.id);
      await keyed(bob, 'shared-key', { type: 'income', amount: '6.00' }).expect(422);
    });

    it('does not spend a key on a refused request', async () => {
      await keyed(gina, 'key-3', { type: 'expense', amount: '1.234' }).expect(400);
      await keyed(gina, 'key-3', { type: 'expense', amount: '1.23' }).expect(201);
    });

    it('forgets keys after 24 hours', async () => {
      const body = { type: 'expense', amount: '3.00' };
      const first = await keyed(gina, 'key-old', body).expect(201);
      await t.db.query(
        `UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'key-old'`,
      );
      const second = await keyed(gina, 'key-old', { type: 'expense', amount: '4.00' }).expect(201);
      expect(second.body.id).not.toBe(first.body.id);
      const rows = await t.db.query(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'key-old'`);
      expect(rows[0].n).toBe(1);
    });

    it('creates one row for concurrent requests with the same key', async () => {
      const hank = await accessTokenFor(t, 1008);
      const body = { type: 'expense', amount: '99.99', description: 'race' };
      const responses = await Promise.all(Array.from({ length: 8 }, () => keyed(hank, 'race-key', body)));
      // The key is claimed in the same database transaction as the insert: a racing request waits for it and
      // replays the stored response.
      expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
      expect(await rowsOf(hank.userId)).toBe(1);
    });

    it('sweeps expired keys of every user, keeping fresh ones', async () => {
      const ivy = await accessTokenFor(t, 1010);
      await keyed(ivy, 'old-key', { type: 'expense', amount: '1.00' }).expect(201);
      await keyed(ivy, 'fresh-key', { type: 'expense', amount: '2.00' }).expect(201);
      await t.db.query(
        `UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE user_id = $1 AND key = 'old-key'`,
        [ivy.userId],
      );
      expect(await t.app.get(IdempotencySweeper).sweep()).toBeGreaterThanOrEqual(1);
      const keys = await t.db.query(`SELECT key FROM idempotency_keys WHERE user_id = $1 ORDER BY key`, [
        ivy.userId,
      ]);
      expect(keys.map((k: { key: string }) => k.key)).toEqual(['fresh-key']);
    });

    it('refuses a malformed key', async () => {
      await keyed(gina, 'has space', { type: 'expense', amount: '1.00' }).expect(400);
      const res = await keyed(gina, 'x'.repeat(256), { type: 'expense', amount: '1.00' }).expect(400);
      expect(res.body).toEqual({ detail: 'Idempotency-Key must be 1 to 255 visible ASCII characters.' });
    });
  });

  describe('parse', () => {
    const parse = (who: { token: string }, body: unknown) =>
      t.http
        .post('/api/transactions/parse/')
        .set(auth(who))
        .send(body as object);

    it('parses a phrase into the docs/interface.md §6 result and saves nothing', async () => {
      const before = await rowsOf(alice.userId);
      const res = await parse(alice, { text: 'потратил 50000 сум на продукты' }).expect(200);
      expect(res.body).toEqual({
        language: 'ru',
        items: [
          {
            type: 'expense',
            amount: '50000.00',
            currency: 'UZS',
            category: 'groceries',
            description: expect.any(String),
            date: localDate(new Date(), 'Asia/Tashkent'),
          },
        ],
        intent: 'transaction',
      });
      expect(await rowsOf(alice.userId)).toBe(before);
    });

    it("uses the user's currency and time zone, and serves the path without a slash", async () => {
      const ivan = await accessTokenFor(t, 1009);
      await t.http
        .patch('/api/users/me/')
        .set(auth(ivan))
        .send({ currency: 'USD', timezone: 'America/New_York' })
        .expect(200);
      const res = await t.http
        .post('/api/transactions/parse')
        .set(auth(ivan))
        .send({ text: 'taxi 15 yesterday' })
        .expect(200);
      const yesterday = new Date(Date.now() - 86_400_000);
      expect(res.body.items).toEqual([
        expect.objectContaining({ type: 'expense', amount: '15.00', currency: 'USD', category: 'transport' }),
      ]);
      expect(res.body.items[0].date).toBe(localDate(yesterday, 'America/New_York'));
    });

    it('recognises several items and non-transaction intents', async () => {
      const two = await parse(alice, { text: 'зарплата 5 млн, такси 22000' }).expect(200);
      expect(two.body.items.map((i: { type: string; amount: string }) => [i.type, i.amount])).toEqual([
        ['income', '5000000.00'],
        ['expense', '22000.00'],
      ]);
      const balance = await parse(alice, { text: 'какой у меня баланс?' }).expect(200);
      expect(balance.body).toMatchObject({ items: [], intent: 'balance_query' });
    });

    it.each([
      [{}, 'This field is required.'],
      [{ text: '' }, 'This field may not be blank.'],
      [{ text: '   ' }, 'This field may not be blank.'],
      [{ text: 5 }, 'Not a valid string.'],
      [{ text: null }, 'This field may not be null.'],
    ])('requires text: %j → %s', async (body, message) => {
      const res = await parse(alice, body).expect(400);
      expect(res.body).toEqual({ text: [message] });
    });

    it('refuses text over 1000 characters', async () => {
      const res = await parse(alice, { text: 'a'.repeat(1001) }).expect(400);
      expect(res.body).toEqual({ text: ['Ensure this field has no more than 1000 characters.'] });
    });

    it('needs a token', async () => {
      await t.http.post('/api/transactions/parse/').send({ text: 'такси 20000' }).expect(401);
    });
  });
});
