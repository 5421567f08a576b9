/**
 * user_balances, kept by the statement triggers on transactions (migration 1764400800000), against the real database (the
 * local PostgreSQL, or the embedded engine when DATABASE_URL is unset): after every kind of write its sums and
 * counts equal SUM()/COUNT() over the rows themselves, exactly. /balance and the list's count read it.
 */
import { QueryRunner } from 'typeorm';
import { UserBalancesAndExchangeRates1764400800000 } from '../src/database/migrations/1764400800000-UserBalancesAndExchangeRates';
import { NewTransaction, TransactionsService } from '../src/modules/transactions/transactions.service';
import { accessTokenFor } from './helpers/auth';
import { startTestApp, TestApp } from './helpers/test-app';

interface Sums {
  currency: string;
  income: string;
  expense: string;
  n: string;
}

describe('user_balances trigger (e2e, real database)', () => {
  let t: TestApp;
  let service: TransactionsService;
  let alice: { token: string; userId: string };
  let bob: { token: string; userId: string };

  /** What the trigger keeps, per currency (rows with transactions left only). */
  const kept = async (userId: string): Promise<Sums[]> =>
    t.db.query(
      `SELECT currency, income::text AS income, expense::text AS expense, tx_count::text AS n
         FROM user_balances WHERE user_id = $1 AND tx_count > 0 ORDER BY currency`,
      [userId],
    );
  /** The truth: the rows themselves. */
  const truth = async (userId: string): Promise<Sums[]> =>
    t.db.query(
      `SELECT currency,
              COALESCE(SUM(amount) FILTER (WHERE type = 'income'), 0)::numeric(24,2)::text AS income,
              COALESCE(SUM(amount) FILTER (WHERE type = 'expense'), 0)::numeric(24,2)::text AS expense,
              COUNT(*)::text AS n
         FROM transactions WHERE user_id = $1 GROUP BY currency ORDER BY currency`,
      [userId],
    );
  const expectConsistent = async () => {
    for (const u of [alice, bob]) expect(await kept(u.userId)).toEqual(await truth(u.userId));
  };
  const insert = async (userId: string, type: string, amount: string, currency: string): Promise<string> =>
    (
      await t.db.query(
        `INSERT INTO transactions (user_id, type, amount, currency) VALUES ($1, $2, $3, $4) RETURNING id`,
        [userId, type, amount, currency],
      )
    )[0].id;
  const item = (over: Partial<NewTransaction> = {}): NewTransaction => ({
    type: 'expense',
    amountMinor: 1n,
    currency: 'UZS',
    category: 'other',
    description: '',
    occurredAt: new Date('2026-11-29T07:00:00Z'),
    ...over,
  });
  const auth = (u: { token: string }) => ({ Authorization: `Bearer ${u.token}` });

  beforeAll(async () => {
    t = await startTestApp({ TELEGRAM_BOT_TOKEN: undefined, BOT_MODE: 'none' });
    service = t.app.get(TransactionsService);
    alice = await accessTokenFor(t, 5101);
    bob = await accessTokenFor(t, 5102);
  });
  afterAll(() => t?.close());

  it('sums inserts exactly, to the cent, per user and currency', async () => {
    await insert(alice.userId, 'income', '0.01', 'UZS');
    await insert(alice.userId, 'income', '9999999999999.99', 'UZS');
    await insert(alice.userId, 'expense', '0.10', 'UZS');
    await insert(alice.userId, 'expense', '25.55', 'USD');
    await insert(bob.userId, 'income', '7.00', 'EUR');
    expect(await kept(alice.userId)).toEqual([
      { currency: 'USD', income: '0.00', expense: '25.55', n: '1' },
      { currency: 'UZS', income: '10000000000000.00', expense: '0.10', n: '3' },
    ]);
    expect(await kept(bob.userId)).toEqual([{ currency: 'EUR', income: '7.00', expense: '0.00', n: '1' }]);
    await expectConsistent();
  });

  it('follows updates of amount, type, currency and owner, and ignores updates of anything else', async () => {
    const id = await insert(alice.userId, 'expense', '100.00', 'RUB');
    await t.db.query(`UPDATE transactions SET amount = 250.75 WHERE id = $1`, [id]);
    expect((await kept(alice.userId)).find((r) => r.currency === 'RUB')).toEqual({
      currency: 'RUB',
      income: '0.00',
      expense: '250.75',
      n: '1',
    });
    await t.db.query(`UPDATE transactions SET type = 'income' WHERE id = $1`, [id]);
    expect((await kept(alice.userId)).find((r) => r.currency === 'RUB')).toEqual({
      currency: 'RUB',
      income: '250.75',
      expense: '0.00',
      n: '1',
    });
    await t.db.query(`UPDATE transactions SET currency = 'EUR', amount = 3.00 WHERE id = $1`, [id]);
    expect((await kept(alice.userId)).map((r) => r.currency)).toEqual(['EUR', 'USD', 'UZS']);
    await t.db.query(
      `UPDATE transactions SET description = 'x', category = 'gifts', occurred_at = now() WHERE id = $1`,
      [id],
    );
    await t.db.query(`UPDATE transactions SET user_id = $2 WHERE id = $1`, [id, bob.userId]);
    expect((await kept(alice.userId)).map((r) => r.currency)).toEqual(['USD', 'UZS']);
    expect(await kept(bob.userId)).toEqual([{ currency: 'EUR', income: '10.00', expense: '0.00', n: '2' }]);
    await expectConsistent();
  });

  it('stays exact through the service: recordMany, PATCH, PUT, DELETE, undo last, undo an update', async () => {
    const rows = await service.recordMany(
      alice.userId,
      [
        item({ amountMinor: 12_345n }),
        item({ type: 'income', amountMinor: 99_999n, currency: 'USD', category: 'salary' }),
      ],
      {
        kind: 'text',
        updateId: 777_001n,
      },
    );
    await service.recordMany(alice.userId, [item({ amountMinor: 12_345n })], {
      kind: 'text',
      updateId: 777_001n,
    }); // redelivery: no effect
    await expectConsistent();
    await t.http
      .patch(`/api/transactions/${rows[0].id}/`)
      .set(auth(alice))
      .send({ amount: '0.01', currency: 'EUR' })
      .expect(200);
    await t.http
      .put(`/api/transactions/${rows[1].id}/`)
      .set(auth(alice))
      .send({ type: 'expense', amount: '5.00', currency: 'RUB', category: 'other' })
      .expect(200);
    await expectConsistent();
    const extra = await t.http
      .post('/api/transactions/')
      .set(auth(alice))
      .send({ type: 'income', amount: '1.23', currency: 'USD' })
      .expect(201);
    await t.http.delete(`/api/transactions/${extra.body.id}/`).set(auth(alice)).expect(204);
    await expectConsistent();
    await service.recordMany(alice.userId, [item({ amountMinor: 500n, currency: 'USD' })], { kind: 'text' });
    expect((await service.undoLast(alice.userId))?.amount).toBe(500n);
    expect(await service.undoUpdate(alice.userId, 777_001n)).toHaveLength(2);
    await expectConsistent();
  });

  it('multi-row statements: one INSERT for several users and currencies, a bulk UPDATE, a bulk DELETE', async () => {
    await t.db.query(
      `INSERT INTO transactions (user_id, type, amount, currency)
       SELECT CASE WHEN g % 2 = 0 THEN $1::uuid ELSE $2::uuid END,
              CASE WHEN g % 3 = 0 THEN 'income' ELSE 'expense' END,
              (g * 1.37)::numeric(15,2),
              (ARRAY['UZS', 'USD', 'RUB', 'EUR'])[g % 4 + 1]
         FROM generate_series(1, 2000) g`,
      [alice.userId, bob.userId],
    );
    await expectConsistent();
    await t.db.query(
      `UPDATE transactions SET amount = amount + 0.01, type = CASE WHEN type = 'income' THEN 'expense' ELSE 'income' END WHERE amount BETWEEN 1000 AND 2000`,
    );
    await t.db.query(`UPDATE transactions SET currency = 'USD' WHERE currency = 'RUB' AND user_id = $1`, [
      bob.userId,
    ]);
    await expectConsistent();
    await t.db.query(`DELETE FROM transactions WHERE amount < 500 AND currency <> 'UZS'`);
    await expectConsistent();
  });

  it('concurrent writers of the same user and a new currency all count', async () => {
    const dave = await accessTokenFor(t, 5104);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        insert(dave.userId, i % 2 ? 'income' : 'expense', `${i + 1}.00`, 'EUR'),
      ),
    );
    expect(await kept(dave.userId)).toEqual([
      { currency: 'EUR', income: '42.00', expense: '36.00', n: '12' },
    ]);
    expect(await kept(dave.userId)).toEqual(await truth(dave.userId));
  });

  it('a random mix of writes keeps the sums exact', async () => {
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const currencies = ['UZS', 'USD', 'RUB', 'EUR'];
    const ids: string[] = [];
    for (let i = 0; i < 150; i++) {
      const op = rand(10);
      const amount = `${rand(10_000_000)}.${String(rand(100)).padStart(2, '0')}`.replace(/^0\.00$/, '0.01');
      const user = rand(3) ? alice : bob;
      if (op < 5 || !ids.length)
        ids.push(await insert(user.userId, rand(2) ? 'income' : 'expense', amount, currencies[rand(4)]));
      else if (op < 8)
        await t.db.query(`UPDATE transactions SET amount = $2, type = $3, currency = $4 WHERE id = $1`, [
          ids[rand(ids.length)],
          amount,
          rand(2) ? 'income' : 'expense',
          currencies[rand(4)],
        ]);
      else await t.db.query(`DELETE FROM transactions WHERE id = $1`, [ids.splice(rand(ids.length), 1)[0]]);
    }
    await expectConsistent();
  });

  it('GET /api/transactions/balance/ and the list count read it; other users never count', async () => {
    const balance = await t.http.get('/api/transactions/balance/').set(auth(alice)).expect(200);
    const mine = await truth(alice.userId);
    expect(balance.body.totals).toEqual(
      mine.map((r) => ({
        currency: r.currency,
        income: r.income,
        expense: r.expense,
        balance: expect.stringMatching(/^-?\d+\.\d\d$/) as unknown,
      })),
    );
    const total = mine.reduce((n, r) => n + Number(r.n), 0);
    const list = await t.http.get('/api/transactions/?page_size=5').set(auth(alice)).expect(200);
    expect(list.body.count).toBe(total);
    expect(list.body.results).toHaveLength(Math.min(5, total));
    const usd = await t.http.get('/api/transactions/?currency=USD').set(auth(alice)).expect(200);
    expect(usd.body.count).toBe(Number(mine.find((r) => r.currency === 'USD')?.n ?? 0));
    const incomes = await t.http.get('/api/transactions/?type=income').set(auth(alice)).expect(200);
    expect(incomes.body.count).toBe(
      Number(
        (
          await t.db.query(
            `SELECT count(*)::text AS n FROM transactions WHERE user_id = $1 AND type = 'income'`,
            [alice.userId],
          )
        )[0].n,
      ),
    );
  });

  it('the migration backfills existing rows, and its down removes everything it added', async () => {
    const before = [await kept(alice.userId), await kept(bob.userId)];
    const migration = new UserBalancesAndExchangeRates1764400800000();
    const runner: QueryRunner = t.db.createQueryRunner();
    try {
      await runner.startTransaction();
      await migration.down(runner);
      expect(
        await runner.query(`SELECT to_regclass('user_balances') AS t, to_regclass('exchange_rates') AS r`),
      ).toEqual([{ t: null, r: null }]);
      await migration.up(runner);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
    expect([await kept(alice.userId), await kept(bob.userId)]).toEqual(before);
    await insert(alice.userId, 'expense', '1.00', 'UZS');
    await expectConsistent();
  });

  it('deleting a user removes their balances and leaves the others alone', async () => {
    const carol = await accessTokenFor(t, 5103);
    await insert(carol.userId, 'income', '5.00', 'UZS');
    const bobBefore = await kept(bob.userId);
    await t.db.query(`DELETE FROM users WHERE id = $1`, [carol.userId]);
    expect(await t.db.query(`SELECT * FROM user_balances WHERE user_id = $1`, [carol.userId])).toEqual([]);
    expect(await kept(bob.userId)).toEqual(bobBefore);
  });
});
