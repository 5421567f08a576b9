/**
 * The household wallet over REST (docs/households.md, "Whose money"): `wallet` and `created_by` on transactions, the
 * `?wallet=` filter of the list, balance, analytics and export, who sees and who changes which record, and the IDOR
 * rows: someone in no household, a member of another household and a removed member see none of the household's
 * records and change nothing, checked on every request.
 */
import { accessTokenFor } from './helpers/auth';
import { startTestApp, TestApp } from './helpers/test-app';
import type { QueryRunner } from 'typeorm';
import { PrivacyService } from '../src/modules/privacy/privacy.service';
import { HouseholdWallet1764402000000 } from '../src/database/migrations/1764402000000-HouseholdWallet';
import { HouseholdChatNotices1764402100000 } from '../src/database/migrations/1764402100000-HouseholdChatNotices';

type Who = { token: string; userId: string };
const NOT_FOUND = { detail: 'Not found.' };
const NOT_YOURS = { detail: 'You can change only your own records.' };

describe('household wallet over REST (e2e)', () => {
  let t: TestApp;
  let alice: Who; // owner
  let bob: Who; // member
  let carol: Who; // in no household
  let dave: Who; // owner of another household
  const auth = (who: Who) => ({ Authorization: `Bearer ${who.token}` });
  const record = (who: Who, body: object) =>
    t.http
      .post('/api/transactions/')
      .set(auth(who))
      .send({ type: 'expense', currency: 'UZS', category: 'groceries', ...body });
  const list = async (who: Who, query = '') =>
    (await t.http.get(`/api/transactions/${query}`).set(auth(who)).expect(200)).body as {
      count: number;
      results: Array<{ id: string; amount: string; wallet: string; created_by: string }>;
    };
  const amounts = (page: { results: Array<{ amount: string }> }) => page.results.map((r) => r.amount).sort();

  let aliceShared: string;
  let bobShared: string;
  let bobOwn: string;
  let daveShared: string;

  beforeAll(async () => {
    t = await startTestApp({ TELEGRAM_BOT_TOKEN: undefined, BOT_MODE: 'none' });
    [alice, bob, carol, dave] = await Promise.all(
      [4201, 4202, 4203, 4204].map((id) => accessTokenFor(t, id)),
    );
    for (const [u, name] of [
      [alice, 'Alice'],
      [bob, 'Bob'],
      [dave, 'Dave'],
    ] as const)
      await t.db.query(`UPDATE users SET first_name = $2 WHERE id = $1`, [u.userId, name]);
    await t.http.post('/api/households/').set(auth(alice)).send({ name: 'Oila' }).expect(201);
    const invite = await t.http.post('/api/households/current/invites/').set(auth(alice)).expect(201);
    await t.http.post('/api/households/join/').set(auth(bob)).send({ token: invite.body.token }).expect(200);
    await t.http.post('/api/households/').set(auth(dave)).send({ name: 'Other' }).expect(201);
  });
  afterAll(() => t?.close());

  it('a record says its wallet and who made it; personal unless asked (the default is off)', async () => {
    const res = await record(bob, { amount: '10000.00' }).expect(201);
    expect(res.body).toMatchObject({ wallet: 'personal', created_by: bob.userId });
    bobOwn = res.body.id;
    const carols = await record(carol, { amount: '1.00' }).expect(201);
    expect(carols.body).toMatchObject({ wallet: 'personal', created_by: carol.userId });
  });

  it('records to the household when the body says so', async () => {
    const a = await record(alice, { amount: '200000.00', wallet: 'household' }).expect(201);
    expect(a.body).toMatchObject({ wallet: 'household', created_by: alice.userId });
    aliceShared = a.body.id;
    const b = await record(bob, { amount: '50000.00', wallet: 'household', category: 'transport' }).expect(
      201,
    );
    expect(b.body).toMatchObject({ wallet: 'household', created_by: bob.userId });
    bobShared = b.body.id;
    daveShared = (await record(dave, { amount: '7.00', wallet: 'household' }).expect(201)).body.id;
  });

  it('refuses the household wallet to someone in none, and an unknown wallet, DRF style; nothing is saved', async () => {
    const before = (await list(carol)).count;
    expect((await record(carol, { amount: '5.00', wallet: 'household' }).expect(400)).body).toEqual({
      wallet: ['You are not in a household.'],
    });
    expect((await record(carol, { amount: '5.00', wallet: 'family' }).expect(400)).body).toEqual({
      wallet: ['"family" is not a valid choice.'],
    });
    expect((await list(carol)).count).toBe(before);
  });

  it("lists: the household's records from every member; one's own by default; personal only on asking", async () => {
    expect(amounts(await list(alice, '?wallet=household'))).toEqual(['200000.00', '50000.00']);
    expect(amounts(await list(bob, '?wallet=household'))).toEqual(['200000.00', '50000.00']);
    expect(amounts(await list(bob))).toEqual(['10000.00', '50000.00']);
    expect(amounts(await list(bob, '?wallet=personal'))).toEqual(['10000.00']);
    expect(amounts(await list(alice, '?wallet=personal'))).toEqual([]);
    expect(amounts(await list(dave, '?wallet=household'))).toEqual(['7.00']);
    expect(await list(carol, '?wallet=household')).toMatchObject({ count: 0, results: [] });
    expect(
      (await t.http.get('/api/transactions/?wallet=everyone').set(auth(alice)).expect(400)).body,
    ).toEqual({ wallet: ['Select a valid choice. everyone is not one of the available choices.'] });
  });

  it("a member sees the household's records by id; a personal record of another member never", async () => {
    const seen = await t.http.get(`/api/transactions/${bobShared}/`).set(auth(alice)).expect(200);
    expect(seen.body).toMatchObject({ id: bobShared, created_by: bob.userId, wallet: 'household' });
    for (const who of [carol, dave])
      expect((await t.http.get(`/api/transactions/${bobShared}/`).set(auth(who)).expect(404)).body).toEqual(
        NOT_FOUND,
      );
    expect((await t.http.get(`/api/transactions/${bobOwn}/`).set(auth(alice)).expect(404)).body).toEqual(
      NOT_FOUND,
    );
    expect((await t.http.get(`/api/transactions/${daveShared}/`).set(auth(alice)).expect(404)).body).toEqual(
      NOT_FOUND,
    );
  });

  it("changes: only one's own; another member's → 403, an outsider's → 404, and nothing changes", async () => {
    for (const method of ['patch', 'put'] as const) {
      const res = await t.http[method](`/api/transactions/${bobShared}/`)
        .set(auth(alice))
        .send({ type: 'expense', amount: '1.00' })
        .expect(403);
      expect(res.body).toEqual(NOT_YOURS);
    }
    await t.http
      .patch(`/api/transactions/${bobShared}/`)
      .set(auth(dave))
      .send({ amount: '1.00' })
      .expect(404);
    await t.http.patch(`/api/transactions/${bobOwn}/`).set(auth(alice)).send({ amount: '1.00' }).expect(404);
    expect((await t.http.get(`/api/transactions/${bobShared}/`).set(auth(bob)).expect(200)).body.amount).toBe(
      '50000.00',
    );
    const own = await t.http
      .patch(`/api/transactions/${bobShared}/`)
      .set(auth(bob))
      .send({ amount: '60000.00' });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ amount: '60000.00', wallet: 'household', created_by: bob.userId });
  });

  it('moves a record between wallets: out of the household and back', async () => {
    const out = await t.http
      .patch(`/api/transactions/${bobShared}/`)
      .set(auth(bob))
      .send({ wallet: 'personal' });
    expect(out.body).toMatchObject({ wallet: 'personal' });
    expect(amounts(await list(alice, '?wallet=household'))).toEqual(['200000.00']);
    await t.http.get(`/api/transactions/${bobShared}/`).set(auth(alice)).expect(404);
    const back = await t.http
      .patch(`/api/transactions/${bobShared}/`)
      .set(auth(bob))
      .send({ wallet: 'household' });
    expect(back.body).toMatchObject({ wallet: 'household' });
    expect(amounts(await list(alice, '?wallet=household'))).toEqual(['200000.00', '60000.00']);
    // Someone in no household cannot move a record into one.
    const carols = (await list(carol)).results[0].id;
    expect(
      (
        await t.http
          .patch(`/api/transactions/${carols}/`)
          .set(auth(carol))
          .send({ wallet: 'household' })
          .expect(400)
      ).body,
    ).toEqual({ wallet: ['You are not in a household.'] });
  });

  it("balance: the household's totals from every member; one's own unchanged without the filter", async () => {
    const household = await t.http
      .get('/api/transactions/balance/?wallet=household')
      .set(auth(bob))
      .expect(200);
    expect(household.body.totals).toEqual([
      { currency: 'UZS', income: '0.00', expense: '260000.00', balance: '-260000.00' },
    ]);
    const own = await t.http.get('/api/transactions/balance/').set(auth(bob)).expect(200);
    expect(own.body.totals).toEqual([
      { currency: 'UZS', income: '0.00', expense: '70000.00', balance: '-70000.00' },
    ]);
    const personal = await t.http
      .get('/api/transactions/balance/?wallet=personal')
      .set(auth(bob))
      .expect(200);
    expect(personal.body.totals[0].expense).toBe('10000.00');
    const none = await t.http.get('/api/transactions/balance/?wallet=household').set(auth(carol)).expect(200);
    expect(none.body.totals).toEqual([]);
  });

  it('analytics: the household summary has each member; the personal one has no member lines', async () => {
    const res = await t.http.get('/api/analytics/summary/?wallet=household').set(auth(alice)).expect(200);
    expect(res.body.totals).toEqual([
      expect.objectContaining({ currency: 'UZS', expense: '260000.00', count: 2 }),
    ]);
    expect(res.body.by_member).toEqual([
      {
        user_id: alice.userId,
        first_name: 'Alice',
        currency: 'UZS',
        income: '0.00',
        expense: '200000.00',
        count: 1,
      },
      {
        user_id: bob.userId,
        first_name: 'Bob',
        currency: 'UZS',
        income: '0.00',
        expense: '60000.00',
        count: 1,
      },
    ]);
    const own = await t.http.get('/api/analytics/summary/').set(auth(alice)).expect(200);
    expect(own.body).not.toHaveProperty('by_member');
    const carols = await t.http.get('/api/analytics/summary/?wallet=household').set(auth(carol)).expect(200);
    expect(carols.body).toMatchObject({ totals: [], by_category: [], by_member: [] });
  });

  it("export: the household's rows from every member", async () => {
    const res = await t.http.get('/api/transactions/export/?wallet=household').set(auth(bob)).expect(200);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[2])
        .sort(),
    ).toEqual(['200000.00', '60000.00']);
  });

  it("deletes: a member only their own; the owner any of the household's", async () => {
    expect(
      (await t.http.delete(`/api/transactions/${aliceShared}/`).set(auth(bob)).expect(403)).body,
    ).toEqual(NOT_YOURS);
    await t.http.delete(`/api/transactions/${aliceShared}/`).set(auth(dave)).expect(404);
    await t.http.delete(`/api/transactions/${bobOwn}/`).set(auth(alice)).expect(404);
    await t.http.get(`/api/transactions/${aliceShared}/`).set(auth(alice)).expect(200);
    const extra = (await record(bob, { amount: '3000.00', wallet: 'household' }).expect(201)).body.id;
    await t.http.delete(`/api/transactions/${extra}/`).set(auth(alice)).expect(204);
    await t.http.get(`/api/transactions/${extra}/`).set(auth(bob)).expect(404);
  });

  it('the default wallet: a member who turned it on records to the household unless the body says personal', async () => {
    await t.db.query(`UPDATE household_members SET records_to_household = true WHERE user_id = $1`, [
      bob.userId,
    ]);
    const shared = await record(bob, { amount: '4000.00' }).expect(201);
    expect(shared.body.wallet).toBe('household');
    const own = await record(bob, { amount: '5000.00', wallet: 'personal' }).expect(201);
    expect(own.body.wallet).toBe('personal');
    await t.http.delete(`/api/transactions/${shared.body.id}/`).set(auth(bob)).expect(204);
    await t.http.delete(`/api/transactions/${own.body.id}/`).set(auth(bob)).expect(204);
    await t.db.query(`UPDATE household_members SET records_to_household = false WHERE user_id = $1`, [
      bob.userId,
    ]);
  });

  it("a removed member loses the household's records with their next request; theirs stay the family's", async () => {
    await t.http.delete(`/api/households/current/members/${bob.userId}/`).set(auth(alice)).expect(204);
    expect(await list(bob, '?wallet=household')).toMatchObject({ count: 0 });
    await t.http.get(`/api/transactions/${aliceShared}/`).set(auth(bob)).expect(404);
    await t.http
      .patch(`/api/transactions/${aliceShared}/`)
      .set(auth(bob))
      .send({ amount: '1.00' })
      .expect(404);
    await t.http.delete(`/api/transactions/${aliceShared}/`).set(auth(bob)).expect(404);
    expect(
      (await t.http.get('/api/transactions/balance/?wallet=household').set(auth(bob))).body.totals,
    ).toEqual([]);
    // Bob's own record stays in the household's history; he still sees it but can no longer change it.
    expect(amounts(await list(alice, '?wallet=household'))).toEqual(['200000.00', '60000.00']);
    await t.http.get(`/api/transactions/${bobShared}/`).set(auth(bob)).expect(200);
    expect(
      (await t.http.patch(`/api/transactions/${bobShared}/`).set(auth(bob)).send({ amount: '1.00' })).status,
    ).toBe(403);
  });

  it("a member's erasure takes their records out of the household's totals", async () => {
    const invite = await t.http.post('/api/households/current/invites/').set(auth(alice)).expect(201);
    await t.http
      .post('/api/households/join/')
      .set(auth(carol))
      .send({ token: invite.body.token })
      .expect(200);
    await record(carol, { amount: '1000.00', wallet: 'household' }).expect(201);
    const before = await t.http.get('/api/transactions/balance/?wallet=household').set(auth(alice));
    expect(before.body.totals[0].expense).toBe('261000.00');
    expect(await t.app.get(PrivacyService).eraseUser(carol.userId)).toBe(true);
    const after = await t.http.get('/api/transactions/balance/?wallet=household').set(auth(alice));
    expect(after.body.totals[0].expense).toBe('260000.00');
  });

  it("dissolving gives every record back to its maker's wallet: no money history is lost", async () => {
    await t.http.delete('/api/households/current/').set(auth(alice)).expect(204);
    const a = await t.http.get(`/api/transactions/${aliceShared}/`).set(auth(alice)).expect(200);
    expect(a.body).toMatchObject({ wallet: 'personal', created_by: alice.userId, amount: '200000.00' });
    const b = await t.http.get(`/api/transactions/${bobShared}/`).set(auth(bob)).expect(200);
    expect(b.body).toMatchObject({ wallet: 'personal', created_by: bob.userId });
    await t.http.get(`/api/transactions/${bobShared}/`).set(auth(alice)).expect(404);
    expect(await list(alice, '?wallet=household')).toMatchObject({ count: 0 });
  });

  it('the migrations: existing records stay personal; down removes everything the wallet added, up brings it back', async () => {
    const notices = new HouseholdChatNotices1764402100000();
    const wallet = new HouseholdWallet1764402000000();
    const runner: QueryRunner = t.db.createQueryRunner();
    const column = () =>
      runner.query(
        `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'transactions' AND column_name = 'household_id'`,
      );
    try {
      await runner.startTransaction();
      const rows = await runner.query(`SELECT count(*)::int AS n FROM transactions`);
      await notices.down(runner);
      await wallet.down(runner);
      expect(await column()).toEqual([{ n: 0 }]);
      expect(await runner.query(`SELECT to_regclass('household_chats') AS c`)).toEqual([{ c: null }]);
      await wallet.up(runner);
      await notices.up(runner);
      expect(await column()).toEqual([{ n: 1 }]);
      // Every record there was is kept, and all are personal after a fresh up.
      expect(await runner.query(`SELECT count(*)::int AS n FROM transactions`)).toEqual(rows);
      expect(
        await runner.query(`SELECT count(*)::int AS n FROM transactions WHERE household_id IS NOT NULL`),
      ).toEqual([{ n: 0 }]);
      await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
  });
});
